import { stockholmToday } from '@stegvis/contracts';
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
 * Who sees a protected person (docs/domain.md, "Protected identity"), decided in one place (PolicyService): the
 * worker who registered her until she is first placed, the staff of her group, the staff of her last group for 12
 * months after it ended, and the programme's lead. Each attack of issue 16 that combined allowed steps to step
 * around it, reproduced against the api and refused.
 */

const SAMIRA = {
  firstName: 'Samira',
  lastName: 'Hemligsdotter',
  personalNumber: '19811218-9876',
  phone: '070-111 22 33',
  address: 'Skyddsgatan 7',
  birthYear: 1981,
  countryOfBirth: 'Syrien',
  yearOfArrival: 2015,
  languages: ['arabiska', 'kurdiska'],
  educationLevel: 'university',
  educationField: 'Ekonomi',
  workExperience: 'Butiksbiträde i tio år',
};

/** The Swedish day `months` months before today, as YYYY-MM-DD. */
function monthsAgo(months: number): string {
  const [y, m, d] = stockholmToday().split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 - months, d)).toISOString().slice(0, 10);
}

describe('one rule for who sees a protected identity and health data (e2e)', () => {
  let t: TestApp;
  let w: World;
  let admin: Client;
  /** The worker who registers Samira (staffA); not staff of any group. */
  let worker: Client;
  /** Staff of group 1, where Samira is placed. */
  let gina: Client;
  /** Staff of the programme, staff of group 9 only: the attacker. */
  let olle: Client;
  /** The programme's lead (processledare), staff of no group at first. */
  let lead: Client;
  const staff: Record<'gina' | 'olle' | 'lead', string> = { gina: '', olle: '', lead: '' };
  const groups: Record<'g1' | 'g2' | 'g3' | 'g9', string> = { g1: '', g2: '', g3: '', g9: '' };
  let samira: string;
  let samiraEnrolment: string;

  const count = async (sql: string, params: unknown[] = []) =>
    ((await t.dataSource.query(sql, params)) as { n: number }[])[0].n;
  const identityReads = (actorId: string, subjectId: string) =>
    count(
      "SELECT count(*)::int AS n FROM audit_event WHERE action = 'participant.identity.read' AND actor_id = $1 AND subject_id = $2",
      [actorId, subjectId],
    );
  const userId = (c: Client) => c.user.id;

  beforeAll(async () => {
    t = await startTestApp('identityrules');
    w = await seedWorld(t);
    admin = await signIn(t, w.users.admin.email);
    for (const [email, displayName, lead] of [
      ['gina@test.se', 'Gina Gruppledare', false],
      ['olle@test.se', 'Olle Annangrupp', false],
      ['lea@test.se', 'Lea Processledare', true],
    ] as const) {
      const res = await admin.post('/api/users', {
        email,
        displayName,
        role: 'staff',
        password: PASSWORD,
        programmeIds: lead ? [] : [w.programmeA],
        ...(lead ? { leadProgrammeIds: [w.programmeA] } : {}),
      });
      expect([email, res.status]).toEqual([email, 201]);
    }
    worker = await signIn(t, w.users.staffA.email);
    gina = await signIn(t, 'gina@test.se');
    olle = await signIn(t, 'olle@test.se');
    lead = await signIn(t, 'lea@test.se');
    for (const [key, c, role] of [
      ['gina', gina, 'programme_worker'],
      ['olle', olle, 'programme_worker'],
      ['lead', lead, 'programme_lead'],
    ] as const) {
      const res = await admin.post('/api/staff-members', {
        name: c.user.displayName,
        staffRole: role,
        userId: userId(c),
      });
      expect(res.status).toBe(201);
      staff[key] = res.body.id;
    }
    const mk = async (number: number, staffMemberIds: string[], startDate: string, endDate: string) => {
      const res = await admin.post('/api/groups', {
        programmeId: w.programmeA,
        municipalityId: w.municipalities.angelholm,
        number,
        startDate,
        endDate,
        capacity: 10,
        overIntake: 2,
        deliveryMode: 'on_site',
        staffMemberIds,
      });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    groups.g1 = await mk(1, [staff.gina], monthsAgo(1), monthsAgo(-3));
    groups.g2 = await mk(2, [], monthsAgo(1), monthsAgo(-3));
    groups.g3 = await mk(3, [staff.gina], monthsAgo(18), monthsAgo(11));
    groups.g9 = await mk(9, [staff.olle], monthsAgo(1), monthsAgo(-3));
    const res = await worker.post('/api/participants', {
      programmeId: w.programmeA,
      ...SAMIRA,
      gender: 'woman',
      protectedIdentity: true,
      swedishLevel: 'sfi_c',
    });
    expect(res.status).toBe(201);
    samira = res.body.id;
  });
  afterAll(() => t?.close());

  describe('the lead mark', () => {
    it('is on the allocation: the admin sets it and the user list shows it', async () => {
      const res = await admin.put(`/api/users/${userId(gina)}/programmes/${w.programmeB}`, { lead: true });
      expect(res.status).toBe(200);
      expect(res.body.programmeIds).toEqual([w.programmeA, w.programmeB].sort());
      expect(res.body.leadProgrammeIds).toEqual([w.programmeB]);
      const off = await admin.put(`/api/users/${userId(gina)}/programmes/${w.programmeB}`, { lead: false });
      expect(off.body.leadProgrammeIds).toEqual([]);
      const list = await admin.get('/api/users');
      const lea = list.body.find((u: { email: string }) => u.email === 'lea@test.se');
      expect([lea.programmeIds, lea.leadProgrammeIds]).toEqual([[w.programmeA], [w.programmeA]]);
      // The signed-in user knows what they lead, so the admin can offer naming group staff there only.
      const me = await lead.get('/api/auth/me');
      expect([me.body.programmeIds, me.body.leadProgrammeIds]).toEqual([[w.programmeA], [w.programmeA]]);
      expect((await worker.get('/api/auth/me')).body.leadProgrammeIds).toEqual([]);
      expect(
        (await worker.put(`/api/users/${userId(gina)}/programmes/${w.programmeA}`, { lead: true })).status,
      ).toBe(403);
      expect(
        (
          await admin.put(`/api/users/${userId(gina)}/programmes/00000000-0000-4000-8000-000000000000`, {
            lead: true,
          })
        ).status,
      ).toBe(404);
    });

    it('a staff member who is not the lead cannot name group staff: not on create, not on change', async () => {
      const before = await count('SELECT count(*)::int AS n FROM programme_group');
      const create = await olle.post('/api/groups', {
        programmeId: w.programmeA,
        municipalityId: w.municipalities.angelholm,
        number: 20,
        startDate: monthsAgo(0),
        endDate: monthsAgo(-3),
        capacity: 10,
        overIntake: 0,
        deliveryMode: 'on_site',
        staffMemberIds: [staff.olle],
      });
      expect([create.status, create.body.code]).toEqual([403, 'programme_lead_required']);
      expect(create.body.detail).toBe('Only the programme lead or an admin assigns group staff');
      expect(await count('SELECT count(*)::int AS n FROM programme_group')).toBe(before);
      const g1 = (await gina.get(`/api/groups/${groups.g1}`)).body;
      const change = await olle.patch(`/api/groups/${groups.g1}`, {
        version: g1.version,
        staffMemberIds: [staff.gina, staff.olle],
      });
      expect([change.status, change.body.code]).toEqual([403, 'programme_lead_required']);
      const byGina = await gina.patch(`/api/groups/${groups.g1}`, {
        version: g1.version,
        staffMemberIds: [],
      });
      expect(byGina.status).toBe(403);
      expect((await gina.get(`/api/groups/${groups.g1}`)).body.staffMemberIds).toEqual([staff.gina]);
      // What is not staff stays open to the programme's staff.
      const place = await gina.patch(`/api/groups/${groups.g1}`, {
        version: g1.version,
        place: 'Biblioteket',
      });
      expect([place.status, place.body.place, place.body.staffMemberIds]).toEqual([
        200,
        'Biblioteket',
        [staff.gina],
      ]);
      expect(
        await count(
          "SELECT count(*)::int AS n FROM audit_event WHERE action = 'group.manage' AND outcome = 'denied' AND actor_id = $1",
          [userId(olle)],
        ),
      ).toBe(2);
    });
  });

  describe('the worker who registered her', () => {
    it('sees her until she is first placed; other staff of the programme see a pseudonym, without quasi-identifiers', async () => {
      const mine = await worker.get(`/api/participants/${samira}`);
      expect(mine.body).toMatchObject({
        displayName: 'Samira Hemligsdotter',
        personalNumber: '19811218-9876',
        birthYear: 1981,
        countryOfBirth: 'Syrien',
        masked: false,
      });
      const theirs = await olle.get(`/api/participants/${samira}`);
      expect(theirs.status).toBe(200);
      expect(theirs.body).toMatchObject({
        displayName: theirs.body.pseudonym,
        firstName: theirs.body.pseudonym,
        lastName: '',
        personalNumber: null,
        phone: '',
        address: '',
        birthYear: null,
        countryOfBirth: '',
        yearOfArrival: null,
        languages: [],
        educationLevel: null,
        educationField: '',
        workExperience: '',
        masked: true,
      });
      const list = await olle.get(`/api/participants?programmeId=${w.programmeA}`);
      expect(list.body.find((p: { id: string }) => p.id === samira)).toEqual({
        id: samira,
        displayName: theirs.body.pseudonym,
        gender: 'woman',
        birthYear: null,
        swedishLevel: 'sfi_c',
        protectedIdentity: true,
        groups: [],
      });
      expect(JSON.stringify([theirs.body, list.body])).not.toMatch(
        /Hemligs|Syrien|arabiska|kurdiska|Ekonomi|Butik/,
      );
      // The lead sees her; the admin sees no participant record at all.
      expect((await lead.get(`/api/participants/${samira}`)).body.displayName).toBe('Samira Hemligsdotter');
      expect((await admin.get(`/api/participants/${samira}`)).status).toBe(403);
    });

    it('her data-subject extract and her erasure are made only by those who see her (404 for other staff)', async () => {
      const trail = await olle.get(`/api/participants/${samira}/audit-trail`);
      expect([trail.status, trail.body.code]).toEqual([404, 'not_found']);
      const erase = await olle.post(`/api/participants/${samira}/erase`, {});
      expect([erase.status, erase.body.code]).toEqual([404, 'not_found']);
      expect(
        await count('SELECT count(*)::int AS n FROM participant WHERE id = $1 AND pseudonymised_at IS NULL', [
          samira,
        ]),
      ).toBe(1);
      expect(
        await count(
          "SELECT count(*)::int AS n FROM audit_event WHERE actor_id = $1 AND subject_id IS NULL AND entity_id = $2 AND outcome = 'denied' AND action IN ('audit.subject', 'participant.erase')",
          [userId(olle), samira],
        ),
      ).toBe(2);
      // The worker who sees her makes the extract; the admin answers for the association, naming only actors.
      expect((await worker.get(`/api/participants/${samira}/audit-trail`)).status).toBe(200);
      const forAdmin = await admin.get(`/api/participants/${samira}/audit-trail`);
      expect(forAdmin.status).toBe(200);
      expect(JSON.stringify(forAdmin.body)).not.toMatch(/Samira|Hemligs|19811218/);
    });

    it('a worker who does not see her cannot enrol her in a group they staff: 404, nothing changed, audited', async () => {
      const res = await olle.post(`/api/participants/${samira}/enrolments`, {
        groupId: groups.g9,
        startDate: monthsAgo(0),
      });
      expect([res.status, res.body.code]).toEqual([404, 'not_found']);
      expect(res.text).not.toContain('Hemligs');
      expect(
        await count('SELECT count(*)::int AS n FROM enrolment WHERE participant_id = $1', [samira]),
      ).toBe(0);
      expect(
        await count(
          "SELECT count(*)::int AS n FROM audit_event WHERE actor_id = $1 AND action = 'participant.write' AND outcome = 'denied' AND entity_id = $2",
          [userId(olle), samira],
        ),
      ).toBe(1);
      expect((await olle.get(`/api/participants/${samira}`)).body.masked).toBe(true);
    });

    it('sharing her name with a partner is for those who see her: 404 for other staff, even with her consent', async () => {
      const consent = await worker.post(`/api/participants/${samira}/consents`, {
        purpose: 'share_with_partner',
        organisationId: w.organisations.af,
        givenOn: '2020-08-24',
        scope: 'Namn, SFI-nivå',
      });
      expect(consent.status).toBe(201);
      const body = { organisationId: w.organisations.af, purpose: 'Inför analysgruppsmöte' };
      const refused = await olle.post(`/api/participants/${samira}/shares`, body);
      expect([refused.status, refused.body.code]).toEqual([404, 'not_found']);
      // Audited as denied: the enrolment attempt above, and this.
      expect(
        await count(
          "SELECT count(*)::int AS n FROM audit_event WHERE actor_id = $1 AND action = 'participant.write' AND outcome = 'denied' AND entity_id = $2",
          [userId(olle), samira],
        ),
      ).toBe(2);
      expect(
        await count(
          "SELECT count(*)::int AS n FROM audit_event WHERE action = 'participant.share' AND entity_id = $1",
          [samira],
        ),
      ).toBe(0);
      const shared = await worker.post(`/api/participants/${samira}/shares`, body);
      expect([shared.status, shared.body.shared]).toEqual([200, ['name', 'swedishLevel', 'enrolments']]);
      expect(
        await count(
          "SELECT count(*)::int AS n FROM audit_event WHERE action = 'participant.share' AND entity_id = $1 AND actor_id = $2",
          [samira, userId(worker)],
        ),
      ).toBe(1);
    });

    it('places her; the answer shows what she saw before, and afterwards she sees her no more', async () => {
      const res = await worker.post(`/api/participants/${samira}/enrolments`, {
        groupId: groups.g1,
        startDate: monthsAgo(1),
      });
      expect(res.status).toBe(201);
      expect(res.body.displayName).toBe('Samira Hemligsdotter');
      samiraEnrolment = res.body.id;
      const after = await worker.get(`/api/participants/${samira}`);
      expect([after.body.masked, after.body.personalNumber, after.body.birthYear]).toEqual([
        true,
        null,
        null,
      ]);
      const group = await gina.get(`/api/participants/${samira}`);
      expect([group.body.masked, group.body.displayName]).toEqual([false, 'Samira Hemligsdotter']);
    });
  });

  describe('only those who see her place, enrol or move her', () => {
    it('a move by staff who do not see her is a 404 and changes nothing', async () => {
      for (const c of [olle, worker]) {
        const res = await c.post(`/api/enrolments/${samiraEnrolment}/move`, {
          toGroupId: groups.g9,
          date: monthsAgo(0),
          reason: 'schedule',
        });
        expect([res.status, res.body.code]).toEqual([404, 'not_found']);
        const end = await c.patch(`/api/enrolments/${samiraEnrolment}`, {
          status: 'completed',
          endDate: monthsAgo(0),
        });
        expect(end.status).toBe(404);
      }
      expect(
        await t.dataSource.query('SELECT group_id, status FROM enrolment WHERE participant_id = $1', [
          samira,
        ]),
      ).toEqual([{ group_id: groups.g1, status: 'active' }]);
    });

    it('a second active enrolment in the same programme is a 409, and the database refuses it too', async () => {
      const res = await gina.post(`/api/participants/${samira}/enrolments`, {
        groupId: groups.g2,
        startDate: monthsAgo(0),
      });
      expect([res.status, res.body.code]).toEqual([409, 'already_active_in_programme']);
      expect(res.body.detail).toBe('The participant is already active in another group of this programme');
      await expect(
        t.dataSource.query(
          "INSERT INTO enrolment (participant_id, group_id, start_date, status) VALUES ($1, $2, $3, 'active')",
          [samira, groups.g2, monthsAgo(0)],
        ),
      ).rejects.toThrow(/ix_enrolment_one_active_per_programme/);
      expect(
        await count('SELECT count(*)::int AS n FROM enrolment WHERE participant_id = $1', [samira]),
      ).toBe(1);
    });
  });

  describe('the import of a programme’s history', () => {
    const HEADER =
      'grupp;gruppstart;gruppslut;kommunkod;fornamn;efternamn;personnummer;kon;inskrivning_start;inskrivning_slut;status;avbrottsorsak;resultat;resultat_detalj;praktik_bransch;praktik_erbjudande';
    // An ongoing enrolment is in a group that has not ended (the import refuses one in a finished group).
    const row = (group: number, start: string, end: string, status: string, groupEnd = monthsAgo(-3)) =>
      `${group};${start};${groupEnd};1292;Imre;Import;19811228-9874;kvinna;${start};${end};${status};;;;;`;

    it('takes a person’s rows in any order: an ended enrolment is never her active one', async () => {
      const res = await worker.post(`/api/programmes/${w.programmeA}/imports`, {
        content: [
          HEADER,
          row(32, monthsAgo(1), '', 'pågående'),
          row(31, '2020-08-24', '2020-11-20', 'fullföljd', '2020-11-20'),
        ].join('\r\n'),
      });
      expect([res.status, res.body]).toEqual([
        201,
        { groups: 2, enrolments: 2, outcomes: 0, internships: 0 },
      ]);
      expect(
        await t.dataSource.query(
          `SELECT e.status, e.end_date::text AS end FROM enrolment e JOIN participant p ON p.id = e.participant_id
            WHERE p.first_name = 'Imre' ORDER BY e.start_date`,
        ),
      ).toEqual([
        { status: 'completed', end: '2020-11-20' },
        { status: 'active', end: null },
      ]);
    });

    it('refuses a file that makes her active in two groups of the programme, and imports nothing', async () => {
      const before = await count('SELECT count(*)::int AS n FROM enrolment');
      const res = await worker.post(`/api/programmes/${w.programmeA}/imports`, {
        content: [HEADER, row(33, monthsAgo(1), '', 'pågående'), row(34, monthsAgo(1), '', 'pågående')].join(
          '\r\n',
        ),
      });
      expect([res.status, res.body.code]).toEqual([409, 'already_active_in_programme']);
      expect(await count('SELECT count(*)::int AS n FROM enrolment')).toBe(before);
    });
  });

  describe('group staff and the lead', () => {
    it('the lead makes herself staff of her group: allowed, logged as such, and the admin sees it by pseudonym', async () => {
      const g1 = (await lead.get(`/api/groups/${groups.g1}`)).body;
      const res = await lead.patch(`/api/groups/${groups.g1}`, {
        version: g1.version,
        staffMemberIds: [staff.gina, staff.lead],
      });
      expect(res.status).toBe(200);
      expect(res.body.staffMemberIds).toEqual([staff.gina, staff.lead]);
      expect(
        await t.dataSource.query(
          "SELECT actor_id, entity_id, subject_id FROM audit_event WHERE action = 'group.staff.self_assign'",
        ),
      ).toEqual([{ actor_id: userId(lead), entity_id: groups.g1, subject_id: samira }]);
      const trail = await admin.get(`/api/participants/${samira}/audit-trail`);
      expect(trail.status).toBe(200);
      expect(trail.body.filter((e: { action: string }) => e.action === 'group.staff.self_assign')).toEqual([
        expect.objectContaining({ actor: 'Lea Processledare', actorRole: 'staff', entityType: 'group' }),
      ]);
      const csv = await admin.get(`/api/participants/${samira}/audit-trail?format=csv`);
      expect(csv.text).toContain(
        ';Lea Processledare;Personal;Gjorde sig själv till personal i deltagarens grupp;',
      );
      expect(trail.text + csv.text).not.toMatch(/Samira|Hemligs|19811218/);
    });
  });

  describe('the last group, 12 months on', () => {
    let eleven: string;
    let thirteen: string;
    beforeAll(async () => {
      const mk = async (firstName: string, ended: string, status: string, leftReason?: string) => {
        const p = await lead.post('/api/participants', {
          programmeId: w.programmeA,
          firstName,
          lastName: 'Skyddad',
          gender: 'woman',
          protectedIdentity: true,
          birthYear: 1990,
        });
        const e = await lead.post(`/api/participants/${p.body.id}/enrolments`, {
          groupId: groups.g3,
          startDate: monthsAgo(18),
        });
        expect(e.status).toBe(201);
        const end = await lead.patch(`/api/enrolments/${e.body.id}`, { status, endDate: ended, leftReason });
        expect(end.status).toBe(200);
        return p.body.id as string;
      };
      eleven = await mk('Elva', monthsAgo(11), 'completed');
      thirteen = await mk('Tretton', monthsAgo(13), 'left_early', 'health');
    });

    it('her last group’s staff see her 11 months after it ended, not 13; the lead always', async () => {
      const a = await gina.get(`/api/participants/${eleven}`);
      expect([a.body.displayName, a.body.birthYear]).toEqual(['Elva Skyddad', 1990]);
      const b = await gina.get(`/api/participants/${thirteen}`);
      expect([b.body.masked, b.body.displayName, b.body.birthYear]).toEqual([true, b.body.pseudonym, null]);
      expect((await lead.get(`/api/participants/${thirteen}`)).body.displayName).toBe('Tretton Skyddad');
      // Leaving for health reasons is health data: the same people see it.
      const leftReason = async (c: Client) =>
        (await c.get(`/api/participants/${thirteen}/enrolments`)).body.map(
          (e: { leftReason: string }) => e.leftReason,
        );
      expect(await leftReason(lead)).toEqual(['health']);
      expect(await leftReason(gina)).toEqual([null]);
      expect(await leftReason(olle)).toEqual([null]);
      // Her needs are health data: 11 months on for her group's staff, 13 months on for the lead only.
      expect((await gina.get(`/api/participants/${eleven}/needs`)).status).toBe(200);
      expect((await gina.get(`/api/participants/${thirteen}/needs`)).status).toBe(404);
      expect((await lead.get(`/api/participants/${thirteen}/needs`)).status).toBe(200);
    });
  });

  describe('health outcomes', () => {
    let omar: string;
    let omarEnrolment: string;
    beforeAll(async () => {
      omar = (
        await gina.post('/api/participants', {
          programmeId: w.programmeA,
          firstName: 'Omar',
          lastName: 'Öppen',
          gender: 'man',
        })
      ).body.id;
      omarEnrolment = (
        await gina.post(`/api/participants/${omar}/enrolments`, {
          groupId: groups.g1,
          startDate: monthsAgo(1),
        })
      ).body.id;
      const res = await gina.put(`/api/enrolments/${omarEnrolment}/outcome`, {
        category: 'health',
        detail: 'arbetsförmågebedömning',
        date: monthsAgo(0),
      });
      expect(res.status).toBe(200);
    });

    it('staff outside her circle do not read a health outcome, and cannot write or overwrite one (404)', async () => {
      const theirs = await olle.get(`/api/participants/${omar}/outcomes`);
      expect([theirs.status, theirs.body]).toEqual([200, []]);
      const mine = await gina.get(`/api/participants/${omar}/outcomes`);
      expect(mine.body.map((o: { category: string; detail: string }) => [o.category, o.detail])).toEqual([
        ['health', 'arbetsförmågebedömning'],
      ]);
      for (const category of ['health', 'work']) {
        const res = await olle.put(`/api/enrolments/${omarEnrolment}/outcome`, {
          category,
          date: monthsAgo(0),
        });
        expect([category, res.status]).toEqual([category, 404]);
      }
      const follow = await olle.post(`/api/enrolments/${omarEnrolment}/follow-ups`, {
        months: 3,
        date: monthsAgo(0),
        category: 'work',
      });
      expect(follow.status).toBe(404);
      expect(
        await t.dataSource.query('SELECT category, detail FROM outcome WHERE enrolment_id = $1', [
          omarEnrolment,
        ]),
      ).toEqual([{ category: 'health', detail: 'arbetsförmågebedömning' }]);
      // His needs too, though his identity is not protected; and no one outside may say he left for health.
      expect((await olle.get(`/api/participants/${omar}/needs`)).status).toBe(404);
      expect((await gina.get(`/api/participants/${omar}/needs`)).status).toBe(200);
      const left = await olle.patch(`/api/enrolments/${omarEnrolment}`, {
        status: 'left_early',
        endDate: monthsAgo(0),
        leftReason: 'health',
      });
      expect(left.status).toBe(404);
    });
  });

  describe('every read of her real identity leaves one audit entry', () => {
    it('one per person shown in the list and in search; none for the masked', async () => {
      const before = await identityReads(userId(gina), samira);
      const list = await gina.get(`/api/participants?programmeId=${w.programmeA}`);
      const names = list.body.map((p: { displayName: string }) => p.displayName);
      expect(names).toContain('Samira Hemligsdotter');
      expect(await identityReads(userId(gina), samira)).toBe(before + 1);
      const search = await gina.get(`/api/participants?programmeId=${w.programmeA}&q=Hemligs`);
      expect(search.body.map((p: { id: string }) => p.id)).toEqual([samira]);
      expect(await identityReads(userId(gina), samira)).toBe(before + 2);
      const olleBefore = await identityReads(userId(olle), samira);
      await olle.get(`/api/participants?programmeId=${w.programmeA}`);
      expect(await identityReads(userId(olle), samira)).toBe(olleBefore);
    });

    it('one for the attendance grid, the group’s enrolments and her certificate', async () => {
      let n = await identityReads(userId(gina), samira);
      const grid = await gina.get(`/api/groups/${groups.g1}/attendance`);
      expect(grid.body.rows.map((r: { displayName: string }) => r.displayName)).toContain(
        'Samira Hemligsdotter',
      );
      expect(await identityReads(userId(gina), samira)).toBe(++n);
      await gina.get(`/api/participants/${samira}/enrolments`);
      expect(await identityReads(userId(gina), samira)).toBe(++n);
      const pdf = await gina.get(`/api/enrolments/${samiraEnrolment}/certificate.pdf`);
      expect(pdf.status).toBe(200);
      expect(await identityReads(userId(gina), samira)).toBe(++n);
      // Omar's certificate names nobody else: Samira's identity is not read for it.
      const enrolments = (await gina.get(`/api/participants?programmeId=${w.programmeA}&q=Omar`)).body;
      const omarEnrolment = (await gina.get(`/api/participants/${enrolments[0].id}/enrolments`)).body[0].id;
      await gina.get(`/api/enrolments/${omarEnrolment}/certificate.pdf`);
      expect(await identityReads(userId(gina), samira)).toBe(n);
    });
  });
});
