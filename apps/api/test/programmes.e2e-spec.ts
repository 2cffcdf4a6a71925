import type { Role } from '@stegvis/contracts';
import request from 'supertest';
import { type Client, seedWorld, signIn, startTestApp, type TestApp, type World } from './support/test-app';

describe('programmes (e2e)', () => {
  let t: TestApp;
  let w: World;
  const clients = {} as Record<keyof World['users'], Client>;

  const body = (name: string) => ({
    name,
    ownerMunicipalityId: w.municipalities.angelholm,
    municipalityIds: [w.municipalities.klippan],
    partnerOrganisationIds: [w.organisations.sfi],
    startDate: '2022-01-10',
    endDate: '2023-06-30',
    goals: [
      { key: 'attendance', description: 'Närvaro minst 80 %', targetValue: 80 },
      { key: 'clear_plan', description: 'Tydlig planering', targetValue: 75 },
    ],
  });

  beforeAll(async () => {
    t = await startTestApp('programmes');
    w = await seedWorld(t);
    for (const [k, u] of Object.entries(w.users))
      clients[k as keyof World['users']] = await signIn(t, u.email);
  });
  afterAll(() => t?.close());

  describe('role × endpoint', () => {
    // Expected status for each role on programme A (own for *A users) and B (never theirs, except admin).
    const matrix: {
      who: keyof World['users'];
      role: Role;
      listA: boolean;
      readA: number;
      readB: number;
      create: number;
      updateA: number;
      updateB: number;
    }[] = [
      {
        who: 'admin',
        role: 'admin',
        listA: true,
        readA: 200,
        readB: 200,
        create: 201,
        updateA: 200,
        updateB: 200,
      },
      {
        who: 'staffA',
        role: 'staff',
        listA: true,
        readA: 200,
        readB: 404,
        create: 201,
        updateA: 200,
        updateB: 404,
      },
      {
        who: 'analysisA',
        role: 'analysis_member',
        listA: true,
        readA: 200,
        readB: 404,
        create: 403,
        updateA: 403,
        updateB: 403,
      },
      {
        who: 'steeringA',
        role: 'steering',
        listA: true,
        readA: 200,
        readB: 404,
        create: 403,
        updateA: 403,
        updateB: 403,
      },
      {
        who: 'evaluatorA',
        role: 'evaluator',
        listA: true,
        readA: 200,
        readB: 404,
        create: 403,
        updateA: 403,
        updateB: 403,
      },
    ];

    it.each(matrix)('$role: list, read, create, update as the policy says', async (m) => {
      const c = clients[m.who];
      const list = await c.get('/api/programmes');
      expect(list.status).toBe(200);
      const names = (list.body.items as { name: string }[]).map((p) => p.name);
      expect(names.includes('Nästa Steg')).toBe(m.listA);
      expect(names.includes('Första Steget')).toBe(m.who === 'admin');

      expect((await c.get(`/api/programmes/${w.programmeA}`)).status).toBe(m.readA);
      expect((await c.get(`/api/programmes/${w.programmeB}`)).status).toBe(m.readB);

      const created = await c.post('/api/programmes', body(`Ny insats av ${m.who}`));
      expect(created.status).toBe(m.create);

      const a = (await clients.admin.get(`/api/programmes/${w.programmeA}`)).body;
      const upA = await c.patch(`/api/programmes/${w.programmeA}`, {
        version: a.version,
        targetGroup: `ändrad av ${m.who}`,
      });
      expect(upA.status).toBe(m.updateA);
      const b = (await clients.admin.get(`/api/programmes/${w.programmeB}`)).body;
      const upB = await c.patch(`/api/programmes/${w.programmeB}`, {
        version: b.version,
        targetGroup: `ändrad av ${m.who}`,
      });
      expect(upB.status).toBe(m.updateB);
    });

    it('anonymous: 401 on every programme endpoint', async () => {
      expect((await request(t.http).get('/api/programmes')).status).toBe(401);
      expect((await request(t.http).get(`/api/programmes/${w.programmeA}`)).status).toBe(401);
      expect((await request(t.http).post('/api/programmes').send(body('x'))).status).toBe(401);
      expect(
        (await request(t.http).patch(`/api/programmes/${w.programmeA}`).send({ version: 1 })).status,
      ).toBe(401);
    });

    it('a 404 for another programme looks exactly like one for a programme that does not exist', async () => {
      const other = await clients.staffA.get(`/api/programmes/${w.programmeB}`);
      const none = await clients.staffA.get('/api/programmes/00000000-0000-4000-8000-000000000000');
      expect(other.status).toBe(404);
      expect(other.body.detail).toBe(none.body.detail);
    });

    it('audits denied attempts', async () => {
      const rows = await t.dataSource.query(
        "SELECT actor_id FROM audit_event WHERE outcome = 'denied' AND action = 'programme.read' AND entity_id = $1",
        [w.programmeB],
      );
      expect(rows.map((r: { actor_id: string }) => r.actor_id)).toContain(w.users.staffA.id);
    });
  });

  it('creates a programme with its municipalities (owner included), partners and goals, allocating the creator', async () => {
    const res = await clients.staffA.post('/api/programmes', body('Steg för steg'));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Steg för steg',
      ownerMunicipality: { name: 'Ängelholm', code: '1292' },
      municipalities: [
        { name: 'Klippan', code: '1276' },
        { name: 'Ängelholm', code: '1292' },
      ],
      partnerOrganisations: [{ name: 'SFI Ängelholm', kind: 'adult_education' }],
      startDate: '2022-01-10',
      endDate: '2023-06-30',
      version: 1,
    });
    expect(res.body.goals).toHaveLength(2);
    const again = await signIn(t, 'staff.a@test.se');
    expect((await again.get(`/api/programmes/${res.body.id}`)).status).toBe(200);
    const audit = await t.dataSource.query(
      "SELECT actor_id FROM audit_event WHERE action = 'programme.create' AND entity_id = $1",
      [res.body.id],
    );
    expect(audit).toEqual([{ actor_id: w.users.staffA.id }]);
  });

  it('names each bad field in a 400 and stores nothing', async () => {
    const before = await t.dataSource.query('SELECT count(*)::int AS n FROM programme');
    const res = await clients.admin.post('/api/programmes', {
      ...body(''),
      startDate: '2021-02-30',
      goals: [{ key: 'attendance', description: 'x', targetValue: -1 }],
      colour: 'red',
    });
    expect(res.status).toBe(400);
    const fields = (res.body.errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['colour', 'goals.0.targetValue', 'name', 'startDate']);
    const codes = Object.fromEntries(
      (res.body.errors as { field: string; code: string; params?: object }[]).map((e) => [
        e.field,
        [e.code, e.params],
      ]),
    );
    expect(codes).toEqual({
      colour: ['unknown_field', undefined],
      'goals.0.targetValue': ['too_small', { min: 0 }],
      name: ['required', undefined],
      startDate: ['invalid_date', undefined],
    });
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM programme')).toEqual(before);
  });

  it('applies the domain rules with field names: end before start, percent over 100, unknown municipality', async () => {
    const res = await clients.admin.post('/api/programmes', {
      ...body('Regelbrott'),
      endDate: '2021-01-01',
      municipalityIds: ['00000000-0000-4000-8000-000000000000'],
      goals: [{ key: 'attendance', description: 'x', targetValue: 120 }],
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      {
        field: 'endDate',
        message: 'endDate must not be before startDate',
        code: 'end_before_start',
        params: { start: 'startDate' },
      },
      {
        field: 'goals.0.targetValue',
        message: 'a percentage goal must be at most 100',
        code: 'percent_over_100',
      },
      {
        field: 'municipalityIds',
        message: 'municipalityIds names an unknown municipality',
        code: 'unknown_reference',
        params: { entity: 'municipality' },
      },
    ]);
    expect(res.body.code).toBe('invalid_request');
  });

  it('refuses a duplicate name with 409', async () => {
    const res = await clients.admin.post('/api/programmes', body('Nästa Steg'));
    expect(res.status).toBe(409);
  });

  it('refuses a stale version with 409 and keeps the newer change', async () => {
    const p = (await clients.admin.get(`/api/programmes/${w.programmeB}`)).body;
    const first = await clients.admin.patch(`/api/programmes/${w.programmeB}`, {
      version: p.version,
      targetGroup: 'först',
    });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(p.version + 1);
    const stale = await clients.admin.patch(`/api/programmes/${w.programmeB}`, {
      version: p.version,
      targetGroup: 'sist',
    });
    expect(stale.status).toBe(409);
    expect((await clients.admin.get(`/api/programmes/${w.programmeB}`)).body.targetGroup).toBe('först');
  });

  it('pages with a stable keyset cursor', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const res: request.Response = await clients.admin.get(
        `/api/programmes?limit=2${after ? `&after=${after}` : ''}`,
      );
      expect(res.status).toBe(200);
      seen.push(...(res.body.items as { name: string }[]).map((p) => p.name));
      after = res.body.nextCursor;
    } while (after);
    const all = (await clients.admin.get('/api/programmes?limit=200')).body.items.map(
      (p: { name: string }) => p.name,
    );
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(seen.length);
    expect((await clients.admin.get('/api/programmes?after=garbage')).body.errors).toEqual([
      { field: 'after', message: 'after is not a cursor this list gave out', code: 'invalid_cursor' },
    ]);
    expect((await clients.admin.get('/api/programmes?limit=500')).status).toBe(400);
  });

  it('a path id that is not a UUID is a 400 naming it', async () => {
    const res = await clients.admin.get('/api/programmes/not-a-uuid');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'id', message: 'id must be a UUID', code: 'invalid_uuid' }]);
  });
});
