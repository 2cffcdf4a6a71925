import { type HttpEvent, HttpEventType, type HttpResponse } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import type { Observable } from 'rxjs';
import { asProblem } from '../core/errors/problem-form';
import { I18n } from '../core/i18n/i18n';

export interface DownloadState {
  /** Which download is running (e.g. "xlsx"), or null. */
  key: string | null;
  received: number;
  /** Null when the server streams without a length (XLSX is written as it goes). */
  total: number | null;
  error: string;
}

/** The file name from Content-Disposition: the UTF-8 `filename*` when given, else the plain one. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const star = disposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (star) return decodeURIComponent(star);
  return disposition?.match(/filename="([^"]+)"/i)?.[1] ?? fallback;
}

/**
 * Downloads a file through the api client (`api.files.GET(…)` in a feature's API file), so a long export shows
 * how far it has come and a failure shows its reason instead of a broken file; then hands the bytes to the
 * browser's own save.
 */
@Injectable({ providedIn: 'root' })
export class DownloadWithProgress {
  private readonly i18n = inject(I18n);
  readonly state = signal<DownloadState>({ key: null, received: 0, total: null, error: '' });

  async download(key: string, request: Observable<HttpEvent<Blob>>, fallbackName: string): Promise<void> {
    this.state.set({ key, received: 0, total: null, error: '' });
    try {
      const res = await new Promise<HttpResponse<Blob>>((resolve, reject) => {
        request.subscribe({
          next: (e) => {
            if (e.type === HttpEventType.DownloadProgress)
              this.state.update((s) => ({ ...s, received: e.loaded, total: e.total ?? null }));
            if (e.type === HttpEventType.Response) resolve(e);
          },
          error: reject,
        });
      });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(res.body!);
      a.download = fileNameOf(res.headers.get('Content-Disposition'), fallbackName);
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
      this.state.set({ key: null, received: 0, total: null, error: '' });
    } catch (err) {
      // A problem+json body arrives as a Blob here; read it for the message.
      let detail = '';
      const body = (err as { error?: unknown }).error;
      if (body instanceof Blob) {
        const problem = (await body
          .text()
          .then((t): unknown => JSON.parse(t))
          .catch(() => null)) as { detail?: string; code?: string; params?: unknown } | null;
        detail = problem ? this.i18n.problem(problem.code, problem.params, problem.detail ?? '') : '';
      }
      this.state.set({
        key: null,
        received: 0,
        total: null,
        error: detail || asProblem(err, this.i18n.lang())?.detail || this.i18n.t('rep.downloadFailed'),
      });
    }
  }
}
