import { createHmac } from 'node:crypto';
import { PersonalNumberHasher } from '../src/modules/participants/personal-number-hasher';
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
 * Issue 16, item 2: a personal number must not tell anyone that a (protected) person exists outside what they may
 * see. Each test makes the attack the issue describes and checks that the answer is the one a never-seen number
 * gets; the association still counts her once, by the keyed hash.
 */
describe('no personal-number existence oracle (e2e)', () => {
  let t: TestApp;
  let w: World;
  let staffA: Client;
  let staffB: Client;
  let kim: Client;
  let analyst: Client;
  let admin: Client;
  let groupA: string;
  let groupB: string;
  let sara: string;
  let omar: string;

  const SARA = '19850312-1009';
  const OMAR = '19900521-1009';
  const NEVER_SEEN = '19770904-1003';

  const person = (programmeId: string, firstName: string, personalNumber: string, extra: object = {}) => ({
    programmeId,
    firstName,
    lastName: 'Testsson',
    gender: 'woman',
    personalNumber,
    ...extra,
  });
  const group = async (c: Client, programmeId: string, municipalityId: string, number: number) => {
    const res = await c.post('/api/groups', {
      programmeId,
      municipalityId,
      number,
      startDate: '2020-08-24',
      endDate: '2020-11-20',
      capacity: 10,
      overIntake: 0,
      deliveryMode: 'on_site',
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const checks = (subjectId: string) =>
    t.dataSource.query(
      `SELECT u.email, a.details->>'result' AS result FROM audit_event a JOIN app_user u ON u.id = a.actor_id
        WHERE a.action = 'participant.duplicate_check' AND a.subject_id = $1 ORDER BY a.id`,
      [subjectId],
    );
  /** The answer to a create, without what differs by name and id: what a caller could compare. */
  const shape = (body: Record<string, unknown>) => {
    const {
      id: _id,
      displayName: _d,
      firstName: _f,
      personalNumber: _p,
      pseudonym: _ps,
      birthYear: _b,
      ...rest
    } = body;
    return rest;
  };

  beforeAll(async () => {
    t = await startTestApp('personal-number-oracle');
    w = await seedWorld(t);
    staffA = await signIn(t, w.users.staffA.email);
    staffB = await signIn(t, w.users.staffB.email);
    analyst = await signIn(t, w.users.analysisA.email);
    admin = await signIn(t, w.users.admin.email);
    await t.app.get(UsersService).createUser({
      email: 'kim@test.se',
      displayName: 'Kim Annangrupp',
      role: 'staff',
      password: PASSWORD,
      programmeIds: [w.programmeA],
    });
    kim = await signIn(t, 'kim@test.se');
    groupA = await group(staffA, w.programmeA, w.municipalities.angelholm, 1);
    groupB = await group(staffB, w.programmeB, w.municipalities.perstorp, 1);
    // Sara has a protected identity. staffA registered her and sees her until she is first placed in a group.
    const s = await staffA.post(
      '/api/participants',
      person(w.programmeA, 'Sara', SARA, { protectedIdentity: true, lastName: 'Skyddad' }),
    );
    expect(s.status).toBe(201);
    sara = s.body.id;
    const o = await staffA.post('/api/participants', person(w.programmeA, 'Omar', OMAR, { gender: 'man' }));
    omar = o.body.id;
  }, 120_000);
  afterAll(() => t?.close());

  it('stores the keyed hash of the number, not something anyone can recompute without the key', async () => {
    const [row] = await t.dataSource.query('SELECT personal_number_hash FROM participant WHERE id = $1', [
      sara,
    ]);
    const expected = createHmac('sha256', 'stegvis-development-personal-number-key-not-secret')
      .update('198503121009')
      .digest('hex');
    expect(row.personal_number_hash).toBe(expected);
    expect(t.app.get(PersonalNumberHasher).hash('198503121009')).toBe(expected);
  });

  it('staff of the programme who may see her get 409 with a pointer to her record', async () => {
    const dup = await staffA.post('/api/participants', person(w.programmeA, 'Sara', SARA));
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('duplicate_personal_number');
    expect(dup.body.existingParticipantId).toBe(sara);
    expect(dup.body.detail).toBe('A participant with this personal number is already registered');
    const plain = await kim.post('/api/participants', person(w.programmeA, 'Omar', OMAR, { gender: 'man' }));
    expect(plain.status).toBe(409);
    expect(plain.body.existingParticipantId).toBe(omar);
  });

  it('staff of another programme who type her number get the answer a never-seen number gets: 201, no hint', async () => {
    // She is placed in a group now: from here on only her group's staff (and the lead) see her.
    expect(
      (
        await staffA.post(`/api/participants/${sara}/enrolments`, {
          groupId: groupA,
          startDate: '2020-08-24',
        })
      ).status,
    ).toBe(201);
    const fresh = await staffB.post('/api/participants', person(w.programmeB, 'Ny', NEVER_SEEN));
    const probe = await staffB.post('/api/participants', person(w.programmeB, 'Sara', SARA));
    expect(fresh.status).toBe(201);
    expect(probe.status).toBe(201);
    expect(probe.body.existingParticipantId).toBeUndefined();
    expect(probe.body.id).not.toBe(sara);
    expect(shape(probe.body)).toEqual(shape(fresh.body));
    expect(Object.keys(probe.headers).sort()).toEqual(Object.keys(fresh.headers).sort());
    expect(probe.text).not.toMatch(/another programme|already|Skyddad/);
    // The second record is hers to staffB, in programme B; her record in A stays out of B's reach.
    expect((await staffB.get(`/api/participants/${sara}`)).status).toBe(404);
    expect(
      (
        await staffB.post(`/api/participants/${probe.body.id}/enrolments`, {
          groupId: groupB,
          startDate: '2020-08-24',
        })
      ).status,
    ).toBe(201);
  });

  it('changing a number to hers is no oracle either', async () => {
    const other = (await staffB.post('/api/participants', person(w.programmeB, 'Byter', '19920115-1009')))
      .body;
    const res = await staffB.patch(`/api/participants/${other.id}`, {
      version: other.version,
      personalNumber: OMAR,
    });
    expect(res.status).toBe(200);
    expect(res.body.existingParticipantId).toBeUndefined();
  });

  it('staff of her own programme who may not see her are told nothing either, so cannot tie her number to her pseudonym', async () => {
    const res = await kim.post('/api/participants', person(w.programmeA, 'Sara', SARA));
    expect(res.status).toBe(201);
    expect(res.body.existingParticipantId).toBeUndefined();
    expect(res.body.id).not.toBe(sara);
  });

  it('her audit extract shows every time her number was typed; the one who typed it cannot read that extract', async () => {
    expect(await checks(sara)).toEqual([
      { email: 'staff.a@test.se', result: 'refused' },
      { email: 'staff.b@test.se', result: 'separate_record' },
      { email: 'kim@test.se', result: 'separate_record' },
    ]);
    expect(await checks(omar)).toEqual([
      { email: 'kim@test.se', result: 'refused' },
      { email: 'staff.b@test.se', result: 'separate_record' },
    ]);
    const extract = await admin.get(`/api/participants/${sara}/audit-trail`);
    expect(extract.status).toBe(200);
    expect(JSON.stringify(extract.body).match(/participant\.duplicate_check/g)).toHaveLength(3);
    expect((await staffB.get(`/api/participants/${sara}/audit-trail`)).status).toBe(404);
  });

  it('a referral naming her number tells the analysis member nothing, and accepting it never places her record elsewhere', async () => {
    // Bea has a protected identity in programme B, in a group there.
    const bea = (
      await staffB.post(
        '/api/participants',
        person(w.programmeB, 'Bea', '19880630-1001', { protectedIdentity: true, lastName: 'Hemlig' }),
      )
    ).body.id as string;
    await staffB.post(`/api/participants/${bea}/enrolments`, { groupId: groupB, startDate: '2020-08-24' });
    const referral = (personalNumber: string) =>
      analyst.post('/api/referrals', {
        programmeId: w.programmeA,
        firstName: 'Bea',
        lastName: 'Hemlig',
        gender: 'woman',
        personalNumber,
        swedishLevel: 'sfi_c',
        organisationId: w.organisations.af,
        referrerName: 'Ali Handläggare',
        reason: 'Vill komma ut i arbete',
        foreignBorn: true,
        age: 32,
        registeredAtAf: true,
        consentToShare: true,
      });
    const known = await referral('19880630-1001');
    const unknown = await referral('19950227-1001');
    expect(known.status).toBe(201);
    const same = (b: Record<string, unknown>) => {
      const { id: _id, receivedAt: _r, ...rest } = b;
      return rest;
    };
    expect(same(known.body)).toEqual(same(unknown.body));
    expect(known.body.participantId).toBeNull();
    for (const id of [known.body.id, unknown.body.id]) {
      const r = (await analyst.get(`/api/referrals/${id}`)).body;
      await analyst.post(`/api/referrals/${id}/status`, { status: 'screened', version: r.version });
    }
    const meeting = (
      await analyst.post('/api/meetings', {
        programmeId: w.programmeA,
        date: '2020-08-10',
        invitedUserIds: [w.users.analysisA.id],
      })
    ).body;
    const version = (id: string) => meeting.agenda.find((a: { id: string }) => a.id === id).version;
    const decided = await analyst.post(`/api/meetings/${meeting.id}/decisions`, {
      decisions: [
        { referralId: known.body.id, decision: 'accept', groupId: groupA, version: version(known.body.id) },
        {
          referralId: unknown.body.id,
          decision: 'accept',
          groupId: groupA,
          version: version(unknown.body.id),
        },
      ],
    });
    expect(decided.status).toBe(200);
    const accepted = (await analyst.get(`/api/referrals/${known.body.id}`)).body;
    expect(accepted.participantId).not.toBe(bea);
    // Her record in B gained no enrolment in A, so A's staff still cannot reach it.
    expect(
      await t.dataSource.query('SELECT group_id FROM enrolment WHERE participant_id = $1', [bea]),
    ).toEqual([{ group_id: groupB }]);
    expect((await staffA.get(`/api/participants/${bea}`)).status).toBe(404);
    // Her trail: the analysis member typed her number (and was not shown her), then the acceptance passed her over.
    expect(await checks(bea)).toEqual([
      { email: 'analys.a@test.se', result: 'not_shown' },
      { email: 'analys.a@test.se', result: 'separate_record' },
    ]);
  });

  it('an import naming her number does not place her record in the importing programme', async () => {
    // Cora has a protected identity and is registered in programme B only.
    const cora = (
      await staffB.post(
        '/api/participants',
        person(w.programmeB, 'Cora', '19920115-1017', { protectedIdentity: true, lastName: 'Dold' }),
      )
    ).body.id as string;
    const res = await staffA.post(`/api/programmes/${w.programmeA}/imports`, {
      content: [
        'grupp;gruppstart;gruppslut;kommunkod;fornamn;efternamn;personnummer;kon;inskrivning_start;inskrivning_slut;status;avbrottsorsak;resultat;resultat_detalj;praktik_bransch;praktik_erbjudande',
        '9;2019-09-23;2019-12-20;1292;Cora;Dold;19920115-1017;kvinna;2019-09-23;2019-12-20;fullföljd;;;;;',
      ].join('\r\n'),
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ groups: 1, enrolments: 1, outcomes: 0, internships: 0 });
    const imported = await t.dataSource.query(
      `SELECT p.id, p.programme_id FROM enrolment e JOIN programme_group g ON g.id = e.group_id
         JOIN participant p ON p.id = e.participant_id WHERE g.programme_id = $1 AND g.number = 9`,
      [w.programmeA],
    );
    expect(imported).toEqual([{ id: expect.any(String), programme_id: w.programmeA }]);
    expect(imported[0].id).not.toBe(cora);
    expect(
      await t.dataSource.query('SELECT count(*)::int AS n FROM enrolment WHERE participant_id = $1', [cora]),
    ).toEqual([{ n: 0 }]);
    expect((await staffA.get(`/api/participants/${cora}`)).status).toBe(404);
    expect(await checks(cora)).toEqual([{ email: 'staff.a@test.se', result: 'separate_record' }]);
  });

  it('the association counts her once across programmes, by the keyed hash; each effort counts its own', async () => {
    const res = await admin.get('/api/reports/finsam?year=2020');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      year: 2020,
      efforts: [
        // B: staffB's record of Sara, Bea.
        { effort: 'Första Steget', women: 2, men: 0, other: 0, total: 2 },
        // A: Sara, and the two accepted referrals (a new record of Bea, and the never-seen candidate).
        { effort: 'Nästa Steg', women: 3, men: 0, other: 0, total: 3 },
      ],
      // Sara and Bea are one person each however many records they have; plus the never-seen candidate.
      persons: { women: 3, men: 0, other: 0, total: 3 },
    });
    for (const c of [staffA, staffB, await signIn(t, w.users.steeringA.email)])
      expect((await c.get('/api/reports/finsam?year=2020')).status).toBe(403);
  });

  it('fills the hash at start for rows written before it existed, and every row again when the key changed', async () => {
    const hasher = t.app.get(PersonalNumberHasher);
    const hashOf = async (id: string) =>
      (await t.dataSource.query('SELECT personal_number_hash FROM participant WHERE id = $1', [id]))[0]
        .personal_number_hash;
    await t.dataSource.query('UPDATE participant SET personal_number_hash = NULL WHERE id = $1', [omar]);
    expect(await hasher.backfill()).toBe(1);
    expect(await hashOf(omar)).toBe(hasher.hash('199005211009'));
    expect(await hasher.backfill()).toBe(0);
    // Hashes made under another key: one that no longer matches tells, and every row is hashed again.
    const [{ n }] = await t.dataSource.query(
      'SELECT count(*)::int AS n FROM participant WHERE personal_number IS NOT NULL',
    );
    await t.dataSource.query(
      'UPDATE participant SET personal_number_hash = md5(personal_number) WHERE personal_number IS NOT NULL',
    );
    expect(await hasher.backfill()).toBe(n);
    expect(await hashOf(sara)).toBe(hasher.hash('198503121009'));
    expect(await hashOf(omar)).toBe(hasher.hash('199005211009'));
  });
});
