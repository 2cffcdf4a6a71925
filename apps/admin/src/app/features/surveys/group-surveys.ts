import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  type OnInit,
  signal,
} from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../../core/auth/auth-store';
import { applyProblemToForm, asProblem } from '../../core/errors/problem-form';
import { I18n } from '../../core/i18n/i18n';
import { fromStockholmInput, StockholmTimePipe, toStockholmInput } from '../../core/time/stockholm-time';
import type { SurveyLanguage } from '@stegvis/contracts';
import { ConfirmDialog } from '../../shared/confirm-dialog';
import { DownloadWithProgress } from '../../shared/download-with-progress';
import { FieldErrorPipe } from '../../shared/form/field-error';
import { Outcome } from '../../shared/outcome';
import { LabelPipe } from '../../core/i18n/labels';
import { SlipStore } from './slip-store';
import { SLIP_LANGUAGES } from './slip-texts';
import {
  type IssuedCode,
  type Pending,
  type QuestionSummary,
  type RoundSummary,
  type RoundView,
  SurveysApi,
} from './surveys-api';
import { TranslationReviews } from './translation-reviews';

/**
 * A group's survey rounds: open one (in Swedish time, warned when one is already open), give codes to those
 * enrolled since and replace lost ones, print the slips, watch the response rate, review free text, read the
 * summary. Results come only once a round has closed with at least k answers; until then the summary says so,
 * with the response rate, and staff see who has not answered.
 */
@Component({
  selector: 'sv-group-surveys',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    LabelPipe,
    StockholmTimePipe,
    FieldErrorPipe,
    TranslationReviews,
  ],
  templateUrl: './group-surveys.html',
  styleUrl: './group-surveys.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GroupSurveys implements OnInit {
  readonly groupId = input.required<string>();
  protected readonly i18n = inject(I18n);
  private readonly api = inject(SurveysApi);
  private readonly confirm = inject(ConfirmDialog);
  private readonly outcome = inject(Outcome);
  private readonly router = inject(Router);
  private readonly slipStore = inject(SlipStore);
  protected readonly canManage = inject(AuthStore).can('survey.manage');
  protected readonly rounds = signal<RoundView[]>([]);
  /** The codes just given out for this group, until printed (kept in memory only). */
  protected readonly slips = computed(() => {
    const b = this.slipStore.batch();
    return b && b.groupId === this.groupId() ? b.slips : [];
  });
  protected readonly selected = signal<RoundView | null>(null);
  protected readonly questions = signal<QuestionSummary[]>([]);
  /** Why the selected round's results are not shown yet, or null once they are. */
  protected readonly withheld = signal<RoundSummary['withheld']>(null);
  protected readonly pending = signal<Pending[]>([]);
  protected readonly withoutCode = computed(() => this.pending().filter((p) => !p.hasCode));
  protected readonly texts = signal<
    { responseId: string; question: string; text: string; reviewed: boolean }[]
  >([]);
  protected readonly busy = signal(false);
  /** The paper questionnaire's language, named as on the code slips (slip-texts.ts) and in Swedish. */
  protected readonly languages = SLIP_LANGUAGES;
  protected readonly paperLanguage = signal<SurveyLanguage>('sv');
  protected readonly download = inject(DownloadWithProgress);
  // Swedish wall time, as typed; sent as UTC.
  protected readonly form = inject(FormBuilder).nonNullable.group({
    opensAt: [toStockholmInput(Date.now()), Validators.required],
    closesAt: [toStockholmInput(Date.now() + 7 * 86_400_000), Validators.required],
  });
  protected readonly error = signal('');
  private readonly time = new StockholmTimePipe();

  async ngOnInit(): Promise<void> {
    await this.load();
  }

  protected isOpen(r: RoundView): boolean {
    return new Date(r.closesAt).getTime() > Date.now();
  }

  protected async open(): Promise<void> {
    this.error.set('');
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    // A second open round gives everyone a second code: allowed (a re-run), but never by mistake.
    const existing = this.rounds().find((r) => this.isOpen(r));
    if (
      existing &&
      !(await this.confirm.ask({
        title: this.i18n.t('sr.openExistsTitle'),
        message: this.i18n
          .t('sr.openExists')
          .replace('{opens}', this.time.transform(existing.opensAt))
          .replace('{closes}', this.time.transform(existing.closesAt)),
        confirm: this.i18n.t('sr.openAnyway'),
        cancel: this.i18n.t('sr.cancel'),
      }))
    )
      return;
    this.busy.set(true);
    try {
      const r = await firstValueFrom(
        this.api.open({
          groupId: this.groupId(),
          questionnaireId: 'end-of-group',
          opensAt: fromStockholmInput(v.opensAt),
          closesAt: fromStockholmInput(v.closesAt),
        }),
      );
      await this.keepSlips(r.id, r.closesAt, r.codes);
      this.outcome.done(this.i18n.t('sr.opened').replace('{n}', String(r.codes.length)));
      await this.load();
    } catch (err) {
      const p = asProblem(err, this.i18n.lang());
      const rest = applyProblemToForm(this.form, p);
      if (rest.length || !p?.errors?.length)
        this.error.set(rest[0]?.message ?? p?.detail ?? this.i18n.t('error.generic'));
    } finally {
      this.busy.set(false);
    }
  }

  protected async show(r: RoundView): Promise<void> {
    this.selected.set(r);
    const summary = await firstValueFrom(this.api.summary(r.id));
    this.withheld.set(summary.withheld);
    this.questions.set(summary.questions);
    if (this.canManage) {
      await this.loadPending(r.id);
      // Free text waits for the same release as the figures (the api answers 422 until then).
      this.texts.set(summary.withheld ? [] : await firstValueFrom(this.api.freeText(r.id)));
    }
  }

  /** A first code for those enrolled since the round opened. */
  protected async giveCodes(people: readonly Pending[]): Promise<void> {
    const r = this.selected();
    if (!r || people.length === 0) return;
    await this.issue(
      r,
      people.map((p) => p.enrolmentId),
      this.i18n.t('sr.given').replace('{n}', String(people.length)),
    );
  }

  /** A new code for a lost one: the old code stops working at once, so ask first. */
  protected async reissue(p: Pending): Promise<void> {
    const r = this.selected();
    if (!r) return;
    const ok = await this.confirm.ask({
      title: this.i18n.t('sr.reissueTitle').replace('{name}', p.displayName),
      message: this.i18n.t('sr.reissueMessage'),
      confirm: this.i18n.t('sr.reissue'),
      cancel: this.i18n.t('sr.cancel'),
    });
    if (!ok) return;
    await this.issue(r, [p.enrolmentId], this.i18n.t('sr.reissued').replace('{name}', p.displayName));
  }

  private async issue(r: RoundView, enrolmentIds: string[], done: string): Promise<void> {
    this.busy.set(true);
    try {
      const codes = await firstValueFrom(this.api.issueCodes(r.id, enrolmentIds));
      await this.keepSlips(r.id, r.closesAt, codes);
      this.outcome.done(done);
      await this.load();
      await this.loadPending(r.id);
    } catch (err) {
      this.outcome.failed(err);
    } finally {
      this.busy.set(false);
    }
  }

  /** The round's questionnaire as a PDF in the chosen language, for those who answer on paper. */
  protected async paperPdf(r: RoundView): Promise<void> {
    const language = this.paperLanguage();
    await this.download.download(
      `paper-${r.id}`,
      this.api.paperQuestionnairePdf(r.id, language),
      `pappersenkat-${language}.pdf`,
    );
    if (!this.download.state().error) this.outcome.done(this.i18n.t('sr.paperPdfDone'));
  }

  protected printSlips(): void {
    void this.router.navigate(['/utskrift/kodlappar']);
  }

  protected async review(
    t: { responseId: string; question: string; text: string },
    status: 'approved' | 'redacted',
    edited?: string,
  ): Promise<void> {
    const r = this.selected()!;
    try {
      await firstValueFrom(
        this.api.review(r.id, {
          responseId: t.responseId,
          question: t.question,
          status,
          ...(status === 'redacted' ? { text: edited ?? '' } : {}),
        }),
      );
      this.outcome.done();
    } catch (err) {
      this.outcome.failed(err);
    }
    await this.show(r);
  }

  protected choiceText(c: { value: string | number | boolean; text: string }): string {
    return typeof c.value === 'boolean' ? (c.value ? this.i18n.t('s.yes') : this.i18n.t('s.no')) : c.text;
  }

  private async keepSlips(roundId: string, closesAt: string, codes: readonly IssuedCode[]): Promise<void> {
    await this.slipStore.keep({ groupId: this.groupId(), roundId, closesAt }, codes);
  }

  private async loadPending(roundId: string): Promise<void> {
    this.pending.set(await firstValueFrom(this.api.pending(roundId)));
  }

  private async load(): Promise<void> {
    const rounds = await firstValueFrom(this.api.rounds(this.groupId()));
    this.rounds.set(rounds);
    const sel = this.selected();
    if (sel) this.selected.set(rounds.find((r) => r.id === sel.id) ?? null);
  }
}
