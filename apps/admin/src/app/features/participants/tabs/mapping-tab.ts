import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  type OnInit,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, type FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  NEED_KINDS,
  type NeedKind,
  type NeedResponse,
  stockholmToday,
  type TalkResponse,
} from '@stegvis/contracts';
import { firstValueFrom } from 'rxjs';
import { I18n } from '../../../core/i18n/i18n';
import { LabelPipe } from '../../../core/i18n/labels';
import { StockholmTimePipe } from '../../../core/time/stockholm-time';
import { FieldErrorPipe } from '../../../shared/form/field-error';
import { formSubmit } from '../../../shared/form/form-submit';
import { ListState } from '../../../shared/list/list-state';
import { loadErrorText } from '../../../shared/load-error';
import { ParticipantsApi } from '../participants-api';
import { isoDateValidator } from '../work/iso-date';
import { WorkApi } from '../work/work-api';

const HEALTH_KINDS: readonly NeedKind[] = ['health_physical', 'health_mental'];

/**
 * Needs and individual talks. Health data: the page renders this tab only when it is opened, so reading it is a
 * deliberate (and audited) act. The api answers 404 to everyone outside those who see her (docs/security.md);
 * then the tab says so and shows no form, since any write would be refused the same way.
 */
@Component({
  selector: 'sv-mapping-tab',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    LabelPipe,
    StockholmTimePipe,
    FieldErrorPipe,
    ListState,
  ],
  template: `
    @if (denied()) {
      <p class="info-banner" role="note" data-testid="mapping-no-access">{{ i18n.t('pw.noAccess') }}</p>
    } @else if (loadError()) {
      <p class="error-banner" role="alert">{{ loadError() }}</p>
    } @else {
      <p class="info-banner" role="note">{{ i18n.t('p.healthNote') }}</p>
      <h2>{{ i18n.t('p.needs') }}</h2>
      <sv-list-state
        [loading]="needs() === null"
        [count]="needs()?.length ?? 0"
        [emptyText]="i18n.t('p.noNeeds')"
      >
        <table class="data" data-testid="needs-table">
          <thead>
            <tr>
              <th scope="col">{{ i18n.t('pw.needKind') }}</th>
              <th scope="col">{{ i18n.t('pw.needNote') }}</th>
              <th scope="col">{{ i18n.t('pw.careContact') }}</th>
              <th scope="col">{{ i18n.t('pw.recorded') }}</th>
            </tr>
          </thead>
          <tbody>
            @for (n of needs() ?? []; track n.id) {
              <tr data-testid="need-row">
                <td>{{ n.kind | label: 'needKind' }}</td>
                <td>{{ n.note }}</td>
                <td>{{ n.careContact }}</td>
                <td>{{ n.recordedAt | stockholmTime: 'date' }}</td>
              </tr>
            }
          </tbody>
        </table>
      </sv-list-state>
      <h3>{{ i18n.t('pw.newNeed') }}</h3>
      @if (needSubmit.banner()) {
        <p class="error-banner" role="alert" data-testid="need-error">{{ needSubmit.banner() }}</p>
      }
      <form
        [formGroup]="needForm"
        #needDir="ngForm"
        (ngSubmit)="saveNeed(needDir)"
        class="form-grid"
        novalidate
        data-testid="need-form"
      >
        <mat-form-field appearance="outline">
          <mat-label>{{ i18n.t('pw.needKind') }}</mat-label>
          <mat-select formControlName="kind" data-testid="need-kind">
            @for (k of kinds; track k) {
              <mat-option [value]="k">{{ k | label: 'needKind' }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ needForm.controls.kind | fieldError }}</mat-error>
        </mat-form-field>
        @if (isHealth()) {
          <mat-form-field appearance="outline">
            <mat-label>{{ i18n.t('pw.careContact') }}</mat-label>
            <input matInput formControlName="careContact" maxlength="300" data-testid="need-care" />
            <mat-hint>{{ i18n.t('pw.careContactHint') }}</mat-hint>
            <mat-error>{{ needForm.controls.careContact | fieldError }}</mat-error>
          </mat-form-field>
        }
        <mat-form-field appearance="outline" class="full">
          <mat-label>{{ i18n.t('pw.needNote') }}</mat-label>
          <textarea
            matInput
            rows="2"
            formControlName="note"
            maxlength="2000"
            data-testid="need-note"
          ></textarea>
          <mat-error>{{ needForm.controls.note | fieldError }}</mat-error>
        </mat-form-field>
        <div class="full">
          <button mat-flat-button type="submit" [disabled]="needSubmit.saving()" data-testid="need-save">
            {{ i18n.t('pw.saveNeed') }}
          </button>
        </div>
      </form>

      <h2>{{ i18n.t('p.talks') }}</h2>
      <sv-list-state
        [loading]="talks() === null"
        [count]="talks()?.length ?? 0"
        [emptyText]="i18n.t('p.noTalks')"
      >
        <ul class="talks" data-testid="talks-list">
          @for (t of talks() ?? []; track t.id) {
            <li data-testid="talk-row">
              <strong>{{ t.date }}</strong>: <span class="notes">{{ t.notes }}</span>
            </li>
          }
        </ul>
      </sv-list-state>
      <h3>{{ i18n.t('pw.newTalk') }}</h3>
      @if (talkSubmit.banner()) {
        <p class="error-banner" role="alert" data-testid="talk-error">{{ talkSubmit.banner() }}</p>
      }
      <form
        [formGroup]="talkForm"
        #talkDir="ngForm"
        (ngSubmit)="saveTalk(talkDir)"
        class="form-grid"
        novalidate
        data-testid="talk-form"
      >
        <mat-form-field appearance="outline">
          <mat-label>{{ i18n.t('pw.date') }}</mat-label>
          <input matInput formControlName="date" data-testid="talk-date" />
          <mat-error data-testid="talk-date-error">{{ talkForm.controls.date | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline" class="full">
          <mat-label>{{ i18n.t('pw.talkNotes') }}</mat-label>
          <textarea
            matInput
            rows="3"
            formControlName="notes"
            maxlength="10000"
            data-testid="talk-notes"
          ></textarea>
          <mat-error>{{ talkForm.controls.notes | fieldError }}</mat-error>
        </mat-form-field>
        <div class="full">
          <button mat-flat-button type="submit" [disabled]="talkSubmit.saving()" data-testid="talk-save">
            {{ i18n.t('pw.saveTalk') }}
          </button>
        </div>
      </form>
    }
  `,
  styleUrl: './tab.scss',
  styles: `
    h2 {
      font-size: 1.15rem;
      font-weight: 500;
      margin: 20px 0 8px;
    }
    h3 {
      font-size: 1rem;
      font-weight: 500;
      margin: 16px 0 8px;
    }
    form {
      background: white;
      padding: 16px;
      border-radius: 8px;
    }
    .talks {
      background: white;
      border-radius: 8px;
      margin: 0;
      padding: 12px 16px 12px 32px;
    }
    .talks li + li {
      margin-top: 8px;
    }
    .notes {
      white-space: pre-line;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MappingTab implements OnInit {
  readonly participantId = input.required<string>();
  protected readonly i18n = inject(I18n);
  private readonly api = inject(ParticipantsApi);
  private readonly work = inject(WorkApi);
  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly kinds = NEED_KINDS;
  protected readonly needs = signal<NeedResponse[] | null>(null);
  protected readonly talks = signal<TalkResponse[] | null>(null);
  protected readonly denied = signal(false);
  protected readonly loadError = signal('');
  protected readonly needSubmit = formSubmit();
  protected readonly talkSubmit = formSubmit();
  protected readonly needForm = this.fb.group({
    kind: this.fb.control<NeedKind | ''>('', Validators.required),
    note: ['', Validators.maxLength(2000)],
    careContact: ['', Validators.maxLength(300)],
  });
  protected readonly talkForm = this.fb.group({
    date: [stockholmToday(), [Validators.required, isoDateValidator]],
    notes: ['', [Validators.required, Validators.maxLength(10000)]],
  });
  private readonly kind = toSignal(this.needForm.controls.kind.valueChanges, { initialValue: '' as const });
  /** A care contact belongs only to a health need. */
  protected readonly isHealth = computed(() => HEALTH_KINDS.includes(this.kind() as NeedKind));

  async ngOnInit(): Promise<void> {
    try {
      const [needs, talks] = await Promise.all([
        firstValueFrom(this.api.needs(this.participantId())),
        firstValueFrom(this.api.talks(this.participantId())),
      ]);
      this.needs.set(needs);
      this.talks.set(talks);
    } catch (err) {
      if (err instanceof HttpErrorResponse && err.status === 404) this.denied.set(true);
      else this.loadError.set(loadErrorText(err, this.i18n));
    }
  }

  protected async saveNeed(dir: FormGroupDirective): Promise<void> {
    const v = this.needForm.getRawValue();
    const r = await this.needSubmit.run(
      this.needForm,
      () =>
        this.work.addNeed(this.participantId(), {
          kind: v.kind as NeedKind,
          note: v.note.trim(),
          careContact: this.isHealth() ? v.careContact.trim() : '',
        }),
      { done: this.i18n.t('pw.needSaved') },
    );
    if (!r.ok) return;
    this.needs.update((list) => [...(list ?? []), r.value]);
    // resetForm, not reset: the submitted state would otherwise mark the emptied fields as errors.
    dir.resetForm();
  }

  protected async saveTalk(dir: FormGroupDirective): Promise<void> {
    const v = this.talkForm.getRawValue();
    const r = await this.talkSubmit.run(
      this.talkForm,
      () => this.work.addTalk(this.participantId(), { date: v.date, notes: v.notes.trim() }),
      { done: this.i18n.t('pw.talkSaved') },
    );
    if (!r.ok) return;
    this.talks.update((list) => [...(list ?? []), r.value].sort((a, b) => a.date.localeCompare(b.date)));
    dir.resetForm({ date: stockholmToday(), notes: '' });
  }
}
