import { stockholmLocalToUtc } from '@stegvis/contracts';
import request from 'supertest';
import { type Client, seedWorld, signIn, startTestApp, type TestApp, type World } from './support/test-app';

// Only Date is faked: timers, ticks and the database keep real time, so the api runs as usual while its clock
// reads the minute the test names.
const ONLY_DATE = [
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'cancelIdleCallback',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'setTimeout',
  'clearTimeout',
] as const;

describe('survey rounds in Swedish time (e2e)', () => {
  let t: TestApp;
  let w: World;
  let staff: Client;
  let groupId: string;

  beforeAll(async () => {
    t = await startTestApp('survey_round_time');
    w = await seedWorld(t);
    staff = await signIn(t, w.users.staffA.email);
    groupId = (
      await staff.post('/api/groups', {
        programmeId: w.programmeA,
        municipalityId: w.municipalities.angelholm,
        number: 7,
        startDate: '2027-01-11',
        endDate: '2027-04-30',
        capacity: 10,
        overIntake: 0,
        deliveryMode: 'on_site',
      })
    ).body.id;
    const p = await staff.post('/api/participants', {
      programmeId: w.programmeA,
      firstName: 'Tid',
      lastName: 'Test',
      gender: 'woman',
    });
    expect(
      (await staff.post(`/api/participants/${p.body.id}/enrolments`, { groupId, startDate: '2027-01-11' }))
        .status,
    ).toBe(201);
  });
  afterAll(async () => {
    jest.useRealTimers();
    await t?.close();
  });

  /** The round as the admin's form sends it: Swedish date and time typed, UTC sent. */
  const openRound = (date: string, time: string) =>
    staff.post('/api/survey-rounds', {
      groupId,
      questionnaireId: 'end-of-group',
      opensAt: stockholmLocalToUtc(date, time),
      closesAt: stockholmLocalToUtc('2027-04-30', '16:00'),
    });
  const stored = async (id: string) =>
    (
      await t.dataSource.query(
        `SELECT to_char(opens_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS utc,
                to_char(opens_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI') AS swedish
         FROM survey_round WHERE id = $1`,
        [id],
      )
    )[0] as { utc: string; swedish: string };

  it('08:00 Swedish time the day after the switch to summer time is stored as 06:00Z; the day before, 07:00Z', async () => {
    const summer = await openRound('2027-03-29', '08:00');
    expect(summer.status).toBe(201);
    expect(await stored(summer.body.id)).toEqual({
      utc: '2027-03-29T06:00:00Z',
      swedish: '2027-03-29 08:00',
    });
    expect((await staff.get(`/api/survey-rounds/${summer.body.id}`)).body.opensAt).toBe(
      '2027-03-29T06:00:00.000Z',
    );
    const winter = await openRound('2027-03-27', '08:00');
    expect(await stored(winter.body.id)).toEqual({
      utc: '2027-03-27T07:00:00Z',
      swedish: '2027-03-27 08:00',
    });
  });

  it('is not yet open at 05:59Z and open at 06:00Z (08:00 in Sweden)', async () => {
    const round = await openRound('2027-03-29', '08:00');
    expect(round.body.codes).toHaveLength(1);
    const start = () =>
      request(t.http).post('/api/public/surveys/session').send({ token: round.body.codes[0].token });

    jest.useFakeTimers({ doNotFake: [...ONLY_DATE], now: new Date('2027-03-29T05:59:00Z') });
    const early = await start();
    expect(early.status).toBe(410);
    expect(early.body).toMatchObject({
      type: 'https://stegvis.se/problems/round-not-open',
      opensAt: '2027-03-29T06:00:00.000Z',
    });

    jest.setSystemTime(new Date('2027-03-29T06:00:00Z'));
    const onTime = await start();
    jest.useRealTimers();
    expect(onTime.status).toBe(200);
    expect(onTime.body).toMatchObject({ questionnaireId: 'end-of-group' });
  });

  it('the participants are those enrolled on the Swedish day it opens, not the UTC one', async () => {
    // 00:30 on 1 February in Sweden is still 31 January in UTC; this participant starts on 1 February.
    const p = await staff.post('/api/participants', {
      programmeId: w.programmeA,
      firstName: 'Februari',
      lastName: 'Test',
      gender: 'man',
    });
    await staff.post(`/api/participants/${p.body.id}/enrolments`, { groupId, startDate: '2027-02-01' });
    const round = await openRound('2027-02-01', '00:30');
    expect(round.body.opensAt).toBe('2027-01-31T23:30:00.000Z');
    expect(round.body.codes.map((c: { displayName: string }) => c.displayName).sort()).toEqual([
      'Februari Test',
      'Tid Test',
    ]);
  });
});
