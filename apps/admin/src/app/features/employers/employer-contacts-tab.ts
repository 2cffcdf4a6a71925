import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  input,
  type OnInit,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  FormBuilder,
  FormGroupDirective,
  FormControl,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  CONTACT_OUTCOMES,
  type ContactLogResponse,
  type ContactOutcome,
  NO_REASONS,
  type NoReason,
  stockholmToday,
} from '@stegvis/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../../core/auth/auth-store';
import { I18n } from '../../core/i18n/i18n';
import { LabelPipe } from '../../core/i18n/labels';
import { FieldErrorPipe } from '../../shared/form/field-error';
import { formSubmit } from '../../shared/form/form-submit';
import { ListState } from '../../shared/list/list-state';
import { EmployersApi } from './employers-api';

/** The contact history with an employer (asked, yes, no with its reason, later) and a form to log the next one. */
@Component({
  selector: 'sv-employer-contacts-tab',
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
    LabelPipe,
    FieldErrorPipe,
    ListState,
  ],
  template: `
    @if (canWrite()) {
      <h2>{{ i18n.t('emp.contact.new') }}</h2>
      @if (submit.banner()) {
        <p class="error-banner" role="alert" data-testid="contact-banner">{{ submit.banner() }}</p>
      }
      <form
        [formGroup]="form"
        (ngSubmit)="save()"
        class="card form-grid"
        novalidate
        data-testid="contact-form"
      >
        <mat-form-field appearance="outline">
          <mat-label>{{ i18n.t('emp.contact.date') }}</mat-label>
          <input matInput formControlName="date" data-testid="contact-date" />
          <mat-error>{{ form.controls.date | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ i18n.t('emp.contact.outcome') }}</mat-label>
          <mat-select formControlName="outcome" data-testid="contact-outcome">
            @for (o of outcomes; track o) {
              <mat-option [value]="o">{{ o | label: 'contactOutcome' }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        @if (form.controls.outcome.value === 'no') {
          <mat-form-field appearance="outline">
            <mat-label>{{ i18n.t('emp.contact.reason') }}</mat-label>
            <mat-select formControlName="reason" data-testid="contact-reason">
              @for (r of reasons; track r) {
                <mat-option [value]="r">{{ r | label: 'noReason' }}</mat-option>
              }
            </mat-select>
            <mat-error data-testid="contact-reason-error">{{
              form.controls.reason | fieldError: { required: 'emp.contact.reasonNeeded' }
            }}</mat-error>
          </mat-form-field>
        }
        <mat-form-field appearance="outline" class="full">
          <mat-label>{{ i18n.t('emp.contact.note') }}</mat-label>
          <textarea matInput formControlName="note" rows="2" data-testid="contact-note"></textarea>
          <mat-error>{{ form.controls.note | fieldError }}</mat-error>
        </mat-form-field>
        <div class="full">
          <button mat-flat-button type="submit" [disabled]="submit.saving()" data-testid="contact-save">
            {{ i18n.t('emp.contact.save') }}
          </button>
        </div>
      </form>
    }
    <h2>{{ i18n.t('emp.tab.contacts') }}</h2>
    <sv-list-state
      [loading]="loading()"
      [error]="error()"
      [count]="log().length"
      [emptyText]="i18n.t('emp.contact.empty')"
      emptyIcon="forum"
      (retry)="reload()"
    >
      <table class="data" data-testid="contact-log">
        <thead>
          <tr>
            <th scope="col">{{ i18n.t('emp.contact.day') }}</th>
            <th scope="col">{{ i18n.t('emp.contact.outcome') }}</th>
            <th scope="col">{{ i18n.t('emp.contact.reason') }}</th>
            <th scope="col">{{ i18n.t('emp.contact.note') }}</th>
          </tr>
        </thead>
        <tbody>
          @for (c of log(); track c.id; let i = $index) {
            <tr [attr.data-testid]="'contact-' + i">
              <td>{{ c.date }}</td>
              <td>{{ c.outcome | label: 'contactOutcome' }}</td>
              <td>{{ c.reason | label: 'noReason' }}</td>
              <td>{{ c.note || '–' }}</td>
            </tr>
          }
        </tbody>
      </table>
    </sv-list-state>
  `,
  styles: `
    h2 {
      font-size: 1.1rem;
      font-weight: 500;
      margin: 8px 0;
    }
    .card {
      background: white;
      padding: 16px;
      border-radius: 8px;
      margin-bottom: 16px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmployerContactsTab implements OnInit {
  readonly employerId = input.required<string>();
  protected readonly i18n = inject(I18n);
  private readonly api = inject(EmployersApi);
  private readonly auth = inject(AuthStore);
  protected readonly canWrite = computed(() => this.auth.can('employer.manage'));
  protected readonly submit = formSubmit();
  private readonly formDirective = viewChild(FormGroupDirective);
  protected readonly outcomes = CONTACT_OUTCOMES;
  protected readonly reasons = NO_REASONS;
  protected readonly log = signal<ContactLogResponse[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal<unknown>(undefined);
  protected readonly form = inject(FormBuilder).nonNullable.group({
    date: [stockholmToday(), [Validators.required, Validators.pattern(/^\d{4}-\d{2}-\d{2}$/)]],
    outcome: ['asked' as ContactOutcome, Validators.required],
    reason: new FormControl<NoReason | null>(null),
    note: ['', Validators.maxLength(2000)],
  });

  constructor() {
    // A no needs its reason (the api refuses one without); any other answer has none.
    this.form.controls.outcome.valueChanges.pipe(takeUntilDestroyed(inject(DestroyRef))).subscribe((o) => {
      const reason = this.form.controls.reason;
      reason.setValidators(o === 'no' ? Validators.required : null);
      if (o !== 'no') reason.setValue(null);
      reason.updateValueAndValidity();
    });
  }

  ngOnInit(): void {
    void this.reload();
  }

  /** The form may hold typed work not yet saved. */
  dirty(): boolean {
    return this.form.dirty;
  }

  protected async reload(): Promise<void> {
    this.loading.set(true);
    this.error.set(undefined);
    try {
      this.log.set(await firstValueFrom(this.api.contacts(this.employerId())));
    } catch (err) {
      this.error.set(err);
    } finally {
      this.loading.set(false);
    }
  }

  protected async save(): Promise<void> {
    const v = this.form.getRawValue();
    const res = await this.submit.run(
      this.form,
      () =>
        this.api.logContact(this.employerId(), {
          date: v.date,
          outcome: v.outcome,
          ...(v.outcome === 'no' ? { reason: v.reason } : {}),
          ...(v.note.trim() ? { note: v.note.trim() } : {}),
        }),
      { done: this.i18n.t('emp.contact.saved') },
    );
    if (!res.ok) return;
    // resetForm, not form.reset: it also clears the submitted state, so the next contact starts without errors.
    this.formDirective()?.resetForm({ date: v.date, outcome: 'asked', reason: null, note: '' });
    await this.reload();
  }
}
