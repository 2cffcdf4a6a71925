import request from 'supertest';
import { seedWorld, signIn, startTestApp, type TestApp } from './support/test-app';

/**
 * Wrong survey codes slow a guesser down without locking a classroom out (issue 21, modules/surveys/code-guard.ts):
 * ten wrong codes from an address are free, then each try waits 2, 4, 8 … seconds (at most a minute); three wrong
 * codes with one prefix, from any address, are free, then the same. Time is moved by ageing the attempts' rows.
 */
describe('survey codes: the guard on guessing (e2e)', () => {
  let t: TestApp;
  let codes: { shortCode: string }[];
  const from = (ip: string, token: string) =>
    request(t.http).post('/api/public/surveys/session').set('X-Forwarded-For', ip).send({ token });
  /** Moves every counted wrong code `seconds` into the past, as if that time had gone by. */
  const wait = (seconds: number) =>
    t.dataSource.query(`UPDATE survey_code_attempt SET at = at - make_interval(secs => $1)`, [seconds]);
  const forget = () => t.dataSource.query('DELETE FROM survey_code_attempt');
  /** A short code of the round's alphabet that is no code of the round, with the given prefix. */
  const wrong = (prefix: string, i: number) =>
    `${prefix}${'ABCDEFGHJKMN'[i % 12]}${'PQRSTUVW'[Math.floor(i / 12) % 8]}Z9`;

  beforeAll(async () => {
    t = await startTestApp('survey_code_guard');
    const w = await seedWorld(t);
    const staff = await signIn(t, w.users.staffA.email);
    const group = await staff.post('/api/groups', {
      programmeId: w.programmeA,
      municipalityId: w.municipalities.angelholm,
      number: 4,
      startDate: '2020-08-17',
      endDate: '2020-11-13',
      capacity: 10,
      overIntake: 0,
      deliveryMode: 'on_site',
    });
    for (const name of ['Amal', 'Bilan']) {
      const p = await staff.post('/api/participants', {
        programmeId: w.programmeA,
        firstName: name,
        lastName: 'Test',
        gender: 'woman',
      });
      await staff.post(`/api/participants/${p.body.id}/enrolments`, {
        groupId: group.body.id,
        startDate: '2020-08-17',
      });
    }
    const round = await staff.post('/api/survey-rounds', {
      groupId: group.body.id,
      questionnaireId: 'end-of-group',
      opensAt: new Date(Date.now() - 3_600_000).toISOString(),
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    codes = round.body.codes;
  });
  afterAll(() => t?.close());
  beforeEach(forget);

  it('a classroom on one address: ten typos pass, the eleventh waits two seconds, then the right code works', async () => {
    const classroom = '203.0.113.10';
    for (let i = 0; i < 10; i++) {
      const r = await from(classroom, wrong(`Q${'ABCDEFGHJK'[i]}XY`, i));
      expect([r.status, r.body.code]).toEqual([404, 'survey_code_unknown']);
    }
    const slowed = await from(classroom, codes[0].shortCode);
    expect([slowed.status, slowed.body.code, slowed.body.params, slowed.headers['retry-after']]).toEqual([
      429,
      'too_many_code_attempts',
      { seconds: 2 },
      '2',
    ]);
    await wait(2);
    // Typed as the slip's spacing invites, in small letters.
    const typed = `${codes[0].shortCode.slice(0, 4).toLowerCase()} ${codes[0].shortCode.slice(4)}`;
    expect((await from(classroom, typed)).status).toBe(200);
  });

  it('the wait doubles with each further wrong code and stops growing at a minute: never a lockout', async () => {
    const guesser = '203.0.113.20';
    const waits: number[] = [];
    for (let i = 0; i < 16; i++) {
      const r = await from(guesser, wrong(`G${'ABCDEFGHJKMNPQRS'[i]}XY`, i));
      if (r.status === 429) {
        waits.push(r.body.params.seconds as number);
        await wait(r.body.params.seconds as number);
        i--;
      } else expect(r.status).toBe(404);
    }
    expect(waits).toEqual([2, 4, 8, 16, 32, 60]);
    const count = await t.dataSource.query('SELECT count(*)::int AS n FROM survey_code_attempt');
    expect(count[0].n).toBe(16);
    // Another address on the same network is not slowed by the guesser.
    expect((await from('203.0.113.21', codes[1].shortCode)).status).toBe(200);
    // And the guesser, after a minute, may try again.
    await wait(60);
    expect((await from(guesser, codes[0].shortCode)).status).toBe(200);
  });

  it('three wrong codes with one prefix from three addresses slow that prefix for a fourth, not other prefixes', async () => {
    const prefix = codes[0].shortCode.slice(0, 4);
    for (let i = 0; i < 3; i++)
      expect((await from(`198.51.100.${i + 1}`, `${prefix}ZZZ${'ABC'[i]}`)).status).toBe(404);
    const slowed = await from('198.51.100.9', `${prefix}ZZZD`);
    expect([slowed.status, slowed.body.params]).toEqual([429, { seconds: 2 }]);
    expect((await from('198.51.100.9', wrong('HHHH', 0))).status).toBe(404);
    await wait(2);
    expect((await from('198.51.100.9', codes[0].shortCode)).status).toBe(200);
  });
});
