import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  type OnInit,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { DETAIL_CODES_OF_CATEGORY, type EnrolmentResponse, type OutcomeResponse } from '@stegvis/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../../../core/auth/auth-store';
import { asProblem } from '../../../core/errors/problem-form';
import { I18n } from '../../../core/i18n/i18n';
import { LabelPipe } from '../../../core/i18n/labels';
import { FollowUps } from '../outcome/follow-ups';
import { OutcomeApi } from '../outcome/outcome-api';
import { OutcomeForm } from '../outcome/outcome-form';

/**
 * The outcome of each enrolment and its follow-ups at 3, 6 and 12 months. An enrolment that has ended gets its
 * outcome here (or straight after completing it, on the enrolments tab); an uncoded one is marked "Okodad".
 */
@Component({
  selector: 'sv-outcome-tab',
  imports: [MatButtonModule, LabelPipe, OutcomeForm, FollowUps],
  template: `
    <p class="muted">{{ i18n.t('oc.intro') }}</p>
    @if (loading()) {
      <p role="status" data-testid="outcomes-loading">{{ i18n.t('oc.loading') }}</p>
    } @else if (loadError()) {
      <p class="error-banner" role="alert">{{ loadError() }}</p>
    } @else {
      @for (e of enrolments(); track e.id; let i = $index) {
        <section
          class="enrolment"
          [attr.data-testid]="'outcome-enrolment-' + i"
          [attr.aria-labelledby]="'oc-h-' + e.id"
        >
          <h2 [id]="'oc-h-' + e.id">
            {{ heading(e) }} <span class="status">· {{ e.status | label: 'enrolmentStatus' }}</span>
          </h2>
          @if (outcomeOf(e.id); as o) {
            <dl [attr.data-testid]="'outcome-' + i">
              <dt>{{ i18n.t('oc.label.result') }}</dt>
              <dd data-testid="outcome-category-shown">{{ o.category | label: 'outcomeCategory' }}</dd>
              <dt>{{ i18n.t('oc.label.detailCode') }}</dt>
              <dd data-testid="outcome-detail-code-shown">
                @if (o.detailCode) {
                  {{ o.detailCode | label: 'outcomeDetail' }}
                } @else if (hasCodes(o)) {
                  <span class="uncoded">{{ i18n.t('oc.uncoded') }}</span>
                } @else {
                  –
                }
              </dd>
              <dt>{{ i18n.t('oc.label.detail') }}</dt>
              <dd data-testid="outcome-detail-shown">{{ o.detail || '–' }}</dd>
              <dt>{{ i18n.t('oc.label.date') }}</dt>
              <dd data-testid="outcome-date-shown">{{ o.date }}</dd>
              <dt>{{ i18n.t('oc.label.support') }}</dt>
              <dd>
                {{ o.supportBefore | label: 'supportKind' }} → {{ o.supportAfter | label: 'supportKind' }}
              </dd>
            </dl>
            @if (!o.detailCode && hasCodes(o) && canWrite() && editing() !== e.id) {
              <p class="info" role="note" [attr.data-testid]="'outcome-uncoded-' + i">
                <strong>{{ i18n.t('oc.uncoded') }}.</strong> {{ i18n.t('oc.uncodedPrompt') }}
                <button
                  mat-stroked-button
                  type="button"
                  (click)="editing.set(e.id)"
                  [attr.data-testid]="'outcome-code-' + i"
                >
                  {{ i18n.t('oc.codeNow') }}
                </button>
              </p>
            }
          } @else if (e.status === 'active') {
            <p class="muted">{{ i18n.t('oc.active') }}</p>
          } @else {
            <p class="muted" [attr.data-testid]="'outcome-none-' + i">{{ i18n.t('oc.none') }}</p>
          }
          @if (canWrite() && editing() !== e.id && (outcomeOf(e.id) || e.status !== 'active')) {
            <button
              mat-stroked-button
              type="button"
              (click)="editing.set(e.id)"
              [attr.data-testid]="'outcome-open-' + i"
            >
              {{ i18n.t(outcomeOf(e.id) ? 'oc.edit' : 'oc.record') }}
            </button>
          }
          @if (editing() === e.id) {
            <sv-outcome-form
              [enrolment]="e"
              [current]="outcomeOf(e.id)"
              [focusOnOpen]="true"
              (saved)="saved($event)"
              (cancelled)="editing.set(null)"
            />
          }
          @if (outcomeOf(e.id); as o) {
            <sv-follow-ups [outcome]="o" [canWrite]="canWrite()" (saved)="saved($event)" />
          }
        </section>
      } @empty {
        <p class="muted" data-testid="outcomes-empty">{{ i18n.t('oc.noEnrolments') }}</p>
      }
    }
  `,
  styles: `
    .enrolment {
      background: white;
      padding: 12px 16px;
      border-radius: 8px;
      margin-bottom: 16px;
    }
    h2 {
      font-size: 1.1rem;
      margin: 0 0 8px;
    }
    .status {
      font-weight: normal;
      color: #50555e;
    }
    dl {
      display: grid;
      grid-template-columns: 200px 1fr;
      gap: 6px 16px;
      margin: 0 0 12px;
    }
    dt {
      color: #50555e;
    }
    dd {
      margin: 0;
    }
    .uncoded {
      font-weight: 600;
      color: #7a4b00;
    }
    .info {
      padding: 8px 12px;
      background: #fff4d6;
      border-radius: 4px;
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
    sv-outcome-form {
      display: block;
      margin-top: 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OutcomeTab implements OnInit {
  readonly participantId = input.required<string>();
  protected readonly i18n = inject(I18n);
  private readonly api = inject(OutcomeApi);
  private readonly auth = inject(AuthStore);
  protected readonly canWrite = computed(() => this.auth.can('outcome.write'));
  protected readonly loading = signal(true);
  protected readonly loadError = signal('');
  protected readonly enrolments = signal<EnrolmentResponse[]>([]);
  protected readonly outcomes = signal<OutcomeResponse[]>([]);
  private readonly groupNames = signal<Record<string, string>>({});
  /** The enrolment whose outcome form is open. */
  protected readonly editing = signal<string | null>(null);

  async ngOnInit(): Promise<void> {
    try {
      const [enrolments, outcomes] = await Promise.all([
        firstValueFrom(this.api.enrolments(this.participantId())),
        firstValueFrom(this.api.outcomes(this.participantId())),
      ]);
      this.enrolments.set(enrolments);
      this.outcomes.set(outcomes);
      const ids = [...new Set(enrolments.map((e) => e.groupId))];
      const groups = await Promise.all(ids.map((id) => firstValueFrom(this.api.group(id))));
      this.groupNames.set(Object.fromEntries(groups.map((g) => [g.id, g.name])));
    } catch (err) {
      this.loadError.set(asProblem(err, this.i18n.lang())?.detail ?? this.i18n.t('oc.loadFailed'));
    } finally {
      this.loading.set(false);
    }
  }

  protected outcomeOf(enrolmentId: string): OutcomeResponse | null {
    return this.outcomes().find((o) => o.enrolmentId === enrolmentId) ?? null;
  }

  protected hasCodes(o: OutcomeResponse): boolean {
    return DETAIL_CODES_OF_CATEGORY[o.category].length > 0;
  }

  protected heading(e: EnrolmentResponse): string {
    return this.i18n
      .t('oc.enrolmentHeading')
      .replace('{group}', this.groupNames()[e.groupId] ?? '–')
      .replace('{start}', e.startDate)
      .replace('{end}', e.endDate ?? '…');
  }

  protected saved(o: OutcomeResponse): void {
    this.outcomes.update((all) => [...all.filter((x) => x.enrolmentId !== o.enrolmentId), o]);
    this.editing.set(null);
  }
}
