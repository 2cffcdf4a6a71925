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
 * Issue 19, referrals from arrival to decision: registering (the form's organisations, the personal-number match),
 * screening with a note, wait-listing, withdrawing and re-opening as REFERRAL_TRANSITIONS allows, and the history.
 */
describe('referral workflow outside meetings (e2e)', () => {
  let t: TestApp;
  let w: World;
  let analyst: Client;
  let staff: Client;
  let kim: Client;

  const OMAR = '19900521-1009';
  const SARA = '19850312-1009';
  const NEVER_SEEN = '19770904-1003';

  const referral = (firstName: string, extra: object = {}) => ({
    programmeId: w.programmeA,
    firstName,
    lastName: 'Kandidat',
    gender: 'woman',
    swedishLevel: 'sfi_c',
    organisationId: w.organisations.af,
    referrerName: 'Ali Handläggare',
    reason: 'Behöver stöd mot arbete inom vården',
    foreignBorn: true,
    age: 34,
    registeredAtAf: true,
    consentToShare: true,
    ...extra,
  });
  const count = async () =>
    (await t.dataSource.query('SELECT count(*)::int AS n FROM referral'))[0].n as number;
  const audit = (action: string, entityId: string) =>
    t.dataSource.query(
      `SELECT u.email, a.details FROM audit_event a JOIN app_user u ON u.id = a.actor_id
        WHERE a.action = $1 AND a.entity_id = $2 ORDER BY a.id`,
      [action, entityId],
    );
  const refer = async (c: Client, body: object) => {
    const res = await c.post('/api/referrals', body);
    expect(res.status).toBe(201);
    return res.body;
  };

  beforeAll(async () => {
    t = await startTestApp('referral-workflow');
    w = await seedWorld(t);
    analyst = await signIn(t, w.users.analysisA.email);
    staff = await signIn(t, w.users.staffA.email);
    await t.app.get(UsersService).createUser({
      email: 'kim@test.se',
      displayName: 'Kim Kollega',
      role: 'staff',
      password: PASSWORD,
      programmeIds: [w.programmeA],
    });
    kim = await signIn(t, 'kim@test.se');
  }, 120_000);
  afterAll(() => t?.close());

  it('offers an analysis member only their own organisation to refer from, staff every organisation', async () => {
    const own = await analyst.get('/api/referrals/organisations');
    expect(own.status).toBe(200);
    expect(own.body).toEqual([
      {
        id: w.organisations.af,
        name: 'Arbetsförmedlingen',
        kind: 'employment_service',
        localPasswordAllowed: true,
        idpMfaAccepted: false,
      },
    ]);
    const all = await staff.get('/api/referrals/organisations');
    expect(all.body.map((o: { name: string }) => o.name).sort()).toEqual([
      'Arbetsförmedlingen',
      'SFI Ängelholm',
      'Ängelholms kommun, försörjningsstöd',
    ]);
    const steering = await signIn(t, w.users.steeringA.email);
    expect((await steering.get('/api/referrals/organisations')).status).toBe(403);
  });

  it('refuses bad input with a 400 naming the field, and stores nothing', async () => {
    const before = await count();
    const pn = await analyst.post('/api/referrals', referral('Eva', { personalNumber: '19900521-1000' }));
    expect(pn.status).toBe(400);
    expect(pn.body.errors).toEqual([
      expect.objectContaining({ field: 'personalNumber', code: 'invalid_personal_number' }),
    ]);
    const noName = await analyst.post('/api/referrals', referral('', {}));
    expect(noName.status).toBe(400);
    expect(noName.body.errors.map((e: { field: string }) => e.field)).toEqual(['firstName']);
    const badPriority = await analyst.post('/api/referrals', referral('Eva', { priority: 'urgent' }));
    expect(badPriority.status).toBe(400);
    expect(badPriority.body.errors.map((e: { field: string }) => e.field)).toEqual(['priority']);
    expect(await count()).toBe(before);
  });

  it('screens with a note, wait-lists and withdraws with a reason, and re-opens, keeping the whole history', async () => {
    const r = await refer(analyst, referral('Amal', { priority: 'high' }));
    expect(r).toMatchObject({
      status: 'received',
      priority: 'high',
      version: 1,
      existingParticipantId: null,
    });
    const screened = await staff.post(`/api/referrals/${r.id}/status`, {
      status: 'screened',
      reason: 'Kriterierna stämmer, samtal bokat',
      version: 1,
    });
    expect(screened.status).toBe(201);
    expect(screened.body).toMatchObject({ status: 'screened', version: 2 });
    const waited = await staff.post(`/api/referrals/${r.id}/status`, {
      status: 'wait_listed',
      reason: 'Ingen plats förrän i höst',
      version: 2,
    });
    expect(waited.body).toMatchObject({ status: 'wait_listed', version: 3 });
    const back = await staff.post(`/api/referrals/${r.id}/status`, { status: 'screened', version: 3 });
    expect(back.body).toMatchObject({ status: 'screened', version: 4 });
    const withdrawn = await analyst.post(`/api/referrals/${r.id}/status`, {
      status: 'withdrawn',
      reason: 'Har fått arbete',
      version: 4,
    });
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', version: 5 });
    const reopened = await staff.post(`/api/referrals/${r.id}/status`, {
      status: 'received',
      reason: 'Anställningen upphörde',
      version: 5,
    });
    expect(reopened.status).toBe(201);
    expect(reopened.body.status).toBe('received');
    const read = await staff.get(`/api/referrals/${r.id}`);
    expect(
      read.body.history.map((h: Record<string, unknown>) => ({
        by: h.by,
        from: h.from,
        to: h.to,
        reason: h.reason,
      })),
    ).toEqual([
      { by: 'analys.a', from: null, to: 'received', reason: '' },
      { by: 'staff.a', from: 'received', to: 'screened', reason: 'Kriterierna stämmer, samtal bokat' },
      { by: 'staff.a', from: 'screened', to: 'wait_listed', reason: 'Ingen plats förrän i höst' },
      { by: 'staff.a', from: 'wait_listed', to: 'screened', reason: '' },
      { by: 'analys.a', from: 'screened', to: 'withdrawn', reason: 'Har fått arbete' },
      { by: 'staff.a', from: 'withdrawn', to: 'received', reason: 'Anställningen upphörde' },
    ]);
    expect(read.body.history.every((h: { at: string }) => /^\d{4}-\d\d-\d\dT.*Z$/.test(h.at))).toBe(true);
    // Each change is audited with who made it, the read of the page too.
    const actions = await t.dataSource.query(
      `SELECT a.action, u.email FROM audit_event a JOIN app_user u ON u.id = a.actor_id
        WHERE a.entity_type = 'referral' AND a.entity_id = $1 ORDER BY a.id`,
      [r.id],
    );
    expect(actions).toEqual([
      { action: 'referral.create', email: 'analys.a@test.se' },
      { action: 'referral.screened', email: 'staff.a@test.se' },
      { action: 'referral.wait_listed', email: 'staff.a@test.se' },
      { action: 'referral.screened', email: 'staff.a@test.se' },
      { action: 'referral.withdrawn', email: 'analys.a@test.se' },
      { action: 'referral.received', email: 'staff.a@test.se' },
      { action: 'referral.read', email: 'staff.a@test.se' },
    ]);
  });

  it('needs a reason to wait-list or withdraw (400 at reason), and changes nothing', async () => {
    const r = await refer(analyst, referral('Bahar'));
    for (const status of ['withdrawn', 'wait_listed']) {
      const res = await staff.post(`/api/referrals/${r.id}/status`, { status, reason: '   ', version: 1 });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'reason', code: 'required' })]);
    }
    const meeting = await staff.post(`/api/referrals/${r.id}/status`, { status: 'accepted', version: 1 });
    expect(meeting.status).toBe(400);
    expect(meeting.body.errors.map((e: { field: string }) => e.field)).toEqual(['status']);
    const noVersion = await staff.post(`/api/referrals/${r.id}/status`, { status: 'screened' });
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.errors.map((e: { field: string }) => e.field)).toEqual(['version']);
    const after = (await staff.get(`/api/referrals/${r.id}`)).body;
    expect(after).toMatchObject({ status: 'received', version: 1 });
    expect(after.history).toHaveLength(1);
  });

  it('refuses a stale version with 409 and a step the table forbids with 422, changing nothing', async () => {
    const r = await refer(analyst, referral('Cawo'));
    expect(
      (await staff.post(`/api/referrals/${r.id}/status`, { status: 'screened', version: 1 })).status,
    ).toBe(201);
    // Someone else screened it first: the old version is refused.
    const stale = await analyst.post(`/api/referrals/${r.id}/status`, {
      status: 'withdrawn',
      reason: 'Flyttar',
      version: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_version');
    // Re-opening goes back one step only: a screened referral cannot be "received" again, a received one cannot be
    // wait-listed unscreened.
    const reopen = await staff.post(`/api/referrals/${r.id}/status`, { status: 'received', version: 2 });
    expect(reopen.status).toBe(422);
    expect(reopen.body).toMatchObject({
      code: 'referral_transition',
      params: { from: 'screened', to: 'received' },
    });
    const fresh = await refer(analyst, referral('Dilan'));
    const unscreened = await staff.post(`/api/referrals/${fresh.id}/status`, {
      status: 'wait_listed',
      reason: 'Ingen plats',
      version: 1,
    });
    expect(unscreened.status).toBe(422);
    expect(unscreened.body.params).toEqual({ from: 'received', to: 'wait_listed' });
    expect((await staff.get(`/api/referrals/${r.id}`)).body).toMatchObject({
      status: 'screened',
      version: 2,
    });
    expect((await staff.get(`/api/referrals/${fresh.id}`)).body).toMatchObject({
      status: 'received',
      version: 1,
    });
  });

  describe('a personal number already known', () => {
    let omar: string;
    let sara: string;
    let bea: string;

    beforeAll(async () => {
      const person = (programmeId: string, firstName: string, personalNumber: string, extra = {}) => ({
        programmeId,
        firstName,
        lastName: 'Testsson',
        gender: 'woman',
        personalNumber,
        ...extra,
      });
      omar = (await staff.post('/api/participants', person(w.programmeA, 'Omar', OMAR))).body.id;
      // Sara's identity is protected: staffA registered her and sees her; Kim, of the same programme, does not.
      sara = (
        await staff.post('/api/participants', person(w.programmeA, 'Sara', SARA, { protectedIdentity: true }))
      ).body.id;
      const staffB = await signIn(t, w.users.staffB.email);
      bea = (await staffB.post('/api/participants', person(w.programmeB, 'Bea', '19880630-1001'))).body.id;
      expect([omar, sara, bea].every(Boolean)).toBe(true);
    });

    it('tells the analysis member nothing: the answer is the one an unknown number gets', async () => {
      const known = await refer(analyst, referral('Omar', { personalNumber: OMAR }));
      const unknown = await refer(analyst, referral('Omar', { personalNumber: NEVER_SEEN }));
      const same = (b: Record<string, unknown>) => {
        const { id: _id, receivedAt: _r, ...rest } = b;
        return rest;
      };
      expect(same(known)).toEqual(same(unknown));
      expect(known.existingParticipantId).toBeNull();
      expect((await analyst.get(`/api/referrals/${known.id}`)).body.existingParticipantId).toBeNull();
      // Staff of the programme, who read Omar's record, are shown the match on the referral's page.
      expect((await staff.get(`/api/referrals/${known.id}`)).body.existingParticipantId).toBe(omar);
      expect((await kim.get(`/api/referrals/${known.id}`)).body.existingParticipantId).toBe(omar);
      expect((await staff.get(`/api/referrals/${unknown.id}`)).body.existingParticipantId).toBeNull();
      // Her trail: the number typed by the analysis member (not shown), then shown to two staff members.
      expect(await audit('participant.duplicate_check', omar)).toEqual([
        {
          email: 'analys.a@test.se',
          details: { from: 'referral', referralId: known.id, result: 'not_shown' },
        },
        { email: 'staff.a@test.se', details: { from: 'referral', referralId: known.id, result: 'shown' } },
        { email: 'kim@test.se', details: { from: 'referral', referralId: known.id, result: 'shown' } },
      ]);
    });

    it('shows a protected person only to those who see her; to other staff of the programme, nothing', async () => {
      const r = await refer(
        staff,
        referral('Sara', { personalNumber: SARA, organisationId: w.organisations.ifo }),
      );
      expect(r.existingParticipantId).toBe(sara);
      expect((await staff.get(`/api/referrals/${r.id}`)).body.existingParticipantId).toBe(sara);
      const forKim = await kim.get(`/api/referrals/${r.id}`);
      expect(forKim.body.existingParticipantId).toBeNull();
      expect(JSON.stringify(forKim.body)).not.toContain(sara);
      const byKim = await refer(kim, referral('Sara', { personalNumber: SARA }));
      expect(byKim.existingParticipantId).toBeNull();
      expect(await audit('participant.duplicate_check', sara)).toEqual([
        { email: 'staff.a@test.se', details: { from: 'referral', referralId: r.id, result: 'shown' } },
        { email: 'staff.a@test.se', details: { from: 'referral', referralId: r.id, result: 'shown' } },
        { email: 'kim@test.se', details: { from: 'referral', referralId: byKim.id, result: 'not_shown' } },
      ]);
    });

    it('points to no record of another programme, even for staff who may read the referral', async () => {
      const r = await refer(staff, referral('Bea', { personalNumber: '19880630-1001' }));
      expect(r.existingParticipantId).toBeNull();
      expect((await staff.get(`/api/referrals/${r.id}`)).body.existingParticipantId).toBeNull();
      expect(await audit('participant.duplicate_check', bea)).toEqual([
        { email: 'staff.a@test.se', details: { from: 'referral', referralId: r.id, result: 'not_shown' } },
      ]);
    });
  });
});
