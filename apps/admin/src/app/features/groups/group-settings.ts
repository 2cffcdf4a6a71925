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
import { FormBuilder, FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  DELIVERY_MODES,
  type DeliveryMode,
  type GroupResponse,
  type MethodTemplateResponse,
} from '@stegvis/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../../core/auth/auth-store';
import { applyProblemToForm, asProblem } from '../../core/errors/problem-form';
import { I18n } from '../../core/i18n/i18n';
import { Labels } from '../../core/i18n/labels';
import { FieldErrorPipe } from '../../shared/form/field-error';
import { StaffingApi } from '../staffing/staffing-api';
import { TemplatesApi } from '../templates/templates-api';
import { GroupsApi } from './groups-api';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

interface StaffChoice {
  id: string;
  name: string;
}

/**
 * A group's facts (with the template version it keeps), the form that edits them (dates included: the api refuses
 * dates that leave sessions or enrolments outside, naming the date), and its staff. The staff control is shown only to those who may
 * change group staff (the programme's lead and the admin, `AuthStore.mayAssignGroupStaff`); everyone else sees
 * the names only. Every change is audited by the api.
 */
@Component({
  selector: 'sv-group-settings',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    FieldErrorPipe,
  ],
  template: `
    @let g = group();
    <section class="panel" aria-labelledby="gs-facts">
      <h2 id="gs-facts">{{ i18n.t('gs.facts') }}</h2>
      @if (!editing()) {
        <dl data-testid="group-facts">
          <dt>{{ i18n.t('gs.period') }}</dt>
          <dd data-testid="group-period">{{ g.startDate }} – {{ g.endDate }}</dd>
          <dt>{{ i18n.t('gset.template') }}</dt>
          <dd data-testid="group-template">
            {{ templateText() }}
            @if (template()?.supersededAt) {
              <span class="hint">{{ i18n.t('gset.templateNewer') }}</span>
            }
          </dd>
          <dt>{{ i18n.t('groups.capacity') }}</dt>
          <dd data-testid="group-capacity">{{ g.capacity }}</dd>
          <dt>{{ i18n.t('groups.overIntake') }}</dt>
          <dd>{{ g.overIntake }}</dd>
          <dt>{{ i18n.t('groups.enrolled') }}</dt>
          <dd>{{ g.enrolledCount }}</dd>
          <dt>{{ i18n.t('groups.deliveryMode') }}</dt>
          <dd>{{ modeLabel(g.deliveryMode) }}</dd>
          <dt>{{ i18n.t('groups.place') }}</dt>
          <dd>{{ g.place || '–' }}</dd>
        </dl>
        @if (savedMessage()) {
          <p role="status" data-testid="group-saved">{{ savedMessage() }}</p>
        }
        @if (canEdit()) {
          <button mat-stroked-button type="button" (click)="startEdit()" data-testid="group-edit">
            {{ i18n.t('gs.edit') }}
          </button>
        }
      } @else {
        @if (banner()) {
          <p class="error-banner" role="alert" data-testid="group-edit-error">{{ banner() }}</p>
        }
        <form [formGroup]="form" (ngSubmit)="save()" class="form-grid" novalidate>
          <mat-form-field appearance="outline"
            ><mat-label>{{ i18n.t('gset.start') }}</mat-label
            ><input matInput formControlName="startDate" data-testid="edit-start" />
            <mat-hint>{{ i18n.t('gf.dateHint') }}</mat-hint>
            <mat-error data-testid="edit-start-error">{{ form.controls.startDate | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline"
            ><mat-label>{{ i18n.t('gset.end') }}</mat-label
            ><input matInput formControlName="endDate" data-testid="edit-end" />
            <mat-hint>{{ i18n.t('gf.dateHint') }}</mat-hint>
            <mat-error data-testid="edit-end-error">{{ form.controls.endDate | fieldError }}</mat-error>
          </mat-form-field>
          <p class="hint full">{{ i18n.t('gset.datesHint') }}</p>
          <mat-form-field appearance="outline"
            ><mat-label>{{ i18n.t('groups.capacity') }}</mat-label
            ><input matInput type="number" formControlName="capacity" data-testid="edit-capacity" />
            @if (form.controls.capacity.getError('server'); as e) {
              <mat-error data-testid="edit-capacity-error">{{ e }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field appearance="outline"
            ><mat-label>{{ i18n.t('groups.overIntake') }}</mat-label
            ><input matInput type="number" formControlName="overIntake" data-testid="edit-over-intake" />
            @if (form.controls.overIntake.getError('server'); as e) {
              <mat-error>{{ e }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field appearance="outline"
            ><mat-label>{{ i18n.t('groups.deliveryMode') }}</mat-label>
            <mat-select formControlName="deliveryMode" data-testid="edit-mode">
              @for (d of modes; track d) {
                <mat-option [value]="d">{{ modeLabel(d) }}</mat-option>
              }
            </mat-select>
            @if (form.controls.deliveryMode.getError('server'); as e) {
              <mat-error>{{ e }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field appearance="outline"
            ><mat-label>{{ i18n.t('groups.place') }}</mat-label
            ><input matInput formControlName="place" data-testid="edit-place" />
            @if (form.controls.place.getError('server'); as e) {
              <mat-error>{{ e }}</mat-error>
            }
          </mat-form-field>
          <div class="full">
            <button mat-flat-button type="submit" data-testid="group-edit-save">
              {{ i18n.t('form.save') }}
            </button>
            <button mat-button type="button" (click)="editing.set(false)">
              {{ i18n.t('form.cancel') }}
            </button>
          </div>
        </form>
      }
    </section>
    <section class="panel" aria-labelledby="gs-staff">
      <h2 id="gs-staff">{{ i18n.t('gs.staff') }}</h2>
      <ul data-testid="group-staff">
        @for (s of currentStaff(); track s.id) {
          <li>
            {{ s.name }}
            @if (mayAssign()) {
              <button
                mat-button
                type="button"
                (click)="setStaff(without(s.id))"
                [attr.aria-label]="removeLabel(s.name)"
                [attr.data-testid]="'remove-staff-' + $index"
              >
                {{ i18n.t('form.remove') }}
              </button>
            }
          </li>
        } @empty {
          <li class="muted">{{ i18n.t('gs.noStaff') }}</li>
        }
      </ul>
      @if (mayAssign()) {
        <div class="add" data-testid="staff-control">
          @if (candidates().length) {
            <label for="gs-add">{{ i18n.t('gs.chooseStaff') }}</label>
            <select id="gs-add" #pick data-testid="staff-pick">
              <option value="">–</option>
              @for (c of candidates(); track c.id) {
                <option [value]="c.id">{{ c.name }}</option>
              }
            </select>
            <button
              mat-stroked-button
              type="button"
              (click)="pick.value && setStaff([...g.staffMemberIds, pick.value])"
              data-testid="staff-add"
            >
              {{ i18n.t('gs.addStaff') }}
            </button>
          } @else {
            <p class="muted" data-testid="no-candidates">{{ i18n.t('gs.noCandidates') }}</p>
          }
          <p class="hint">{{ i18n.t('gs.staffHint') }}</p>
        </div>
      }
      @if (staffMessage()) {
        <p role="status" data-testid="staff-status">{{ staffMessage() }}</p>
      }
    </section>
  `,
  styles: `
    :host {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(320px, 1fr));
      gap: 16px;
      margin-bottom: 16px;
    }
    .panel {
      background: white;
      padding: 12px 16px;
      border-radius: 8px;
    }
    h2 {
      font-size: 1.1rem;
      margin: 0 0 8px;
    }
    dl {
      display: grid;
      grid-template-columns: 160px 1fr;
      gap: 4px 12px;
      margin: 0 0 8px;
    }
    dt {
      color: #50555e;
    }
    dd {
      margin: 0;
    }
    ul {
      margin: 0 0 8px;
      padding-left: 20px;
    }
    .add select {
      font: inherit;
      padding: 6px;
      margin: 0 8px;
    }
    .hint {
      color: #50555e;
      font-size: 0.85rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GroupSettings implements OnInit {
  readonly group = input.required<GroupResponse>();
  readonly changed = output<GroupResponse>();
  protected readonly i18n = inject(I18n);
  private readonly labels = inject(Labels);
  private readonly api = inject(GroupsApi);
  private readonly staffingApi = inject(StaffingApi);
  private readonly auth = inject(AuthStore);
  protected readonly modes = DELIVERY_MODES;
  protected readonly canEdit = computed(() => this.auth.can('group.manage'));
  protected readonly mayAssign = computed(() => this.auth.mayAssignGroupStaff(this.group().programmeId));
  protected readonly editing = signal(false);
  protected readonly banner = signal('');
  protected readonly savedMessage = signal('');
  protected readonly staffMessage = signal('');
  /** Everyone the names can be looked up for: the programme's allocated staff, then the association's list. */
  private readonly names = signal<ReadonlyMap<string, string>>(new Map());
  /** The programme's staff on the group's first day who are not yet group staff. */
  private readonly programmeStaff = signal<StaffChoice[]>([]);
  protected readonly candidates = computed(() =>
    this.programmeStaff().filter((c) => !this.group().staffMemberIds.includes(c.id)),
  );
  protected readonly currentStaff = computed(() =>
    this.group().staffMemberIds.map((id) => ({ id, name: this.names().get(id) ?? '–' })),
  );
  private readonly templatesApi = inject(TemplatesApi);
  /** The template version the group was started from: it keeps that one when the template changes. */
  protected readonly template = signal<MethodTemplateResponse | null>(null);
  protected readonly templateText = computed(() => {
    const t = this.template();
    return t
      ? this.i18n.t('gset.templateVersion').replace('{name}', t.name).replace('{version}', String(t.version))
      : this.i18n.t('gset.noTemplate');
  });
  protected readonly form = inject(FormBuilder).nonNullable.group({
    startDate: ['', [Validators.required, Validators.pattern(ISO_DATE)]],
    endDate: ['', [Validators.required, Validators.pattern(ISO_DATE)]],
    capacity: [10, [Validators.required]],
    overIntake: [0, [Validators.required]],
    deliveryMode: new FormControl<DeliveryMode>('on_site', { nonNullable: true }),
    place: [''],
  });

  async ngOnInit(): Promise<void> {
    const g = this.group();
    if (g.templateId && this.auth.can('template.read'))
      this.templatesApi.get(g.programmeId, g.templateId).subscribe({
        next: (t) => this.template.set(t),
        // Without the template the facts say "none"; the group page works on.
        error: () => this.template.set(null),
      });
    if (!this.auth.can('staffing.read')) return;
    const [members, staffing] = await Promise.all([
      firstValueFrom(this.staffingApi.staffMembers()),
      firstValueFrom(this.staffingApi.programmeStaffing(g.programmeId, g.startDate)),
    ]);
    const names = new Map(members.map((m) => [m.id, m.name]));
    const choices = new Map<string, string>();
    for (const a of staffing.allocations) {
      choices.set(a.staffMemberId, a.staffName);
      names.set(a.staffMemberId, a.staffName);
    }
    this.names.set(names);
    this.programmeStaff.set(
      [...choices].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'sv')),
    );
  }

  protected modeLabel(d: string): string {
    return this.labels.stored('deliveryMode', d);
  }

  protected removeLabel(name: string): string {
    return this.i18n.t('gs.removeStaff').replace('{name}', name);
  }

  protected without(id: string): string[] {
    return this.group().staffMemberIds.filter((s) => s !== id);
  }

  protected startEdit(): void {
    const g = this.group();
    this.form.reset({
      startDate: g.startDate,
      endDate: g.endDate,
      capacity: g.capacity,
      overIntake: g.overIntake,
      deliveryMode: g.deliveryMode,
      place: g.place,
    });
    this.banner.set('');
    this.savedMessage.set('');
    this.editing.set(true);
  }

  /** A refused save keeps the form as typed and puts each field's Swedish error at its field. */
  protected async save(): Promise<void> {
    this.banner.set('');
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.banner.set(this.i18n.t('form.fixFields'));
      return;
    }
    const v = this.form.getRawValue();
    try {
      const g = await firstValueFrom(
        this.api.update(this.group().id, {
          version: this.group().version,
          // Dates only when changed: the api then checks them against the sessions and enrolments.
          ...(v.startDate !== this.group().startDate ? { startDate: v.startDate } : {}),
          ...(v.endDate !== this.group().endDate ? { endDate: v.endDate } : {}),
          capacity: Number(v.capacity),
          overIntake: Number(v.overIntake),
          deliveryMode: v.deliveryMode,
          place: v.place,
        }),
      );
      this.changed.emit(g);
      this.editing.set(false);
      this.savedMessage.set(this.i18n.t('gs.saved'));
    } catch (err) {
      const problem = asProblem(err, this.i18n.lang());
      const rest = applyProblemToForm(this.form, problem, this.i18n.lang());
      this.banner.set(
        rest.length
          ? rest.map((e) => e.message).join('; ')
          : problem?.errors?.length
            ? this.i18n.t('form.fixFields')
            : (problem?.detail ?? this.i18n.t('form.fixFields')),
      );
    }
  }

  protected async setStaff(staffMemberIds: string[]): Promise<void> {
    this.staffMessage.set('');
    try {
      const g = await firstValueFrom(
        this.api.update(this.group().id, { version: this.group().version, staffMemberIds }),
      );
      this.changed.emit(g);
      this.staffMessage.set(this.i18n.t('gs.staffSaved'));
    } catch (err) {
      this.staffMessage.set(asProblem(err, this.i18n.lang())?.detail ?? this.i18n.t('form.fixFields'));
    }
  }
}
