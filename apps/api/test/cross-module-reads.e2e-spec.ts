import { randomUUID } from 'node:crypto';
import { UsersService } from '../src/modules/users/users.service';
import {
  type Client,
  PASSWORD,
  seedWorld,
  signIn,
  startTestApp,
  type TestApp,
  type World,
} from './support/test-app';

/**
 * The answers that read other modules' tables through their owners' services (ReferralsService, ParticipantsService,
 * GroupsService, UsersService) or PolicyService: a programme's participant list, the intake plan, a session's
 * handbook material and the editor right. Each counts rows of more than one owner, so each would change if a read
 * lost a join or a filter on the way.
 */
describe('reads across modules (e2e)', () => {
  let t: TestApp;
  let w: World;
  let staffA: Client;
  let staffB: Client;
  let both: Client;
  let admin: Client;
  let laterGroup: string;
  let sessionId: string;

  const group = async (
    c: Client,
    programmeId: string,
    number: number,
    startDate: string,
    endDate: string,
  ) => {
    const res = await c.post('/api/groups', {
      programmeId,
      municipalityId: programmeId === w.programmeA ? w.municipalities.angelholm : w.municipalities.perstorp,
      number,
      startDate,
      endDate,
      capacity: 10,
      overIntake: 0,
      deliveryMode: 'on_site',
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const participant = async (c: Client, programmeId: string, firstName: string) => {
    const res = await c.post('/api/participants', {
      programmeId,
      firstName,
      lastName: 'Test',
      gender: 'woman',
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const enrol = async (participantId: string, groupId: string, startDate: string) => {
    const res = await both.post(`/api/participants/${participantId}/enrolments`, { groupId, startDate });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const end = async (enrolmentId: string, status: 'completed' | 'left_early', endDate: string) => {
    const res = await both.patch(`/api/enrolments/${enrolmentId}`, {
      status,
      endDate,
      ...(status === 'left_early' ? { leftReason: 'got_job' } : {}),
    });
    expect(res.status).toBe(200);
  };

  beforeAll(async () => {
    t = await startTestApp('cross_module_reads');
    w = await seedWorld(t);
    staffA = await signIn(t, w.users.staffA.email);
    staffB = await signIn(t, w.users.staffB.email);
    admin = await signIn(t, w.users.admin.email);
    await t.app.get(UsersService).createUser({
      email: 'both@test.se',
      displayName: 'Båda Programmen',
      role: 'staff',
      password: PASSWORD,
      programmeIds: [w.programmeA, w.programmeB],
    });
    both = await signIn(t, 'both@test.se');

    // Programme A: an earlier group where one of three ended enrolments ended early, and a later group.
    const earlier = await group(staffA, w.programmeA, 1, '2020-01-13', '2020-04-10');
    laterGroup = await group(staffA, w.programmeA, 2, '2020-08-24', '2020-11-20');
    const ended = [
      ['Lämnade', 'left_early'],
      ['Klar', 'completed'],
      ['Fullföljde', 'completed'],
    ] as const;
    for (const [name, status] of ended)
      await end(
        await enrol(await participant(both, w.programmeA, name), earlier, '2020-01-13'),
        status,
        '2020-04-10',
      );
    await enrol(await participant(both, w.programmeA, 'Pågår'), earlier, '2020-01-13');
    // Registered by programme B, in programme A's later group: one of A's participants as well.
    await enrol(await participant(both, w.programmeB, 'Inskriven'), laterGroup, '2020-08-24');
    // Programme B's own early leaver and its own participant, neither of which is A's.
    const groupB = await group(staffB, w.programmeB, 1, '2020-01-13', '2020-04-10');
    await end(
      await enrol(await participant(both, w.programmeB, 'Bortavarande'), groupB, '2020-01-13'),
      'left_early',
      '2020-02-01',
    );
    await participant(both, w.programmeB, 'Endast');

    for (const firstName of ['Kö', 'Väntar']) {
      const res = await staffA.post('/api/referrals', {
        programmeId: w.programmeA,
        firstName,
        lastName: 'Kandidat',
        gender: 'woman',
        swedishLevel: 'sfi_c',
        languages: ['somaliska'],
        organisationId: w.organisations.af,
        referrerName: 'Ali Handläggare',
        wishedStart: '2020-08-24',
        reason: 'Behöver stöd mot arbete',
        foreignBorn: true,
        age: 34,
        registeredAtAf: true,
        consentToShare: true,
      });
      expect(res.status).toBe(201);
    }

    const s = await staffA.post(`/api/groups/${laterGroup}/sessions`, {
      date: '2020-09-01',
      startTime: '13:00',
      endTime: '15:30',
      kind: 'lecture',
      theme: 'CV-träning',
    });
    expect(s.status).toBe(201);
    sessionId = s.body.id as string;
  });
  afterAll(() => t?.close());

  it('a programme lists the participants it registered and those enrolled in its groups, no others', async () => {
    const names = async (c: Client, programmeId: string) =>
      ((await c.get(`/api/participants?programmeId=${programmeId}`)).body as { displayName: string }[])
        .map((p) => p.displayName)
        .sort();
    expect(await names(staffA, w.programmeA)).toEqual([
      'Fullföljde Test',
      'Inskriven Test',
      'Klar Test',
      'Lämnade Test',
      'Pågår Test',
    ]);
    expect(await names(staffB, w.programmeB)).toEqual(['Bortavarande Test', 'Endast Test', 'Inskriven Test']);
  });

  it('plans intake from the programme’s own early leavers (all its groups) and its queue', async () => {
    const res = await staffA.get(`/api/programmes/${w.programmeA}/intake?from=2020-06-01`);
    expect(res.status).toBe(200);
    // One of three ended enrolments ended early: 10 places need 5 more, so 10 remain after a third leave.
    expect(res.body).toEqual({
      groups: [
        {
          groupId: laterGroup,
          name: 'Grupp 2',
          startDate: '2020-08-24',
          capacity: 10,
          accepted: 0,
          queued: 2,
          suggestedOverIntake: 5,
        },
      ],
      earlyLeaverRate: { count: 1, of: 3, percent: 33 },
    });
  });

  it('shows a session’s handbook material to staff of its programme, and 404 to others and for no session', async () => {
    const own = await staffA.get(`/api/sessions/${sessionId}/handbook`);
    expect(own.status).toBe(200);
    expect(own.body).toEqual({ sessionId, theme: 'CV-träning', entries: [], chosenEntryId: null });
    expect((await staffB.get(`/api/sessions/${sessionId}/handbook`)).status).toBe(404);
    expect((await staffA.get(`/api/sessions/${randomUUID()}/handbook`)).status).toBe(404);
  });

  it('gives the handbook editor right to programme staff only, and 404 for no user', async () => {
    expect((await admin.put(`/api/handbook/editors/${w.users.staffB.id}`, { editor: true })).status).toBe(
      204,
    );
    expect((await admin.put(`/api/handbook/editors/${w.users.analysisA.id}`, { editor: true })).status).toBe(
      422,
    );
    expect((await admin.put(`/api/handbook/editors/${randomUUID()}`, { editor: true })).status).toBe(404);
  });
});
