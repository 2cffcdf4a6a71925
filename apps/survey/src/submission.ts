/**
 * Sends one answer until it arrives. The answer stays in memory (never in browser storage: a shared tablet must
 * not keep it), every try carries the same Idempotency-Key, so a try that did arrive before the line dropped is
 * not stored twice.
 */
export type SubmitState = 'sending' | 'offline' | 'stored' | 'rejected';

export interface SubmitOutcome {
  state: 'stored' | 'rejected';
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
}

export const backoff = (attempt: number): number => Math.min(30_000, 1000 * 2 ** (attempt - 1));

export async function submitUntilStored(o: SubmitOptions): Promise<SubmitOutcome> {
  const f = o.fetchImpl ?? fetch;
  const sleep = o.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const delay = o.delay ?? backoff;
  for (let attempt = 1; ; attempt++) {
    o.onState?.(attempt === 1 ? 'sending' : 'offline');
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
    } catch {
      // The network is down: keep the answer and try again.
    }
    if (o.maxAttempts && attempt >= o.maxAttempts) throw new Error('gave up');
    o.onState?.('offline');
    await sleep(delay(attempt));
  }
}
