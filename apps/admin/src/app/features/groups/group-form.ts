import { ChangeDetectionStrategy, Component, effect, inject, signal } from '@angular/core';
import { FormBuilder, FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import {
  DELIVERY_MODES,
  type DeliveryMode,
  type MethodTemplateResponse,
  type ProgrammeResponse,
} from '@stegvis/contracts';
import { firstValueFrom } from 'rxjs';
import { applyProblemToForm, asProblem } from '../../core/errors/problem-form';
import { I18n } from '../../core/i18n/i18n';
import { Labels } from '../../core/i18n/labels';
import { ProgrammePicker } from '../../shared/programme-picker';
import { ProgrammesApi } from '../programmes/programmes-api';
import { GroupsApi } from './groups-api';

/** Starting a group: with a method template, its session calendar is made at once (no sessions on public holidays). */
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
  ],
  template: `
    <section class="page">
      <header class="page-header">
        <h1>{{ i18n.t('groups.new') }}</h1>
      </header>
      <sv-programme-picker [(programmeId)]="programmeId" (programmeChange)="programme.set($event)" />
      @if (banner()) {
        <p class="error-banner" role="alert">{{ banner() }}</p>
      }
      <form [formGroup]="form" (ngSubmit)="save()" class="form-grid" novalidate>
        <mat-form-field appearance="outline"
          ><mat-label>{{ i18n.t('groups.number') }}</mat-label
          ><input matInput type="number" formControlName="number" data-testid="group-number"
        /></mat-form-field>
        <mat-form-field appearance="outline"
          ><mat-label>{{ i18n.t('groups.municipality') }}</mat-label>
          <mat-select formControlName="municipalityId">
            @for (m of programme()?.municipalities ?? []; track m.id) {
              <mat-option [value]="m.id">{{ m.name }}</mat-option>
            }
          </mat-select></mat-form-field
        >
        <mat-form-field appearance="outline"
          ><mat-label>{{ i18n.t('form.start') }}</mat-label
          ><input matInput formControlName="startDate" data-testid="group-start" />
          @if (form.controls.startDate.getError('server'); as e) {
            <mat-error>{{ e }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline"
          ><mat-label>{{ i18n.t('groups.template') }}</mat-label>
          <mat-select formControlName="templateId" data-testid="group-template"
            ><mat-option value="">{{ i18n.t('groups.noTemplate') }}</mat-option>
            @for (t of templates(); track t.id) {
              <mat-option [value]="t.id"
                >{{ t.name }} ({{ t.totalWeeks }} {{ i18n.t('groups.weeks') }})</mat-option
              >
            }
          </mat-select></mat-form-field
        >
        <mat-form-field appearance="outline"
          ><mat-label>{{ i18n.t('groups.endIfNoTemplate') }}</mat-label
          ><input matInput formControlName="endDate" />
          @if (form.controls.endDate.getError('server'); as e) {
            <mat-error>{{ e }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline"
          ><mat-label>{{ i18n.t('groups.capacity') }}</mat-label
          ><input matInput type="number" formControlName="capacity"
        /></mat-form-field>
        <mat-form-field appearance="outline"
          ><mat-label>{{ i18n.t('groups.overIntake') }}</mat-label
          ><input matInput type="number" formControlName="overIntake"
        /></mat-form-field>
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
          ><input matInput formControlName="place"
        /></mat-form-field>
        <div class="full">
          <button mat-flat-button type="submit" data-testid="group-save">
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
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GroupForm {
  protected readonly i18n = inject(I18n);
  private readonly labels = inject(Labels);
  private readonly api = inject(GroupsApi);
  private readonly programmesApi = inject(ProgrammesApi);
  private readonly router = inject(Router);
  protected readonly modes = DELIVERY_MODES;
  protected readonly programmeId = signal('');
  protected readonly programme = signal<ProgrammeResponse | null>(null);
  protected readonly templates = signal<MethodTemplateResponse[]>([]);
  protected readonly banner = signal('');
  protected readonly form = inject(FormBuilder).nonNullable.group({
    number: [1, [Validators.required, Validators.min(1)]],
    municipalityId: ['', Validators.required],
    startDate: ['', Validators.required],
    templateId: [''],
    endDate: [''],
    capacity: [10, [Validators.required, Validators.min(1)]],
    overIntake: [2, [Validators.required, Validators.min(0)]],
    deliveryMode: new FormControl<DeliveryMode>('on_site', { nonNullable: true }),
    place: [''],
  });

  constructor() {
    effect(() => {
      const id = this.programmeId();
      if (!id) return;
      this.api.templates(id).subscribe((t) => this.templates.set(t));
      this.programmesApi.get(id).subscribe((p) => {
        this.programme.set(p);
        this.form.controls.municipalityId.setValue(p.ownerMunicipality.id);
      });
    });
  }

  protected modeLabel(d: string): string {
    return this.labels.stored('deliveryMode', d);
  }

  protected async save(): Promise<void> {
    this.banner.set('');
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    try {
      const g = await firstValueFrom(
        this.api.create({
          programmeId: this.programmeId(),
          ...v,
          number: Number(v.number),
          capacity: Number(v.capacity),
          overIntake: Number(v.overIntake),
          templateId: v.templateId || undefined,
          endDate: v.endDate || undefined,
        }),
      );
      await this.router.navigate(['/grupper', g.id]);
    } catch (err) {
      const rest = applyProblemToForm(this.form, asProblem(err, this.i18n.lang()));
      this.banner.set(
        rest.map((e) => e.message).join('; ') ||
          asProblem(err, this.i18n.lang())?.detail ||
          this.i18n.t('form.fixFields'),
      );
    }
  }
}
