import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  type OnInit,
  output,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import {
  type EnrolmentResponse,
  type GroupResponse,
  LEFT_REASONS,
  type LeftReason,
  MOVE_REASONS,
  type MoveReason,
  stockholmToday,
} from '@stegvis/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../../core/auth/auth-store';
import { asProblem } from '../../core/errors/problem-form';
import { I18n } from '../../core/i18n/i18n';
import { LabelPipe } from '../../core/i18n/labels';
import { GroupsApi } from '../groups/groups-api';
import { ProgrammesApi } from '../programmes/programmes-api';
import { OutcomeForm } from './outcome/outcome-form';
import { ParticipantsApi } from './participants-api';

type ActionKind = 'move' | 'complete' | 'leave';

interface GroupChoice {
  id: string;
  name: string;
}

/**
 * A participant's enrolments, with the actions on them: enrol in a group, move to another group from a date,
 * complete, or leave early with a reason. A refusal (already active in the programme, not found) shows its
 * problem text; the fields keep what was typed.
 */
@Component({
  selector: 'sv-enrolments-tab',
  imports: [FormsModule, MatButtonModule, LabelPipe, OutcomeForm],
  template: `
    <table class="data" data-testid="enrolments">
      <thead>
        <tr>
          <th scope="col">{{ i18n.t('en.group') }}</th>
          <th scope="col">{{ i18n.t('p.enrolmentStart') }}</th>
          <th scope="col">{{ i18n.t('p.enrolmentEnd') }}</th>
          <th scope="col">{{ i18n.t('p.enrolmentStatus') }}</th>
          <th scope="col">{{ i18n.t('p.documents') }}</th>
          @if (canWrite()) {
            <th scope="col">{{ i18n.t('en.actions') }}</th>
          }
        </tr>
      </thead>
      <tbody>
        @for (e of enrolments(); track e.id; let i = $index) {
          <tr [attr.data-testid]="'enrolment-' + i">
            <td>{{ groupName(e.groupId) }}</td>
            <td class="date">{{ e.startDate }}</td>
            <td class="date">{{ e.endDate ?? '–' }}</td>
            <td>
              {{ e.status | label: 'enrolmentStatus' }}
              @if (e.leftReason) {
                ({{ e.leftReason | label: 'leftReason' }})
              }
              @if (e.moveReason) {
                <div class="muted" [attr.data-testid]="'move-reason-' + i">
                  {{ i18n.t('en.movedHere') }}: {{ e.moveReason | label: 'moveReason' }}
                </div>
              }
            </td>
            <td>
              <a mat-button [href]="'/api/enrolments/' + e.id + '/certificate.pdf'" download>{{
                i18n.t('p.certificate')
              }}</a><a mat-button [href]="'/api/enrolments/' + e.id + '/action-plan.pdf'" download>{{
                i18n.t('p.actionPlan')
              }}</a>
            </td>
            @if (canWrite()) {
              <td class="actions">
                @if (e.status === 'active') {
                  <button mat-button type="button" (click)="open(e, 'move')" [attr.data-testid]="'move-' + i">
                    {{ i18n.t('en.moveButton') }}
                  </button>
                  <button
                    mat-button
                    type="button"
                    (click)="open(e, 'complete')"
                    [attr.data-testid]="'complete-' + i"
                  >
                    {{ i18n.t('en.completeButton') }}
                  </button>
                  <button
                    mat-button
                    type="button"
                    (click)="open(e, 'leave')"
                    [attr.data-testid]="'leave-' + i"
                  >
                    {{ i18n.t('en.leaveButton') }}
                  </button>
                }
              </td>
            }
          </tr>
        } @empty {
          <tr>
            <td [attr.colspan]="canWrite() ? 6 : 5" class="muted">–</td>
          </tr>
        }
      </tbody>
    </table>

    @if (canWrite()) {
      @if (action(); as a) {
        <form class="panel" (ngSubmit)="submit()" data-testid="enrolment-action">
          <h2>
            {{ title(a.kind) }} <span class="muted">{{ forGroup(a.enrolment.groupId) }}</span>
          </h2>
          @if (a.kind === 'move') {
            <label
              >{{ i18n.t('en.chooseGroup') }}
              <select name="toGroup" [(ngModel)]="toGroupId" data-testid="move-group">
                <option value="">–</option>
                @for (g of groups(); track g.id) {
                  @if (g.id !== a.enrolment.groupId) {
                    <option [value]="g.id">{{ g.name }}</option>
                  }
                }
              </select>
            </label>
            <label
              >{{ i18n.t('en.moveDate') }}
              <input name="moveDate" [(ngModel)]="date" data-testid="move-date" />
            </label>
            <label
              >{{ i18n.t('en.moveReason') }}
              <select name="moveReason" [(ngModel)]="moveReason" data-testid="move-reason">
                <option value="">–</option>
                @for (r of moveReasons; track r) {
                  <option [value]="r">{{ r | label: 'moveReason' }}</option>
                }
              </select>
            </label>
          } @else {
            @if (a.kind === 'leave') {
              <label
                >{{ i18n.t('en.reason') }}
                <select name="reason" [(ngModel)]="reason" data-testid="leave-reason">
                  <option value="">–</option>
                  @for (r of reasons; track r) {
                    <option [value]="r">{{ r | label: 'leftReason' }}</option>
                  }
                </select>
              </label>
            }
            <label
              >{{ i18n.t('en.endDate') }}
              <input name="endDate" [(ngModel)]="date" data-testid="end-date" />
            </label>
          }
          <div class="buttons">
            <button mat-flat-button type="submit" data-testid="enrolment-action-save">
              {{ i18n.t('form.save') }}
            </button>
            <button mat-button type="button" (click)="action.set(null)">
              {{ i18n.t('form.cancel') }}
            </button>
          </div>
        </form>
      }

      @if (outcomeFor(); as done) {
        <!-- Completing leads straight to the outcome: the follow-ups are counted from its date. -->
        <section class="outcome-next" data-testid="complete-outcome">
          <p role="status">{{ i18n.t('oc.afterComplete') }}</p>
          <sv-outcome-form
            [enrolment]="done"
            [focusOnOpen]="true"
            [headingLevel]="2"
            (saved)="outcomeFor.set(null)"
            (cancelled)="outcomeFor.set(null)"
          />
        </section>
      }

      <form class="panel" (ngSubmit)="enrol()" data-testid="enrol-form">
        <h2>{{ i18n.t('en.enrol') }}</h2>
        <label
          >{{ i18n.t('en.chooseGroup') }}
          <select name="enrolGroup" [(ngModel)]="enrolGroupId" data-testid="enrol-group">
            <option value="">–</option>
            @for (g of groups(); track g.id) {
              <option [value]="g.id">{{ g.name }}</option>
            }
          </select>
        </label>
        <label
          >{{ i18n.t('en.startDate') }}
          <input name="enrolStart" [(ngModel)]="enrolStart" data-testid="enrol-start" />
        </label>
        <button mat-flat-button type="submit" data-testid="enrol-save">
          {{ i18n.t('en.enrolButton') }}
        </button>
      </form>
    }
    @if (error()) {
      <p class="error-banner" role="alert" data-testid="enrolment-error">{{ error() }}</p>
    }
    @if (message()) {
      <p role="status" data-testid="enrolment-status">{{ message() }}</p>
    }
  `,
  styles: `
    .panel {
      background: white;
      padding: 12px 16px;
      border-radius: 8px;
      margin-top: 16px;
      display: flex;
      flex-wrap: wrap;
      gap: 12px 16px;
      align-items: flex-end;
    }
    .panel h2 {
      flex-basis: 100%;
      font-size: 1.1rem;
      margin: 0;
    }
    label {
      display: flex;
      flex-direction: column;
      gap: 4px;
      color: #50555e;
    }
    select,
    input {
      font: inherit;
      padding: 6px;
      min-height: 36px;
    }
    .outcome-next {
      margin-top: 16px;
    }
    .outcome-next p {
      margin: 0 0 8px;
      font-weight: 600;
    }
    .actions,
    .date {
      white-space: nowrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EnrolmentsTab implements OnInit {
  readonly participantId = input.required<string>();
  readonly enrolments = input.required<EnrolmentResponse[]>();
  /** The participant's enrolments after a change, read again from the api. */
  readonly changed = output<EnrolmentResponse[]>();
  protected readonly i18n = inject(I18n);
  private readonly api = inject(ParticipantsApi);
  private readonly groupsApi = inject(GroupsApi);
  private readonly programmesApi = inject(ProgrammesApi);
  private readonly auth = inject(AuthStore);
  protected readonly canWrite = computed(() => this.auth.can('participant.write'));
  protected readonly reasons = LEFT_REASONS;
  protected readonly moveReasons = MOVE_REASONS;
  protected moveReason: MoveReason | '' = '';
  /** The groups of the programmes this user works in, named with their programme. */
  protected readonly groups = signal<GroupChoice[]>([]);
  protected readonly action = signal<{ enrolment: EnrolmentResponse; kind: ActionKind } | null>(null);
  /** The enrolment just completed, whose outcome form is open (features/participants/outcome). */
  protected readonly outcomeFor = signal<EnrolmentResponse | null>(null);
  protected readonly error = signal('');
  protected readonly message = signal('');
  protected enrolGroupId = '';
  protected enrolStart = stockholmToday();
  protected toGroupId = '';
  protected date = stockholmToday();
  protected reason: LeftReason | '' = '';

  async ngOnInit(): Promise<void> {
    const programmes = (await firstValueFrom(this.programmesApi.list())).items;
    const lists = await Promise.all(
      programmes.map(async (p) => ({
        programme: p.name,
        groups: await firstValueFrom(this.groupsApi.list(p.id)),
      })),
    );
    this.groups.set(
      lists.flatMap((l) =>
        l.groups.map((g: GroupResponse) => ({
          id: g.id,
          name: `${l.programme} · ${g.name} (${g.startDate} – ${g.endDate})`,
        })),
      ),
    );
  }

  protected groupName(id: string): string {
    return this.groups().find((g) => g.id === id)?.name ?? '–';
  }

  protected forGroup(id: string): string {
    return this.i18n.t('en.for').replace('{group}', this.groupName(id));
  }

  protected title(kind: ActionKind): string {
    return this.i18n.t(kind === 'move' ? 'en.move' : kind === 'complete' ? 'en.complete' : 'en.leave');
  }

  protected open(enrolment: EnrolmentResponse, kind: ActionKind): void {
    this.error.set('');
    this.message.set('');
    this.toGroupId = '';
    this.reason = '';
    this.moveReason = '';
    this.date = stockholmToday();
    this.outcomeFor.set(null);
    this.action.set({ enrolment, kind });
  }

  protected async enrol(): Promise<void> {
    if (!this.enrolGroupId) {
      this.error.set(`${this.i18n.t('en.chooseGroup')}: ${this.i18n.t('form.required')}`);
      return;
    }
    await this.run(
      this.api.enrol(this.participantId(), { groupId: this.enrolGroupId, startDate: this.enrolStart }),
    );
  }

  protected async submit(): Promise<void> {
    const a = this.action();
    if (!a) return;
    if (a.kind === 'move') {
      if (!this.toGroupId) {
        this.error.set(`${this.i18n.t('en.chooseGroup')}: ${this.i18n.t('form.required')}`);
        return;
      }
      if (!this.moveReason) {
        this.error.set(`${this.i18n.t('en.moveReason')}: ${this.i18n.t('form.required')}`);
        return;
      }
      await this.run(
        this.api.moveEnrolment(a.enrolment.id, {
          toGroupId: this.toGroupId,
          date: this.date,
          reason: this.moveReason,
        }),
      );
    } else if (a.kind === 'complete') {
      const done = await this.run(
        this.api.updateEnrolment(a.enrolment.id, { status: 'completed', endDate: this.date }),
      );
      if (done) this.outcomeFor.set(done);
    } else {
      if (!this.reason) {
        this.error.set(`${this.i18n.t('en.reason')}: ${this.i18n.t('form.required')}`);
        return;
      }
      await this.run(
        this.api.updateEnrolment(a.enrolment.id, {
          status: 'left_early',
          endDate: this.date,
          leftReason: this.reason,
        }),
      );
    }
  }

  /** One write; on success the list is read again, on a refusal the problem's text shows and the form stays. */
  private async run(write: ReturnType<ParticipantsApi['enrol']>): Promise<EnrolmentResponse | null> {
    this.error.set('');
    this.message.set('');
    let answer: EnrolmentResponse;
    try {
      answer = await firstValueFrom(write);
    } catch (err) {
      const problem = asProblem(err, this.i18n.lang());
      const fields = (problem?.errors ?? []).map((e) => e.message);
      this.error.set(fields.length ? fields.join('; ') : (problem?.detail ?? this.i18n.t('form.fixFields')));
      return null;
    }
    this.action.set(null);
    this.enrolGroupId = '';
    this.message.set(this.i18n.t('en.saved'));
    this.changed.emit(await firstValueFrom(this.api.enrolments(this.participantId())));
    return answer;
  }
}
