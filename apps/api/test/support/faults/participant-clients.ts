/**
 * Participants answering a survey the way the survey site does (exchange the code for the cookie, then submit with
 * an Idempotency-Key), retrying with backoff under the same key until the api acknowledges with a 2xx. Each answer
 * carries a unique marker in its free-text field, so the stored rows can be matched to what was acknowledged.
 */
export interface Outcome {
  marker: string;
  /** When the 2xx arrived (ms since epoch), or null when the client gave up. */
  ackAt: number | null;
  /** Status of the final reply when it was not a 2xx (e.g. 409 code used: an answer stored but never acknowledged). */
  failure: string | null;
  /** Attempts that did not get a 2xx before one did (exchange and submit together). */
  retries: number;
}

export interface RunTally {
  outcomes: Outcome[];
  requests: number;
  /** Non-2xx replies and network errors seen along the way, by status ("ECONN" for no reply). */
  statuses: Record<string, number>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const answerFor = (marker: string, i: number) => ({
  language: 'sv',
  answers: {
    overall: (i % 5) + 1,
    lectures: 4,
    talks: 5,
    internship: 'no',
    time: 'right',
    wants: ['study_visits'],
    next: 'work',
    comment: marker,
  },
});

/** A 409 that only says "a twin is still running" may be retried; "code already used" may not. */
const retryable = (status: number, body: string) =>
  status >= 500 || status === 429 || (status === 409 && !body.includes('code-used'));

async function attempt(
  tally: RunTally,
  url: string,
  init: RequestInit,
): Promise<{ status: number; body: string }> {
  tally.requests++;
  try {
    const r = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
    const body = await r.text();
    if (r.status >= 300) tally.statuses[r.status] = (tally.statuses[r.status] ?? 0) + 1;
    return { status: r.status, body };
  } catch {
    tally.statuses.ECONN = (tally.statuses.ECONN ?? 0) + 1;
    return { status: 0, body: '' };
  }
}

async function answerOne(
  api: string,
  token: string,
  marker: string,
  i: number,
  deadline: number,
  tally: RunTally,
): Promise<Outcome> {
  const outcome: Outcome = { marker, ackAt: null, failure: null, retries: 0 };
  const backoff = () =>
    sleep(Math.min(1000, 50 * 2 ** Math.min(outcome.retries++, 5)) * (0.5 + Math.random() / 2));
  const json = { 'content-type': 'application/json' };
  for (;;) {
    const r = await attempt(tally, `${api}/api/public/surveys/session`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ token }),
    });
    if (r.status === 200) break;
    if ((r.status !== 0 && !retryable(r.status, r.body)) || Date.now() > deadline)
      return { ...outcome, failure: `session ${r.status} ${r.body}` };
    await backoff();
  }
  const key = `fault-${marker}`;
  const body = JSON.stringify(answerFor(marker, i));
  for (;;) {
    const r = await attempt(tally, `${api}/api/public/surveys/current/responses`, {
      method: 'POST',
      headers: { ...json, cookie: `stegvis_survey=${token}`, 'idempotency-key': key },
      body,
    });
    if (r.status >= 200 && r.status < 300) return { ...outcome, ackAt: Date.now() };
    if ((r.status !== 0 && !retryable(r.status, r.body)) || Date.now() > deadline)
      return { ...outcome, failure: `submit ${r.status} ${r.body}` };
    await backoff();
  }
}

/**
 * `clients` participants' devices working through the tokens in turn, pausing `pauseMs` (± half) between answers
 * so the load spans the fault window instead of finishing before it.
 */
export async function runClients(
  api: string,
  tokens: string[],
  clients: number,
  pauseMs: number,
  label: string,
  giveUpAfterMs: number,
): Promise<RunTally> {
  const tally: RunTally = { outcomes: [], requests: 0, statuses: {} };
  let next = 0;
  const deadline = Date.now() + giveUpAfterMs;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      await sleep(Math.random() * pauseMs);
      for (let i = next++; i < tokens.length; i = next++) {
        tally.outcomes.push(await answerOne(api, tokens[i], `${label}-${c}-${i}`, i, deadline, tally));
        await sleep(pauseMs * (0.5 + Math.random()));
      }
    }),
  );
  return tally;
}
