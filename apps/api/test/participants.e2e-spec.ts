import request from 'supertest';
import { RetentionService } from '../src/modules/participants/retention.service';
import { UsersService } from '../src/modules/users/users.service';
import { pdfText } from './support/files';
import {
  type Client,
  PASSWORD,
  seedWorld,
  signIn,
  startTestApp,
  type TestApp,
  type World,
} from './support/test-app';

const SECRET = {
  firstName: 'Samira',
  lastName: 'Hemligsdotter',
  personalNumber: '19811218-9876',
  phone: '070-111 22 33',
  address: 'Skyddsgatan 7',
};

describe('participants (e2e)', () => {
  let t: TestApp;
  let w: World;
  let groupStaff: Client;
  let otherStaff: Client;
  let staffB: Client;
  let groupId: string;
  let otherGroupId: string;
  let protectedId: string;
  let protectedEnrolment: string;
  let plainId: string;
  let plainEnrolment: string;
  let employerId: string;

  beforeAll(async () => {
    t = await startTestApp('participants');
    w = await seedWorld(t);
    // staffA is Sara, the programme's lead (processledare): she names group staff and sees her group's people
    // after their enrolment has ended (the 12 months of the last group's staff are long past for 2020).
    await t.app.get(UsersService).setAllocation(w.users.staffA.id, w.programmeA, true, async () => {});
    groupStaff = await signIn(t, w.users.staffA.email);
    staffB = await signIn(t, w.users.staffB.email);
    await t.app.get(UsersService).createUser({
      email: 'kim@test.se',
      displayName: 'Kim Annangrupp',
      role: 'staff',
      password: PASSWORD,
      programmeIds: [w.programmeA],
    });
    otherStaff = await signIn(t, 'kim@test.se');
    const sara = (
      await groupStaff.post('/api/staff-members', {
        name: 'Sara',
        staffRole: 'programme_lead',
        userId: w.users.staffA.id,
      })
    ).body;
    const mk = async (number: number, staff: string[]) =>
      (
        await groupStaff.post('/api/groups', {
          programmeId: w.programmeA,
          municipalityId: w.municipalities.angelholm,
          number,
          startDate: '2020-08-24',
          endDate: '2020-11-20',
          capacity: 10,
          overIntake: 2,
          deliveryMode: 'on_site',
          staffMemberIds: staff,
        })
      ).body.id as string;
    groupId = await mk(3, [sara.id]);
    otherGroupId = await mk(4, []);
    const p = await groupStaff.post('/api/participants', {
      programmeId: w.programmeA,
      ...SECRET,
      gender: 'woman',
      protectedIdentity: true,
      swedishLevel: 'sfi_c',
      languages: ['arabiska'],
    });
    expect(p.status).toBe(201);
    protectedId = p.body.id;
    protectedEnrolment = (
      await groupStaff.post(`/api/participants/${protectedId}/enrolments`, {
        groupId,
        startDate: '2020-08-24',
      })
    ).body.id;
    const q = await groupStaff.post('/api/participants', {
      programmeId: w.programmeA,
      firstName: 'Omar',
      lastName: 'Öppen',
      personalNumber: '811228-9874',
      gender: 'man',
    });
    plainId = q.body.id;
    plainEnrolment = (
      await groupStaff.post(`/api/participants/${plainId}/enrolments`, { groupId, startDate: '2020-08-24' })
    ).body.id;
    await groupStaff.post(`/api/participants/${protectedId}/needs`, {
      kind: 'health_mental',
      note: 'Sömnproblem, kontakt med vårdcentral',
      careContact: 'Vårdcentralen Norr',
    });
    await groupStaff.post(`/api/participants/${protectedId}/talks`, {
      date: '2020-09-01',
      notes: 'Berättade om oro inför praktiken',
    });
    await groupStaff.put(`/api/participants/${protectedId}/assessments`, {
      stage: 'start',
      date: '2020-08-25',
      ratings: {
        swedish: 2,
        digital_skills: 2,
        labour_market_knowledge: 1,
        job_search: 1,
        network: 1,
        health_energy: 3,
        self_belief: 2,
      },
    });
    await groupStaff.put(`/api/participants/${protectedId}/assessments`, {
      stage: 'end',
      date: '2020-11-19',
      ratings: {
        swedish: 3,
        digital_skills: 4,
        labour_market_knowledge: 4,
        job_search: 3,
        network: 2,
        health_energy: 3,
        self_belief: 4,
      },
    });
    employerId = (
      await groupStaff.post('/api/employers', {
        name: 'Förskolan Solen',
        organisationNumber: '212000-1355',
        sector: 'municipal',
        industry: 'pre-school/school',
        municipalityId: w.municipalities.angelholm,
      })
    ).body.id;
    await groupStaff.post('/api/internships', {
      enrolmentId: protectedEnrolment,
      employerId,
      periodNumber: 1,
      startDate: '2020-10-26',
      endDate: '2020-11-20',
      wishedSector: true,
    });
    await groupStaff.patch(`/api/enrolments/${protectedEnrolment}`, {
      status: 'completed',
      endDate: '2020-11-20',
    });
    await groupStaff.put(`/api/enrolments/${protectedEnrolment}/outcome`, {
      category: 'studies',
      detail: 'barnskötarutbildning',
      date: '2020-11-20',
      supportBefore: 'income_support',
      supportAfter: 'student_finance',
    });
    await groupStaff.put(`/api/enrolments/${plainEnrolment}/outcome`, {
      category: 'health',
      detail: 'arbetsförmågebedömning',
      date: '2020-11-20',
    });
  });
  afterAll(() => t?.close());

  describe('record', () => {
    it('refuses an invalid personal number with 400 naming the field, and stores nothing', async () => {
      const before = await t.dataSource.query('SELECT count(*)::int AS n FROM participant');
      const res = await groupStaff.post('/api/participants', {
        programmeId: w.programmeA,
        firstName: 'A',
        lastName: 'B',
        gender: 'woman',
        personalNumber: '19811218-9877',
      });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        {
          field: 'personalNumber',
          message: 'personalNumber is not a valid personnummer or samordningsnummer (date and check digit)',
          code: 'invalid_personal_number',
        },
      ]);
      expect(await t.dataSource.query('SELECT count(*)::int AS n FROM participant')).toEqual(before);
    });

    it('accepts a samordningsnummer and derives the birth year', async () => {
      const res = await groupStaff.post('/api/participants', {
        programmeId: w.programmeA,
        firstName: 'Sam',
        lastName: 'Ordning',
        gender: 'man',
        personalNumber: '701063-2391',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        personalNumber: '19701063-2391',
        isCoordinationNumber: true,
        birthYear: 1970,
      });
    });

    it('refuses a duplicate personal number with a pointer to the existing record, only for those who may see it', async () => {
      const dup = await groupStaff.post('/api/participants', {
        programmeId: w.programmeA,
        firstName: 'Omar',
        lastName: 'Igen',
        personalNumber: '198112289874',
        gender: 'man',
      });
      expect(dup.status).toBe(409);
      expect(dup.body.existingParticipantId).toBe(plainId);
      expect(dup.body.code).toBe('duplicate_personal_number');
      expect(dup.body.errors).toEqual([
        { field: 'personalNumber', message: 'already registered', code: 'duplicate_personal_number' },
      ]);
      const blind = await staffB.post('/api/participants', {
        programmeId: w.programmeB,
        firstName: 'Omar',
        lastName: 'Igen',
        personalNumber: '198112289874',
        gender: 'man',
      });
      // Staff of another programme may not see the first record: no refusal tells them it exists
      // (personal-number-oracle.e2e-spec.ts); a second record is made.
      expect(blind.status).toBe(201);
      expect(blind.body.existingParticipantId).toBeUndefined();
      expect(blind.body.id).not.toBe(plainId);
    });
  });

  describe('protected identity', () => {
    it('staff of the group see the real identity, and that read is audited', async () => {
      const res = await groupStaff.get(`/api/participants/${protectedId}`);
      expect(res.body).toMatchObject({
        displayName: 'Samira Hemligsdotter',
        personalNumber: '19811218-9876',
        masked: false,
      });
      const rows = await t.dataSource.query(
        "SELECT actor_id FROM audit_event WHERE action = 'participant.identity.read' AND subject_id = $1",
        [protectedId],
      );
      expect(rows.map((r: { actor_id: string }) => r.actor_id)).toContain(w.users.staffA.id);
    });

    it('staff of another group see only the pseudonym, and search by the real name finds nothing', async () => {
      const res = await otherStaff.get(`/api/participants/${protectedId}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        displayName: expect.stringMatching(/^Deltagare [0-9A-F]{6}$/),
        personalNumber: null,
        phone: '',
        address: '',
        masked: true,
      });
      const search = await otherStaff.get(`/api/participants?programmeId=${w.programmeA}&q=Hemligs`);
      expect(search.body).toEqual([]);
      const byPseudonym = await otherStaff.get(
        `/api/participants?programmeId=${w.programmeA}&q=${encodeURIComponent(res.body.pseudonym)}`,
      );
      expect(byPseudonym.body.map((p: { id: string }) => p.id)).toEqual([protectedId]);
    });

    it('no endpoint that returns data leaks the identity to other roles or staff of another group (enumerated from OpenAPI)', async () => {
      const doc = t.openapi as unknown as { paths: Record<string, Record<string, unknown>> };
      const idFor: Record<string, string> = {
        programmes: w.programmeA,
        groups: groupId,
        participants: protectedId,
        enrolments: protectedEnrolment,
        employers: employerId,
        'staff-members': (await groupStaff.get('/api/staff-members')).body[0].id,
        sessions: groupId,
        consents: protectedId,
        internships: protectedId,
        referrals: protectedId,
        meetings: protectedId,
        'action-items': protectedId,
        'survey-rounds': protectedId,
        // The method handbook's entries and files, and method templates, hold no personal data; any id will do.
        entries: protectedId,
        files: protectedId,
        templates: protectedId,
        // A user's staffed groups (the admin's deactivation dialog) name groups, never a participant.
        users: w.users.staffA.id,
        // A questionnaire version's translation statuses: languages and reviewers, no participant.
        questionnaires: 'end-of-group',
        versions: '1',
        // A version's texts to read aloud in a language, and the survey site's recordings: no participant.
        audio: 'ti',
      };
      const query: Record<string, string> = {
        '/api/groups': `?programmeId=${w.programmeA}`,
        '/api/participants': `?programmeId=${w.programmeA}`,
        '/api/referrals': `?programmeId=${w.programmeA}`,
        '/api/meetings': `?programmeId=${w.programmeA}`,
        '/api/programmes/{id}/intake': '?from=2020-01-01',
        // A language, so that the walk reaches the round's scope check and not the query's validation.
        '/api/survey-rounds/{id}/paper-questionnaire.pdf': '?language=sv',
      };
      const viewers = {
        otherStaff,
        analysis: await signIn(t, w.users.analysisA.email),
        steering: await signIn(t, w.users.steeringA.email),
        evaluator: await signIn(t, w.users.evaluatorA.email),
        admin: await signIn(t, w.users.admin.email),
      };
      const unresolved: string[] = [];
      let checked = 0;
      const leaks: string[] = [];
      for (const path of Object.keys(doc.paths)) {
        if (!('get' in doc.paths[path])) continue;
        if (path === '/api/participants/{id}/audit-trail') continue; // actors and times only; checked below
        const url = path.replace(/\/([a-z-]+)\/\{[a-zA-Z]+\}/g, (m, seg: string) => {
          if (!idFor[seg]) unresolved.push(path);
          return `/${seg}/${idFor[seg] ?? 'x'}`;
        });
        for (const [who, c] of Object.entries(viewers)) {
          const res = await c.get(url + (query[path] ?? ''));
          checked++;
          // Ids, request ids, tokens and hashes are random: "9876" turns up in them by chance now and then.
          const text = (res.text ?? res.body?.toString?.('latin1') ?? '')
            .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '')
            .replace(/[A-Za-z0-9_+/=-]{20,}/g, '');
          for (const secret of [
            SECRET.lastName,
            '19811218',
            '9876',
            '111 22 33',
            'Skyddsgatan',
            'Sömnproblem',
            'oro inför',
          ]) {
            if (text.includes(secret)) leaks.push(`${who} GET ${url}: ${secret}`);
          }
        }
      }
      expect(unresolved).toEqual([]);
      expect(leaks).toEqual([]);
      expect(checked).toBeGreaterThan(100);
    });
  });

  describe('health data', () => {
    it('allocated staff read needs and talk notes; every read is audited', async () => {
      const needs = await groupStaff.get(`/api/participants/${protectedId}/needs`);
      expect(needs.status).toBe(200);
      expect(needs.body).toEqual([
        expect.objectContaining({ kind: 'health_mental', careContact: 'Vårdcentralen Norr' }),
      ]);
      const talks = await groupStaff.get(`/api/participants/${protectedId}/talks`);
      expect(talks.body.map((x: { notes: string }) => x.notes)).toEqual(['Berättade om oro inför praktiken']);
      const audit = await t.dataSource.query(
        "SELECT entity_type FROM audit_event WHERE action = 'health.read' AND subject_id = $1 ORDER BY id",
        [protectedId],
      );
      expect(audit.map((r: { entity_type: string }) => r.entity_type)).toEqual(['need', 'talk']);
    });

    it('is a 404 for everyone else: staff of another group or programme, analysis group, steering, evaluator, admin', async () => {
      for (const path of ['needs', 'talks'])
        expect((await otherStaff.get(`/api/participants/${protectedId}/${path}`)).status).toBe(404);
      for (const who of ['staffB', 'analysisA', 'steeringA', 'evaluatorA', 'admin'] as const) {
        const c = await signIn(t, w.users[who].email);
        for (const path of ['needs', 'talks']) {
          const res = await c.get(`/api/participants/${protectedId}/${path}`);
          expect([who, path, res.status]).toEqual([who, path, 404]);
          expect(res.text).not.toContain('Sömn');
        }
        const write = await c.post(`/api/participants/${protectedId}/talks`, {
          date: '2020-09-02',
          notes: 'x',
        });
        expect(write.status).toBe(404);
      }
      expect(await t.dataSource.query('SELECT count(*)::int AS n FROM individual_talk')).toEqual([{ n: 1 }]);
    });
  });

  describe('consent', () => {
    it('a withdrawn consent blocks the sharing it covered (422)', async () => {
      const none = await groupStaff.post(`/api/participants/${plainId}/shares`, {
        organisationId: w.organisations.af,
        purpose: 'Inför analysgruppsmöte',
      });
      expect(none.status).toBe(422);
      const c = await groupStaff.post(`/api/participants/${plainId}/consents`, {
        purpose: 'share_with_partner',
        organisationId: w.organisations.af,
        givenOn: '2020-08-24',
        scope: 'Namn, SFI-nivå',
      });
      expect(c.status).toBe(201);
      const ok = await groupStaff.post(`/api/participants/${plainId}/shares`, {
        organisationId: w.organisations.af,
        purpose: 'Inför analysgruppsmöte',
      });
      expect(ok.status).toBe(200);
      const ifo = await groupStaff.post(`/api/participants/${plainId}/shares`, {
        organisationId: w.organisations.ifo,
        purpose: 'x',
      });
      expect(ifo.status).toBe(422);
      expect((await groupStaff.post(`/api/consents/${c.body.id}/withdraw`)).status).toBe(200);
      const after = await groupStaff.post(`/api/participants/${plainId}/shares`, {
        organisationId: w.organisations.af,
        purpose: 'Inför analysgruppsmöte',
      });
      expect(after.status).toBe(422);
      expect(after.body.detail).toMatch(/withdrawn/);
      const list = await groupStaff.get(`/api/participants/${plainId}/consents`);
      expect(list.body[0].withdrawnAt).toEqual(expect.any(String));
    });

    it('consent to share with a partner names the partner (400 otherwise)', async () => {
      const res = await groupStaff.post(`/api/participants/${plainId}/consents`, {
        purpose: 'share_with_partner',
        givenOn: '2020-08-24',
      });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe('organisationId');
    });
  });

  describe('progress, outcome, documents', () => {
    it('shows the group’s average change to evaluators only above the small-cell threshold', async () => {
      const staff = await groupStaff.get(`/api/groups/${groupId}/assessment-summary`);
      expect(staff.body).toMatchObject({
        participants: 1,
        meanChange: { swedish: 1, digital_skills: 2, labour_market_knowledge: 3, health_energy: 0 },
      });
      const evaluator = await signIn(t, w.users.evaluatorA.email);
      const agg = await evaluator.get(`/api/groups/${groupId}/assessment-summary`);
      expect(agg.status).toBe(200);
      expect(agg.body.participants).toBeNull();
      expect(Object.values(agg.body.meanChange).every((v) => v === null)).toBe(true);
      const bad = await groupStaff.put(`/api/participants/${plainId}/assessments`, {
        stage: 'start',
        date: '2020-08-25',
        ratings: { swedish: 6 },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0]).toEqual({
        field: 'ratings.swedish',
        message: 'ratings.swedish must be a whole number from 1 to 5',
        code: 'out_of_range',
        params: { min: 1, max: 5 },
      });
    });

    it('records follow-ups at 3, 6 and 12 months', async () => {
      const res = await groupStaff.post(`/api/enrolments/${protectedEnrolment}/follow-ups`, {
        months: 3,
        date: '2021-02-20',
        category: 'studies',
        detail: 'studerar vidare',
      });
      expect(res.status).toBe(200);
      expect(res.body.followUps).toEqual([expect.objectContaining({ months: 3, category: 'studies' })]);
      const twelve = await groupStaff.post(`/api/enrolments/${protectedEnrolment}/follow-ups`, {
        months: 9,
        date: '2021-08-20',
        category: 'work',
      });
      expect(twelve.status).toBe(400);
    });

    it('the certificate PDF names the person for group staff, a pseudonym for others, and never shows health data', async () => {
      const mine = await groupStaff
        .get(`/api/enrolments/${protectedEnrolment}/certificate.pdf`)
        .buffer(true)
        .parse((res, cb) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => cb(null, Buffer.concat(chunks)));
        });
      expect(mine.status).toBe(200);
      expect(mine.headers['content-type']).toBe('application/pdf');
      const text = await pdfText(mine.body as Buffer);
      expect(text).toContain('Diplom');
      expect(text).toContain('Samira Hemligsdotter');
      expect(text).toContain('Förskolan Solen');
      expect(text).not.toMatch(/Sömn|vårdcentral|hälsa/i);
      const theirs = await otherStaff
        .get(`/api/enrolments/${protectedEnrolment}/certificate.pdf`)
        .buffer(true)
        .parse((res, cb) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => cb(null, Buffer.concat(chunks)));
        });
      const other = await pdfText(theirs.body as Buffer);
      expect(other).not.toContain('Hemligsdotter');
      expect(other).toMatch(/Deltagare [0-9A-F]{6}/);
      const plan = await groupStaff
        .get(`/api/enrolments/${plainEnrolment}/action-plan.pdf`)
        .buffer(true)
        .parse((res, cb) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => cb(null, Buffer.concat(chunks)));
        });
      const planText = await pdfText(plan.body as Buffer);
      expect(planText).toContain('Handlingsplan');
      expect(planText).not.toContain('arbetsförmågebedömning');
    });
  });

  describe('moving between groups', () => {
    it('keeps the history: the old enrolment ends, a new one starts with the reason for the move', async () => {
      const p = (
        await groupStaff.post('/api/participants', {
          programmeId: w.programmeA,
          firstName: 'Flytt',
          lastName: 'Person',
          gender: 'woman',
        })
      ).body;
      const e = (
        await groupStaff.post(`/api/participants/${p.id}/enrolments`, { groupId, startDate: '2020-08-24' })
      ).body;
      // Without a reason, or with one that is not on the list: 400 naming `reason`, nothing changed.
      for (const reason of [undefined, 'tråkigt']) {
        const refused = await groupStaff.post(`/api/enrolments/${e.id}/move`, {
          toGroupId: otherGroupId,
          date: '2020-09-14',
          ...(reason ? { reason } : {}),
        });
        expect([refused.status, refused.body.errors?.map((x: { field: string }) => x.field)]).toEqual([
          400,
          ['reason'],
        ]);
      }
      expect((await groupStaff.get(`/api/participants/${p.id}/enrolments`)).body).toHaveLength(1);
      const moved = await groupStaff.post(`/api/enrolments/${e.id}/move`, {
        toGroupId: otherGroupId,
        date: '2020-09-14',
        reason: 'schedule',
      });
      expect([moved.status, moved.body.moveReason]).toEqual([201, 'schedule']);
      const history = await groupStaff.get(`/api/participants/${p.id}/enrolments`);
      expect(
        history.body.map(
          (x: { groupId: string; status: string; endDate: string | null; moveReason: string | null }) => [
            x.groupId,
            x.status,
            x.endDate,
            x.moveReason,
          ],
        ),
      ).toEqual([
        [groupId, 'left_early', '2020-09-14', null],
        [otherGroupId, 'active', null, 'schedule'],
      ]);
    });
  });

  describe('retention and data-subject requests', () => {
    it('the audit extract lists every read and change of the participant with actor and time', async () => {
      const res = await groupStaff.get(`/api/participants/${protectedId}/audit-trail`);
      expect(res.status).toBe(200);
      const actions = res.body.map((e: { action: string }) => e.action);
      for (const a of [
        'participant.create',
        'enrolment.create',
        'health.write',
        'assessment.write',
        'internship.create',
        'enrolment.update',
        'outcome.write',
        'participant.read',
        'participant.identity.read',
        'health.read',
        'certificate.create',
        'followup.write',
      ]) {
        expect(actions).toContain(a);
      }
      const fromDb = await t.dataSource.query(
        'SELECT count(*)::int AS n FROM audit_event WHERE subject_id = $1 AND action <> $2',
        [protectedId, 'audit.extract'],
      );
      expect(res.body).toHaveLength(fromDb[0].n);
      expect(
        res.body.find((e: { action: string }) => e.action === 'participant.identity.read'),
      ).toMatchObject({
        actor: 'staff.a',
        actorRole: 'staff',
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });
      expect(
        res.body.some(
          (e: { actor: string; action: string }) =>
            e.actor === 'Kim Annangrupp' && e.action === 'participant.read',
        ),
      ).toBe(true);
      const csv = await groupStaff.get(`/api/participants/${protectedId}/audit-trail?format=csv`);
      expect(csv.headers['content-type']).toMatch(/text\/csv/);
      // Swedish time to the second, as everyone reads it; PostgreSQL's own tz data says what that is.
      expect(csv.text.startsWith('\uFEFFtid;vem;roll;händelse;typ;utfall\r\n')).toBe(true);
      // Words, not codes: the file is read by the person the data is about.
      expect(csv.text).toContain(';Kim Annangrupp;Personal;Läste deltagaruppgifter;Deltagare;Utfört\r\n');
      expect(csv.text).not.toMatch(/participant\.read|;staff;|;success/);
      const [first] = await t.dataSource.query(
        `SELECT to_char(at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI:SS') AS at
         FROM audit_event WHERE subject_id = $1 ORDER BY at, id LIMIT 1`,
        [protectedId],
      );
      expect(csv.text.split('\r\n')[1].split(';')[0]).toBe(first.at);
    });

    it('the retention job pseudonymises an old participant and leaves every figure unchanged', async () => {
      const figures = async () => ({
        // The programme's progress report, every figure of it, as the evaluators get it.
        report: (
          await groupStaff.get(
            `/api/programmes/${w.programmeA}/reports/progress?from=2020-01-01&to=2022-12-31`,
          )
        ).body.report as unknown,
        attendance: (await groupStaff.get(`/api/groups/${groupId}/attendance`)).body.groupRate,
        internships: (await groupStaff.get(`/api/groups/${groupId}/internship-summary`)).body,
        progress: (await groupStaff.get(`/api/groups/${groupId}/assessment-summary`)).body,
        outcomes: (await t.dataSource.query(
          'SELECT category, count(*)::int AS n FROM outcome GROUP BY category ORDER BY category',
        )) as unknown,
        genders: (await t.dataSource.query(
          'SELECT gender, count(*)::int AS n FROM participant GROUP BY gender ORDER BY gender',
        )) as unknown,
      });
      const before = await figures();
      expect(before.report).toMatchObject({ enrolled: expect.any(Number) });
      const retention = t.app.get(RetentionService);
      // Two years after the enrolment ended (2020-11-20), with RETENTION_YEARS=2.
      expect(await retention.run(new Date('2022-11-01T00:00:00Z'))).toBe(0);
      const n = await retention.run(new Date('2022-11-25T00:00:00Z'));
      expect(n).toBeGreaterThanOrEqual(1);
      const row = (
        await t.dataSource.query(
          'SELECT first_name, last_name, personal_number, phone, address, pseudonym, pseudonymised_at FROM participant WHERE id = $1',
          [protectedId],
        )
      )[0];
      expect(row).toMatchObject({
        first_name: row.pseudonym,
        last_name: '',
        personal_number: null,
        phone: '',
        address: '',
      });
      expect(row.pseudonymised_at).not.toBeNull();
      expect(
        await t.dataSource.query('SELECT count(*)::int AS n FROM individual_talk WHERE participant_id = $1', [
          protectedId,
        ]),
      ).toEqual([{ n: 0 }]);
      expect(await figures()).toEqual(before);
      const dump = JSON.stringify(await t.dataSource.query('SELECT * FROM participant'));
      expect(dump).not.toContain('Hemligsdotter');
      expect(dump).not.toContain('198112189876');
    });

    it('erasure on request pseudonymises at once', async () => {
      const p = (
        await groupStaff.post('/api/participants', {
          programmeId: w.programmeA,
          firstName: 'Radera',
          lastName: 'Mig',
          gender: 'man',
          phone: '070-999',
        })
      ).body;
      expect((await groupStaff.post(`/api/participants/${p.id}/erase`)).status).toBe(204);
      const after = await groupStaff.get(`/api/participants/${p.id}`);
      expect(after.body).toMatchObject({ firstName: p.pseudonym, lastName: '', phone: '' });
    });
  });

  it('anonymous callers get 401 on participant endpoints', async () => {
    expect((await request(t.http).get(`/api/participants/${protectedId}`)).status).toBe(401);
    expect((await request(t.http).get(`/api/participants/${protectedId}/needs`)).status).toBe(401);
  });
});
