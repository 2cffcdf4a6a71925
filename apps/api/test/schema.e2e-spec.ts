import { startTestApp, type TestApp } from './support/test-app';

describe('schema (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('schema');
  });
  afterAll(() => t?.close());

  it('the committed migrations build exactly the schema the entities describe (no drift)', async () => {
    // What `typeorm migration:generate --check` computes: the SQL needed to bring the schema to the entities.
    const sql = await t.dataSource.driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('never synchronizes the schema from the entities', () => {
    expect(t.dataSource.options.synchronize).toBe(false);
  });
});
