import { Secret, TOTP } from 'otpauth';
import request from 'supertest';
import { DEFAULT_TOTP_REQUIRED_ROLES, loadConfig } from '../src/config/app-config';
import {
  type Client,
  PASSWORD,
  seedWorld,
  signIn,
  startTestApp,
  type TestApp,
  type World,
} from './support/test-app';

const codeFor = (secret: string, ahead = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + ahead });

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

describe('users: the admin creates, allocates, resets and deactivates (e2e)', () => {
  let t: TestApp;
  let w: World;
  let admin: Client;

  beforeAll(async () => {
    // Staff must use two factors here, as by default; the admin signs in with a password, as in the other suites.
    t = await startTestApp('users', { TOTP_REQUIRED_ROLES: 'staff' });
    w = await seedWorld(t);
    admin = await signIn(t, w.users.admin.email);
  });
  afterAll(() => t?.close());

  const login = (email: string, password: string, extra: object = {}) =>
    request(t.http)
      .post('/api/auth/login')
      .send({ email, password, ...extra });
  type Audit = { action: string; outcome: string; details: unknown };
  const audits = async (action: string, entityId: string): Promise<Audit[]> =>
    t.dataSource.query(
      'SELECT action, outcome, details FROM audit_event WHERE action = $1 AND entity_id = $2 ORDER BY id',
      [action, entityId],
    );

  it('requires two factors of admin, staff and analysis members unless TOTP_REQUIRED_ROLES says otherwise', () => {
    expect(DEFAULT_TOTP_REQUIRED_ROLES).toEqual(['admin', 'staff', 'analysis_member']);
    expect(loadConfig({}).totpRequiredRoles).toEqual(['admin', 'staff', 'analysis_member']);
    expect(loadConfig({ TOTP_REQUIRED_ROLES: '' }).totpRequiredRoles).toEqual([]);
    expect(loadConfig({ TOTP_REQUIRED_ROLES: 'staff, evaluator' }).totpRequiredRoles).toEqual([
      'staff',
      'evaluator',
    ]);
  });

  it('creates a user with a one-time password, refuses a weak password and a taken e-mail, and lists two-factor', async () => {
    const res = await admin.post('/api/users', {
      email: 'Nora.Ny@Test.se',
      displayName: 'Nora Ny',
      role: 'staff',
      organisationId: w.organisations.ifo,
      programmeIds: [w.programmeA],
      leadProgrammeIds: [w.programmeB],
    });
    expect(res.status).toBe(201);
    const { id, oneTimePassword, ...rest } = res.body;
    expect(oneTimePassword).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(rest).toEqual({
      email: 'nora.ny@test.se',
      displayName: 'Nora Ny',
      role: 'staff',
      organisationId: w.organisations.ifo,
      programmeIds: [w.programmeA, w.programmeB].sort(),
      leadProgrammeIds: [w.programmeB],
      active: true,
      totpEnabled: false,
      totpRequired: true,
      mustChangePassword: true,
    });
    expect(await audits('user.create', id)).toEqual([
      { action: 'user.create', outcome: 'success', details: { role: 'staff' } },
    ]);

    const before = (await admin.get('/api/users')).body.length;
    const weak = await admin.post('/api/users', {
      email: 'svag@test.se',
      displayName: 'Svag Svensson',
      role: 'staff',
      password: 'password1234',
    });
    expect([weak.status, weak.body.errors[0].field, weak.body.errors[0].code]).toEqual([
      400,
      'password',
      'password_too_common',
    ]);
    const taken = await admin.post('/api/users', {
      email: 'nora.ny@test.se',
      displayName: 'Nora Igen',
      role: 'evaluator',
    });
    expect([taken.status, taken.body.code]).toEqual([409, 'duplicate_email']);
    const noOrg = await admin.post('/api/users', {
      email: 'utan@test.se',
      displayName: 'Utan Organisation',
      role: 'analysis_member',
      organisationId: '00000000-0000-4000-8000-000000000000',
    });
    expect([noOrg.status, noOrg.body.errors[0].field]).toEqual([400, 'organisationId']);
    const list = (await admin.get('/api/users')).body as { email: string; totpRequired: boolean }[];
    expect(list.length).toBe(before);
    expect(list.find((u) => u.email === w.users.evaluatorA.email)?.totpRequired).toBe(false);
    // Only the admin manages users.
    expect((await (await signIn(t, w.users.evaluatorA.email)).get('/api/users')).status).toBe(403);
  });

  it('changes the role, allocates with the lead mark and removes the allocation, each audited', async () => {
    const id = w.users.evaluatorA.id;
    const changed = await admin.patch(`/api/users/${id}`, { role: 'steering' });
    expect([changed.status, changed.body.role, changed.body.totpRequired]).toEqual([200, 'steering', false]);
    expect((await audits('user.manage', id)).map((a) => a.details)).toEqual([
      { changed: ['role'], role: { from: 'evaluator', to: 'steering' } },
    ]);
    const own = await admin.patch(`/api/users/${w.users.admin.id}`, { role: 'staff' });
    expect([own.status, own.body.code, own.body.errors[0].field]).toEqual([422, 'own_account', 'role']);
    const bad = await admin.patch(`/api/users/${id}`, { role: 'boss' });
    expect([bad.status, bad.body.errors[0].field]).toEqual([400, 'role']);

    const put = await admin.put(`/api/users/${id}/programmes/${w.programmeB}`, { lead: true });
    expect([put.status, put.body.programmeIds, put.body.leadProgrammeIds]).toEqual([
      200,
      [w.programmeA, w.programmeB].sort(),
      [w.programmeB],
    ]);
    const removed = await admin.delete(`/api/users/${id}/programmes/${w.programmeB}`);
    expect([removed.status, removed.body.programmeIds, removed.body.leadProgrammeIds]).toEqual([
      200,
      [w.programmeA],
      [],
    ]);
    expect((await admin.delete(`/api/users/${id}/programmes/${w.programmeB}`)).status).toBe(404);
    expect((await audits('user.manage', id)).map((a) => a.details)).toEqual([
      { changed: ['role'], role: { from: 'evaluator', to: 'steering' } },
      { programmeId: w.programmeB, lead: true },
      { programmeId: w.programmeB, removed: true },
    ]);
  });

  it('a reset gives a one-time password that works once and must be changed before anything else', async () => {
    const u = w.users.steeringA;
    const open = await signIn(t, u.email);
    const reset = await admin.post(`/api/users/${u.id}/password-reset`);
    expect(reset.status).toBe(200);
    const otp = reset.body.oneTimePassword as string;
    // The old password and the sessions it opened are gone.
    expect((await open.get('/api/auth/me')).status).toBe(401);
    expect((await login(u.email, PASSWORD)).status).toBe(401);

    const first = await signIn(t, u.email, otp);
    expect(first.user.mustChangePassword).toBe(true);
    const blocked = await first.get('/api/programmes');
    expect([blocked.status, blocked.body.code, blocked.body.type]).toEqual([
      403,
      'password_change_required',
      'https://stegvis.se/problems/password-change-required',
    ]);
    expect(
      (await first.post('/api/auth/password', { currentPassword: otp, newPassword: 'kort' })).status,
    ).toBe(400);
    const own = 'mitt-eget-styrgruppslosen-42';
    expect((await first.post('/api/auth/password', { currentPassword: otp, newPassword: own })).status).toBe(
      204,
    );
    expect((await login(u.email, otp)).status).toBe(401);
    const after = await signIn(t, u.email, own);
    expect(after.user.mustChangePassword).toBe(false);
    expect((await after.get('/api/programmes')).status).toBe(200);
    expect((await audits('user.password_reset', u.id)).length).toBe(1);
    expect((await admin.post(`/api/users/00000000-0000-4000-8000-000000000000/password-reset`)).status).toBe(
      404,
    );
  });

  it('deactivation is refused while a group would be left without staff, then done with a replacement', async () => {
    // A programme running now, a group whose only staff is the leaving user, and one she shares.
    const programme = await admin.post('/api/programmes', {
      name: 'Nya Steg',
      ownerMunicipalityId: w.municipalities.angelholm,
      municipalityIds: [w.municipalities.angelholm],
      partnerOrganisationIds: [w.organisations.af],
      startDate: '2026-01-01',
      endDate: '2028-12-31',
      targetGroup: 'Utrikes födda kvinnor och män',
      goals: [{ key: 'attendance', description: 'Närvaro minst 80 %', targetValue: 80 }],
    });
    expect(programme.status).toBe(201);
    const pid = programme.body.id as string;
    const leaving = (
      await admin.post('/api/users', {
        email: 'lea.slutar@test.se',
        displayName: 'Lea Slutar',
        role: 'staff',
        password: PASSWORD,
        programmeIds: [pid],
      })
    ).body.id as string;
    const staff = async (name: string, userId?: string) => {
      const s = await admin.post('/api/staff-members', { name, staffRole: 'programme_worker', userId });
      expect(s.status).toBe(201);
      await admin.post('/api/staff-allocations', {
        staffMemberId: s.body.id,
        programmeId: pid,
        percent: 50,
        startDate: '2026-01-01',
        endDate: '2027-12-31',
      });
      return s.body.id as string;
    };
    const lea = await staff('Lea Slutar', leaving);
    const omar = await staff('Omar Ersätter');
    const tina = await staff('Tina Tillsammans');
    const tpl = await admin.post(`/api/programmes/${pid}/templates`, TEMPLATE);
    expect(tpl.status).toBe(201);
    const group = async (number: number, staffMemberIds: string[]) => {
      const g = await admin.post('/api/groups', {
        programmeId: pid,
        municipalityId: w.municipalities.angelholm,
        number,
        startDate: '2026-11-02',
        capacity: 10,
        overIntake: 2,
        deliveryMode: 'on_site',
        templateId: tpl.body.id,
        staffMemberIds,
      });
      expect(g.status).toBe(201);
      return g.body.id as string;
    };
    const alone = await group(1, [lea]);
    const shared = await group(2, [lea, tina]);

    const staffed = await admin.get(`/api/users/${leaving}/staffed-groups`);
    expect(staffed.status).toBe(200);
    expect(
      (staffed.body as { groupId: string; replacementRequired: boolean; otherStaff: string[] }[]).map((g) => [
        g.groupId,
        g.replacementRequired,
        g.otherStaff,
      ]),
    ).toEqual([
      [alone, true, []],
      [shared, false, ['Tina Tillsammans']],
    ]);
    expect(staffed.body[0].candidates).toEqual([
      { id: omar, name: 'Omar Ersätter' },
      { id: tina, name: 'Tina Tillsammans' },
    ]);

    const session = await login('lea.slutar@test.se', PASSWORD);
    expect(session.status).toBe(200);
    // Staff must set up two factors; the session still answers /me until she is deactivated.
    const cookie = session.headers['set-cookie'] as unknown as string[];
    const me = () => request(t.http).get('/api/auth/me').set('Cookie', cookie);
    expect((await me()).status).toBe(200);

    const refused = await admin.post(`/api/users/${leaving}/deactivate`, { replacements: [] });
    expect([refused.status, refused.body.code, refused.body.errors]).toEqual([
      422,
      'group_staff_replacement_required',
      [
        {
          field: 'replacements',
          message: `group ${alone} would be left without staff`,
          code: 'group_staff_replacement_required',
          params: { groupId: alone },
        },
      ],
    ]);
    const wrong = await admin.post(`/api/users/${leaving}/deactivate`, {
      replacements: [{ groupId: alone, staffMemberId: lea }],
    });
    expect([wrong.status, wrong.body.errors[0].field]).toEqual([400, 'replacements.0.staffMemberId']);
    // Nothing changed.
    expect((await admin.get(`/api/groups/${alone}`)).body.staffMemberIds).toEqual([lea]);
    expect((await me()).status).toBe(200);

    const done = await admin.post(`/api/users/${leaving}/deactivate`, {
      replacements: [{ groupId: alone, staffMemberId: omar }],
    });
    expect([done.status, done.body.active]).toEqual([200, false]);
    expect((await admin.get(`/api/groups/${alone}`)).body.staffMemberIds).toEqual([omar]);
    expect((await admin.get(`/api/groups/${shared}`)).body.staffMemberIds).toEqual([tina]);
    // The open session ends at once, and she cannot sign in again.
    expect((await me()).status).toBe(401);
    expect((await login('lea.slutar@test.se', PASSWORD)).status).toBe(401);
    expect((await audits('user.deactivate', leaving)).map((a) => a.details)).toEqual([
      { groups: [alone, shared], replacements: [{ groupId: alone, staffMemberId: omar }] },
    ]);
    expect(
      (await admin.post(`/api/users/${w.users.admin.id}/deactivate`, { replacements: [] })).body.code,
    ).toBe('own_account');
  });

  it('recovery codes are shown once at enrolment, and each signs in once instead of the code', async () => {
    const email = w.users.staffB.email;
    const c = await signIn(t, email);
    const setup = await c.post('/api/auth/totp/setup', { password: PASSWORD });
    const confirmed = await c.post('/api/auth/totp/confirm', { code: codeFor(setup.body.secret) });
    expect(confirmed.status).toBe(200);
    const codes = confirmed.body.recoveryCodes as string[];
    expect(codes.length).toBe(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}$/);
    const list = (await admin.get('/api/users')).body as { email: string; totpEnabled: boolean }[];
    expect(list.find((u) => u.email === email)?.totpEnabled).toBe(true);

    // Typed from paper: case and spaces do not matter.
    const ok = await login(email, PASSWORD, { recoveryCode: ` ${codes[3].toUpperCase()} ` });
    expect(ok.status).toBe(200);
    const again = await login(email, PASSWORD, { recoveryCode: codes[3] });
    expect([again.status, again.body.code, again.body.errors[0].field]).toEqual([
      401,
      'recovery_code_wrong',
      'recoveryCode',
    ]);
    expect((await login(email, PASSWORD, { recoveryCode: 'aaaa-bbbb-cccc-dddd' })).status).toBe(401);
    expect((await audits('auth.totp.recovery', w.users.staffB.id)).map((a) => a.details)).toEqual([
      { left: 9 },
    ]);

    // The phone is lost: from that session, a recovery code (not a spent one) stands in for the code to replace the
    // app, and the new app's confirmation ends the old codes.
    const csrf = { 'X-CSRF-Token': ok.body.csrfToken as string };
    const cookie = ok.headers['set-cookie'] as unknown as string[];
    const asHer = (path: string, body: object) =>
      request(t.http).post(path).set('Cookie', cookie).set(csrf).send(body);
    const spent = await asHer('/api/auth/totp/setup', { password: PASSWORD, recoveryCode: codes[3] });
    expect([spent.status, spent.body.errors[0].field, spent.body.errors[0].code]).toEqual([
      400,
      'recoveryCode',
      'recovery_code_wrong',
    ]);
    const replaced = await asHer('/api/auth/totp/setup', { password: PASSWORD, recoveryCode: codes[5] });
    expect(replaced.status).toBe(201);
    const fresh = await asHer('/api/auth/totp/confirm', { code: codeFor(replaced.body.secret) });
    expect([fresh.status, fresh.body.recoveryCodes.length]).toEqual([200, 10]);
    expect((await login(email, PASSWORD, { recoveryCode: codes[6] })).status).toBe(401);
    expect((await login(email, PASSWORD, { recoveryCode: fresh.body.recoveryCodes[0] })).status).toBe(200);
    // A staff member still cannot switch two factors off, with or without a code.
    const off = await asHer('/api/auth/totp/disable', {
      password: PASSWORD,
      recoveryCode: fresh.body.recoveryCodes[1],
    });
    expect([off.status, off.body.code]).toEqual([422, 'totp_required_for_role']);
  });
});
