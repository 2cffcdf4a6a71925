import request from 'supertest';
import { UsersService } from '../src/modules/users/users.service';
import { type Client, seedWorld, signIn, startTestApp, type TestApp, type World } from './support/test-app';

const THIRTEEN_WEEKS = {
  name: '13 veckor',
  phases: [
    { kind: 'mapping', weeks: 2, lectures: true },
    { kind: 'lectures', weeks: 7, lectures: true },
    { kind: 'internship', weeks: 4, lectures: false },
  ],
  themes: [
    'Arbetsmarknadskunskap',
    'Utbildning',
    'CV-träning',
    'Presentationsteknik',
    'Motivation',
    'Kultur',
    'Samhällskunskap',
    'Jämställdhet',
    'Hälsa',
    'Språket',
  ],
  lectureCount: 31,
  lectureWeekdays: [1, 2, 3, 4],
  lectureStart: '13:00',
  lectureEnd: '15:30',
  computerDayWeekday: null,
};

describe('programmes at work (e2e)', () => {
  let t: TestApp;
  let w: World;
  let staffA: Client;
  let staffB: Client;
  let groupId: string;
  let groupBId: string;
  let sessions: { id: string; date: string; kind: string }[];
  const enrolmentIds: string[] = [];
  let protectedEnrolment: string;

  beforeAll(async () => {
    t = await startTestApp('work');
    w = await seedWorld(t);
    // staffA is Sara, the programme's lead (processledare): only the lead or an admin names group staff.
    await t.app.get(UsersService).setAllocation(w.users.staffA.id, w.programmeA, true, async () => {});
    staffA = await signIn(t, w.users.staffA.email);
    staffB = await signIn(t, w.users.staffB.email);
    // Sara leads group 3 and is staffA's staff record; Nils works in the programme but not in this group.
    const sara = await staffA.post('/api/staff-members', {
      name: 'Sara Processledare',
      staffRole: 'programme_lead',
      userId: w.users.staffA.id,
    });
    expect(sara.status).toBe(201);
    const tpl = await staffA.post(`/api/programmes/${w.programmeA}/templates`, THIRTEEN_WEEKS);
    expect(tpl.status).toBe(201);
    expect(tpl.body.totalWeeks).toBe(13);
    const g = await staffA.post('/api/groups', {
      programmeId: w.programmeA,
      municipalityId: w.municipalities.angelholm,
      number: 3,
      startDate: '2020-08-24',
      capacity: 10,
      overIntake: 2,
      deliveryMode: 'on_site',
      place: 'Stadsbiblioteket',
      templateId: tpl.body.id,
      staffMemberIds: [sara.body.id],
    });
    expect(g.status).toBe(201);
    groupId = g.body.id;
    sessions = g.body.calendar.sessions;
    const gb = await staffB.post('/api/groups', {
      programmeId: w.programmeB,
      municipalityId: w.municipalities.perstorp,
      number: 1,
      startDate: '2020-08-24',
      endDate: '2020-11-20',
      capacity: 10,
      overIntake: 0,
      deliveryMode: 'digital',
    });
    expect(gb.status).toBe(201);
    groupBId = gb.body.id;
    for (const [i, name] of ['Amina Hassan', 'Fatima Ali', 'Omar Yusuf', 'Leyla Karimi'].entries()) {
      const [firstName, lastName] = name.split(' ');
      const p = await staffA.post('/api/participants', {
        programmeId: w.programmeA,
        firstName,
        lastName,
        gender: i === 2 ? 'man' : 'woman',
        birthYear: 1985 + i,
        protectedIdentity: i === 3,
      });
      expect(p.status).toBe(201);
      const e = await staffA.post(`/api/participants/${p.body.id}/enrolments`, {
        groupId,
        startDate: i === 1 ? '2020-08-26' : '2020-08-24',
      });
      expect(e.status).toBe(201);
      enrolmentIds.push(e.body.id);
    }
    protectedEnrolment = enrolmentIds[3];
  });
  afterAll(() => t?.close());

  describe('calendar', () => {
    it('the 13-week template from 2020-08-24 gives 31 lectures, 4 a week, none on a public holiday', async () => {
      const cal = await staffA.get(`/api/groups/${groupId}/sessions`);
      expect(cal.status).toBe(200);
      const lectures = cal.body.sessions.filter((s: { kind: string }) => s.kind === 'lecture');
      expect(lectures).toHaveLength(31);
      expect(cal.body.lectureCount).toBe(31);
      expect(lectures[0]).toMatchObject({
        date: '2020-08-24',
        startTime: '13:00',
        endTime: '15:30',
        theme: 'Arbetsmarknadskunskap',
      });
      expect(lectures[30].date).toBe('2020-10-14');
      const weekOne = lectures
        .filter((s: { date: string }) => s.date <= '2020-08-30')
        .map((s: { date: string }) => s.date);
      expect(weekOne).toEqual(['2020-08-24', '2020-08-25', '2020-08-26', '2020-08-27']);
      const group = await staffA.get(`/api/groups/${groupId}`);
      expect(group.body).toMatchObject({
        name: 'Grupp 3',
        endDate: '2020-11-22',
        enrolledCount: 4,
        capacity: 10,
        overIntake: 2,
      });
    });

    it('a group starting before Ascension 2021 skips it and still gets 31 lectures', async () => {
      const tpl = (await staffA.get(`/api/programmes/${w.programmeA}/templates`)).body[0];
      const g = await staffA.post('/api/groups', {
        programmeId: w.programmeA,
        municipalityId: w.municipalities.angelholm,
        number: 5,
        startDate: '2021-03-29',
        capacity: 10,
        overIntake: 2,
        deliveryMode: 'hybrid',
        templateId: tpl.id,
      });
      expect(g.status).toBe(201);
      const dates = g.body.calendar.sessions.map((s: { date: string }) => s.date);
      expect(dates).toHaveLength(31);
      expect(dates).not.toContain('2021-04-05');
      expect(dates).not.toContain('2021-05-13');
      expect(g.body.calendar.skippedHolidays.map((h: { date: string }) => h.date)).toEqual([
        '2021-04-05',
        '2021-05-13',
      ]);
    });

    it('moves and cancels sessions, and assigns a substitute when the presenter is away', async () => {
      const s = sessions[10];
      const cancel = await staffA.patch(`/api/sessions/${s.id}`, { version: 1, status: 'cancelled' });
      expect(cancel.status).toBe(400);
      expect(cancel.body.errors).toEqual([
        { field: 'note', message: 'say why the session is cancelled (note)', code: 'cancel_reason_required' },
      ]);
      const ok = await staffA.patch(`/api/sessions/${s.id}`, {
        version: 1,
        status: 'cancelled',
        note: 'Föreläsaren sjuk',
      });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ status: 'cancelled', version: 2 });
      const stale = await staffA.patch(`/api/sessions/${s.id}`, {
        version: 1,
        date: '2020-09-10',
        note: 'Lokalen upptagen',
      });
      expect(stale.status).toBe(409);
      const sara = (await staffA.get('/api/staff-members')).body[0];
      const sub = await staffA.post('/api/staff-members', {
        name: 'Nils Vikarie',
        staffRole: 'programme_worker',
      });
      const s2 = sessions[11];
      await staffA.patch(`/api/sessions/${s2.id}`, { version: 1, presenterStaffId: sara.id });
      const away = await staffA.patch(`/api/sessions/${s2.id}`, {
        version: 2,
        presenterAbsent: true,
        substituteStaffId: sub.body.id,
        date: '2020-09-11',
        note: 'Vikarien kan bara fredag',
      });
      expect(away.status).toBe(200);
      expect(away.body).toMatchObject({
        presenterStaffId: sara.id,
        presenterAbsent: true,
        substituteStaffId: sub.body.id,
        date: '2020-09-11',
      });
    });
  });

  describe('attendance', () => {
    const weekOne = () => sessions.slice(0, 4);

    it('saves a week in one idempotent request; a repeat stores nothing twice', async () => {
      const [s1, s2, s3, s4] = weekOne();
      const [a, f, o, l] = enrolmentIds;
      const marks = [
        ...[s1, s2, s3, s4].map((s) => ({ sessionId: s.id, enrolmentId: a, status: 'present' })),
        { sessionId: s3.id, enrolmentId: f, status: 'present' },
        { sessionId: s4.id, enrolmentId: f, status: 'excused', reason: 'sick_child' },
        { sessionId: s1.id, enrolmentId: o, status: 'present' },
        { sessionId: s2.id, enrolmentId: o, status: 'unexcused' },
        { sessionId: s3.id, enrolmentId: o, status: 'present' },
        { sessionId: s4.id, enrolmentId: o, status: 'present' },
        ...[s1, s2, s3].map((s) => ({ sessionId: s.id, enrolmentId: l, status: 'present' })),
        { sessionId: s4.id, enrolmentId: l, status: 'excused', reason: 'doctor_appointment' },
      ];
      const key = 'week-1-grupp-3-0001';
      const first = await staffA
        .put(`/api/groups/${groupId}/attendance`, { marks })
        .set('Idempotency-Key', key);
      expect(first.status).toBe(200);
      expect(first.body).toEqual({ saved: 14 });
      const auditBefore = await t.dataSource.query(
        "SELECT count(*)::int AS n FROM audit_event WHERE action = 'attendance.write'",
      );
      const again = await staffA
        .put(`/api/groups/${groupId}/attendance`, { marks })
        .set('Idempotency-Key', key);
      expect(again.status).toBe(200);
      expect(again.body).toEqual({ saved: 14 });
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(
        await t.dataSource.query(
          "SELECT count(*)::int AS n FROM audit_event WHERE action = 'attendance.write'",
        ),
      ).toEqual(auditBefore);
      expect(await t.dataSource.query('SELECT count(*)::int AS n FROM attendance')).toEqual([{ n: 14 }]);
      const other = await staffA
        .put(`/api/groups/${groupId}/attendance`, { marks: marks.slice(1) })
        .set('Idempotency-Key', key);
      expect(other.status).toBe(422);
      const none = await staffA.put(`/api/groups/${groupId}/attendance`, { marks });
      expect(none.status).toBe(400);
      expect(none.body.errors[0].field).toBe('Idempotency-Key');
    });

    it('computes rates exactly as docs/domain.md defines them, with numerator and denominator', async () => {
      const grid = await staffA.get(`/api/groups/${groupId}/attendance`);
      expect(grid.status).toBe(200);
      expect(grid.body.goalPercent).toBe(80);
      const rows = Object.fromEntries(grid.body.rows.map((r: { displayName: string }) => [r.displayName, r]));
      // Amina 4/4; Fatima enrolled from the 3rd session: 1 of 2, one excused; Omar 3/4; Leyla 3/4, one excused.
      expect(rows['Amina Hassan']).toMatchObject({
        rate: { count: 4, of: 4, percent: 100 },
        excused: 0,
        unexcused: 0,
        meetsGoal: true,
      });
      expect(rows['Fatima Ali']).toMatchObject({
        rate: { count: 1, of: 2, percent: 50 },
        excused: 1,
        unexcused: 0,
        meetsGoal: false,
      });
      expect(rows['Omar Yusuf']).toMatchObject({
        rate: { count: 3, of: 4, percent: 75 },
        excused: 0,
        unexcused: 1,
        meetsGoal: false,
      });
      expect(rows['Leyla Karimi']).toMatchObject({
        rate: { count: 3, of: 4, percent: 75 },
        excused: 1,
        meetsGoal: false,
      });
      expect(grid.body.groupRate).toEqual({ count: 11, of: 14, percent: 79 });
      expect(grid.body.meetingGoal).toEqual({ count: 1, of: 4, percent: 25 });
    });

    it('refuses marks for sessions of another group or dates outside the enrolment, naming them, and stores nothing', async () => {
      const foreign = (await staffB.get(`/api/groups/${groupBId}/sessions`)).body.sessions;
      expect(foreign).toEqual([]);
      const res = await staffA
        .put(`/api/groups/${groupId}/attendance`, {
          marks: [
            { sessionId: sessions[0].id, enrolmentId: enrolmentIds[1], status: 'present' },
            { sessionId: sessions[1].id, enrolmentId: enrolmentIds[0], status: 'excused' },
          ],
        })
        .set('Idempotency-Key', 'bad-week-0001');
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        { field: 'marks.1.reason', message: 'reason is required for an excused absence', code: 'required' },
      ]);
      const res2 = await staffA
        .put(`/api/groups/${groupId}/attendance`, {
          marks: [{ sessionId: sessions[0].id, enrolmentId: enrolmentIds[1], status: 'present' }],
        })
        .set('Idempotency-Key', 'bad-week-0002');
      expect(res2.status).toBe(400);
      expect(res2.body.errors).toEqual([
        {
          field: 'marks.0.enrolmentId',
          message: 'the participant was not enrolled on the session date',
          code: 'not_enrolled_on_date',
        },
      ]);
      expect(await t.dataSource.query('SELECT count(*)::int AS n FROM attendance')).toEqual([{ n: 14 }]);
    });

    it('shows a protected identity as a pseudonym to staff who are not assigned to the group', async () => {
      const other = await signIn(t, w.users.staffA.email);
      // A second staff user in programme A who is not group staff.
      const users = t.app.get(UsersService);
      await users.createUser({
        email: 'staff.a2@test.se',
        displayName: 'Kim',
        role: 'staff',
        password: 'a-long-test-password-1',
        programmeIds: [w.programmeA],
      });
      const kim = await signIn(t, 'staff.a2@test.se');
      const mine = await other.get(`/api/groups/${groupId}/attendance`);
      const theirs = await kim.get(`/api/groups/${groupId}/attendance`);
      const name = (g: request.Response) =>
        g.body.rows.find((r: { enrolmentId: string }) => r.enrolmentId === protectedEnrolment).displayName;
      expect(name(mine)).toBe('Leyla Karimi');
      expect(name(theirs)).toMatch(/^Deltagare [0-9A-F]{6}$/);
      expect(JSON.stringify(theirs.body)).not.toContain('Karimi');
    });

    it('analysis members, steering and evaluators cannot read attendance of named participants', async () => {
      for (const who of ['analysisA', 'steeringA', 'evaluatorA'] as const) {
        const c = await signIn(t, w.users[who].email);
        const res = await c.get(`/api/groups/${groupId}/attendance`);
        expect(res.status).toBe(403);
        expect(JSON.stringify(res.body)).not.toContain('Amina');
      }
    });

    it('staff of programme B get 404 for programme A’s groups, attendance and internships', async () => {
      expect((await staffB.get(`/api/groups/${groupId}`)).status).toBe(404);
      expect((await staffB.get(`/api/groups/${groupId}/sessions`)).status).toBe(404);
      expect((await staffB.get(`/api/groups/${groupId}/attendance`)).status).toBe(404);
      expect((await staffB.get(`/api/groups/${groupId}/internships`)).status).toBe(404);
      expect((await staffB.get(`/api/groups?programmeId=${w.programmeA}`)).status).toBe(404);
      const write = await staffB
        .put(`/api/groups/${groupId}/attendance`, {
          marks: [{ sessionId: sessions[0].id, enrolmentId: enrolmentIds[0], status: 'unexcused' }],
        })
        .set('Idempotency-Key', 'intruder-0001');
      expect(write.status).toBe(404);
      expect(
        await t.dataSource.query(
          'SELECT status FROM attendance WHERE session_id = $1 AND enrolment_id = $2',
          [sessions[0].id, enrolmentIds[0]],
        ),
      ).toEqual([{ status: 'present' }]);
    });
  });

  describe('staffing', () => {
    it('sums a programme’s staffing (100 % + 50 % = 150 %) and warns when a person is above 100 %', async () => {
      const admin = await signIn(t, w.users.admin.email);
      const lead = (
        await admin.post('/api/staff-members', { name: 'Lena Ledare', staffRole: 'programme_lead' })
      ).body;
      const worker = (
        await admin.post('/api/staff-members', { name: 'Per Medarbetare', staffRole: 'programme_worker' })
      ).body;
      const a1 = await admin.post('/api/staff-allocations', {
        staffMemberId: lead.id,
        programmeId: w.programmeA,
        percent: 100,
        startDate: '2020-01-01',
        endDate: '2020-12-31',
      });
      expect(a1.status).toBe(201);
      expect(a1.body).toMatchObject({ overAllocated: false, warnings: [] });
      await admin.post('/api/staff-allocations', {
        staffMemberId: worker.id,
        programmeId: w.programmeA,
        percent: 50,
        startDate: '2020-01-01',
        endDate: '2020-12-31',
      });
      const over = await admin.post('/api/staff-allocations', {
        staffMemberId: lead.id,
        programmeId: w.programmeB,
        percent: 20,
        startDate: '2020-06-01',
        endDate: '2020-12-31',
      });
      expect(over.status).toBe(201);
      expect(over.body.overAllocated).toBe(true);
      expect(over.body.warnings).toEqual([
        {
          code: 'over_allocated',
          params: { name: 'Lena Ledare', percent: 120 },
          message: 'Lena Ledare är allokerad 120 % (över 100 %) under perioden',
        },
      ]);
      const overview = await admin.get(`/api/programmes/${w.programmeA}/staffing?date=2020-03-01`);
      expect(overview.body.totalPercent).toBe(150);
      expect(
        overview.body.allocations.map((a: { percent: number; overAllocated: boolean }) => [
          a.percent,
          a.overAllocated,
        ]),
      ).toEqual(
        expect.arrayContaining([
          [100, false],
          [50, false],
        ]),
      );
      const later = await admin.get(`/api/staff-members/${lead.id}/staffing?date=2020-09-01`);
      expect(later.body).toMatchObject({ totalPercent: 120, overAllocated: true });
      const bad = await admin.post('/api/staff-allocations', {
        staffMemberId: lead.id,
        programmeId: w.programmeA,
        percent: 150,
        startDate: '2020-01-01',
        endDate: '2019-12-31',
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['percent']);
    });

    it('keeps steering-group and analysis-group members per programme', async () => {
      const res = await staffA.post(`/api/programmes/${w.programmeA}/committees`, {
        kind: 'analysis',
        name: 'Ali Handläggare',
        organisationId: w.organisations.af,
        roleTitle: 'Arbetsförmedlare',
        userId: w.users.analysisA.id,
      });
      expect(res.status).toBe(201);
      const list = await staffA.get(`/api/programmes/${w.programmeA}/committees`);
      expect(list.body).toEqual([
        expect.objectContaining({
          kind: 'analysis',
          name: 'Ali Handläggare',
          organisationId: w.organisations.af,
        }),
      ]);
    });
  });

  describe('employers and internships', () => {
    let employerId: string;

    it('refuses an organisation number with a bad check digit, naming the field', async () => {
      const res = await staffA.post('/api/employers', {
        name: 'Fel AB',
        organisationNumber: '556703-7484',
        sector: 'private',
        industry: 'retail',
        municipalityId: w.municipalities.angelholm,
      });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        {
          field: 'organisationNumber',
          message: 'organisationNumber is not a valid Swedish organisation number (check digit)',
          code: 'invalid_organisation_number',
        },
      ]);
      expect(await t.dataSource.query('SELECT count(*)::int AS n FROM employer')).toEqual([{ n: 0 }]);
    });

    it('registers employers, logs contacts and finds them by search and filters', async () => {
      const res = await staffA.post('/api/employers', {
        name: 'Bageriet i Ängelholm',
        organisationNumber: '5567037485',
        sector: 'private',
        industry: 'bakery/café',
        municipalityId: w.municipalities.angelholm,
        contacts: [{ name: 'Eva Bagare', phone: '0431-123 45' }],
      });
      expect(res.status).toBe(201);
      expect(res.body.organisationNumber).toBe('556703-7485');
      employerId = res.body.id;
      await staffA.post('/api/employers', {
        name: 'Förskolan Solen',
        organisationNumber: '212000-1355',
        sector: 'municipal',
        industry: 'pre-school/school',
        municipalityId: w.municipalities.angelholm,
      });
      const no = await staffA.post(`/api/employers/${employerId}/contacts`, {
        date: '2020-09-01',
        outcome: 'no',
      });
      expect(no.status).toBe(400);
      expect(no.body.errors[0].field).toBe('reason');
      expect(
        (
          await staffA.post(`/api/employers/${employerId}/contacts`, {
            date: '2020-09-01',
            outcome: 'no',
            reason: 'pandemic',
          })
        ).status,
      ).toBe(201);
      expect(
        (await staffA.post(`/api/employers/${employerId}/contacts`, { date: '2020-10-01', outcome: 'yes' }))
          .status,
      ).toBe(201);
      const log = await staffA.get(`/api/employers/${employerId}/contacts`);
      expect(log.body.map((c: { outcome: string; reason: string | null }) => [c.outcome, c.reason])).toEqual([
        ['yes', null],
        ['no', 'pandemic'],
      ]);
      expect((await staffA.get('/api/employers?q=bageri')).body.map((e: { name: string }) => e.name)).toEqual(
        ['Bageriet i Ängelholm'],
      );
      expect(
        (await staffA.get('/api/employers?sector=municipal')).body.map((e: { name: string }) => e.name),
      ).toEqual(['Förskolan Solen']);
      expect((await staffA.get('/api/employers?industry=retail')).body).toEqual([]);
      expect(
        (
          await staffA.post(`/api/employers/${employerId}/places`, {
            programmeId: w.programmeA,
            periodStart: '2020-10-26',
            periodEnd: '2020-11-20',
            places: 2,
          })
        ).status,
      ).toBe(201);
    });

    it('summarises a group: share with an internship, industries, offers', async () => {
      const [a, f, o] = enrolmentIds;
      const one = await staffA.post('/api/internships', {
        enrolmentId: a,
        employerId,
        periodNumber: 1,
        startDate: '2020-10-26',
        endDate: '2020-11-20',
        supervisor: 'Eva',
        wishedSector: true,
      });
      expect(one.status).toBe(201);
      await staffA.post('/api/internships', {
        enrolmentId: f,
        employerId,
        periodNumber: 1,
        startDate: '2020-10-26',
        endDate: '2020-11-20',
        wishedSector: false,
      });
      const done = await staffA.patch(`/api/internships/${one.body.id}`, {
        version: 1,
        result: 'offer_hourly',
      });
      expect(done.status).toBe(200);
      // Omar left in week 2, before the internship weeks: he does not count in the denominator.
      expect(
        (
          await staffA.patch(`/api/enrolments/${o}`, {
            status: 'left_early',
            endDate: '2020-09-02',
            leftReason: 'got_job',
          })
        ).status,
      ).toBe(200);
      const evaluator = await signIn(t, w.users.evaluatorA.email);
      const summary = await evaluator.get(`/api/groups/${groupId}/internship-summary`);
      expect(summary.status).toBe(200);
      expect(summary.body).toEqual({
        groupId,
        withInternship: { count: 2, of: 3, percent: 67 },
        byIndustry: { 'bakery/café': 2 },
        ledToOffer: 1,
      });
      expect(JSON.stringify(summary.body)).not.toMatch(/Amina|Fatima/);
      expect((await staffA.get(`/api/employers/${employerId}`)).body).toMatchObject({
        internshipsHosted: 2,
        hires: 1,
      });
    });
  });
});
