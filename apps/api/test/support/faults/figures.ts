import { Client } from 'pg';
import type { RunTally } from './participant-clients';

export interface Figures {
  attempted: number;
  acknowledged: number;
  stored: number;
  /** Markers stored more than once: the extra rows. */
  doubled: number;
  /** Acknowledged answers with no row. */
  lost: number;
  codesUsed: number;
  retried: number;
  requests: number;
  statuses: Record<string, number>;
}

/** What the clients were told, against what the database holds for the round. */
export async function figuresFor(databaseUrl: string, roundId: string, tally: RunTally): Promise<Figures> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const rows: { marker: string; n: number }[] = (
      await db.query(
        "SELECT answers->>'comment' AS marker, count(*)::int AS n FROM survey_response WHERE round_id = $1 GROUP BY 1",
        [roundId],
      )
    ).rows;
    const used = (
      await db.query(
        'SELECT count(*)::int AS n FROM survey_code WHERE round_id = $1 AND used_on IS NOT NULL',
        [roundId],
      )
    ).rows[0].n as number;
    const stored = new Map(rows.map((r) => [r.marker, r.n]));
    const acked = tally.outcomes.filter((o) => o.ackAt !== null);
    return {
      attempted: tally.outcomes.length,
      acknowledged: acked.length,
      stored: rows.reduce((s, r) => s + r.n, 0),
      doubled: rows.reduce((s, r) => s + Math.max(0, r.n - 1), 0),
      lost: acked.filter((o) => !stored.has(o.marker)).length,
      codesUsed: used,
      retried: tally.outcomes.filter((o) => o.retries > 0).length,
      requests: tally.requests,
      statuses: tally.statuses,
    };
  } finally {
    await db.end();
  }
}

export interface HealthSample {
  sentAt: number;
  doneAt: number;
  status: number;
  body: unknown;
}

/** Polls GET /api/health every `everyMs` until stopped. */
export function watchHealth(api: string, everyMs = 250): { stop(): Promise<HealthSample[]> } {
  const samples: HealthSample[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const sentAt = Date.now();
      try {
        const r = await fetch(`${api}/api/health`, { signal: AbortSignal.timeout(5000) });
        samples.push({ sentAt, doneAt: Date.now(), status: r.status, body: await r.json() });
      } catch {
        samples.push({ sentAt, doneAt: Date.now(), status: 0, body: null });
      }
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return samples;
    },
  };
}
