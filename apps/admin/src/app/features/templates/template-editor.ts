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
import {
  type AbstractControl,
  FormArray,
  FormBuilder,
  FormControl,
  type FormGroup,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import {
  type MethodTemplateRequest,
  type MethodTemplateResponse,
  PHASE_KINDS,
  type PhaseKind,
} from '@stegvis/contracts';
import { firstValueFrom, map } from 'rxjs';
import { asProblem } from '../../core/errors/problem-form';
import { I18n, type TextKey } from '../../core/i18n/i18n';
import { LabelPipe } from '../../core/i18n/labels';
import { FieldErrorPipe } from '../../shared/form/field-error';
import { formSubmit } from '../../shared/form/form-submit';
import { type HasUnsavedChanges, warnBeforeUnload } from '../../shared/form/unsaved-changes';
import { loadErrorText } from '../../shared/load-error';
import { ProgrammesApi } from '../programmes/programmes-api';
import { summarise } from './template-summary';
import { TemplatesApi } from './templates-api';
import { Loading } from '../../shared/loading';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

type PhaseForm = FormGroup<{
  kind: FormControl<PhaseKind>;
  weeks: FormControl<number>;
  lectures: FormControl<boolean>;
}>;

/** Lectures need a day to fall on. */
function daysForLectures(group: AbstractControl): ValidationErrors | null {
  const days = group.get('lectureWeekdays');
  const count = Number(group.get('lectureCount')?.value ?? 0);
  const missing = count > 0 && (days?.value as number[] | undefined)?.length === 0;
  if (missing && !days?.hasError('atLeastOneDay'))
    days?.setErrors({ ...(days.errors ?? {}), atLeastOneDay: true });
  if (!missing && days?.hasError('atLeastOneDay')) days.setErrors(null);
  return null;
}

/**
 * The method template editor: phases with weeks (mapping, lectures, internship, job search), the lecture themes in
 * order, how many lectures on which weekdays and at what time, and an optional weekly computer day. Beside it,
 * what the template adds up to. Saving a template that exists makes its next version: groups already started
 * keep theirs. `?kopiera=<id>&fran=<programme>` opens a copy of another programme's template, unsaved.
 */
@Component({
  selector: 'sv-template-editor',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    Loading,
    LabelPipe,
    FieldErrorPipe,
  ],
  template: `
    <section class="page">
      <header class="page-header">
        <h1>{{ templateId() ? i18n.t('tpl.editorEdit') : i18n.t('tpl.editorNew') }}</h1>
        <a mat-button [routerLink]="['/insatser', programmeId(), 'mallar']">{{ i18n.t('shared.back') }}</a>
      </header>
      @if (loading()) {
        <sv-loading data-testid="template-loading" />
      } @else if (loadError()) {
        <p class="error-banner" role="alert" data-testid="template-load-error">{{ loadError() }}</p>
      } @else {
        @if (note()) {
          <p class="note" role="status" data-testid="template-note">{{ note() }}</p>
        }
        @if (submit.banner()) {
          <p class="error-banner" role="alert" data-testid="template-error">{{ submit.banner() }}</p>
        }
        <div class="layout">
          <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="template-form">
            <mat-form-field appearance="outline" class="wide">
              <mat-label>{{ i18n.t('tpl.name') }}</mat-label>
              <input matInput formControlName="name" data-testid="tpl-name" />
              <mat-error>{{ form.controls.name | fieldError }}</mat-error>
            </mat-form-field>

            <fieldset>
              <legend>{{ i18n.t('tpl.phases') }}</legend>
              <ol class="phases" formArrayName="phases">
                @for (p of phases.controls; track p; let i = $index) {
                  <li [formGroupName]="i" class="phase" [attr.data-testid]="'phase-' + i">
                    <mat-form-field appearance="outline">
                      <mat-label>{{ phaseLabel(i) }}</mat-label>
                      <mat-select formControlName="kind" [attr.data-testid]="'phase-kind-' + i">
                        @for (k of kinds; track k) {
                          <mat-option [value]="k">{{ k | label: 'phaseKind' }}</mat-option>
                        }
                      </mat-select>
                    </mat-form-field>
                    <mat-form-field appearance="outline" class="weeks">
                      <mat-label>{{ i18n.t('tpl.phaseWeeks') }}</mat-label>
                      <input
                        matInput
                        type="number"
                        min="1"
                        max="52"
                        formControlName="weeks"
                        [attr.data-testid]="'phase-weeks-' + i"
                      />
                      <mat-error>{{ p.controls.weeks | fieldError }}</mat-error>
                    </mat-form-field>
                    <mat-checkbox formControlName="lectures" [attr.data-testid]="'phase-lectures-' + i">{{
                      i18n.t('tpl.phaseLectures')
                    }}</mat-checkbox>
                    <span class="actions">
                      <button
                        mat-icon-button
                        type="button"
                        [disabled]="i === 0"
                        (click)="moveUp(i)"
                        [attr.aria-label]="phaseAction('tpl.moveUp', i)"
                      >
                        <mat-icon>arrow_upward</mat-icon>
                      </button>
                      <button
                        mat-icon-button
                        type="button"
                        [disabled]="phases.length === 1"
                        (click)="removePhase(i)"
                        [attr.aria-label]="phaseAction('tpl.removePhase', i)"
                        [attr.data-testid]="'phase-remove-' + i"
                      >
                        <mat-icon>delete</mat-icon>
                      </button>
                    </span>
                  </li>
                }
              </ol>
              @if (form.controls.phases.errors?.['server']; as e) {
                <p class="field-error" role="alert">{{ e }}</p>
              }
              <button mat-stroked-button type="button" (click)="addPhase()" data-testid="phase-add">
                <mat-icon>add</mat-icon> {{ i18n.t('tpl.addPhase') }}
              </button>
            </fieldset>

            <fieldset>
              <legend>{{ i18n.t('tpl.lectures') }}</legend>
              <div class="row">
                <mat-form-field appearance="outline">
                  <mat-label>{{ i18n.t('tpl.lectureCount') }}</mat-label>
                  <input
                    matInput
                    type="number"
                    min="0"
                    formControlName="lectureCount"
                    data-testid="tpl-count"
                  />
                  <mat-error>{{ form.controls.lectureCount | fieldError }}</mat-error>
                </mat-form-field>
                <mat-form-field appearance="outline">
                  <mat-label>{{ i18n.t('tpl.lectureStart') }}</mat-label>
                  <input matInput formControlName="lectureStart" data-testid="tpl-start" />
                  <mat-error>{{
                    form.controls.lectureStart | fieldError: { pattern: 'tpl.time' }
                  }}</mat-error>
                </mat-form-field>
                <mat-form-field appearance="outline">
                  <mat-label>{{ i18n.t('tpl.lectureEnd') }}</mat-label>
                  <input matInput formControlName="lectureEnd" data-testid="tpl-end" />
                  <mat-error data-testid="tpl-end-error">{{
                    form.controls.lectureEnd | fieldError: { pattern: 'tpl.time' }
                  }}</mat-error>
                </mat-form-field>
              </div>
              <div class="days" role="group" aria-labelledby="tpl-days">
                <span id="tpl-days" class="days-label">{{ i18n.t('tpl.lectureDays') }}</span>
                @for (d of weekdays; track d) {
                  <mat-checkbox
                    [checked]="days().includes(d)"
                    (change)="toggleDay(d, $event.checked)"
                    [attr.data-testid]="'tpl-day-' + d"
                    >{{ weekday(d) }}</mat-checkbox
                  >
                }
              </div>
              @if (form.controls.lectureWeekdays.errors; as errs) {
                <p class="field-error" role="alert">
                  {{ form.controls.lectureWeekdays | fieldError: { atLeastOneDay: 'tpl.atLeastOneDay' } }}
                </p>
              }
              <mat-form-field appearance="outline" class="wide themes">
                <mat-label>{{ i18n.t('tpl.themes') }}</mat-label>
                <textarea matInput rows="8" formControlName="themes" data-testid="tpl-themes"></textarea>
                <mat-hint>{{ i18n.t('tpl.themesHint') }}</mat-hint>
              </mat-form-field>
              <mat-form-field appearance="outline">
                <mat-label>{{ i18n.t('tpl.computerDay') }}</mat-label>
                <mat-select formControlName="computerDayWeekday" data-testid="tpl-computer-day">
                  <mat-option [value]="null">{{ i18n.t('tpl.noComputerDay') }}</mat-option>
                  @for (d of weekdays; track d) {
                    <mat-option [value]="d">{{ weekday(d) }}</mat-option>
                  }
                </mat-select>
              </mat-form-field>
            </fieldset>

            @if (loaded()?.version; as v) {
              <p class="muted" data-testid="template-version-note">{{ versionNote(v) }}</p>
            }
            <div class="buttons">
              <button mat-flat-button type="submit" [disabled]="submit.saving()" data-testid="tpl-save">
                {{ saveLabel() }}
              </button>
              <a mat-button [routerLink]="['/insatser', programmeId(), 'mallar']">{{
                i18n.t('form.cancel')
              }}</a>
            </div>
          </form>

          <aside class="summary" aria-labelledby="tpl-summary" data-testid="template-summary">
            <h2 id="tpl-summary">{{ i18n.t('tpl.summary') }}</h2>
            <p class="big">{{ text('tpl.totalWeeks', summary().totalWeeks) }}</p>
            <p>{{ text('tpl.internshipWeeks', summary().internshipWeeks) }}</p>
            <p>{{ text('tpl.lectureWeeks', summary().lectureWeeks) }}</p>
            <ol class="timeline">
              @for (p of value().phases; track $index) {
                <li>
                  <strong>{{ p.kind | label: 'phaseKind' }}</strong> · {{ p.weeks }}
                  {{ i18n.t('groups.weeks') }}
                </li>
              }
            </ol>
            <p>{{ roomText() }}</p>
            @if (summary().short > 0) {
              <p class="warn" role="status" data-testid="template-short">{{ shortText() }}</p>
            }
          </aside>
        </div>
      }
    </section>
  `,
  styles: `
    .layout {
      display: grid;
      grid-template-columns: minmax(0, 1fr) 260px;
      gap: 16px;
      align-items: start;
    }
    @media (max-width: 900px) {
      .layout {
        grid-template-columns: 1fr;
      }
    }
    form,
    .summary {
      background: white;
      padding: 16px;
      border-radius: 8px;
    }
    .summary {
      position: sticky;
      top: 16px;
    }
    .summary h2 {
      font-size: 1.1rem;
      margin: 0 0 8px;
    }
    .summary p {
      margin: 4px 0;
    }
    .big {
      font-size: 1.25rem;
      font-weight: 500;
    }
    .timeline {
      padding-left: 20px;
    }
    .warn {
      color: #8c1d18;
      font-weight: 500;
    }
    .note {
      background: #e8f0fb;
      padding: 8px 12px;
      border-radius: 6px;
    }
    fieldset {
      border: 1px solid #d5d8de;
      border-radius: 8px;
      padding: 8px 16px 16px;
      margin: 0 0 16px;
    }
    legend {
      font-weight: 500;
      padding: 0 4px;
    }
    .wide {
      width: 100%;
    }
    .phases {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .phase {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: baseline;
    }
    .phase mat-form-field:first-child {
      width: 190px;
    }
    .phase .weeks {
      width: 90px;
    }
    .actions {
      margin-left: auto;
      white-space: nowrap;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
    }
    .row mat-form-field {
      width: 180px;
    }
    .themes {
      margin-bottom: 16px;
    }
    .days {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 12px;
      align-items: center;
      margin-bottom: 16px;
    }
    .days-label {
      color: #50555e;
      margin-right: 8px;
    }
    .field-error {
      color: #8c1d18;
      margin: 0 0 8px;
    }
    .buttons {
      display: flex;
      gap: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TemplateEditor implements OnInit, HasUnsavedChanges {
  readonly programmeId = input.required<string>();
  /** The version to change; none for a new template. */
  readonly templateId = input<string>();
  /** A template of another programme (`fran`) to start a copy from. */
  readonly kopiera = input<string>();
  readonly fran = input<string>();
  protected readonly i18n = inject(I18n);
  private readonly api = inject(TemplatesApi);
  private readonly programmesApi = inject(ProgrammesApi);
  private readonly router = inject(Router);
  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly submit = formSubmit();
  protected readonly kinds = PHASE_KINDS;
  protected readonly weekdays = WEEKDAYS;
  protected readonly loaded = signal<MethodTemplateResponse | null>(null);
  protected readonly loadError = signal('');
  /** Fields appear once the template is read: typing earlier would be overwritten by the load. */
  protected readonly loading = signal(true);
  protected readonly note = signal('');

  protected readonly form = this.fb.group(
    {
      name: ['', [Validators.required, Validators.maxLength(100)]],
      phases: new FormArray<PhaseForm>([]),
      themes: [''],
      lectureCount: [31, [Validators.required, Validators.min(0), Validators.max(500)]],
      lectureWeekdays: new FormControl<number[]>([1, 2, 3, 4], { nonNullable: true }),
      lectureStart: ['13:00', [Validators.required, Validators.pattern(TIME)]],
      lectureEnd: ['15:30', [Validators.required, Validators.pattern(TIME)]],
      computerDayWeekday: new FormControl<number | null>(null),
    },
    { validators: daysForLectures },
  );
  protected get phases(): FormArray<PhaseForm> {
    return this.form.controls.phases;
  }
  protected readonly value = toSignal(this.form.valueChanges.pipe(map(() => this.form.getRawValue())), {
    initialValue: this.form.getRawValue(),
  });
  protected readonly days = computed(() => this.value().lectureWeekdays);
  protected readonly summary = computed(() => {
    const v = this.value();
    return summarise({ ...v, lectureCount: Number(v.lectureCount) || 0 });
  });

  constructor() {
    warnBeforeUnload(() => this.form.dirty);
  }

  async ngOnInit(): Promise<void> {
    const id = this.templateId();
    const from = this.kopiera();
    try {
      if (id) {
        const t = await firstValueFrom(this.api.get(this.programmeId(), id));
        this.loaded.set(t);
        this.fill(t);
        this.form.markAsPristine();
      } else if (from && this.fran()) {
        const [t, source] = await Promise.all([
          firstValueFrom(this.api.get(this.fran()!, from)),
          firstValueFrom(this.programmesApi.get(this.fran()!)),
        ]);
        this.fill({ ...t, name: this.i18n.t('tpl.copyName').replace('{name}', t.name) });
        this.note.set(
          this.i18n.t('tpl.copiedFrom').replace('{name}', t.name).replace('{programme}', source.name),
        );
        // A copy is not saved until the user saves it: leaving asks first.
        this.form.markAsDirty();
      } else {
        this.fill({
          name: '',
          phases: [
            { kind: 'mapping', weeks: 2, lectures: true },
            { kind: 'lectures', weeks: 7, lectures: true },
            { kind: 'internship', weeks: 4, lectures: false },
          ],
          themes: [],
          lectureCount: 31,
          lectureWeekdays: [1, 2, 3, 4],
          lectureStart: '13:00',
          lectureEnd: '15:30',
          computerDayWeekday: null,
        });
        this.form.markAsPristine();
      }
    } catch (err) {
      const problem = asProblem(err, this.i18n.lang());
      this.loadError.set(
        problem?.status === 404 ? this.i18n.t('tpl.notFound') : loadErrorText(err, this.i18n),
      );
    } finally {
      this.loading.set(false);
    }
  }

  hasUnsavedChanges(): boolean {
    return this.form.dirty;
  }

  private fill(t: MethodTemplateRequest): void {
    this.phases.clear({ emitEvent: false });
    for (const p of t.phases) this.phases.push(this.phase(p.kind, p.weeks, p.lectures), { emitEvent: false });
    this.form.patchValue({
      name: t.name,
      themes: t.themes.join('\n'),
      lectureCount: t.lectureCount,
      lectureWeekdays: [...t.lectureWeekdays].sort(),
      lectureStart: t.lectureStart,
      lectureEnd: t.lectureEnd,
      computerDayWeekday: t.computerDayWeekday,
    });
  }

  private phase(kind: PhaseKind, weeks: number, lectures: boolean): PhaseForm {
    return this.fb.group({
      kind: this.fb.control<PhaseKind>(kind),
      weeks: this.fb.control(weeks, [Validators.required, Validators.min(1), Validators.max(52)]),
      lectures: this.fb.control(lectures),
    });
  }

  protected addPhase(): void {
    this.phases.push(this.phase('job_search', 2, false));
    this.form.markAsDirty();
  }

  protected removePhase(i: number): void {
    this.phases.removeAt(i);
    this.form.markAsDirty();
  }

  protected moveUp(i: number): void {
    const p = this.phases.at(i);
    this.phases.removeAt(i, { emitEvent: false });
    this.phases.insert(i - 1, p);
    this.form.markAsDirty();
  }

  protected toggleDay(day: number, on: boolean): void {
    const c = this.form.controls.lectureWeekdays;
    const next = on ? [...new Set([...c.value, day])].sort() : c.value.filter((d) => d !== day);
    c.setValue(next);
    c.markAsDirty();
    c.markAsTouched();
  }

  protected async save(): Promise<void> {
    const v = this.form.getRawValue();
    const body: MethodTemplateRequest = {
      name: v.name.trim(),
      phases: v.phases.map((p) => ({ kind: p.kind, weeks: Number(p.weeks), lectures: p.lectures })),
      themes: v.themes
        .split('\n')
        .map((t) => t.trim())
        .filter((t) => t),
      lectureCount: Number(v.lectureCount),
      lectureWeekdays: v.lectureWeekdays,
      lectureStart: v.lectureStart,
      lectureEnd: v.lectureEnd,
      computerDayWeekday: v.computerDayWeekday,
    };
    const current = this.loaded();
    const done = current
      ? this.i18n.t('tpl.updated').replace('{n}', String(current.version + 1))
      : this.i18n.t('tpl.created');
    const result = await this.submit.run(
      this.form,
      () =>
        current
          ? this.api.update(this.programmeId(), current.id, { ...body, version: current.version })
          : this.api.create(this.programmeId(), body),
      { done },
    );
    if (result.ok) await this.router.navigate(['/insatser', this.programmeId(), 'mallar']);
  }

  protected saveLabel(): string {
    const v = this.loaded()?.version;
    return v ? this.i18n.t('tpl.saveVersion').replace('{n}', String(v + 1)) : this.i18n.t('tpl.save');
  }

  protected versionNote(version: number): string {
    return this.i18n
      .t('tpl.versionNote')
      .replace('{version}', String(version))
      .replace('{next}', String(version + 1));
  }

  protected weekday(d: number): string {
    return this.i18n.t(`tpl.wd.${d}` as TextKey);
  }

  protected phaseLabel(i: number): string {
    return this.i18n.t('tpl.phaseN').replace('{n}', String(i + 1));
  }

  protected phaseAction(key: TextKey, i: number): string {
    return this.i18n.t(key).replace('{n}', String(i + 1));
  }

  protected text(key: TextKey, n: number): string {
    return this.i18n.t(key).replace('{n}', String(n));
  }

  protected roomText(): string {
    return this.i18n
      .t('tpl.room')
      .replace('{room}', String(this.summary().room))
      .replace('{days}', String(this.days().length));
  }

  protected shortText(): string {
    return this.i18n.t('tpl.tooMany').replace('{short}', String(this.summary().short));
  }
}
