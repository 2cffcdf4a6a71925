import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import {
  DELIVERY_MODES,
  type DeliveryMode,
  type GroupResponse,
  type MethodTemplateResponse,
  type ProgrammeResponse,
} from '@stegvis/contracts';
import { catchError, map, throwError } from 'rxjs';
import { AuthStore } from '../../core/auth/auth-store';
import { asProblem } from '../../core/errors/problem-form';
import { I18n } from '../../core/i18n/i18n';
import { Labels } from '../../core/i18n/labels';
import { FieldErrorPipe } from '../../shared/form/field-error';
import { formSubmit } from '../../shared/form/form-submit';
import { type HasUnsavedChanges, warnBeforeUnload } from '../../shared/form/unsaved-changes';
import { ProgrammePicker } from '../../shared/programme-picker';
import { endFromTemplate } from '../templates/template-summary';
import { TemplatesApi } from '../templates/templates-api';
import { ProgrammesApi } from '../programmes/programmes-api';
import { GroupsApi } from './groups-api';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Starting a group: the programme, one of its municipalities (numbers are per programme and municipality, so the
 * next free number of that municipality is suggested), a method template and the dates. With a template the
 * session calendar is made at once (no sessions on public holidays) and the end date follows from it; without
 * one the group has no calendar, and the form leads to making a template.
 */
@Component({
  selector: 'sv-group-form',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
    ProgrammePicker,
    FieldErrorPipe,
  ],
  template: `
    <section class="page">
      <header class="page-header">
        <h1>{{ i18n.t('groups.new') }}</h1>
      </header>
      <p class="intro">{{ i18n.t('gf.intro') }}</p>
      <sv-programme-picker [(programmeId)]="programmeId" />
      @if (submit.banner()) {
        <p class="error-banner" role="alert" data-testid="group-form-error">{{ submit.banner() }}</p>
      }
      <form [formGroup]="form" (ngSubmit)="save()" class="form-grid" novalidate>
        <mat-form-field appearance="outline"
          ><mat-label>{{ i18n.t('groups.municipality') }}</mat-label>
          <mat-select formControlName="municipalityId" data-testid="group-municipality">
            @for (m of programme()?.municipalities ?? []; track m.id) {
              <mat-option [value]="m.id">{{ m.name }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ form.controls.municipalityId | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline"
          ><mat-label>{{ i18n.t('groups.number') }}</mat-label
          ><input matInput type="number" min="1" formControlName="number" data-testid="group-number" />
          <mat-hint>{{ i18n.t('gf.nextNumber') }}: {{ nextNumber() }}</mat-hint>
          <mat-error data-testid="group-number-error">{{ form.controls.number | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline"
          ><mat-label>{{ i18n.t('groups.template') }}</mat-label>
          <mat-select formControlName="templateId" data-testid="group-template"
            ><mat-option value="">{{ i18n.t('groups.noTemplate') }}</mat-option>
            @for (t of templates(); track t.id) {
              <mat-option [value]="t.id">{{ templateOption(t) }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ form.controls.templateId | fieldError }}</mat-error>
        </mat-form-field>
        @if (templatesLoaded() && templates().length === 0 && programmeId()) {
          <p class="no-template" role="status" data-testid="group-no-template">
            {{ i18n.t('gf.noTemplates') }}
            @if (canMakeTemplate()) {
              <a [routerLink]="['/insatser', programmeId(), 'mallar', 'ny']">{{
                i18n.t('gf.makeTemplate')
              }}</a>
            }
          </p>
        }
        <mat-form-field appearance="outline"
          ><mat-label>{{ i18n.t('form.start') }}</mat-label
          ><input matInput formControlName="startDate" data-testid="group-start" />
          <mat-hint>{{ i18n.t('gf.dateHint') }}</mat-hint>
          <mat-error data-testid="group-start-error">{{ form.controls.startDate | fieldError }}</mat-error>
        </mat-form-field>
        @if (chosenTemplate(); as t) {
          <p class="end" data-testid="group-end-from-template">{{ endText(t) }}</p>
        } @else {
          <mat-form-field appearance="outline"
            ><mat-label>{{ i18n.t('groups.endIfNoTemplate') }}</mat-label
            ><input matInput formControlName="endDate" data-testid="group-end" />
            <mat-hint>{{ i18n.t('gf.dateHint') }}</mat-hint>
            <mat-error data-testid="group-end-error">{{ form.controls.endDate | fieldError }}</mat-error>
          </mat-form-field>
        }
        <mat-form-field appearance="outline"
          ><mat-label>{{ i18n.t('groups.capacity') }}</mat-label
          ><input matInput type="number" formControlName="capacity" data-testid="group-capacity" />
          <mat-error>{{ form.controls.capacity | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline"
          ><mat-label>{{ i18n.t('groups.overIntake') }}</mat-label
          ><input matInput type="number" formControlName="overIntake" />
          <mat-error>{{ form.controls.overIntake | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline"
          ><mat-label>{{ i18n.t('groups.deliveryMode') }}</mat-label>
          <mat-select formControlName="deliveryMode">
            @for (d of modes; track d) {
              <mat-option [value]="d">{{ modeLabel(d) }}</mat-option>
            }
          </mat-select></mat-form-field
        >
        <mat-form-field appearance="outline"
          ><mat-label>{{ i18n.t('groups.place') }}</mat-label
          ><input matInput formControlName="place" data-testid="group-place" />
          <mat-error>{{ form.controls.place | fieldError }}</mat-error>
        </mat-form-field>
        <div class="full">
          <button mat-flat-button type="submit" [disabled]="submit.saving()" data-testid="group-save">
            {{ i18n.t('groups.startGroup') }}
          </button>
          <a mat-button routerLink="/grupper">{{ i18n.t('form.cancel') }}</a>
        </div>
      </form>
    </section>
  `,
  styles: `
    form {
      background: white;
      padding: 16px;
      border-radius: 8px;
    }
    .intro {
      max-width: 70ch;
    }
    .no-template,
    .end {
      align-self: center;
      margin: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GroupForm implements HasUnsavedChanges {
  /** `?insats=<id>`: the programme to start the group in (the template page links here). */
  readonly insats = input<string>();
  protected readonly i18n = inject(I18n);
  private readonly labels = inject(Labels);
  private readonly auth = inject(AuthStore);
  private readonly api = inject(GroupsApi);
  private readonly templatesApi = inject(TemplatesApi);
  private readonly programmesApi = inject(ProgrammesApi);
  private readonly router = inject(Router);
  protected readonly submit = formSubmit();
  protected readonly modes = DELIVERY_MODES;
  protected readonly programmeId = signal('');
  protected readonly programme = signal<ProgrammeResponse | null>(null);
  protected readonly templates = signal<MethodTemplateResponse[]>([]);
  protected readonly templatesLoaded = signal(false);
  private readonly groups = signal<GroupResponse[]>([]);
  protected readonly canMakeTemplate = computed(() => this.auth.can('template.manage'));
  protected readonly form = inject(FormBuilder).nonNullable.group({
    municipalityId: ['', Validators.required],
    number: [1, [Validators.required, Validators.min(1), Validators.max(999)]],
    templateId: [''],
    startDate: ['', [Validators.required, Validators.pattern(ISO_DATE)]],
    endDate: ['', Validators.pattern(ISO_DATE)],
    capacity: [10, [Validators.required, Validators.min(1), Validators.max(100)]],
    overIntake: [2, [Validators.required, Validators.min(0), Validators.max(50)]],
    deliveryMode: new FormControl<DeliveryMode>('on_site', { nonNullable: true }),
    place: ['', Validators.maxLength(200)],
  });
  private readonly value = toSignal(this.form.valueChanges.pipe(map(() => this.form.getRawValue())), {
    initialValue: this.form.getRawValue(),
  });
  protected readonly chosenTemplate = computed(
    () => this.templates().find((t) => t.id === this.value().templateId) ?? null,
  );
  /** Groups are numbered per programme and municipality: the next number after the municipality's highest. */
  protected readonly nextNumber = computed(() => {
    const m = this.value().municipalityId;
    return (
      Math.max(
        0,
        ...this.groups()
          .filter((g) => g.municipalityId === m)
          .map((g) => g.number),
      ) + 1
    );
  });

  constructor() {
    warnBeforeUnload(() => this.form.dirty);
    effect(() => {
      const wanted = this.insats();
      if (wanted && !this.programmeId()) this.programmeId.set(wanted);
    });
    effect(() => {
      const id = this.programmeId();
      if (!id) return;
      this.templatesLoaded.set(false);
      this.templatesApi.list(id).subscribe((t) => {
        this.templates.set(t);
        this.templatesLoaded.set(true);
        if (!this.form.controls.templateId.dirty) this.form.controls.templateId.setValue(t[0]?.id ?? '');
      });
      this.api.list(id).subscribe((g) => {
        this.groups.set(g);
        this.suggestNumber();
      });
      this.programmesApi.get(id).subscribe((p) => {
        this.programme.set(p);
        if (!this.form.controls.municipalityId.dirty)
          this.form.controls.municipalityId.setValue(p.ownerMunicipality.id);
        this.suggestNumber();
      });
    });
    this.form.controls.municipalityId.valueChanges.subscribe(() => this.suggestNumber());
  }

  hasUnsavedChanges(): boolean {
    return this.form.dirty;
  }

  /** Until the user types a number, the number follows the chosen municipality's next free one. */
  private suggestNumber(): void {
    if (this.form.controls.number.dirty) return;
    const m = this.form.controls.municipalityId.value;
    const next =
      Math.max(
        0,
        ...this.groups()
          .filter((g) => g.municipalityId === m)
          .map((g) => g.number),
      ) + 1;
    this.form.controls.number.setValue(next);
  }

  protected templateOption(t: MethodTemplateResponse): string {
    return this.i18n
      .t('gf.templateOption')
      .replace('{name}', t.name)
      .replace('{weeks}', String(t.totalWeeks))
      .replace('{version}', String(t.version));
  }

  protected endText(t: MethodTemplateResponse): string {
    const end = endFromTemplate(this.value().startDate, t.totalWeeks);
    return this.i18n.t('gf.endFromTemplate').replace('{date}', end || '–');
  }

  protected modeLabel(d: string): string {
    return this.labels.stored('deliveryMode', d);
  }

  protected async save(): Promise<void> {
    const v = this.form.getRawValue();
    const write = () =>
      this.api.create({
        programmeId: this.programmeId(),
        municipalityId: v.municipalityId,
        number: Number(v.number),
        startDate: v.startDate,
        capacity: Number(v.capacity),
        overIntake: Number(v.overIntake),
        deliveryMode: v.deliveryMode,
        place: v.place,
        templateId: v.templateId || undefined,
        endDate: v.templateId ? undefined : v.endDate || undefined,
      });
    // A taken number is a 409 that names its field: shown there, where FormSubmit would say "changed by others".
    const result = await this.submit.run(
      this.form,
      () =>
        write().pipe(
          catchError((err: unknown) => {
            const problem = asProblem(err);
            if (problem?.status === 409 && problem.errors?.length) {
              return throwError(
                () => new HttpErrorResponse({ status: 400, error: { ...problem, status: 400 } }),
              );
            }
            return throwError(() => err);
          }),
        ),
      { done: this.i18n.t('gf.started') },
    );
    if (result.ok) await this.router.navigate(['/grupper', result.value.id]);
  }
}
