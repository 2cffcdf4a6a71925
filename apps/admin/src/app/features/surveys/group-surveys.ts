import { ChangeDetectionStrategy, Component, inject, input, type OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { toDataURL } from 'qrcode';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../../core/auth/auth-store';
import { asProblem } from '../../core/errors/problem-form';
import { I18n } from '../../core/i18n/i18n';
import { fromStockholmInput, StockholmTimePipe, toStockholmInput } from '../../core/time/stockholm-time';
import {
  type IssuedCode,
  type QuestionSummary,
  type RoundSummary,
  type RoundView,
  SurveysApi,
} from './surveys-api';

/**
 * A group's survey rounds: open one (codes, QR, slips), watch the response rate, review free text, read the
 * summary. Results (figures and free text) come only once a round has closed with at least k answers; until then
 * the summary says so, with the response rate, and staff see who has not answered.
 */
@Component({
  selector: 'sv-group-surveys',
  imports: [FormsModule, MatButtonModule, MatIconModule, StockholmTimePipe],
  templateUrl: './group-surveys.html',
  styleUrl: './group-surveys.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GroupSurveys implements OnInit {
  readonly groupId = input.required<string>();
  protected readonly i18n = inject(I18n);
  private readonly api = inject(SurveysApi);
  protected readonly canManage = inject(AuthStore).can('survey.manage');
  protected readonly rounds = signal<RoundView[]>([]);
  protected readonly issued = signal<(IssuedCode & { link: string; qr: string })[]>([]);
  protected readonly selected = signal<string | null>(null);
  protected readonly questions = signal<QuestionSummary[]>([]);
  /** Why the selected round's results are not shown yet, or null once they are. */
  protected readonly withheld = signal<RoundSummary['withheld']>(null);
  protected readonly pending = signal<string[]>([]);
  protected readonly texts = signal<
    { responseId: string; question: string; text: string; reviewed: boolean }[]
  >([]);
  // Swedish wall time, as typed; sent as UTC.
  protected readonly opensAt = signal(toStockholmInput(Date.now()));
  protected readonly closesAt = signal(toStockholmInput(Date.now() + 7 * 86_400_000));
  protected readonly error = signal('');

  async ngOnInit(): Promise<void> {
    await this.load();
  }

  protected async open(): Promise<void> {
    this.error.set('');
    try {
      const r = await firstValueFrom(
        this.api.open({
          groupId: this.groupId(),
          questionnaireId: 'end-of-group',
          opensAt: fromStockholmInput(this.opensAt()),
          closesAt: fromStockholmInput(this.closesAt()),
        }),
      );
      const base = `${location.origin}/s/`;
      this.issued.set(
        await Promise.all(
          r.codes.map(async (c) => ({
            ...c,
            link: `${base}?t=${c.token}`,
            qr: await toDataURL(`${base}?t=${c.token}`, { margin: 1, width: 220, errorCorrectionLevel: 'M' }),
          })),
        ),
      );
      await this.load();
    } catch (err) {
      const p = asProblem(err, this.i18n.lang());
      this.error.set(p?.errors?.[0]?.message ?? p?.detail ?? this.i18n.t('error.generic'));
    }
  }

  protected async show(id: string): Promise<void> {
    this.selected.set(id);
    const summary = await firstValueFrom(this.api.summary(id));
    this.withheld.set(summary.withheld);
    this.questions.set(summary.questions);
    if (this.canManage) {
      this.pending.set((await firstValueFrom(this.api.pending(id))).map((p) => p.displayName));
      // Free text waits for the same release as the figures (the api answers 422 until then).
      this.texts.set(summary.withheld ? [] : await firstValueFrom(this.api.freeText(id)));
    }
  }

  protected async review(
    t: { responseId: string; question: string; text: string },
    status: 'approved' | 'redacted',
    edited?: string,
  ): Promise<void> {
    await firstValueFrom(
      this.api.review(this.selected()!, {
        responseId: t.responseId,
        question: t.question,
        status,
        ...(status === 'redacted' ? { text: edited ?? '' } : {}),
      }),
    );
    await this.show(this.selected()!);
  }

  protected print(): void {
    window.print();
  }

  protected choiceText(c: { value: string | number | boolean; text: string }): string {
    return typeof c.value === 'boolean' ? (c.value ? this.i18n.t('s.yes') : this.i18n.t('s.no')) : c.text;
  }

  private async load(): Promise<void> {
    this.rounds.set(await firstValueFrom(this.api.rounds(this.groupId())));
  }
}
