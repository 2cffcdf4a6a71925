import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type request from 'supertest';
import fixture from './fixtures/reference-programme.json';
import { type Client, PASSWORD, seedWorld, signIn, startTestApp, type TestApp, type World } from './support/test-app';

const PERIOD = 'from=2019-09-03&to=2021-05-01&internshipGroups=1,2,3';
const binary = (req: request.Test) =>
  req.buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });

/** Names and personal numbers the test gives the fixture's people, to scan every output for. */
const personOf = (i: number) => ({ firstName: `Fnamn${String(i).padStart(2, '0')}`, lastName: `Enamn${String(i).padStart(2, '0')}`, personalNumber: null as string | null });
const TEMPLATE = {
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

describe('progress report of the reference programme (e2e)', () => {
  let t: TestApp;
  let w: World;
  let staff: Client;

  beforeAll(async () => {
    t = await startTestApp('reports');
    w = await seedWorld(t);
    staff = await signIn(t, w.users.staffA.email);
    const p = w.programmeA;
    await staff.patch(`/api/programmes/${p}`, {
      version: (await staff.get(`/api/programmes/${p}`)).body.version,
      goals: [
        { key: 'attendance', description: 'Närvaro minst 80 %', targetValue: 80, unit: 'percent' },
        { key: 'clear_plan', description: 'Tydlig planering', targetValue: 75, unit: 'percent' },
      ],
    });
    const tpl = (await staff.post(`/api/programmes/${p}/templates`, TEMPLATE)).body;
    const employers: Record<string, string> = {};
    let orgNo = 0;
    const validOrgNos = ['556703-7485', '212000-1355', '556036-0793', '556012-5790', '202100-5489', '556677-8899', '556000-0000', '212000-0142'];
    const employerFor = async (industry: string) => {
      if (!employers[industry]) {
        for (;;) {
          const res = await staff.post('/api/employers', { name: `Arbetsplats ${industry}`, organisationNumber: validOrgNos[orgNo++ % validOrgNos.length], sector: 'private', industry, municipalityId: w.municipalities.angelholm });
          if (res.status === 201) {
            employers[industry] = res.body.id;
            break;
          }
          if (orgNo > 40) throw new Error(`employer ${industry}: ${JSON.stringify(res.body)}`);
        }
      }
      return employers[industry];
    };
    let n = 0;
    for (const g of fixture.groups) {
      const group = (await staff.post('/api/groups', { programmeId: p, municipalityId: w.municipalities.angelholm, number: g.number, startDate: g.start, endDate: g.end, capacity: 10, overIntake: 2, deliveryMode: 'on_site', templateId: tpl.id })).body;
      const lectures = (group.calendar.sessions as { id: string; date: string; kind: string }[]).filter((s) => s.kind === 'lecture');
      const marks: { sessionId: string; enrolmentId: string; status: string }[] = [];
      const people = fixture.participants.filter((x) => x.group === g.number);
      const enrolled: { e: string; row: (typeof people)[number] }[] = [];
      for (const row of people) {
        const created = (await staff.post('/api/participants', { programmeId: p, ...personOf(n++), gender: row.gender })).body;
        const e = (await staff.post(`/api/participants/${created.id}/enrolments`, { groupId: group.id, startDate: g.start })).body.id as string;
        enrolled.push({ e, row });
        lectures.slice(0, row.attendance.held).forEach((s, i) => marks.push({ sessionId: s.id, enrolmentId: e, status: i < row.attendance.present ? 'present' : 'unexcused' }));
      }
      expect((await staff.put(`/api/groups/${group.id}/attendance`, { marks }).set('Idempotency-Key', `ref-group-${g.number}-marks`)).status).toBe(200);
      for (const { e, row } of enrolled) {
        if (row.enrolment === 'completed') await staff.patch(`/api/enrolments/${e}`, { status: 'completed', endDate: g.end });
        if (row.enrolment === 'left early') {
          // Left after the last lecture they were there for.
          await staff.patch(`/api/enrolments/${e}`, { status: 'left_early', endDate: lectures[row.attendance.held - 1].date, leftReason: 'other_effort' });
        }
        if (row.outcome) {
          const res = await staff.put(`/api/enrolments/${e}/outcome`, { category: row.outcome.category, detail: row.outcome.detail, date: row.enrolment === 'left early' ? lectures[row.attendance.held - 1].date : g.end });
          expect(res.status).toBe(200);
        }
        if (row.internship) {
          const res = await staff.post('/api/internships', { enrolmentId: e, employerId: await employerFor(row.internship.sector), periodNumber: 1, startDate: lectures[30].date, endDate: g.end, wishedSector: true, result: row.internship.ledToOffer ? 'offer_hourly' : 'completed' });
          expect(res.status).toBe(201);
        }
      }
      const round = fixture.surveyRounds.find((r) => r.group === g.number);
      if (round) {
        const opened = await staff.post('/api/survey-rounds', { groupId: group.id, questionnaireId: 'end-of-group', opensAt: `${g.end}T08:00:00Z`, closesAt: new Date(Date.now() + 3_600_000).toISOString() });
        expect(opened.body.codes).toHaveLength(round.eligible);
        for (const [i, c] of opened.body.codes.slice(0, round.answered).entries()) {
          const res = await staff.post(`/api/survey-rounds/${opened.body.id}/paper-responses`, {
            code: c.shortCode,
            language: 'sv',
            answers: { overall: 5, lectures: 4, talks: 5, internship: 'no', time: 'right', wants: ['language_support'], next: 'work' },
          }).set('Idempotency-Key', `ref-survey-${g.number}-${i}`);
          expect(res.status).toBe(201);
        }
      }
    }
  }, 300_000);
  afterAll(() => t?.close());

  const expected = fixture.expected;

  it('the JSON has exactly the expected figures', async () => {
    const res = await staff.get(`/api/programmes/${w.programmeA}/reports/progress?${PERIOD}`);
    expect(res.status).toBe(200);
    const r = res.body.report;
    expect(r.enrolled).toBe(expected.enrolled);
    expect(Object.fromEntries(Object.entries(r.outcomes as Record<string, { count: number }>).filter(([, v]) => v.count > 0).map(([k, v]) => [k, v.count]))).toEqual(expected.outcomes);
    expect(r.noOutcomeYet.count).toBe(expected.noOutcomeYet);
    expect(r.toWorkOrStudies).toEqual(expected.toWorkOrStudies);
    expect(Object.fromEntries(r.attendance.byGroup.map((g: { group: number; rate: { percent: number } }) => [String(g.group), g.rate.percent]))).toEqual(expected.attendancePercentByGroup);
    expect(r.attendance.overall.rate.percent).toBe(expected.attendancePercentOverall);
    expect(r.internships.rate).toEqual(expected.internshipGroups1to3);
    expect(r.internships.offers).toBe(expected.internshipOffers);
    expect(Object.fromEntries(r.internships.byIndustry.map((x: { industry: string; count: number }) => [x.industry, x.count]))).toEqual(expected.internshipSectorsGroups1to3);
    const g4 = r.internships.byGroup.find((g: { group: number }) => g.group === 4);
    expect({ count: g4.rate.count, of: g4.rate.of }).toEqual(expected.internshipGroup4);
    expect(Object.fromEntries(r.surveys.map((s: { group: number; rate: { count: number; of: number } }) => [String(s.group), `${s.rate.count} of ${s.rate.of}`]))).toEqual(expected.surveyResponse);
    expect(r.clearPlanGoal).toMatchObject(expected.clearPlanGoal);
  });

  it('the CSV, XLSX and PDF show the same figures', async () => {
    const json = (await staff.get(`/api/programmes/${w.programmeA}/reports/progress?${PERIOD}`)).body;
    const csv = await staff.get(`/api/programmes/${w.programmeA}/reports/progress.csv?${PERIOD}`);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    for (const table of json.tables as { title: string; rows: (string | number | null)[][] }[]) {
      expect(csv.text).toContain(table.title);
      for (const row of table.rows) expect(csv.text).toContain(row.map((c) => (c === null ? '' : String(c))).join(';').split(';')[0]);
    }
    // The work-or-studies row: 26 of 51, 51 %.
    expect(csv.text).toContain('Till arbete eller studier;Av inskrivna;Andel (%)\r\n26;51;51');
    expect(csv.text).toContain('Grupp 3;10;273;310;88;10;100');

    const xlsx = await binary(staff.get(`/api/programmes/${w.programmeA}/reports/progress.xlsx?${PERIOD}`));
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as ArrayBuffer);
    expect(wb.worksheets).toHaveLength(json.tables.length);
    // Every table's cells, read back from its own sheet, are the JSON's cells.
    for (const [i, table] of (json.tables as { columns: string[]; rows: (string | number | null)[][] }[]).entries()) {
      const ws = wb.worksheets[i];
      expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(table.columns);
      table.rows.forEach((row, j) => {
        const got = (ws.getRow(j + 2).values as unknown[]).slice(1);
        expect(row.map((c) => (c === null ? undefined : c))).toEqual([...got, ...Array(row.length - got.length).fill(undefined)]);
      });
    }

    const pdf = await binary(staff.get(`/api/programmes/${w.programmeA}/reports/progress.pdf?${PERIOD}`));
    const dir = mkdtempSync(join(tmpdir(), 'report-'));
    writeFileSync(join(dir, 'r.pdf'), pdf.body as Uint8Array);
    const text = execFileSync('pdftotext', [join(dir, 'r.pdf'), '-']).toString('utf8');
    expect(text).toContain('Delrapport Nästa Steg 2019-09-03 – 2021-05-01');
    expect(text).toContain('Andel till arbete eller studier');
    expect(text).toMatch(/Grupp 1–3\s+28\s+30\s+93\s+5/);
    expect(text).toMatch(/Totalt\s+51\s+1140\s+1313\s+87/);
  });

  it('for evaluators and steering: the same report with small cells suppressed, and no personal data anywhere', async () => {
    for (const who of ['evaluatorA', 'steeringA'] as const) {
      const c = await signIn(t, w.users[who].email, PASSWORD);
      const res = await c.get(`/api/programmes/${w.programmeA}/reports/progress?${PERIOD}`);
      expect(res.status).toBe(200);
      expect(res.body.report).toBeNull();
      expect(res.body.suppressed).toBe(true);
      expect(JSON.stringify(res.body.tables)).toContain('..');
      expect(JSON.stringify(res.body.tables)).toContain('"rows":[[26,51,51]]');
      const files = [res.text, (await c.get(`/api/programmes/${w.programmeA}/reports/progress.csv?${PERIOD}`)).text];
      const pdf = await binary(c.get(`/api/programmes/${w.programmeA}/reports/progress.pdf?${PERIOD}`));
      files.push((pdf.body as Buffer).toString('latin1'));
      for (const f of files) expect(f).not.toMatch(/Fnamn\d\d|Enamn\d\d/);
    }
    const analyst = await signIn(t, w.users.analysisA.email);
    expect((await analyst.get(`/api/programmes/${w.programmeA}/reports/progress?${PERIOD}`)).status).toBe(403);
    const other = await signIn(t, w.users.staffB.email);
    expect((await other.get(`/api/programmes/${w.programmeA}/reports/progress?${PERIOD}`)).status).toBe(404);
  });

  it('names a bad period field', async () => {
    const res = await staff.get(`/api/programmes/${w.programmeA}/reports/progress?from=2021-05-01&to=2019-01-01`);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'to', message: 'to must not be before from' }]);
  });
});
