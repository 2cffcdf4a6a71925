import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  inject,
  input,
  type OnInit,
  signal,
} from '@angular/core';
import {
  FormArray,
  FormBuilder,
  type FormControl,
  type FormGroup,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import type {
  CreateProgrammeRequest,
  GoalKey,
  MunicipalityResponse,
  OrganisationResponse,
  UnmappedGoal,
} from '@stegvis/contracts';
import { GOAL_KEYS, labelOfStored } from '@stegvis/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../../core/auth/auth-store';
import { DraftStore } from '../../core/drafts/draft-store';
import { I18n } from '../../core/i18n/i18n';
import { LabelPipe } from '../../core/i18n/labels';
import { fieldErrorText } from '../../shared/form/field-error';
import { formSubmit } from '../../shared/form/form-submit';
import { type HasUnsavedChanges, warnBeforeUnload } from '../../shared/form/unsaved-changes';
import { loadErrorText } from '../../shared/load-error';
import { endNotBeforeStart, goalTarget, isoDate } from './programme-validators';
import { ProgrammesApi } from './programmes-api';
import { Loading } from '../../shared/loading';

type FormValue = Omit<CreateProgrammeRequest, 'goals'> & {
  goals: { key: GoalKey | ''; targetValue: number | null; description?: string }[];
  version: number | null;
  /** Absent in a draft saved before goals were coded. */
  unmappedGoals?: UnmappedGoal[];
};
type GoalForm = FormGroup<{
  key: FormControl<GoalKey | ''>;
  targetValue: FormControl<number | null>;
  description: FormControl<string>;
}>;

@Component({
  selector: 'sv-programme-form',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
    MatCheckboxModule,
    MatIconModule,
    Loading,
    LabelPipe,
  ],
  templateUrl: './programme-form.html',
  styles: `
    .goal {
      display: grid;
      grid-template-columns: 2fr 140px 2fr auto;
      gap: 8px;
      align-items: start;
    }
    .actions {
      display: flex;
      gap: 12px;
      margin-top: 16px;
    }
    fieldset {
      border: 1px solid #d5d8de;
      border-radius: 8px;
      padding: 12px 16px;
      margin: 12px 0;
      background: white;
    }
    legend {
      padding: 0 6px;
      font-weight: 500;
    }
    .survey-languages p {
      margin: 0 0 0 40px;
    }
    form {
      background: white;
      padding: 16px;
      border-radius: 8px;
    }
    .unmapped {
      border-left: 4px solid #b26a00;
      background: #fff8e1;
      padding: 8px 16px;
      margin-top: 16px;
      border-radius: 4px;
    }
    .unmapped h2 {
      display: flex;
      align-items: center;
      gap: 8px;
      margin: 4px 0;
      font-size: 1rem;
    }
    .unmapped li {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 12px;
    }
    @media (max-width: 900px) {
      .goal {
        grid-template-columns: 1fr 1fr;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProgrammeForm implements OnInit, HasUnsavedChanges {
  readonly id = input<string>();
  protected readonly i18n = inject(I18n);
  protected readonly auth = inject(AuthStore);
  protected readonly goalKeys = GOAL_KEYS;
  /** Goals from before goals were coded, left to fix; those removed here are dismissed when the form is saved. */
  protected readonly unmappedGoals = signal<UnmappedGoal[]>([]);
  private readonly api = inject(ProgrammesApi);
  private readonly router = inject(Router);
  private readonly drafts = inject(DraftStore);
  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly municipalities = signal<MunicipalityResponse[]>([]);
  /** The directory was read and holds no municipality yet. */
  protected readonly noMunicipalities = signal(false);
  protected readonly organisations = signal<OrganisationResponse[]>([]);
  protected readonly submit = formSubmit();
  protected readonly notice = signal('');
  /**
   * The form is shown only once the programme is read: typing into it earlier would be overwritten by the load,
   * and a save before it would send an empty form.
   */
  protected readonly loading = signal(true);
  protected readonly loadError = signal('');
  private version: number | null = null;

  protected readonly form = this.fb.group(
    {
      name: ['', [Validators.required, Validators.maxLength(200)]],
      ownerMunicipalityId: ['', Validators.required],
      municipalityIds: [[] as string[]],
      partnerOrganisationIds: [[] as string[]],
      startDate: ['', [Validators.required, isoDate]],
      endDate: ['', [Validators.required, isoDate]],
      targetGroup: ['', Validators.maxLength(4000)],
      goals: this.fb.array<GoalForm>([]),
      // True for new programmes as for older ones (docs/security.md, "Unreviewed translations").
      allowUnreviewedTranslations: [true],
    },
    { validators: endNotBeforeStart },
  );

  constructor() {
    const unregister = this.drafts.register(this.draftKey(), () => ({
      ...this.form.getRawValue(),
      version: this.version,
    }));
    inject(DestroyRef).onDestroy(unregister);
    warnBeforeUnload(() => this.hasUnsavedChanges());
  }

  hasUnsavedChanges(): boolean {
    return this.form.dirty;
  }

  get goals(): FormArray<GoalForm> {
    return this.form.controls.goals;
  }

  async ngOnInit(): Promise<void> {
    try {
      await this.load();
    } catch (e) {
      this.loadError.set(loadErrorText(e, this.i18n));
    } finally {
      this.loading.set(false);
    }
  }

  protected addGoal(
    g: { key: GoalKey | ''; targetValue: number | null; description?: string } = {
      key: this.goalKeys.find((k) => !this.goals.controls.some((c) => c.controls.key.value === k)) ?? '',
      targetValue: null,
    },
  ): void {
    this.goals.push(
      this.fb.group(
        {
          key: [g.key, Validators.required],
          targetValue: [g.targetValue, Validators.required],
          description: [g.description ?? '', Validators.maxLength(300)],
        },
        { validators: goalTarget },
      ),
    );
  }

  /** A goal is set once: another row has already chosen it. */
  protected chosenElsewhere(key: GoalKey, row: number): boolean {
    return this.goals.controls.some((c, i) => i !== row && c.controls.key.value === key);
  }

  protected unmappedText(u: UnmappedGoal): string {
    return this.i18n
      .t('goals.unmappedRow')
      .replace('{key}', u.key)
      .replace('{description}', u.description)
      .replace('{target}', String(u.targetValue))
      .replace('{unit}', labelOfStored('goalUnit', u.unit, this.i18n.lang(), u.unit));
  }

  protected dismissLabel(u: UnmappedGoal): string {
    return this.i18n.t('goals.dismissLabel').replace('{key}', u.key);
  }

  protected dismissUnmapped(i: number): void {
    this.unmappedGoals.update((list) => list.filter((_, j) => j !== i));
    this.form.markAsDirty();
  }

  protected removeGoal(i: number): void {
    this.goals.removeAt(i);
  }

  protected async save(): Promise<void> {
    const v = this.form.getRawValue();
    const body: CreateProgrammeRequest = {
      ...v,
      goals: v.goals.map((g) => ({
        key: g.key as GoalKey,
        targetValue: Number(g.targetValue),
        description: g.description,
      })),
    };
    const id = this.id();
    const result = await this.submit.run<unknown>(
      this.form,
      () =>
        id
          ? this.api.update(id, { ...body, version: this.version ?? 1, unmappedGoals: this.unmappedGoals() })
          : this.api.create(body),
      { done: this.i18n.t('lists.programmeSaved') },
    );
    if (result.ok) await this.router.navigate(['/insatser']);
  }

  protected errorOf(path: (string | number)[]): string {
    const c = this.form.get(path);
    if (!c || !c.touched || !c.errors) return '';
    return fieldErrorText(c.errors, (k) => this.i18n.t(k));
  }

  protected goalError(i: number): string {
    const g = this.goals.at(i);
    if (!g.touched) return '';
    if (g.errors?.['percentMax']) return this.i18n.t('form.percentMax');
    if (g.errors?.['negative']) return this.i18n.t('form.negative');
    if (g.errors?.['whole']) return this.i18n.t('goals.whole');
    const server: unknown = g.controls.targetValue.errors?.['server'];
    return typeof server === 'string' ? server : '';
  }

  private async load(): Promise<void> {
    const [m, o] = await Promise.all([
      firstValueFrom(this.api.municipalities()),
      firstValueFrom(this.api.organisations()),
    ]);
    this.municipalities.set(m);
    this.noMunicipalities.set(m.length === 0);
    this.organisations.set(o);
    const draft = this.drafts.take<FormValue>(this.draftKey());
    if (draft) {
      this.fill(draft);
      // A restored draft is work not yet saved: leaving asks, as it did before the session ended.
      this.form.markAsDirty();
      this.notice.set(this.i18n.t('form.draftRestored'));
      return;
    }
    const id = this.id();
    if (id) {
      const p = await firstValueFrom(this.api.get(id));
      this.fill({
        name: p.name,
        ownerMunicipalityId: p.ownerMunicipality.id,
        municipalityIds: p.municipalities.map((x) => x.id),
        partnerOrganisationIds: p.partnerOrganisations.map((x) => x.id),
        startDate: p.startDate,
        endDate: p.endDate,
        targetGroup: p.targetGroup,
        goals: p.goals,
        allowUnreviewedTranslations: p.allowUnreviewedTranslations,
        version: p.version,
        unmappedGoals: p.unmappedGoals,
      });
    } else {
      this.addGoal();
    }
  }

  private fill(v: FormValue): void {
    this.version = v.version;
    this.unmappedGoals.set(v.unmappedGoals ?? []);
    this.goals.clear();
    for (const g of v.goals) this.addGoal(g);
    this.form.patchValue({ ...v, goals: undefined });
  }

  private draftKey(): string {
    return `programme:${this.id() ?? 'new'}`;
  }
}
