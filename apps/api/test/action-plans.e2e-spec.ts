import { stockholmToday } from '@stegvis/contracts';
import { DataSource } from 'typeorm';
import { UsersService } from '../src/modules/users/users.service';
import { binary, pdfText } from './support/files';
import {
  type Client,
  PASSWORD,
  seedWorld,
  signIn,
  startTestApp,
  type TestApp,
  type World,
} from './support/test-app';

const TEMPLATE = {
  name: 'Sjutton veckor',
  phases: [
    { kind: 'mapping', weeks: 3, lectures: false },
    { kind: 'lectures', weeks: 8, lectures: true },
    { kind: 'internship', weeks: 5, lectures: false },
    { kind: 'job_search', weeks: 1, lectures: false },
  ],
  themes: ['Arbetsmarknadskunskap', 'CV-träning', 'Intervjuträning'],
  lectureCount: 24,
  lectureWeekdays: [2, 4],
  lectureStart: '13:00',
  lectureEnd: '15:00',
  computerDayWeekday: null,
};

describe('action plan steps and the certificate (e2e)', () => {
  let t: TestApp;
  let w: World;
  let lead: Client;
  let kim: Client;
  let staffB: Client;
  let participantId: string;
  let enrolmentId: string;
  let saraId: string;
  let karimId: string;
  let stepId: string;

  const auditRows = async (action: string) =>
    (
      await t.app
        .get(DataSource)
        .query(
          `SELECT action, outcome, entity_type, subject_id FROM audit_event WHERE action = $1 ORDER BY id`,
          [action],
        )
    ).map((r: { action: string; outcome: string; entity_type: string; subject_id: string | null }) => ({
      outcome: r.outcome,
      entityType: r.entity_type,
      subjectId: r.subject_id,
    }));

  beforeAll(async () => {
    t = await startTestApp('action_plans');
    w = await seedWorld(t);
    await t.app.get(UsersService).setAllocation(w.users.staffA.id, w.programmeA, true, async () => {});
    lead = await signIn(t, w.users.staffA.email);
    staffB = await signIn(t, w.users.staffB.email);
    await t.app.get(UsersService).createUser({
      email: 'kim@test.se',
      displayName: 'Kim Annangrupp',
      role: 'staff',
      password: PASSWORD,
      programmeIds: [w.programmeA],
    });
    kim = await signIn(t, 'kim@test.se');
    saraId = (
      await lead.post('/api/staff-members', {
        name: 'Sara Processledare',
        staffRole: 'programme_lead',
        userId: w.users.staffA.id,
      })
    ).body.id;
    karimId = (await lead.post('/api/staff-members', { name: 'Karim Syv', staffRole: 'career_counsellor' }))
      .body.id;
    // Allocated to the programme, not staff of the group: may still sign.
    await lead.post('/api/staff-allocations', {
      staffMemberId: karimId,
      programmeId: w.programmeA,
      percent: 50,
      startDate: '2020-01-01',
      endDate: '2020-12-31',
    });
    // Staff of another programme only: may not sign.
    await lead.post('/api/staff-members', { name: 'Olle Utomstående', staffRole: 'programme_worker' });
    const tpl = await lead.post(`/api/programmes/${w.programmeA}/templates`, TEMPLATE);
    expect(tpl.status).toBe(201);
    const group = await lead.post('/api/groups', {
      programmeId: w.programmeA,
      municipalityId: w.municipalities.angelholm,
      number: 6,
      startDate: '2020-08-24',
      capacity: 10,
      overIntake: 2,
      deliveryMode: 'on_site',
      templateId: tpl.body.id,
      staffMemberIds: [saraId],
    });
    expect(group.status).toBe(201);
    const p = await lead.post('/api/participants', {
      programmeId: w.programmeA,
      firstName: 'Samira',
      lastName: 'Hemligsdotter',
      gender: 'woman',
      protectedIdentity: true,
    });
    participantId = p.body.id;
    enrolmentId = (
      await lead.post(`/api/participants/${participantId}/enrolments`, {
        groupId: group.body.id,
        startDate: '2020-08-24',
      })
    ).body.id;
  });
  afterAll(async () => t?.close());

  it('adds steps with owner and date, lists them by date, and audits both', async () => {
    const later = await lead.post(`/api/enrolments/${enrolmentId}/action-plan/steps`, {
      text: 'Söka undersköterskeutbildningen på Komvux',
      owner: 'Deltagaren',
      dueDate: '2021-01-15',
    });
    expect(later.status).toBe(201);
    expect(later.body).toEqual({
      id: expect.any(String),
      enrolmentId,
      participantId,
      text: 'Söka undersköterskeutbildningen på Komvux',
      owner: 'Deltagaren',
      dueDate: '2021-01-15',
      done: false,
      doneAt: null,
      version: 1,
    });
    const sooner = await lead.post(`/api/enrolments/${enrolmentId}/action-plan/steps`, {
      text: '  Boka möte med Arbetsförmedlingen ',
      owner: 'SYV',
      dueDate: '2020-12-01',
    });
    stepId = sooner.body.id;
    const list = await lead.get(`/api/enrolments/${enrolmentId}/action-plan/steps`);
    expect(list.status).toBe(200);
    expect(
      list.body.map((s: { text: string; owner: string; dueDate: string }) => [s.dueDate, s.owner, s.text]),
    ).toEqual([
      ['2020-12-01', 'SYV', 'Boka möte med Arbetsförmedlingen'],
      ['2021-01-15', 'Deltagaren', 'Söka undersköterskeutbildningen på Komvux'],
    ]);
    const success = { outcome: 'success', subjectId: participantId };
    expect(await auditRows('actionplan.step.create')).toEqual([
      { ...success, entityType: 'action_plan_step' },
      { ...success, entityType: 'action_plan_step' },
    ]);
    expect(await auditRows('actionplan.read')).toEqual([{ ...success, entityType: 'enrolment' }]);
  });

  it('refuses bad input naming each field, and stores nothing', async () => {
    const res = await lead.post(`/api/enrolments/${enrolmentId}/action-plan/steps`, {
      text: '',
      owner: 'Deltagaren',
      dueDate: '2021-02-30',
    });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['dueDate', 'text']);
    const list = await lead.get(`/api/enrolments/${enrolmentId}/action-plan/steps`);
    expect(list.body).toHaveLength(2);
  });

  it('marks a step done with the version read; a stale version is a 409 that changes nothing', async () => {
    const done = await lead.patch(`/api/action-plan-steps/${stepId}`, { version: 1, done: true });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ done: true, version: 2, text: 'Boka möte med Arbetsförmedlingen' });
    expect(Date.parse(done.body.doneAt)).not.toBeNaN();
    const stale = await lead.patch(`/api/action-plan-steps/${stepId}`, { version: 1, owner: 'Deltagaren' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_version');
    const edited = await lead.patch(`/api/action-plan-steps/${stepId}`, {
      version: 2,
      owner: 'SYV Karim',
      dueDate: '2020-12-03',
    });
    expect(edited.body).toMatchObject({ owner: 'SYV Karim', dueDate: '2020-12-03', done: true, version: 3 });
    expect(await auditRows('actionplan.step.update')).toEqual([
      { outcome: 'success', entityType: 'action_plan_step', subjectId: participantId },
      { outcome: 'success', entityType: 'action_plan_step', subjectId: participantId },
    ]);
  });

  it('staff who do not see her get 404 on every step endpoint, audited, and nothing changes', async () => {
    for (const c of [kim, staffB]) {
      expect((await c.get(`/api/enrolments/${enrolmentId}/action-plan/steps`)).status).toBe(404);
      const add = await c.post(`/api/enrolments/${enrolmentId}/action-plan/steps`, {
        text: 'Något',
        owner: 'Någon',
        dueDate: '2021-01-01',
      });
      expect(add.status).toBe(404);
      expect((await c.patch(`/api/action-plan-steps/${stepId}`, { version: 3, done: false })).status).toBe(
        404,
      );
    }
    const denied = await t.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM audit_event WHERE outcome = 'denied' AND actor_id = $1`, [
        kim.user.id,
      ]);
    expect(denied[0].n).toBe(3);
    const list = await lead.get(`/api/enrolments/${enrolmentId}/action-plan/steps`);
    expect(list.body.map((s: { version: number }) => s.version)).toEqual([3, 1]);
  });

  it('the action plan PDF prints the steps for those who see her, and none for others', async () => {
    const mine = await pdfText(
      (await binary(lead.get(`/api/enrolments/${enrolmentId}/action-plan.pdf`))).body,
    );
    expect(mine).toContain('Planen framåt');
    expect(mine).toContain('[klart] 2020-12-03 · SYV Karim: Boka möte med Arbetsförmedlingen');
    expect(mine).toContain('2021-01-15 · Deltagaren: Söka undersköterskeutbildningen på Komvux');
    const theirs = await pdfText(
      (await binary(kim.get(`/api/enrolments/${enrolmentId}/action-plan.pdf`))).body,
    );
    expect(theirs).not.toContain('Komvux');
    expect(theirs).not.toContain('Hemligsdotter');
  });

  it("lists who may sign: the group's staff and the programme's allocated staff", async () => {
    const res = await lead.get(`/api/enrolments/${enrolmentId}/certificate/signers`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      { id: karimId, name: 'Karim Syv', staffRole: 'career_counsellor' },
      { id: saraId, name: 'Sara Processledare', staffRole: 'programme_lead' },
    ]);
    expect((await staffB.get(`/api/enrolments/${enrolmentId}/certificate/signers`)).status).toBe(404);
  });

  it("the certificate lists the group's modules from its template, the date of issue and the signer", async () => {
    const res = await binary(lead.get(`/api/enrolments/${enrolmentId}/certificate.pdf?signerId=${karimId}`));
    expect(res.status).toBe(200);
    const text = await pdfText(res.body);
    const lines = text.split('\n').map((l) => l.trim());
    const at = lines.indexOf('Insatsen har omfattat:');
    expect(lines.slice(at, at + 5)).toEqual([
      'Insatsen har omfattat:',
      '1. Kartläggning, 3 veckor',
      '2. Föreläsningar, 8 veckor: Arbetsmarknadskunskap, CV-träning, Intervjuträning',
      '3. Praktik, 5 veckor',
      '4. Jobb- och studiesök, 1 vecka',
    ]);
    expect(lines).toContain(`Utfärdat ${stockholmToday()}`);
    const sign = lines.indexOf('Karim Syv');
    expect(lines.slice(sign, sign + 2)).toEqual(['Karim Syv', 'Studie- och yrkesvägledare']);
    expect(text).not.toContain('Svenskt arbets- och samhällsliv');
    const audit = await t.app
      .get(DataSource)
      .query(`SELECT details FROM audit_event WHERE action = 'certificate.create' ORDER BY id DESC LIMIT 1`);
    expect(audit[0].details).toEqual({ issuedOn: stockholmToday(), signerId: karimId });
  });

  it('refuses a signer who is not staff of the group or its programme, naming signerId', async () => {
    const olle = (await lead.get('/api/staff-members')).body.find(
      (s: { name: string }) => s.name === 'Olle Utomstående',
    );
    const res = await lead.get(`/api/enrolments/${enrolmentId}/certificate.pdf?signerId=${olle.id}`);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        field: 'signerId',
        code: 'unknown_reference',
        params: { entity: 'staff member' },
      }),
    ]);
  });

  it('erasure on request deletes her action plan steps with her other free text', async () => {
    expect((await lead.post(`/api/participants/${participantId}/erase`)).status).toBe(204);
    const rows = await t.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM action_plan_step WHERE enrolment_id = $1`, [enrolmentId]);
    expect(rows[0].n).toBe(0);
  });
});
