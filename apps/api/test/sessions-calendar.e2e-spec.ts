import { UsersService } from '../src/modules/users/users.service';
import { type Client, seedWorld, signIn, startTestApp, type TestApp, type World } from './support/test-app';

/** Issue 18: the calendar names what it skipped, sessions move and get added with a reason, and two workers
 * saving the same week do not overwrite each other silently. */
describe('sessions, calendar and attendance versions (e2e)', () => {
  let t: TestApp;
  let w: World;
  let staffA: Client;
  let kim: Client;
  let groupId: string;
  let sessions: { id: string; date: string; version: number }[];
  let enrolmentId: string;

  beforeAll(async () => {
    t = await startTestApp('sessions_calendar');
    w = await seedWorld(t);
    staffA = await signIn(t, w.users.staffA.email);
    await t.app.get(UsersService).createUser({
      email: 'kim@test.se',
      displayName: 'Kim',
      role: 'staff',
      password: 'a-long-test-password-1',
      programmeIds: [w.programmeA],
    });
    kim = await signIn(t, 'kim@test.se');
    const tpl = await staffA.post(`/api/programmes/${w.programmeA}/templates`, {
      name: 'Våren',
      phases: [{ kind: 'lectures', weeks: 8, lectures: true }],
      themes: ['CV-träning'],
      lectureCount: 24,
      lectureWeekdays: [1, 2, 4],
      lectureStart: '09:00',
      lectureEnd: '11:30',
      computerDayWeekday: null,
    });
    expect(tpl.status).toBe(201);
    const g = await staffA.post('/api/groups', {
      programmeId: w.programmeA,
      municipalityId: w.municipalities.angelholm,
      number: 8,
      startDate: '2027-03-22',
      capacity: 10,
      overIntake: 0,
      deliveryMode: 'on_site',
      templateId: tpl.body.id,
    });
    expect(g.status).toBe(201);
    groupId = g.body.id;
    sessions = g.body.calendar.sessions;
    const p = await staffA.post('/api/participants', {
      programmeId: w.programmeA,
      firstName: 'Amina',
      lastName: 'Hassan',
      gender: 'woman',
      birthYear: 1985,
    });
    const e = await staffA.post(`/api/participants/${p.body.id}/enrolments`, {
      groupId,
      startDate: '2027-03-22',
    });
    expect(e.status).toBe(201);
    enrolmentId = e.body.id;
  });
  afterAll(() => t?.close());

  it('the calendar read later names the holidays its plan skipped, as the creation did', async () => {
    const cal = await staffA.get(`/api/groups/${groupId}/sessions`);
    expect(cal.status).toBe(200);
    // Lectures Mon, Tue, Thu: Easter Monday 29/3 and Ascension 6/5 2027 fall on them (Good Friday and 1 May do
    // not). The names are date-holidays' Swedish ones.
    expect(cal.body.skippedHolidays).toEqual([
      { date: '2027-03-29', name: 'annandag påsk' },
      { date: '2027-05-06', name: 'Kristi himmelsfärdsdag' },
    ]);
    expect(cal.body.lecturesShort).toBe(2);
    expect(cal.body.lectureCount).toBe(22);
  });

  it('adds a study visit with its reason, and a move needs a reason and keeps the first planned day', async () => {
    const visit = await staffA.post(`/api/groups/${groupId}/sessions`, {
      date: '2027-03-24',
      startTime: '10:00',
      endTime: '12:00',
      kind: 'study_visit',
      theme: 'Besök på Arbetsförmedlingen',
      note: 'Gruppen bad om ett besök',
    });
    expect(visit.status).toBe(201);
    expect(visit.body).toMatchObject({
      kind: 'study_visit',
      note: 'Gruppen bad om ett besök',
      movedFrom: null,
      status: 'scheduled',
      version: 1,
    });
    const s = sessions[1];
    const bare = await staffA.patch(`/api/sessions/${s.id}`, { version: 1, date: '2027-03-25' });
    expect(bare.status).toBe(400);
    expect(bare.body.errors).toEqual([
      { field: 'note', message: 'say why the session is moved (note)', code: 'move_reason_required' },
    ]);
    const moved = await staffA.patch(`/api/sessions/${s.id}`, {
      version: 1,
      date: '2027-03-26',
      startTime: '13:00',
      endTime: '15:30',
      note: 'Salen är bokad',
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      date: '2027-03-26',
      startTime: '13:00',
      endTime: '15:30',
      movedFrom: '2027-03-23',
      note: 'Salen är bokad',
      version: 2,
    });
    const again = await staffA.patch(`/api/sessions/${s.id}`, {
      version: 2,
      date: '2027-03-25',
      note: 'Fredag passade inte',
    });
    expect(again.body).toMatchObject({ date: '2027-03-25', movedFrom: '2027-03-23', version: 3 });
    const back = await staffA.patch(`/api/sessions/${s.id}`, {
      version: 3,
      date: '2027-03-23',
      startTime: '09:00',
      endTime: '11:30',
      note: 'Tillbaka',
    });
    expect(back.body).toMatchObject({ date: '2027-03-23', movedFrom: null, version: 4 });
    // A cancellation without a move needs no move reason, only its own.
    const cancelled = await staffA.patch(`/api/sessions/${sessions[2].id}`, {
      version: 1,
      status: 'cancelled',
      note: 'Föreläsaren sjuk',
    });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', note: 'Föreläsaren sjuk', movedFrom: null });
  });

  it('a save based on an older read of a mark answers 409 and stores nothing; with the fresh version it saves', async () => {
    const [s0, s1] = [sessions[0], sessions[3]];
    const url = `/api/groups/${groupId}/attendance`;
    const first = await kim
      .put(url, {
        marks: [{ sessionId: s0.id, enrolmentId, status: 'present', version: 0 }],
      })
      .set('Idempotency-Key', 'kim-0001');
    expect(first.status).toBe(200);
    const read = await staffA.get(url);
    expect(read.body.marks).toEqual([
      { sessionId: s0.id, enrolmentId, status: 'present', reason: null, version: 1 },
    ]);
    // Kim changes the mark again after staffA read it.
    await kim
      .put(url, {
        marks: [{ sessionId: s0.id, enrolmentId, status: 'unexcused', version: 1 }],
      })
      .set('Idempotency-Key', 'kim-0002');
    const stale = await staffA
      .put(url, {
        marks: [
          { sessionId: s1.id, enrolmentId, status: 'present', version: 0 },
          { sessionId: s0.id, enrolmentId, status: 'excused', reason: 'sick_child', version: 1 },
        ],
      })
      .set('Idempotency-Key', 'sara-0001');
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_version');
    // Nothing of the refused save is stored, not even the mark that did not conflict.
    const after = await staffA.get(url);
    expect(after.body.marks).toEqual([
      { sessionId: s0.id, enrolmentId, status: 'unexcused', reason: null, version: 2 },
    ]);
    // An empty cell someone else filled in meanwhile conflicts too (sent as 0).
    await kim
      .put(url, { marks: [{ sessionId: s1.id, enrolmentId, status: 'present', version: 0 }] })
      .set('Idempotency-Key', 'kim-0003');
    const filled = await staffA
      .put(url, { marks: [{ sessionId: s1.id, enrolmentId, status: 'unexcused', version: 0 }] })
      .set('Idempotency-Key', 'sara-0002');
    expect(filled.status).toBe(409);
    const ok = await staffA
      .put(url, {
        marks: [
          { sessionId: s1.id, enrolmentId, status: 'unexcused', version: 1 },
          { sessionId: s0.id, enrolmentId, status: 'excused', reason: 'sick_child', version: 2 },
        ],
      })
      .set('Idempotency-Key', 'sara-0003');
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ saved: 2 });
    const stored: unknown = await t.dataSource.query(
      'SELECT session_id, status, reason, version, recorded_by FROM attendance ORDER BY version DESC, status',
    );
    expect(stored).toEqual([
      {
        session_id: s0.id,
        status: 'excused',
        reason: 'sick_child',
        version: 3,
        recorded_by: w.users.staffA.id,
      },
      { session_id: s1.id, status: 'unexcused', reason: null, version: 2, recorded_by: w.users.staffA.id },
    ]);
    // Without versions (a machine client) the last writer wins, as before.
    const blind = await kim
      .put(url, { marks: [{ sessionId: s1.id, enrolmentId, status: 'present' }] })
      .set('Idempotency-Key', 'kim-0004');
    expect(blind.status).toBe(200);
  });
});
