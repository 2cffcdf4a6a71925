import { UsersService } from '../src/modules/users/users.service';
import { type Client, seedWorld, signIn, startTestApp, type TestApp, type World } from './support/test-app';

const THIRTEEN_WEEKS = {
  name: '13 veckor',
  phases: [
    { kind: 'mapping', weeks: 2, lectures: true },
    { kind: 'lectures', weeks: 7, lectures: true },
    { kind: 'internship', weeks: 4, lectures: false },
  ],
  themes: ['Arbetsmarknadskunskap', 'Utbildning', 'CV-träning'],
  lectureCount: 31,
  lectureWeekdays: [1, 2, 3, 4],
  lectureStart: '13:00',
  lectureEnd: '15:30',
  computerDayWeekday: null,
};

const group = (w: World, number: number, startDate: string, extra: Record<string, unknown> = {}) => ({
  programmeId: w.programmeA,
  municipalityId: w.municipalities.angelholm,
  number,
  startDate,
  capacity: 10,
  overIntake: 2,
  deliveryMode: 'on_site',
  ...extra,
});

describe('method templates in versions, and a group’s dates (e2e)', () => {
  let t: TestApp;
  let w: World;
  let lead: Client;
  let staffB: Client;
  let v1: { id: string; lineageId: string };
  let group3: { id: string; version: number };

  beforeAll(async () => {
    t = await startTestApp('templates');
    w = await seedWorld(t);
    await t.app.get(UsersService).setAllocation(w.users.staffA.id, w.programmeA, true, async () => {});
    lead = await signIn(t, w.users.staffA.email);
    staffB = await signIn(t, w.users.staffB.email);
    const res = await lead.post(`/api/programmes/${w.programmeA}/templates`, THIRTEEN_WEEKS);
    expect(res.status).toBe(201);
    v1 = res.body;
    const g = await lead.post('/api/groups', group(w, 3, '2020-08-24', { templateId: v1.id }));
    expect(g.status).toBe(201);
    group3 = g.body;
  });
  afterAll(() => t?.close());

  it('a new template is version 1 of its own lineage, current', () => {
    expect(v1).toMatchObject({ version: 1, lineageId: v1.id, supersededAt: null, totalWeeks: 13 });
  });

  it('an edit makes version 2; the group started from version 1 keeps it', async () => {
    const edited = await lead.put(`/api/programmes/${w.programmeA}/templates/${v1.id}`, {
      ...THIRTEEN_WEEKS,
      version: 1,
      phases: [
        { kind: 'mapping', weeks: 2, lectures: true },
        { kind: 'lectures', weeks: 8, lectures: true },
        { kind: 'internship', weeks: 4, lectures: false },
      ],
      lectureCount: 35,
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      name: '13 veckor',
      version: 2,
      lineageId: v1.id,
      supersededAt: null,
      totalWeeks: 14,
      lectureCount: 35,
    });
    expect(edited.body.id).not.toBe(v1.id);

    const list = await lead.get(`/api/programmes/${w.programmeA}/templates`);
    expect(list.body.map((x: { id: string; version: number }) => [x.id, x.version])).toEqual([
      [edited.body.id, 2],
    ]);
    const old = await lead.get(`/api/programmes/${w.programmeA}/templates/${v1.id}`);
    expect(old.status).toBe(200);
    expect(old.body.version).toBe(1);
    expect(old.body.lectureCount).toBe(31);
    expect(old.body.phases).toEqual(THIRTEEN_WEEKS.phases);
    expect(typeof old.body.supersededAt).toBe('string');

    const g3 = await lead.get(`/api/groups/${group3.id}`);
    expect(g3.body.templateId).toBe(v1.id);
    expect(g3.body.endDate).toBe('2020-11-22');
    const cal = await lead.get(`/api/groups/${group3.id}/sessions`);
    expect(cal.body.lectureCount).toBe(31);

    // A group started now follows version 2: 14 weeks, 35 lectures.
    const g4 = await lead.post('/api/groups', group(w, 4, '2021-01-11', { templateId: edited.body.id }));
    expect(g4.status).toBe(201);
    expect(g4.body.templateId).toBe(edited.body.id);
    expect(g4.body.endDate).toBe('2021-04-18');
    expect(g4.body.calendar.lectureCount).toBe(35);

    const audit = await t.dataSource.query(
      `SELECT action, details FROM audit_event WHERE entity_type = 'method_template' AND entity_id = $1`,
      [edited.body.id],
    );
    expect(audit).toEqual([
      { action: 'template.manage', details: { lineageId: v1.id, version: 2, replaces: v1.id } },
    ]);
  });

  it('refuses an edit of a replaced version (409) and a group started from one (400), changing nothing', async () => {
    const stale = await lead.put(`/api/programmes/${w.programmeA}/templates/${v1.id}`, {
      ...THIRTEEN_WEEKS,
      version: 1,
      name: 'Gammal',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('template_superseded');
    const g = await lead.post('/api/groups', group(w, 5, '2021-03-01', { templateId: v1.id }));
    expect(g.status).toBe(400);
    expect(g.body.errors[0]).toEqual({
      field: 'templateId',
      message: 'a newer version of this template has replaced it',
      code: 'template_superseded',
    });
    const rows = await t.dataSource.query(
      `SELECT name, version FROM method_template WHERE lineage_id = $1 ORDER BY version`,
      [v1.id],
    );
    expect(rows).toEqual([
      { name: '13 veckor', version: 1 },
      { name: '13 veckor', version: 2 },
    ]);
  });

  it('staff of another programme get 404 for the template, to read or to change', async () => {
    const read = await staffB.get(`/api/programmes/${w.programmeA}/templates/${v1.id}`);
    expect(read.status).toBe(404);
    const current = (await lead.get(`/api/programmes/${w.programmeA}/templates`)).body[0];
    const put = await staffB.put(`/api/programmes/${w.programmeA}/templates/${current.id}`, {
      ...THIRTEEN_WEEKS,
      version: current.version,
    });
    expect(put.status).toBe(404);
    // Through their own programme's path, programme A's template is not found either.
    const cross = await staffB.put(`/api/programmes/${w.programmeB}/templates/${current.id}`, {
      ...THIRTEEN_WEEKS,
      version: current.version,
    });
    expect(cross.status).toBe(404);
  });

  it('numbers groups per municipality: a taken number is a 409 naming number, another town may use it', async () => {
    const make = (municipalityId: string) =>
      staffB.post('/api/groups', {
        programmeId: w.programmeB,
        municipalityId,
        number: 4,
        startDate: '2021-01-11',
        endDate: '2021-04-16',
        capacity: 10,
        overIntake: 0,
        deliveryMode: 'on_site',
      });
    expect((await make(w.municipalities.perstorp)).status).toBe(201);
    expect((await make(w.municipalities.klippan)).status).toBe(201);
    const taken = await make(w.municipalities.perstorp);
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('group_number_taken');
    expect(taken.body.errors).toEqual([
      {
        field: 'number',
        message: 'group 4 already exists in this municipality of the programme',
        code: 'group_number_taken',
        params: { number: 4 },
      },
    ]);
  });

  describe('a group’s dates', () => {
    it('refuses an end before the start, naming endDate', async () => {
      const res = await lead.patch(`/api/groups/${group3.id}`, {
        version: group3.version,
        endDate: '2020-08-01',
      });
      expect(res.status).toBe(400);
      expect(res.body.errors[0]).toMatchObject({
        field: 'endDate',
        code: 'end_before_start',
        params: { start: 'startDate' },
      });
    });

    it('refuses dates that leave scheduled sessions outside, naming the date and the first session', async () => {
      const early = await lead.patch(`/api/groups/${group3.id}`, {
        version: group3.version,
        endDate: '2020-10-01',
      });
      expect(early.status).toBe(400);
      expect(early.body.errors[0]).toEqual({
        field: 'endDate',
        message: '7 scheduled sessions fall outside 2020-08-24 – 2020-10-01',
        code: 'sessions_outside_period',
        params: { count: 7, first: '2020-10-05' },
      });
      const late = await lead.patch(`/api/groups/${group3.id}`, {
        version: group3.version,
        startDate: '2020-08-25',
      });
      expect(late.status).toBe(400);
      expect(late.body.errors[0]).toMatchObject({
        field: 'startDate',
        code: 'sessions_outside_period',
        params: { count: 1, first: '2020-08-24' },
      });
      const stored = await lead.get(`/api/groups/${group3.id}`);
      expect([stored.body.startDate, stored.body.endDate, stored.body.version]).toEqual([
        '2020-08-24',
        '2020-11-22',
        group3.version,
      ]);
    });

    it('extends the group (the internship is extended) and audits the change', async () => {
      const res = await lead.patch(`/api/groups/${group3.id}`, {
        version: group3.version,
        endDate: '2020-12-17',
      });
      expect(res.status).toBe(200);
      expect([res.body.startDate, res.body.endDate, res.body.version]).toEqual([
        '2020-08-24',
        '2020-12-17',
        group3.version + 1,
      ]);
      const audit = await t.dataSource.query(
        `SELECT details FROM audit_event WHERE action = 'group.manage' AND entity_id = $1`,
        [group3.id],
      );
      expect(audit).toEqual([{ details: { changed: ['endDate'] } }]);
    });

    it('refuses a start after an enrolment’s start, naming startDate', async () => {
      const g = await lead.post('/api/groups', group(w, 6, '2021-02-01', { endDate: '2021-05-01' }));
      expect(g.status).toBe(201);
      const p = await lead.post('/api/participants', {
        programmeId: w.programmeA,
        firstName: 'Amina',
        lastName: 'Hassan',
        gender: 'woman',
      });
      expect(p.status).toBe(201);
      const e = await lead.post(`/api/participants/${p.body.id}/enrolments`, {
        groupId: g.body.id,
        startDate: '2021-02-01',
      });
      expect(e.status).toBe(201);
      const res = await lead.patch(`/api/groups/${g.body.id}`, {
        version: g.body.version,
        startDate: '2021-02-08',
      });
      expect(res.status).toBe(400);
      expect(res.body.errors[0]).toEqual({
        field: 'startDate',
        message: '1 enrolments fall outside 2021-02-08 – 2021-05-01',
        code: 'enrolments_outside_period',
        params: { count: 1 },
      });
      const ok = await lead.patch(`/api/groups/${g.body.id}`, {
        version: g.body.version,
        endDate: '2021-06-11',
      });
      expect(ok.status).toBe(200);
      expect(ok.body.endDate).toBe('2021-06-11');
    });
  });
});
