import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { SURVEY_LANGUAGES, type SurveyLanguage } from '@stegvis/contracts';
import { firstValueFrom } from 'rxjs';
import { asProblem } from '../../core/errors/problem-form';
import { I18n, type TextKey } from '../../core/i18n/i18n';
import { Labels } from '../../core/i18n/labels';
import { StockholmTimePipe } from '../../core/time/stockholm-time';
import { ConfirmDialog } from '../../shared/confirm-dialog';
import { Outcome } from '../../shared/outcome';
import { Microphone, recordingFileName } from './microphone';
import { type RecordableText, RecordingsApi, recordingUrl } from './recordings-api';
import { SLIP_LANGUAGES } from './slip-texts';
import { TextRecorder } from './text-recorder';

/** The site's own texts, named as staff know them (packages/questionnaires' MESSAGE_AUDIO). */
const MESSAGE_LABELS: Record<string, TextKey | undefined> = {
  'message:thanks': 'au.messageThanks',
  'message:serverError': 'au.messageError',
  'message:fixAnswers': 'au.messageFixAnswers',
  'message:code': 'au.messageCode',
  'message:unknown': 'au.messageUnknown',
  'message:used': 'au.messageUsed',
  'message:closed': 'au.messageClosed',
};

const VOICELESS_FIRST: readonly SurveyLanguage[] = ['so', 'ti', 'prs', 'ar', 'en'];

/**
 * Recorded readings of a questionnaire version's texts, one language at a time: each text as the participant sees
 * it (for the person reading it in), whether it is recorded, by whom and when, a player to listen, and upload,
 * replace and remove. The survey site plays a recording where it exists, also on phones with no voice.
 */
@Component({
  selector: 'sv-recordings',
  imports: [MatButtonModule, MatFormFieldModule, MatSelectModule, TextRecorder],
  template: `
    <section class="card" data-testid="recordings" aria-labelledby="recordings-title">
      <h2 id="recordings-title">{{ i18n.t('au.title') }}</h2>
      <p class="muted">{{ i18n.t('au.intro') }}</p>
      <div class="bar">
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ i18n.t('au.language') }}</mat-label>
          <mat-select
            [value]="language()"
            (valueChange)="language.set($event)"
            [disabled]="mic.holder() !== null"
            data-testid="recording-language"
          >
            @for (l of languages; track l) {
              <mat-option [value]="l">{{ languageName(l) }}</mat-option>
            }
          </mat-select>
          @if (mic.holder() !== null) {
            <mat-hint data-testid="recording-language-hint">{{ i18n.t('au.unsaved') }}</mat-hint>
          }
        </mat-form-field>
        <p data-testid="recording-count" role="status">
          {{
            i18n
              .t('au.count')
              .replace('{n}', '' + recorded())
              .replace('{total}', '' + texts().length)
          }}
        </p>
      </div>
      <ol class="texts">
        @for (t of texts(); track t.key; let i = $index) {
          <li data-testid="recordable" [attr.data-key]="t.key">
            <div class="head">
              <strong>{{ label(i) }}</strong>
              @if (i > 0 && swedishTitle(i); as title) {
                <span class="sv-title" lang="sv">{{ title }}</span>
              }
              <span data-testid="recording-status" [class.missing]="!t.recording">{{ status(t) }}</span>
            </div>
            <p class="text" [attr.lang]="htmlLang()" [attr.dir]="dir()" data-testid="recordable-text">
              {{ t.text }}
            </p>
            <div class="actions">
              @if (t.recording; as r) {
                <audio
                  controls
                  preload="none"
                  [src]="url(r.id)"
                  [attr.aria-label]="i18n.t('au.listen').replace('{text}', label(i))"
                  data-testid="recording-player"
                ></audio>
              }
              @if (mic.supported) {
                <sv-text-recorder
                  [key]="t.key"
                  [label]="label(i)"
                  [disabled]="busy()"
                  [recorded]="!!t.recording"
                  [store]="saver(t, i)"
                />
              }
              <input
                #file
                type="file"
                accept="audio/*"
                hidden
                (change)="upload(t, i, $event)"
                data-testid="recording-file"
              />
              <button
                mat-stroked-button
                type="button"
                [disabled]="busy() || mic.holder() === t.key"
                (click)="file.click()"
                [attr.aria-label]="actionFor(t.recording ? 'au.replace' : 'au.upload', i)"
                data-testid="recording-upload"
              >
                {{ i18n.t(t.recording ? 'au.replace' : 'au.upload') }}
              </button>
              @if (t.recording) {
                <button
                  mat-button
                  type="button"
                  [disabled]="busy()"
                  (click)="remove(t, i)"
                  [attr.aria-label]="i18n.t('au.removeFor').replace('{text}', label(i))"
                  data-testid="recording-remove"
                >
                  {{ i18n.t('au.remove') }}
                </button>
              }
            </div>
            @if (errors()[t.key]; as e) {
              <p class="error-banner" role="alert" data-testid="recording-error">{{ e }}</p>
            }
          </li>
        }
      </ol>
    </section>
  `,
  styles: `
    .card {
      background: white;
      border-radius: 8px;
      padding: 16px;
      margin-bottom: 16px;
    }
    .bar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 16px;
    }
    .texts {
      list-style: none;
      padding: 0;
      margin: 8px 0 0;
    }
    .texts > li {
      border-top: 1px solid #e0e0e0;
      padding: 12px 0;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      align-items: baseline;
    }
    .sv-title {
      color: #424242;
    }
    .missing {
      color: #8a3a00;
      font-weight: 500;
    }
    .text {
      white-space: pre-line;
      margin: 6px 0;
      font-size: 1.05rem;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    audio {
      height: 36px;
      max-width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Recordings {
  readonly questionnaireId = input.required<string>();
  readonly version = input.required<number>();
  protected readonly i18n = inject(I18n);
  private readonly labels = inject(Labels);
  private readonly api = inject(RecordingsApi);
  private readonly confirm = inject(ConfirmDialog);
  private readonly outcome = inject(Outcome);
  /** The languages phones most often have no voice for come first; Swedish, which every phone reads, last. */
  protected readonly languages: readonly SurveyLanguage[] = [
    ...VOICELESS_FIRST,
    ...SURVEY_LANGUAGES.filter((l) => !VOICELESS_FIRST.includes(l)),
  ];
  protected readonly language = signal<SurveyLanguage>(this.languages[0]);
  protected readonly texts = signal<RecordableText[]>([]);
  private readonly swedish = signal<RecordableText[]>([]);
  protected readonly busy = signal(false);
  /** A failed upload's reason, at its text: the other texts and the chosen language stay as they were. */
  protected readonly errors = signal<Record<string, string>>({});
  protected readonly recorded = computed(() => this.texts().filter((t) => t.recording).length);
  /** The texts' own language tag and direction (Arabic and Dari right to left), as on the code slips. */
  private readonly script = computed(() => SLIP_LANGUAGES.find((l) => l.code === this.language()));
  protected readonly htmlLang = computed(() => this.script()?.lang ?? this.language());
  protected readonly dir = computed(() => this.script()?.dir ?? 'ltr');
  protected readonly url = recordingUrl;
  private readonly time = new StockholmTimePipe();
  protected readonly mic = inject(Microphone);

  constructor() {
    effect(() => void this.load(this.questionnaireId(), this.version(), this.language()));
    effect(() => void this.loadSwedish(this.questionnaireId(), this.version()));
  }

  protected languageName(language: SurveyLanguage): string {
    return this.labels.of('surveyLanguage', language);
  }

  /**
   * "Inledning", then "Fråga 1", "Fråga 2" … in the questionnaire's order, then the site's own texts. No "of
   * N": the survey site counts only the questions a person is shown (a follow-up question may be skipped), so its
   * numbers can differ.
   */
  protected label(index: number): string {
    const key = this.texts()[index]?.key ?? '';
    if (key === 'intro') return this.i18n.t('au.introText');
    const message = MESSAGE_LABELS[key];
    if (message) return this.i18n.t(message);
    return this.i18n.t('au.question').replace('{n}', '' + index);
  }

  /** The question in Swedish beside its number: staff find it whichever language they record. */
  protected swedishTitle(index: number): string {
    return this.swedish()[index]?.text.split('\n')[0] ?? '';
  }

  protected actionFor(action: 'au.upload' | 'au.replace', index: number): string {
    return `${this.i18n.t(action)}: ${this.label(index)}`;
  }

  protected status(t: RecordableText): string {
    const r = t.recording;
    if (!r) return this.i18n.t('au.none');
    return this.i18n
      .t('au.by')
      .replace('{name}', r.uploadedBy.displayName)
      .replace('{time}', this.time.transform(r.uploadedAt));
  }

  protected async upload(t: RecordableText, index: number, event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    await this.store(t, index, file, file.name);
    input.value = '';
  }

  /** What a text's recorder calls to store its recording (the text and language it was made for). */
  protected saver(t: RecordableText, index: number): (recording: Blob) => Promise<boolean> {
    return (recording) => this.store(t, index, recording, recordingFileName(t.key, recording.type));
  }

  /** Uploads a file or a recording for a text; true when it is stored, else its reason shows at the text. */
  private async store(t: RecordableText, index: number, audio: Blob, name: string): Promise<boolean> {
    this.busy.set(true);
    this.setError(t.key, '');
    try {
      const saved = await firstValueFrom(
        this.api.upload(this.questionnaireId(), this.version(), this.language(), t.key, audio, name),
      );
      this.texts.update((all) => all.map((x) => (x.key === saved.key ? saved : x)));
      this.outcome.done(this.i18n.t('au.uploaded').replace('{text}', this.label(index).toLowerCase()));
      return true;
    } catch (err) {
      const p = asProblem(err, this.i18n.lang());
      if (p?.status === 401) return false;
      this.setError(
        t.key,
        p?.status === 413
          ? this.i18n.t('au.tooLarge')
          : p?.status === 415
            ? this.i18n.t('au.wrongType')
            : (p?.detail ?? this.i18n.t('shared.saveFailed')),
      );
      return false;
    } finally {
      this.busy.set(false);
    }
  }

  protected async remove(t: RecordableText, index: number): Promise<void> {
    const text = this.label(index).toLowerCase();
    const ok = await this.confirm.ask({
      title: this.i18n.t('au.confirmTitle'),
      message: this.i18n.t('au.confirmMessage').replace('{text}', text),
      confirm: this.i18n.t('au.confirm'),
      cancel: this.i18n.t('tr.cancel'),
    });
    if (!ok) return;
    this.busy.set(true);
    try {
      await firstValueFrom(this.api.remove(this.questionnaireId(), this.version(), this.language(), t.key));
      this.texts.update((all) => all.map((x) => (x.key === t.key ? { ...x, recording: null } : x)));
      this.outcome.done(this.i18n.t('au.removed').replace('{text}', text));
    } catch (err) {
      this.outcome.failed(err);
    } finally {
      this.busy.set(false);
    }
  }

  private setError(key: string, text: string): void {
    this.errors.update((all) => ({ ...all, [key]: text }));
  }

  private async loadSwedish(id: string, version: number): Promise<void> {
    try {
      this.swedish.set(await firstValueFrom(this.api.texts(id, version, 'sv')));
    } catch {
      // Only the headings' Swedish titles are missing: the list itself shows its own error.
      this.swedish.set([]);
    }
  }

  private async load(id: string, version: number, language: SurveyLanguage): Promise<void> {
    this.errors.set({});
    try {
      this.texts.set(await firstValueFrom(this.api.texts(id, version, language)));
    } catch (err) {
      this.outcome.failed(err);
    }
  }
}
