import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  type OnDestroy,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { I18n } from '../../core/i18n/i18n';
import { MAX_RECORDING_SECONDS, Microphone } from './microphone';

type State = 'idle' | 'starting' | 'recording' | 'recorded' | 'saving';

/**
 * Records one text with the computer's microphone: "Spela in", a running clock and "Stoppa", then the recording to
 * listen to before "Spara inspelningen", "Spela in igen" or "Kasta". A failed save keeps the recording, so the
 * reading need not be done again.
 */
@Component({
  selector: 'sv-text-recorder',
  imports: [MatButtonModule],
  template: `
    @if (state() === 'recording') {
      <!-- Announced once when recording starts; the clock ticks silently, or a screen reader would say every second. -->
      <span class="live" data-testid="recorder-clock">
        <span class="dot" aria-hidden="true"></span>
        <span role="status">{{ i18n.t('au.recordingNow') }}</span>
        <span aria-hidden="true">{{ clock() }}</span>
      </span>
      <button
        mat-flat-button
        type="button"
        (click)="stop()"
        [attr.aria-label]="i18n.t('au.stopFor').replace('{text}', label())"
        data-testid="recorder-stop"
      >
        {{ i18n.t('au.stop') }}
      </button>
    } @else if (state() === 'recorded' || state() === 'saving') {
      <span class="review" data-testid="recorder-review">
        <audio
          controls
          [src]="preview()"
          [attr.aria-label]="i18n.t('au.listenNew').replace('{text}', label())"
          data-testid="recorder-preview"
        ></audio>
        <button
          mat-flat-button
          type="button"
          [disabled]="state() === 'saving'"
          (click)="save()"
          [attr.aria-label]="i18n.t('au.saveFor').replace('{text}', label())"
          data-testid="recorder-save"
        >
          {{ i18n.t('au.save') }}
        </button>
        <button mat-stroked-button type="button" [disabled]="state() === 'saving'" (click)="again()">
          {{ i18n.t('au.again') }}
        </button>
        <button mat-button type="button" [disabled]="state() === 'saving'" (click)="discard()">
          {{ i18n.t('au.discard') }}
        </button>
      </span>
    } @else {
      <button
        mat-stroked-button
        type="button"
        [disabled]="disabled() || state() === 'starting' || (mic.holder() !== null && mic.holder() !== key())"
        (click)="start()"
        [attr.aria-label]="i18n.t(recorded() ? 'au.againFor' : 'au.recordFor').replace('{text}', label())"
        data-testid="recorder-start"
      >
        {{ i18n.t(recorded() ? 'au.again' : 'au.record') }}
      </button>
    }
    @if (refusal(); as r) {
      <p class="error-banner" role="alert" data-testid="recorder-error">
        {{ i18n.t(r === 'missing' ? 'au.noMicrophone' : 'au.microphoneDenied') }}
      </p>
    }
  `,
  styles: `
    :host {
      display: contents;
    }
    .live {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      font-weight: 500;
      color: #8a1c1c;
      font-variant-numeric: tabular-nums;
    }
    .dot {
      width: 10px;
      height: 10px;
      border-radius: 50%;
      background: #c62828;
    }
    .review {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    audio {
      height: 36px;
      max-width: 100%;
    }
    .error-banner {
      flex-basis: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TextRecorder implements OnDestroy {
  /** The text's key; the microphone is held under it. */
  readonly key = input.required<string>();
  /** The text's name for the buttons' accessible names ("Fråga 2"). */
  readonly label = input.required<string>();
  readonly disabled = input(false);
  /** Whether the text has a stored recording: the button then reads "Spela in igen". */
  readonly recorded = input(false);
  /** Uploads the recording; true when it is stored, and the recorder is then ready for the next reading. */
  readonly store = input.required<(recording: Blob) => Promise<boolean>>();
  protected readonly i18n = inject(I18n);
  protected readonly mic = inject(Microphone);
  protected readonly state = signal<State>('idle');
  protected readonly refusal = signal<'denied' | 'missing' | null>(null);
  private readonly seconds = signal(0);
  protected readonly clock = computed(() => {
    const s = this.seconds();
    return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  });
  private recording: Blob | null = null;
  protected readonly preview = signal<string>('');
  private timer: ReturnType<typeof setInterval> | undefined;

  protected async start(): Promise<void> {
    this.refusal.set(null);
    this.state.set('starting');
    const refused = await this.mic.start(this.key());
    if (refused) {
      if (refused !== 'released') this.refusal.set(refused);
      this.state.set('idle');
      return;
    }
    this.seconds.set(0);
    this.state.set('recording');
    this.timer = setInterval(() => {
      this.seconds.update((s) => s + 1);
      if (this.seconds() >= MAX_RECORDING_SECONDS) void this.stop();
    }, 1000);
  }

  protected async stop(): Promise<void> {
    clearInterval(this.timer);
    if (this.state() !== 'recording') return;
    this.state.set('saving');
    this.recording = await this.mic.stop();
    this.setPreview(URL.createObjectURL(this.recording));
    this.state.set('recorded');
  }

  protected async save(): Promise<void> {
    if (!this.recording) return;
    this.state.set('saving');
    const stored = await this.store()(this.recording);
    if (stored) this.reset();
    else this.state.set('recorded');
  }

  protected async again(): Promise<void> {
    this.reset();
    await this.start();
  }

  protected discard(): void {
    this.reset();
  }

  ngOnDestroy(): void {
    this.reset();
  }

  private reset(): void {
    clearInterval(this.timer);
    this.recording = null;
    this.setPreview('');
    this.mic.release(this.key());
    this.state.set('idle');
  }

  private setPreview(url: string): void {
    if (this.preview()) URL.revokeObjectURL(this.preview());
    this.preview.set(url);
  }
}
