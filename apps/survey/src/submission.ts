/**
 * Sends one answer until it arrives, or until the server has failed a few times. Every try carries the same
 * Idempotency-Key, so a try that did arrive before the line dropped is not stored twice. Without a connection it
 * keeps trying (the answer is fine, the line is not); a server error (5xx) is tried again `maxServerErrors` times,
 * then the caller offers to try later: the same error forever would be "we keep trying" that is not true.
 * The caller keeps the answers in the tab (visit.ts) until they are stored.
 */
export type SubmitState = 'sending' | 'offline' | 'retrying' | 'stored' | 'rejected' | 'failed';

export interface SubmitOutcome {
  /** Stored; refused (4xx: trying again cannot help); or failed (the server kept failing: try later). */
  state: 'stored' | 'rejected' | 'failed';
  status: number;
  body: unknown;
}

export interface SubmitOptions {
  url: string;
  key: string;
  body: unknown;
  /** Extra headers, e.g. the CSRF token when staff type in a paper answer with their session. */
  headers?: Record<string, string>;
  onState?: (s: SubmitState) => void;
  fetchImpl?: typeof fetch;
  /** Delay before try n (1-based): 1 s, 2 s, 4 s … at most 30 s. */
  delay?: (attempt: number) => number;
  sleep?: (ms: number) => Promise<void>;
  maxAttempts?: number;
  /** Server errors (5xx) in a row before giving up with state 'failed'; 3 unless told. */
  maxServerErrors?: number;
}

export const backoff = (attempt: number): number => Math.min(30_000, 1000 * 2 ** (attempt - 1));

export async function submitUntilStored(o: SubmitOptions): Promise<SubmitOutcome> {
  const f = o.fetchImpl ?? fetch;
  const sleep = o.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const delay = o.delay ?? backoff;
  const maxServerErrors = o.maxServerErrors ?? 3;
  let serverErrors = 0;
  let waiting: SubmitState = 'offline';
  for (let attempt = 1; ; attempt++) {
    o.onState?.(attempt === 1 ? 'sending' : waiting);
    try {
      const res = await f(o.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': o.key, ...o.headers },
        body: JSON.stringify(o.body),
        credentials: 'same-origin',
      });
      const body: unknown = await res.json().catch(() => null);
      // 409 while the twin request is still being processed: wait and ask again with the same key.
      if (res.ok) {
        o.onState?.('stored');
        return { state: 'stored', status: res.status, body };
      }
      if (res.status < 500 && res.status !== 409 && res.status !== 429) {
        o.onState?.('rejected');
        return { state: 'rejected', status: res.status, body };
      }
      if (res.status === 409 && (body as { type?: string } | null)?.type?.endsWith('/code-used')) {
        o.onState?.('rejected');
        return { state: 'rejected', status: res.status, body };
      }
      if (res.status >= 500) {
        serverErrors++;
        if (serverErrors >= maxServerErrors) {
          o.onState?.('failed');
          return { state: 'failed', status: res.status, body };
        }
        waiting = 'retrying';
      } else {
        // 409 (the twin try still being stored) or 429: the line works, the answer is on its way.
        serverErrors = 0;
        waiting = 'sending';
      }
    } catch {
      // The network is down: keep the answer and try again.
      serverErrors = 0;
      waiting = 'offline';
    }
    if (o.maxAttempts && attempt >= o.maxAttempts) throw new Error('gave up');
    o.onState?.(waiting);
    await sleep(delay(attempt));
  }
}
