import PDFDocument from 'pdfkit';
import request from 'supertest';
import { type Client, seedWorld, signIn, startTestApp, type TestApp, type World } from './support/test-app';

/**
 * Every endpoint of the OpenAPI document × every signed-in role of programme A, aimed at programme B's records,
 * and anonymously at everything. Nothing of B may come back (no 2xx), and anonymous callers get 401 except on the
 * public endpoints. A new endpoint is covered the day it is added; one whose path parameter has no record here
 * fails the test until it gets one.
 */
function onePagePdf(): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.text('CV-mall');
    doc.end();
  });
}

describe('access matrix from the OpenAPI document (e2e)', () => {
  let t: TestApp;
  let w: World;
  const idsB: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp('matrix');
    w = await seedWorld(t);
    const b = await signIn(t, w.users.staffB.email);
    const g = (
      await b.post('/api/groups', {
        programmeId: w.programmeB,
        municipalityId: w.municipalities.perstorp,
        number: 1,
        startDate: '2030-01-07',
        endDate: '2030-04-05',
        capacity: 10,
        overIntake: 0,
        deliveryMode: 'on_site',
      })
    ).body;
    const s = (
      await b.post(`/api/groups/${g.id}/sessions`, {
        date: '2030-01-08',
        startTime: '13:00',
        endTime: '15:00',
        kind: 'lecture',
        theme: 'Start',
      })
    ).body;
    const p = (
      await b.post('/api/participants', {
        programmeId: w.programmeB,
        firstName: 'Bea',
        lastName: 'Bortom',
        gender: 'woman',
      })
    ).body;
    const e = (
      await b.post(`/api/participants/${p.id}/enrolments`, { groupId: g.id, startDate: '2030-01-07' })
    ).body;
    const c = (
      await b.post(`/api/participants/${p.id}/consents`, { purpose: 'surveys', givenOn: '2026-01-07' })
    ).body;
    const step = (
      await b.post(`/api/enrolments/${e.id}/action-plan/steps`, {
        text: 'Söka jobb',
        owner: 'Rut',
        dueDate: '2030-02-01',
      })
    ).body;
    const r = (
      await b.post('/api/referrals', {
        programmeId: w.programmeB,
        firstName: 'Rut',
        lastName: 'Remiss',
        gender: 'woman',
        organisationId: w.organisations.af,
        referrerName: 'X',
        reason: 'Y',
        consentToShare: true,
      })
    ).body;
    const m = (
      await b.post('/api/meetings', { programmeId: w.programmeB, date: '2030-01-01', invitedUserIds: [] })
    ).body;
    const round = (
      await b.post('/api/survey-rounds', {
        groupId: g.id,
        questionnaireId: 'end-of-group',
        opensAt: '2030-04-01T08:00:00Z',
        closesAt: '2030-04-30T08:00:00Z',
      })
    ).body;
    const action = (
      await b.post(`/api/meetings/${m.id}/action-items`, { text: 'Ring', owner: 'B', dueDate: '2030-01-10' })
    ).body;
    const template = (
      await b.post(`/api/programmes/${w.programmeB}/templates`, {
        name: '13 veckor',
        phases: [{ kind: 'lectures', weeks: 13, lectures: true }],
        themes: [],
        lectureCount: 31,
        lectureWeekdays: [1, 2, 3, 4],
        lectureStart: '13:00',
        lectureEnd: '15:30',
        computerDayWeekday: null,
      })
    ).body;
    const member = (
      await b.post('/api/staff-members', {
        name: 'Bo Bemanning',
        staffRole: 'programme_worker',
        userId: w.users.staffB.id,
      })
    ).body;
    // Bo works in programme B only: his staffing is B's to read.
    await b.post('/api/staff-allocations', {
      staffMemberId: member.id,
      programmeId: w.programmeB,
      percent: 50,
      startDate: '2030-01-01',
      endDate: '2030-12-31',
    });
    const employer = (
      await b.post('/api/employers', {
        name: 'Förskolan Solen',
        organisationNumber: '212000-1355',
        sector: 'municipal',
        industry: 'pre-school/school',
        municipalityId: w.municipalities.perstorp,
      })
    ).body;
    const internship = (
      await b.post('/api/internships', {
        enrolmentId: e.id,
        employerId: employer.id,
        periodNumber: 1,
        startDate: '2030-03-02',
        endDate: '2030-03-27',
        wishedSector: true,
      })
    ).body;
    const committeeMember = (
      await b.post(`/api/programmes/${w.programmeB}/committees`, {
        kind: 'steering',
        name: 'Berit Styrgrupp',
        organisationId: w.organisations.af,
        roleTitle: 'Sektionschef',
      })
    ).body;
    // The method handbook is the association's (SHARED below): anonymous callers only, but on real records too.
    const admin = await signIn(t, w.users.admin.email);
    const entry = (
      await admin.post('/api/handbook/entries', {
        title: 'CV-träning',
        body: 'Deltagarna skriver ett CV.',
        module: 'lectures',
        week: 4,
        theme: 'CV-träning',
        templateId: null,
        alternative: 'Grundversion',
        whenToUse: 'De flesta grupper',
        links: [],
      })
    ).body;
    const file = (
      await admin.agent
        .post(`/api/handbook/entries/${entry.id}/files`)
        .set('x-csrf-token', admin.user.csrfToken)
        .attach('file', await onePagePdf(), { filename: 'cv.pdf' })
    ).body;
    Object.assign(idsB, {
      programmes: w.programmeB,
      groups: g.id,
      sessions: s.id,
      participants: p.id,
      enrolments: e.id,
      consents: c.id,
      referrals: r.id,
      meetings: m.id,
      'survey-rounds': round.id,
      'action-items': action.actionItems[0].id,
      'action-plan-steps': step.id,
      internships: internship.id,
      'staff-members': member.id,
      committees: committeeMember.id,
      templates: template.id,
      employers: employer.id,
      // The directory is the association's (SHARED): only the anonymous row is checked, on real records.
      municipalities: w.municipalities.perstorp,
      organisations: w.organisations.af,
      users: w.users.staffB.id,
      entries: entry.id,
      files: file.id,
      editors: w.users.staffB.id,
      versions: '1',
      questionnaires: 'end-of-group',
      audio: 'ti',
    });
    const missing = Object.entries(idsB).filter(([, id]) => typeof id !== 'string' || id === '');
    expect(missing).toEqual([]);
  });
  afterAll(() => t?.close());

  // Association-wide registers with no programme of their own (the method handbook holds no personal data). The
  // list of staff members is one; a person's staffing is not (it shows their allocations, scoped by programme).
  // The organisations one may refer from are the directory's organisations (an analysis member: her own).
  // A questionnaire's translation review statuses are the same for every programme that uses it.
  const SHARED =
    /^\/api\/(handbook|employers|staff-members$|municipalities|organisations|referrals\/organisations$|auth|health|imports\/template|programmes$|users|target-group-stats|public|questionnaires)/;

  it('no role of programme A gets anything of programme B, and anonymous callers get 401', async () => {
    const doc = t.openapi as unknown as { paths: Record<string, Record<string, unknown>> };
    const viewers: Record<string, Client> = {};
    for (const who of ['staffA', 'analysisA', 'steeringA', 'evaluatorA'] as const)
      viewers[who] = await signIn(t, w.users[who].email);
    const query: Record<string, string> = {
      '/api/groups': `?programmeId=${w.programmeB}`,
      '/api/participants': `?programmeId=${w.programmeB}`,
      '/api/referrals': `?programmeId=${w.programmeB}`,
      '/api/meetings': `?programmeId=${w.programmeB}`,
      // With a language the request passes validation and meets programme B's scope (404), not a 400.
      '/api/survey-rounds/{id}/paper-questionnaire.pdf': '?language=ar',
    };
    const unresolved: string[] = [];
    const leaks: string[] = [];
    let pairs = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      const url =
        // Only real records: a made-up id answers 404 for everyone, so its row could never fail.
        path.replace(/\/([a-z-]+)\/\{[a-zA-Z]+\}/g, (_m, seg: string) => {
          if (!idsB[seg]) unresolved.push(path);
          return `/${seg}/${idsB[seg]}`;
        }) + (query[path] ?? '');
      for (const method of ['get', 'post', 'put', 'patch', 'delete'].filter((x) => x in ops) as (
        'get' | 'post' | 'put' | 'patch' | 'delete'
      )[]) {
        const anon = await request(t.http)[method](url).send({});
        pairs++;
        if (
          !path.startsWith('/api/public/') &&
          path !== '/api/health' &&
          path !== '/api/auth/login' &&
          // The sign-in through the identity provider begins before anyone is signed in.
          path !== '/api/auth/sign-in-options' &&
          !path.startsWith('/api/auth/oidc/') &&
          anon.status !== 401
        )
          leaks.push(`anonymous ${method.toUpperCase()} ${url} → ${anon.status}`);
        if (SHARED.test(path)) continue;
        for (const [who, c] of Object.entries(viewers)) {
          const res =
            method === 'get'
              ? await c.get(url)
              : await c[method](url, {}).set('Idempotency-Key', `matrix-${pairs}-${who}`);
          pairs++;
          if (res.status < 400) leaks.push(`${who} ${method.toUpperCase()} ${url} → ${res.status}`);
          if (res.status >= 500)
            leaks.push(`${who} ${method.toUpperCase()} ${url} → ${res.status} (server error)`);
        }
      }
    }
    console.log(`access matrix: ${pairs} (caller, method, path) pairs checked, ${leaks.length} unexpected`);
    expect(unresolved).toEqual([]);
    expect(leaks).toEqual([]);
    expect(pairs).toBeGreaterThan(250);
    const denied = await t.dataSource.query(
      "SELECT count(*)::int AS n FROM audit_event WHERE outcome = 'denied'",
    );
    expect(denied[0].n).toBeGreaterThan(100);
  });
});
