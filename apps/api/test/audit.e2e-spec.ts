import { startTestApp, type TestApp } from './support/test-app';

describe('audit trail (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('audit');
    await t.dataSource.query(
      "INSERT INTO audit_event (action, entity_type, outcome) VALUES ('test.write', 'thing', 'success')",
    );
  });
  afterAll(() => t?.close());

  it('refuses UPDATE in the database itself', async () => {
    await expect(t.dataSource.query("UPDATE audit_event SET action = 'rewritten'")).rejects.toThrow(
      /append-only: UPDATE refused/,
    );
  });

  it('refuses DELETE and TRUNCATE in the database itself', async () => {
    await expect(t.dataSource.query('DELETE FROM audit_event')).rejects.toThrow(
      /append-only: DELETE refused/,
    );
    await expect(t.dataSource.query('TRUNCATE audit_event')).rejects.toThrow(/append-only: TRUNCATE refused/);
    expect(await t.dataSource.query('SELECT action FROM audit_event')).toEqual([{ action: 'test.write' }]);
  });
});
