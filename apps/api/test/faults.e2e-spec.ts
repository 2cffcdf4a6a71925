import { type ApiProcess, startApi } from './support/faults/api-process';
import { figuresFor, watchHealth } from './support/faults/figures';
import { runClients } from './support/faults/participant-clients';
import { type PrivatePostgres, startPrivatePostgres } from './support/faults/private-postgres';
import { seedSurveyWorld, type SurveyWorld } from './support/faults/survey-world';

/**
 * Issue 8: survey answers under database faults, against the real built api (dist/main.js) in its own process and a
 * PostgreSQL of our own that we stop hard. 50 participants' devices submit 400 answers, retrying under the same
 * Idempotency-Key until acknowledged. Build the api first (`npm run build -w @stegvis/api`).
 */
const PG_PORT = 54400;
const API_PORT = 3310;
const CLIENTS = 50;
const PARTICIPANTS = 400;
const PAUSE_MS = 1000;
/** Run 2 terminates backends at 2, 4, 6 and 8 s: its load must go on well past the last one (8 answers each, ~12 s). */
const PAUSE_TERMINATE_MS = 1500;
/** The api must answer 2xx again within this many seconds of the database being back. */
const RECOVERY_S = 10;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('survey submission under database faults (e2e, real api process)', () => {
  let pg: PrivatePostgres;
  let api: ApiProcess;
  let world: SurveyWorld;
  jest.setTimeout(120_000);

  beforeAll(async () => {
    pg = await startPrivatePostgres(PG_PORT);
    api = await startApi(API_PORT, pg.url);
    world = await seedSurveyWorld(api.url, pg.url, PARTICIPANTS);
  });
  afterAll(async () => {
    await api?.stop();
    await pg?.destroy();
  });

  it('PostgreSQL stopped hard (pg_ctl stop -m immediate) for 4 s: every acknowledged answer is stored exactly once, health reports the outage, 2xx soon after', async () => {
    const round = await world.openRound();
    expect(round.tokens).toHaveLength(PARTICIPANTS);
    const health = watchHealth(api.url);
    const load = runClients(api.url, round.tokens, CLIENTS, PAUSE_MS, 'stop', 90_000);
    await sleep(2000);
    await pg.stopHard();
    const downAt = Date.now();
    await sleep(4000);
    const restartAt = Date.now();
    await pg.start();
    const upAt = Date.now();
    const tally = await load;
    const samples = await health.stop();
    const f = await figuresFor(pg.url, round.id, tally);
    const acks = tally.outcomes.map((o) => o.ackAt).filter((t): t is number => t !== null);
    const firstAckAfterUp = Math.min(...acks.filter((t) => t > upAt));
    const pendingAtUp = tally.outcomes.filter((o) => o.ackAt !== null && o.ackAt > upAt && o.retries > 0);
    const allClearS = (Math.max(...pendingAtUp.map((o) => o.ackAt!)) - upAt) / 1000;
    const during = samples.filter((s) => s.sentAt >= downAt && s.doneAt <= restartAt);
    const healthyAgain = samples.find((s) => s.sentAt >= upAt && s.status === 200);
    console.log(
      `faults, run 1 (hard stop, ${((upAt - downAt) / 1000).toFixed(1)} s down): ${JSON.stringify({ ...f, recoveryS: (firstAckAfterUp - upAt) / 1000, allPendingAcknowledgedS: allClearS, healthChecksDuringOutage: during.length, healthOkAgainS: healthyAgain ? (healthyAgain.doneAt - upAt) / 1000 : null })}`,
    );

    expect(api.exitCode()).toBeNull();
    expect(tally.outcomes.filter((o) => o.failure !== null)).toEqual([]);
    expect(f).toMatchObject({
      attempted: PARTICIPANTS,
      acknowledged: PARTICIPANTS,
      stored: PARTICIPANTS,
      doubled: 0,
      lost: 0,
      codesUsed: PARTICIPANTS,
    });
    // The outage really met submissions in flight, and they were told to retry (503), never "our bug" (500).
    expect(f.retried).toBeGreaterThan(0);
    expect(tally.statuses['500']).toBeUndefined();
    expect(tally.statuses['503']).toBeGreaterThan(0);
    // Polled every 250 ms for 4 s; a busy 2-core machine may answer fewer, but some must have been asked.
    expect(during.length).toBeGreaterThanOrEqual(3);
    expect(during.filter((s) => s.status !== 503)).toEqual([]);
    expect(
      during.every(
        (s) => JSON.stringify(s.body) === JSON.stringify({ status: 'degraded', database: 'down' }),
      ),
    ).toBe(true);
    expect(healthyAgain && healthyAgain.doneAt - upAt).toBeLessThan(RECOVERY_S * 1000);
    expect(firstAckAfterUp - upAt).toBeLessThan(RECOVERY_S * 1000);
    expect(allClearS).toBeLessThan(RECOVERY_S + 5);
  });

  it("the api's database backends terminated every 2 s (pg_terminate_backend): every acknowledged answer is stored exactly once", async () => {
    const round = await world.openRound();
    const load = runClients(api.url, round.tokens, CLIENTS, PAUSE_TERMINATE_MS, 'terminate', 90_000);
    let terminated = 0;
    let lastAt = 0;
    for (let i = 0; i < 4; i++) {
      await sleep(2000);
      terminated += await pg.terminateBackends('stegvis-api');
      lastAt = Date.now();
    }
    const tally = await load;
    const f = await figuresFor(pg.url, round.id, tally);
    const acks = tally.outcomes.map((o) => o.ackAt).filter((t): t is number => t !== null);
    const firstAckAfterLast = Math.min(...acks.filter((t) => t > lastAt));
    console.log(
      `faults, run 2 (backends terminated 4 times, ${terminated} in all): ${JSON.stringify({ ...f, recoveryS: (firstAckAfterLast - lastAt) / 1000 })}`,
    );

    expect(api.exitCode()).toBeNull();
    expect(terminated).toBeGreaterThanOrEqual(4);
    // A killed backend can surface as an error the filter does not recognise as an outage (a 500, retried like a
    // 503); which ones, if any, are printed for the record rather than failing a run that lost and doubled nothing.
    if (tally.statuses['500'])
      console.log(
        `faults, run 2: 500s from ${JSON.stringify([
          ...new Set(
            api
              .output()
              .split('\n')
              .filter((l) => l.includes('Unhandled error'))
              .map((l) => l.match(/"message":"([^"]{0,120})/)?.[1]),
          ),
        ])}`,
      );
    expect(tally.outcomes.filter((o) => o.failure !== null)).toEqual([]);
    expect(f).toMatchObject({
      attempted: PARTICIPANTS,
      acknowledged: PARTICIPANTS,
      stored: PARTICIPANTS,
      doubled: 0,
      lost: 0,
      codesUsed: PARTICIPANTS,
    });
    expect(firstAckAfterLast - lastAt).toBeLessThan(RECOVERY_S * 1000);
  });
});
