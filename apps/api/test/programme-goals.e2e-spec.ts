import { CodedGoals1796630000000 } from '../src/database/migrations/1796630000000-coded-goals';
import { type Client, seedWorld, signIn, startTestApp, type TestApp, type World } from './support/test-app';

/** Goals chosen from the list the reports measure, and the migration of the free-text goals typed before. */
describe('programme goals (e2e)', () => {
  let t: TestApp;
  let w: World;
  let admin: Client;
  let staff: Client;

  beforeAll(async () => {
    t = await startTestApp('goals');
    w = await seedWorld(t);
    admin = await signIn(t, w.users.admin.email);
    staff = await signIn(t, w.users.staffA.email);
  });
  afterAll(() => t?.close());

  const programme = async () => (await admin.get(`/api/programmes/${w.programmeA}`)).body;

  it('the migration maps typed goals to the coded list and keeps the rest, unchanged, for the admin', async () => {
    const migration = new CodedGoals1796630000000();
    const runner = t.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      await runner.query(`UPDATE programme SET goals = $2 WHERE id = $1`, [
        w.programmeA,
        JSON.stringify([
          { key: 'narvaro 80', description: 'Närvaro minst 90 %', targetValue: 90, unit: 'percent' },
          {
            key: 'tydlig_plan',
            description: 'Tydlig planering vid avslut',
            targetValue: 70,
            unit: 'percent',
          },
          { key: 'group_size', description: 'Tio deltagare per grupp', targetValue: 10, unit: 'count' },
          { key: 'attendance', description: 'En andra närvaro', targetValue: 85, unit: 'percent' },
          { key: 'x1', description: 'Arbete eller studier efter ett år', targetValue: 40, unit: 'percent' },
        ]),
      ]);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const p = await programme();
    expect(p.goals).toEqual([
      { key: 'attendance', targetValue: 90, description: 'Närvaro minst 90 %' },
      { key: 'clear_plan', targetValue: 70, description: 'Tydlig planering vid avslut' },
      { key: 'work_or_studies', targetValue: 40, description: 'Arbete eller studier efter ett år' },
    ]);
    expect(p.unmappedGoals).toEqual([
      { key: 'group_size', description: 'Tio deltagare per grupp', targetValue: 10, unit: 'count' },
      { key: 'attendance', description: 'En andra närvaro', targetValue: 85, unit: 'percent' },
    ]);
  });

  it('the report measures the mapped targets: "narvaro 80" at 90 is no longer replaced by the default 80', async () => {
    const res = await staff.get(
      `/api/programmes/${w.programmeA}/reports/progress?from=2022-01-10&to=2022-04-30`,
    );
    expect(res.status).toBe(200);
    expect(res.body.report.goals.map((g: { key: string; target: number }) => [g.key, g.target])).toEqual([
      ['attendance', 90],
      ['clear_plan', 70],
      ['work_or_studies', 40],
    ]);
  });

  it('the admin dismisses an unmapped goal by leaving it out; a goal the programme does not have is refused', async () => {
    const before = await programme();
    const refused = await admin.patch(`/api/programmes/${w.programmeA}`, {
      version: before.version,
      unmappedGoals: [{ key: 'made_up', description: 'Nytt', targetValue: 5, unit: 'count' }],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ['unmappedGoals.0', 'unknown_reference'],
    ]);
    expect((await programme()).unmappedGoals).toHaveLength(2);

    const kept = await admin.patch(`/api/programmes/${w.programmeA}`, {
      version: before.version,
      unmappedGoals: [before.unmappedGoals[0]],
    });
    expect(kept.status).toBe(200);
    expect(kept.body.unmappedGoals).toEqual([
      { key: 'group_size', description: 'Tio deltagare per grupp', targetValue: 10, unit: 'count' },
    ]);
    expect(kept.body.goals).toHaveLength(3);
  });

  it('a goal outside the list, or one given twice, is refused at its field', async () => {
    const { version } = await programme();
    const res = await admin.patch(`/api/programmes/${w.programmeA}`, {
      version,
      goals: [
        { key: 'narvaro', targetValue: 80 },
        { key: 'clear_plan', targetValue: 75, unit: 'percent' },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ['goals.0.key', 'not_allowed'],
      ['goals.1.unit', 'unknown_field'],
    ]);
    const twice = await admin.patch(`/api/programmes/${w.programmeA}`, {
      version,
      goals: [
        { key: 'clear_plan', targetValue: 75 },
        { key: 'clear_plan', targetValue: 70 },
      ],
    });
    expect(twice.status).toBe(400);
    expect(twice.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ['goals.1.key', 'duplicate_key'],
    ]);
    expect((await programme()).version).toBe(version);
  });
});
