import { type Client, seedWorld, signIn, startTestApp, type TestApp, type World } from './support/test-app';

describe('audit trail (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('audit');
    await t.dataSource.query(
      "INSERT INTO audit_event (action, entity_type, outcome) VALUES ('test.write', 'thing', 'success')",
    );
  });
  afterAll(() => t?.close());

  it('refuses UPDATE in the database itself', async () => {
    await expect(t.dataSource.query("UPDATE audit_event SET action = 'rewritten'")).rejects.toThrow(
      /append-only: UPDATE refused/,
    );
  });

  it('refuses DELETE and TRUNCATE in the database itself', async () => {
    await expect(t.dataSource.query('DELETE FROM audit_event')).rejects.toThrow(
      /append-only: DELETE refused/,
    );
    await expect(t.dataSource.query('TRUNCATE audit_event')).rejects.toThrow(/append-only: TRUNCATE refused/);
    expect(await t.dataSource.query('SELECT action FROM audit_event')).toEqual([{ action: 'test.write' }]);
  });
});

/**
 * Every write's audit entry is written in the write's own transaction: when the audit insert fails, the write is
 * rolled back too. A trigger refuses the audit rows of the writes that once recorded theirs after committing (a
 * user created by the admin, places offered by an employer, a handbook review, a session's chosen material and the
 * handbook editor right); each such request must fail and leave nothing behind.
 */
describe('audit in the same transaction as the write (e2e)', () => {
  let t: TestApp;
  let w: World;
  let admin: Client;
  let staffA: Client;
  let employerId: string;
  let entryId: string;
  let sessionId: string;
  let meetingId: string;
  let round: { id: string; codes: { shortCode: string }[] };

  beforeAll(async () => {
    t = await startTestApp('audit_tx');
    w = await seedWorld(t);
    admin = await signIn(t, w.users.admin.email);
    staffA = await signIn(t, w.users.staffA.email);
    const employer = await staffA.post('/api/employers', {
      name: 'Bageriet i Ängelholm',
      organisationNumber: '5567037485',
      sector: 'private',
      industry: 'bakery/café',
      municipalityId: w.municipalities.angelholm,
    });
    expect(employer.status).toBe(201);
    employerId = employer.body.id;
    const entry = await admin.post('/api/handbook/entries', {
      title: 'CV-träning',
      body: 'Deltagarna skriver ett CV.',
      module: 'lectures',
      week: 4,
      theme: 'CV-träning',
      templateId: null,
      alternative: 'Grundversion',
      whenToUse: 'De flesta grupper',
      links: [],
    });
    expect(entry.status).toBe(201);
    entryId = entry.body.id;
    const group = await staffA.post('/api/groups', {
      programmeId: w.programmeA,
      municipalityId: w.municipalities.angelholm,
      number: 1,
      startDate: '2020-08-24',
      endDate: '2020-11-20',
      capacity: 10,
      overIntake: 0,
      deliveryMode: 'on_site',
    });
    expect(group.status).toBe(201);
    const session = await staffA.post(`/api/groups/${group.body.id}/sessions`, {
      date: '2020-09-01',
      startTime: '13:00',
      endTime: '15:30',
      kind: 'lecture',
      theme: 'CV-träning',
    });
    expect(session.status).toBe(201);
    sessionId = session.body.id;
    const meeting = await staffA.post('/api/meetings', {
      programmeId: w.programmeA,
      date: '2020-08-10',
      invitedUserIds: [],
    });
    expect(meeting.status).toBe(201);
    meetingId = meeting.body.id;
    const person = await staffA.post('/api/participants', {
      programmeId: w.programmeA,
      firstName: 'Pia',
      lastName: 'Papper',
      gender: 'woman',
    });
    expect(
      (
        await staffA.post(`/api/participants/${person.body.id}/enrolments`, {
          groupId: group.body.id,
          startDate: '2020-08-24',
        })
      ).status,
    ).toBe(201);
    const opened = await staffA.post('/api/survey-rounds', {
      groupId: group.body.id,
      questionnaireId: 'end-of-group',
      opensAt: new Date(Date.now() - 3_600_000).toISOString(),
      closesAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(opened.status).toBe(201);
    round = opened.body;
    await t.dataSource.query(
      `CREATE FUNCTION test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'audit refused for %', NEW.action; END $$`,
    );
    await t.dataSource.query(
      `CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_event FOR EACH ROW
       WHEN (NEW.action IN ('user.create', 'employer.places', 'handbook.review', 'handbook.choose',
                            'handbook.editor.grant', 'meeting.notes', 'survey.paper'))
       EXECUTE FUNCTION test_refuse_audit()`,
    );
  });
  afterAll(() => t?.close());

  const count = async (sql: string, params: unknown[]) =>
    ((await t.dataSource.query(sql, params)) as { n: number }[])[0].n;

  it('creates no user when the audit of the creation fails', async () => {
    const res = await admin.post('/api/users', {
      email: 'ny@test.se',
      displayName: 'Ny Användare',
      role: 'staff',
      password: 'a-long-test-password-2',
      programmeIds: [w.programmeA],
    });
    expect(res.status).toBe(500);
    expect(await count(`SELECT count(*)::int AS n FROM app_user WHERE email = $1`, ['ny@test.se'])).toBe(0);
  });

  it('stores no places offered when their audit fails', async () => {
    const res = await staffA.post(`/api/employers/${employerId}/places`, {
      programmeId: w.programmeA,
      periodStart: '2020-10-01',
      periodEnd: '2020-10-31',
      places: 3,
    });
    expect(res.status).toBe(500);
    expect(
      await count(`SELECT count(*)::int AS n FROM places_offered WHERE employer_id = $1`, [employerId]),
    ).toBe(0);
  });

  it('marks no handbook entry reviewed when the audit of the review fails', async () => {
    const res = await admin.post(`/api/handbook/entries/${entryId}/review`);
    expect(res.status).toBe(500);
    expect(
      await count(`SELECT count(*)::int AS n FROM handbook_entry WHERE id = $1 AND reviewed_at IS NOT NULL`, [
        entryId,
      ]),
    ).toBe(0);
  });

  it("keeps no session's chosen material when its audit fails", async () => {
    const res = await staffA.put(`/api/sessions/${sessionId}/handbook`, { entryId });
    expect(res.status).toBe(500);
    expect(
      await count(`SELECT count(*)::int AS n FROM session_material WHERE session_id = $1`, [sessionId]),
    ).toBe(0);
  });

  it("keeps no meeting's case notes when their audit fails", async () => {
    const res = await staffA.patch(`/api/meetings/${meetingId}/notes`, { caseNotes: 'Ärendet följs upp' });
    expect(res.status).toBe(500);
    expect(
      await count(`SELECT count(*)::int AS n FROM meeting WHERE id = $1 AND case_notes <> ''`, [meetingId]),
    ).toBe(0);
  });

  it('stores no paper answer, and spends no code, when the audit of the entry fails', async () => {
    const res = await staffA
      .post(`/api/survey-rounds/${round.id}/paper-responses`, {
        code: round.codes[0].shortCode,
        language: 'sv',
        answers: {
          overall: 4,
          lectures: 4,
          talks: 4,
          internship: 'no',
          time: 'right',
          wants: [],
          next: 'work',
        },
      })
      .set('Idempotency-Key', 'audit-paper-1-key');
    expect(res.status).toBe(500);
    expect(
      await count(`SELECT count(*)::int AS n FROM survey_response WHERE round_id = $1`, [round.id]),
    ).toBe(0);
    expect(
      await count(`SELECT count(*)::int AS n FROM survey_code WHERE round_id = $1 AND used_on IS NOT NULL`, [
        round.id,
      ]),
    ).toBe(0);
  });

  it('grants no handbook editor right when the audit of the grant fails', async () => {
    const res = await admin.put(`/api/handbook/editors/${w.users.staffA.id}`, { editor: true });
    expect(res.status).toBe(500);
    expect(
      await count(`SELECT count(*)::int AS n FROM handbook_editor WHERE user_id = $1`, [w.users.staffA.id]),
    ).toBe(0);
  });
});
