import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { alignsRight, cellText, formatAmount } from '@stegvis/reports/view';
import { I18n } from '../../core/i18n/i18n';
import { stockholmToday } from '../../core/time/stockholm-time';
import { FieldErrorPipe } from '../../shared/form/field-error';
import { formSubmit } from '../../shared/form/form-submit';
import { type HasUnsavedChanges, warnBeforeUnload } from '../../shared/form/unsaved-changes';
import { ListState } from '../../shared/list/list-state';
import { BudgetApi, type EconomyTable } from './budget-api';

/** Whole kronor as people type them: "1030000", "1 030 000" (spaces or no-break spaces between the groups). */
const KRONOR = /^\s*\d{1,3}(?:[ \u00a0]?\d{3})*\s*$/;

function kronor(text: string): number {
  return Number(text.replace(/[\s\u00a0]/g, ''));
}

/**
 * A programme's budget per municipality and year: approved funds, invoiced costs per tertial and the forecast.
 * Saving replaces that municipality's year; the economy below is the report's own table, so what is typed here is
 * what the Rapporter page and every download show.
 */
@Component({
  selector: 'sv-budget-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    FieldErrorPipe,
    ListState,
  ],
  template: `
    <section class="page">
      <a mat-button routerLink="/insatser" class="back"
        ><mat-icon aria-hidden="true">arrow_back</mat-icon> {{ i18n.t('bud.back') }}</a
      >
      <header class="page-header">
        <h1>{{ i18n.t('bud.title') }}{{ programme.value() ? ' – ' + programme.value()!.name : '' }}</h1>
      </header>
      <p class="intro">{{ i18n.t('bud.intro') }}</p>

      <form
        [formGroup]="form"
        (ngSubmit)="save()"
        class="card"
        novalidate
        aria-labelledby="bud-enter-heading"
      >
        <h2 id="bud-enter-heading">{{ i18n.t('bud.enter') }}</h2>
        @if (submit.banner()) {
          <p class="error-banner" role="alert" data-testid="budget-banner">{{ submit.banner() }}</p>
        }
        <div class="row">
          <mat-form-field appearance="outline">
            <mat-label>{{ i18n.t('bud.municipality') }}</mat-label>
            <mat-select
              formControlName="municipalityId"
              required
              (selectionChange)="prefill()"
              data-testid="budget-municipality"
            >
              @for (m of programme.value()?.municipalities ?? []; track m.id) {
                <mat-option [value]="m.id">{{ m.name }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ form.controls.municipalityId | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline" class="year">
            <mat-label>{{ i18n.t('bud.year') }}</mat-label>
            <input
              matInput
              type="number"
              formControlName="year"
              required
              (change)="prefill()"
              data-testid="budget-year"
            />
            <mat-error data-testid="budget-year-error">{{ form.controls.year | fieldError }}</mat-error>
          </mat-form-field>
        </div>
        <div class="row">
          <mat-form-field appearance="outline">
            <mat-label>{{ i18n.t('bud.approved') }}</mat-label>
            <input
              matInput
              inputmode="numeric"
              formControlName="approved"
              required
              data-testid="budget-approved"
            />
            <mat-hint>{{ shown(form.controls.approved.value) }}</mat-hint>
            <mat-error data-testid="budget-approved-error">{{
              form.controls.approved | fieldError: { pattern: 'bud.amountPattern' }
            }}</mat-error>
          </mat-form-field>
        </div>
        <div class="row" formArrayName="invoiced">
          @for (c of form.controls.invoiced.controls; track $index) {
            <mat-form-field appearance="outline">
              <mat-label>{{ i18n.t(tertials[$index]) }}</mat-label>
              <input
                matInput
                inputmode="numeric"
                [formControlName]="$index"
                required
                [attr.data-testid]="'budget-t' + ($index + 1)"
              />
              <mat-hint>{{ shown(c.value) }}</mat-hint>
              <mat-error [attr.data-testid]="'budget-t' + ($index + 1) + '-error'">{{
                c | fieldError: { pattern: 'bud.amountPattern' }
              }}</mat-error>
            </mat-form-field>
          }
        </div>
        <div class="row">
          <mat-form-field appearance="outline">
            <mat-label>{{ i18n.t('bud.forecast') }}</mat-label>
            <input
              matInput
              inputmode="numeric"
              formControlName="forecast"
              required
              data-testid="budget-forecast"
            />
            <mat-hint>{{ shown(form.controls.forecast.value) }}</mat-hint>
            <mat-error data-testid="budget-forecast-error">{{
              form.controls.forecast | fieldError: { pattern: 'bud.amountPattern' }
            }}</mat-error>
          </mat-form-field>
        </div>
        <p class="help">{{ i18n.t('bud.replaces') }}</p>
        <button mat-flat-button type="submit" [disabled]="submit.saving()" data-testid="budget-save">
          {{ i18n.t('bud.save') }}
        </button>
      </form>

      <h2 id="bud-economy-heading">{{ i18n.t('bud.economy') }}</h2>
      <sv-list-state
        [loading]="economy.isLoading()"
        [error]="economy.error()"
        [count]="1"
        (retry)="economy.reload()"
      >
        @if (economy.value(); as t) {
          <!-- Focusable, so a keyboard user can scroll the wide table sideways on a narrow screen. -->
          <div class="scroll" tabindex="0" role="region" aria-labelledby="bud-economy-heading">
            <table class="data dense" aria-labelledby="bud-economy-heading" data-testid="budget-economy">
              <thead>
                <tr>
                  @for (c of t.columns; track $index) {
                    <th scope="col" [class.num]="right(t, $index)">{{ c }}</th>
                  }
                </tr>
              </thead>
              <tbody>
                @for (r of t.rows; track $index) {
                  <tr>
                    @for (c of r; track $index) {
                      <td [class.num]="right(t, $index)">{{ cell(t, $index, c) }}</td>
                    }
                  </tr>
                }
              </tbody>
            </table>
          </div>
          @for (n of t.notes; track $index) {
            <p class="muted note">{{ n }}</p>
          }
        }
      </sv-list-state>
    </section>
  `,
  styles: `
    .back {
      margin-bottom: 8px;
    }
    .intro {
      max-width: 60rem;
    }
    .card {
      background: white;
      padding: 16px;
      border-radius: 8px;
      max-width: 60rem;
    }
    h2 {
      font-size: 1.15rem;
      font-weight: 500;
      margin: 20px 0 12px;
    }
    .card h2 {
      margin-top: 0;
    }
    .row {
      display: flex;
      gap: 8px 16px;
      flex-wrap: wrap;
      margin-bottom: 12px;
    }
    .year {
      max-width: 8rem;
    }
    .help {
      margin: 8px 0 12px;
    }
    .scroll {
      overflow-x: auto;
    }
    table.dense th,
    table.dense td {
      padding: 8px 6px;
      font-size: 0.875rem;
    }
    th.num,
    td.num {
      text-align: right;
      white-space: nowrap;
    }
    .note {
      font-size: 0.85rem;
      margin: 4px 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BudgetPage implements HasUnsavedChanges {
  /** The route's `:programmeId` (withComponentInputBinding). */
  readonly programmeId = input.required<string>();
  protected readonly i18n = inject(I18n);
  private readonly api = inject(BudgetApi);
  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly tertials = ['bud.t1', 'bud.t2', 'bud.t3'] as const;

  protected readonly programme = rxResource({
    params: () => this.programmeId(),
    stream: ({ params }) => this.api.programme(params),
  });
  protected readonly economy = rxResource({
    params: () => this.programmeId(),
    stream: ({ params }) => this.api.economy(params),
  });
  private readonly names = computed(
    () => new Map((this.programme.value()?.municipalities ?? []).map((m) => [m.id, m.name])),
  );

  protected readonly submit = formSubmit();
  protected readonly form = this.fb.group({
    municipalityId: ['', Validators.required],
    year: [
      Number(stockholmToday().slice(0, 4)),
      [Validators.required, Validators.min(2000), Validators.max(2100)],
    ],
    approved: ['', [Validators.required, Validators.pattern(KRONOR)]],
    invoiced: this.fb.array(
      [0, 1, 2].map(() => this.fb.control('', [Validators.required, Validators.pattern(KRONOR)])),
    ),
    forecast: ['', [Validators.required, Validators.pattern(KRONOR)]],
  });

  constructor() {
    warnBeforeUnload(() => this.hasUnsavedChanges());
  }

  hasUnsavedChanges(): boolean {
    return this.form.dirty;
  }

  /** The amount typed, as the report will print it: "= 1 030 000 kr". */
  protected shown(text: string): string {
    return KRONOR.test(text) ? `= ${formatAmount(kronor(text))}` : '';
  }

  protected cell(t: EconomyTable, column: number, value: EconomyTable['rows'][number][number]): string {
    return cellText(t, column, value);
  }

  protected right(t: EconomyTable, column: number): boolean {
    return alignsRight(t, column);
  }

  /** Choosing a municipality and year already budgeted fills in its figures, so a change starts from them. */
  protected prefill(): void {
    const { municipalityId, year } = this.form.getRawValue();
    const name = this.names().get(municipalityId);
    const row = this.economy.value()?.rows.find((r) => r[0] === name && r[1] === Number(year));
    if (!row) return;
    const text = (i: number) => String(row[i] ?? '');
    this.form.patchValue({
      approved: text(2),
      invoiced: [text(3), text(4), text(5)],
      forecast: text(9),
    });
  }

  protected async save(): Promise<void> {
    const v = this.form.getRawValue();
    const result = await this.submit.run(
      this.form,
      () =>
        this.api.save(this.programmeId(), {
          municipalityId: v.municipalityId,
          year: Number(v.year),
          approved: kronor(v.approved),
          invoiced: [kronor(v.invoiced[0]), kronor(v.invoiced[1]), kronor(v.invoiced[2])],
          forecast: kronor(v.forecast),
        }),
      { done: this.i18n.t('bud.saved') },
    );
    if (result.ok) this.economy.reload();
  }
}
