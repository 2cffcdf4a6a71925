import { UsersService } from '../src/modules/users/users.service';
import { OrganisationsService } from '../src/modules/organisations/organisations.service';
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
 * The association's directory: the admin adds and edits municipalities and partner organisations, including how
 * an organisation's staff may sign in. A second association starts on an empty deployment, so the first
 * municipality must be creatable with nothing else in place.
 */
describe('directory (e2e)', () => {
  let t: TestApp;
  let w: World;
  let admin: Client;
  let staff: Client;

  const audited = async (entityType: string, entityId: string) =>
    (
      await t.dataSource.query(
        `SELECT action, details->>'change' AS change, actor_id FROM audit_event
          WHERE entity_type = $1 AND entity_id = $2 ORDER BY id`,
        [entityType, entityId],
      )
    ).map((r: { action: string; change: string; actor_id: string }) => [r.action, r.change, r.actor_id]);

  beforeAll(async () => {
    t = await startTestApp('directory');
    w = await seedWorld(t);
    admin = await signIn(t, w.users.admin.email);
    staff = await signIn(t, w.users.staffA.email);
  });
  afterAll(() => t.close());

  describe('municipalities', () => {
    let hoganasId: string;

    it('the admin adds one, trimmed, and it is listed and audited', async () => {
      const res = await admin.post('/api/municipalities', { name: '  Höganäs ', code: '1284' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ id: expect.any(String), name: 'Höganäs', code: '1284' });
      hoganasId = res.body.id;
      const list = await admin.get('/api/municipalities');
      expect(list.body.map((m: { name: string; code: string }) => `${m.name} ${m.code}`)).toEqual([
        'Höganäs 1284',
        'Klippan 1276',
        'Perstorp 1275',
        'Ängelholm 1292',
      ]);
      expect(await audited('municipality', hoganasId)).toEqual([
        ['directory.manage', 'create', w.users.admin.id],
      ]);
    });

    it('the admin edits the name; the code stays', async () => {
      const res = await admin.patch(`/api/municipalities/${hoganasId}`, { name: 'Höganäs kommun' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ id: hoganasId, name: 'Höganäs kommun', code: '1284' });
      expect(await audited('municipality', hoganasId)).toEqual([
        ['directory.manage', 'create', w.users.admin.id],
        ['directory.manage', 'update', w.users.admin.id],
      ]);
    });

    it('refuses a used code or name with 409 naming the field, and changes nothing', async () => {
      const code = await admin.post('/api/municipalities', { name: 'Bjuv', code: '1292' });
      expect(code.status).toBe(409);
      expect(code.body).toMatchObject({
        code: 'municipality_code_taken',
        params: { code: '1292' },
        errors: [{ field: 'code', code: 'municipality_code_taken' }],
      });
      const name = await admin.post('/api/municipalities', { name: 'ängelholm', code: '1260' });
      expect(name.status).toBe(409);
      expect(name.body).toMatchObject({ code: 'directory_name_taken', errors: [{ field: 'name' }] });
      const edit = await admin.patch(`/api/municipalities/${hoganasId}`, { code: '1276' });
      expect(edit.status).toBe(409);
      expect(edit.body.errors).toEqual([expect.objectContaining({ field: 'code' })]);
      const list = await admin.get('/api/municipalities');
      expect(list.body).toHaveLength(4);
      expect(list.body.find((m: { id: string }) => m.id === hoganasId).code).toBe('1284');
    });

    it('refuses bad input with 400 naming the field', async () => {
      const code = await admin.post('/api/municipalities', { name: 'Bjuv', code: '12' });
      expect(code.status).toBe(400);
      expect(code.body.errors).toEqual([expect.objectContaining({ field: 'code', code: 'invalid_format' })]);
      const name = await admin.post('/api/municipalities', { name: '   ', code: '1260' });
      expect(name.status).toBe(400);
      expect(name.body.errors.map((e: { field: string }) => e.field)).toEqual(['name']);
      const unknown = await admin.patch('/api/municipalities/3f1c2a4e-7d7a-4a51-9d4e-0c1f6b1c2d3e', {
        name: 'X',
      });
      expect(unknown.status).toBe(404);
      expect((await admin.get('/api/municipalities')).body).toHaveLength(4);
    });

    it('only the admin may add or edit (403), though staff may read', async () => {
      expect((await staff.post('/api/municipalities', { name: 'Bjuv', code: '1260' })).status).toBe(403);
      expect((await staff.patch(`/api/municipalities/${hoganasId}`, { name: 'Bjuv' })).status).toBe(403);
      expect((await staff.get('/api/municipalities')).status).toBe(200);
      expect((await admin.get('/api/municipalities')).body).toHaveLength(4);
    });
  });

  describe('organisations', () => {
    let fkId: string;

    it('the admin adds one with the sign-in defaults: local passwords on, IdP MFA off', async () => {
      const res = await admin.post('/api/organisations', {
        name: 'Försäkringskassan',
        kind: 'social_insurance',
      });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        name: 'Försäkringskassan',
        kind: 'social_insurance',
        localPasswordAllowed: true,
        idpMfaAccepted: false,
      });
      fkId = res.body.id;
      expect(await audited('organisation', fkId)).toEqual([['directory.manage', 'create', w.users.admin.id]]);
    });

    it('stores the sign-in settings and hands them to the sign-in through signInPolicy', async () => {
      const res = await admin.patch(`/api/organisations/${fkId}`, {
        localPasswordAllowed: false,
        idpMfaAccepted: true,
      });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        id: fkId,
        name: 'Försäkringskassan',
        kind: 'social_insurance',
        localPasswordAllowed: false,
        idpMfaAccepted: true,
      });
      const listed = (await admin.get('/api/organisations')).body.find((o: { id: string }) => o.id === fkId);
      expect(listed).toEqual(res.body);
      const policy = await t.app.get(OrganisationsService).signInPolicy(fkId);
      expect(policy).toEqual({ localPasswordAllowed: false, idpMfaAccepted: true });
      // Untouched organisations keep the defaults.
      expect(await t.app.get(OrganisationsService).signInPolicy(w.organisations.af)).toEqual({
        localPasswordAllowed: true,
        idpMfaAccepted: false,
      });
      const stored = await t.dataSource.query(
        'SELECT local_password_allowed, idp_mfa_accepted FROM organisation WHERE id = $1',
        [fkId],
      );
      expect(stored).toEqual([{ local_password_allowed: false, idp_mfa_accepted: true }]);
    });

    it('refuses a used name with 409 naming the field', async () => {
      const res = await admin.post('/api/organisations', { name: 'ARBETSFÖRMEDLINGEN', kind: 'other' });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'directory_name_taken', errors: [{ field: 'name' }] });
      const edit = await admin.patch(`/api/organisations/${fkId}`, { name: 'SFI Ängelholm' });
      expect(edit.status).toBe(409);
      expect(edit.body.errors).toEqual([expect.objectContaining({ field: 'name' })]);
      expect((await admin.get('/api/organisations')).body).toHaveLength(4);
    });

    it('refuses an unknown kind or a non-boolean setting with 400 naming the field', async () => {
      const kind = await admin.post('/api/organisations', { name: 'Vården', kind: 'hospital' });
      expect(kind.status).toBe(400);
      expect(kind.body.errors).toEqual([expect.objectContaining({ field: 'kind' })]);
      const flag = await admin.patch(`/api/organisations/${fkId}`, { idpMfaAccepted: 'yes' });
      expect(flag.status).toBe(400);
      expect(flag.body.errors).toEqual([expect.objectContaining({ field: 'idpMfaAccepted' })]);
      expect(await t.app.get(OrganisationsService).signInPolicy(fkId)).toEqual({
        localPasswordAllowed: false,
        idpMfaAccepted: true,
      });
    });

    it('only the admin may add or edit (403)', async () => {
      expect((await staff.post('/api/organisations', { name: 'Vården', kind: 'health_care' })).status).toBe(
        403,
      );
      expect((await staff.patch(`/api/organisations/${fkId}`, { idpMfaAccepted: false })).status).toBe(403);
      expect(await t.app.get(OrganisationsService).signInPolicy(fkId)).toEqual({
        localPasswordAllowed: false,
        idpMfaAccepted: true,
      });
    });
  });
});

describe('directory on an empty deployment (e2e)', () => {
  let t: TestApp;
  afterAll(() => t.close());

  it('a new association builds its directory from nothing and starts its first programme', async () => {
    t = await startTestApp('directory_empty');
    await t.app
      .get(UsersService)
      .createUser({ email: 'owner@ny.se', displayName: 'Olga Owner', role: 'admin', password: PASSWORD });
    const admin = await signIn(t, 'owner@ny.se');
    expect((await admin.get('/api/municipalities')).body).toEqual([]);
    const m = await admin.post('/api/municipalities', { name: 'Kiruna', code: '2584' });
    expect(m.status).toBe(201);
    const o = await admin.post('/api/organisations', {
      name: 'Arbetsförmedlingen Kiruna',
      kind: 'employment_service',
    });
    expect(o.status).toBe(201);
    const p = await admin.post('/api/programmes', {
      name: 'Steget vidare',
      ownerMunicipalityId: m.body.id,
      municipalityIds: [m.body.id],
      partnerOrganisationIds: [o.body.id],
      startDate: '2031-01-01',
      endDate: '2031-12-31',
      targetGroup: 'Unga vuxna',
      goals: [],
    });
    expect(p.status).toBe(201);
    expect(p.body.ownerMunicipality).toEqual({ id: m.body.id, name: 'Kiruna', code: '2584' });
    expect(p.body.partnerOrganisations.map((x: { name: string }) => x.name)).toEqual([
      'Arbetsförmedlingen Kiruna',
    ]);
  });
});
