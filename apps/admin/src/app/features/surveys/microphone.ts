import { Injectable, signal } from '@angular/core';

/** Why the browser gave no microphone: the person (or the browser's settings) said no, or there is none. */
export type MicrophoneRefusal = 'denied' | 'missing';

/** The longest reading taken in one go: a questionnaire text read slowly takes well under a minute. */
export const MAX_RECORDING_SECONDS = 180;

/**
 * Formats the browser can record that the api accepts and the survey site plays (apps/api audio-content.ts):
 * Chromium and Firefox record Opus in WebM or Ogg, Safari AAC in MP4.
 */
const FORMATS = ['audio/webm;codecs=opus', 'audio/webm', 'audio/ogg;codecs=opus', 'audio/mp4'];

/**
 * The computer's microphone, for reading the questionnaire's texts in. One text at a time holds it, from "Spela in"
 * until its recording is saved or thrown away: the other texts cannot start, and the language cannot change under
 * an unsaved recording.
 */
@Injectable({ providedIn: 'root' })
export class Microphone {
  /** Whether this browser can record at all (MediaRecorder and a secure page). */
  readonly supported =
    typeof MediaRecorder !== 'undefined' && typeof navigator !== 'undefined' && !!navigator.mediaDevices;
  /** The text that holds the microphone or an unsaved recording, if any. */
  readonly holder = signal<string | null>(null);
  private recorder: MediaRecorder | null = null;
  private chunks: Blob[] = [];

  /**
   * Starts recording for `key`; refuses with the reason when the browser gives no microphone, or with 'released'
   * when `key` let go (its screen closed) while the browser was still asking.
   */
  async start(key: string): Promise<MicrophoneRefusal | 'released' | null> {
    // The other texts' buttons are disabled while one holds the microphone; reaching here is a bug, not a refusal.
    if (this.holder() !== null && this.holder() !== key)
      throw new Error(`The microphone is held by ${this.holder()}`);
    this.holder.set(key);
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({
        audio: { echoCancellation: true, noiseSuppression: true },
      });
    } catch (err) {
      this.holder.set(null);
      const name = (err as { name?: string }).name;
      return name === 'NotFoundError' || name === 'OverconstrainedError' ? 'missing' : 'denied';
    }
    if (this.holder() !== key) {
      // Without this the microphone would stay on, its light lit, for a screen that is gone.
      stream.getTracks().forEach((t) => t.stop());
      return 'released';
    }
    const mimeType = FORMATS.find((f) => MediaRecorder.isTypeSupported(f));
    this.chunks = [];
    this.recorder = new MediaRecorder(stream, mimeType ? { mimeType } : undefined);
    this.recorder.addEventListener('dataavailable', (e) => {
      if (e.data.size > 0) this.chunks.push(e.data);
    });
    this.recorder.start();
    return null;
  }

  /** Stops the recording and gives it back; the microphone is let go, the text still holds its recording. */
  stop(): Promise<Blob> {
    const recorder = this.recorder;
    if (!recorder) return Promise.resolve(new Blob([]));
    return new Promise((resolve) => {
      recorder.addEventListener(
        'stop',
        () => {
          recorder.stream.getTracks().forEach((t) => t.stop());
          this.recorder = null;
          // The type without its codec: the upload is checked by its content, and that is what the file is.
          resolve(new Blob(this.chunks, { type: recorder.mimeType.split(';')[0] || 'audio/webm' }));
        },
        { once: true },
      );
      recorder.stop();
    });
  }

  /** Lets go of everything `key` holds (saved, thrown away, or its screen closed). */
  release(key: string): void {
    if (this.holder() !== key) return;
    if (this.recorder) {
      this.recorder.stream.getTracks().forEach((t) => t.stop());
      if (this.recorder.state !== 'inactive') this.recorder.stop();
      this.recorder = null;
    }
    this.chunks = [];
    this.holder.set(null);
  }
}

/** The file name a recording is uploaded under, from its text's key and type: `question-q2.webm`. */
export function recordingFileName(key: string, type: string): string {
  const extension = type.includes('ogg') ? 'ogg' : type.includes('mp4') ? 'm4a' : 'webm';
  return `${key.replace(/[^a-z0-9]+/gi, '-')}.${extension}`;
}
