import fc from 'fast-check';
import { propertyRuns } from './support/property';
import { type Client, seedWorld, signIn, startTestApp, type TestApp, type World } from './support/test-app';

/** Strings people and attackers actually send: NUL, right-to-left marks, zero-width, huge, SQL-ish, prototype keys. */
const nasty = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '\u0000',
    '\u202Eevil',
    'a\u200Bb',
    "'; DROP TABLE programme; --",
    '__proto__',
    'constructor',
    '1e309',
    '-0',
    '2021-02-30',
    '00000000-0000-4000-8000-000000000000',
  ),
  fc.string({ minLength: 5000, maxLength: 20000 }),
);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    nasty,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(nasty, tie('v'), { maxKeys: 4 }),
  ),
})).v;
const body = fc.oneof(
  fc.dictionary(nasty, value, { maxKeys: 6 }),
  value,
  fc.constant({ ['__proto__']: { polluted: true } }),
);

/** Generated bodies per write endpoint, with a fixed seed; PROPERTY_RUNS raises it for a longer hunt. */
const { numRuns: RUNS, seed: SEED } = propertyRuns(60);

describe('fuzzing every write endpoint (e2e)', () => {
  let t: TestApp;
  let w: World;
  let staff: Client;

  beforeAll(async () => {
    t = await startTestApp('fuzz');
    w = await seedWorld(t);
    staff = await signIn(t, w.users.staffA.email);
  });
  afterAll(() => t?.close());

  it(`never answers 5xx or with a stack trace, over ${RUNS} generated bodies per write endpoint`, async () => {
    const doc = t.openapi as unknown as { paths: Record<string, Record<string, unknown>> };
    const ids: Record<string, string> = { programmes: w.programmeA };
    const writes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      ['post', 'put', 'patch']
        .filter((m) => m in ops)
        .map((m) => ({ method: m as 'post' | 'put' | 'patch', path })),
    );
    let cases = 0;
    let endpoints = 0;
    const failures: string[] = [];
    for (const { method, path } of writes) {
      if (path.startsWith('/api/auth/')) continue; // login throttling and logout are covered in auth.e2e-spec
      const url = path.replace(
        /\/([a-z-]+)\/\{[a-zA-Z]+\}/g,
        (_m, seg: string) => `/${seg}/${ids[seg] ?? '00000000-0000-4000-8000-000000000000'}`,
      );
      endpoints++;
      await fc.assert(
        fc.asyncProperty(body, async (b) => {
          cases++;
          const res = await staff.agent[method](url)
            .set('X-CSRF-Token', staff.user.csrfToken)
            .set('Idempotency-Key', `fuzz-${cases}-key`)
            .set('content-type', 'application/json')
            .send(JSON.stringify(b) ?? 'null');
          if (res.status >= 500 || /at .+\.(ts|js):\d+/.test(res.text))
            failures.push(`${method.toUpperCase()} ${url} → ${res.status}: ${res.text.slice(0, 200)}`);
          return true;
        }),
        { numRuns: RUNS, seed: SEED },
      );
    }
    console.log(
      `fuzz: ${endpoints} write endpoints × ${RUNS} bodies = ${cases} cases, ${failures.length} server errors or stack traces`,
    );
    expect(failures).toEqual([]);
    expect(cases).toBe(endpoints * RUNS);
    expect(endpoints).toBeGreaterThan(50);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 600_000);

  it('a refused write stores nothing (programme, participant, referral, employer)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(nasty, value, { maxKeys: 6 }), async (b) => {
        for (const path of [
          '/api/programmes',
          '/api/participants',
          '/api/referrals',
          '/api/employers',
          '/api/groups',
        ]) {
          const res = await staff.post(path, b);
          expect(res.status).toBeGreaterThanOrEqual(400);
          expect(res.status).toBeLessThan(500);
        }
      }),
      propertyRuns(150),
    );
    const after = await t.dataSource.query(
      'SELECT (SELECT count(*) FROM programme)::int AS a, (SELECT count(*) FROM participant)::int AS b, (SELECT count(*) FROM referral)::int AS c, (SELECT count(*) FROM employer)::int AS d, (SELECT count(*) FROM programme_group)::int AS e',
    );
    expect(after).toEqual([{ a: 2, b: 0, c: 0, d: 0, e: 0 }]);
  }, 300_000);
});
