import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from '@20minutes/s3rver';
import { binary } from './support/files';
import { type Client, seedWorld, signIn, startTestApp, type TestApp, type World } from './support/test-app';

/**
 * The S3 storage, against a server speaking the S3 protocol (s3rver): what larger installations configure with
 * HANDBOOK_STORAGE=s3. The bytes go to the bucket, none to PostgreSQL, and come back unchanged.
 */
describe('method handbook files in an S3-compatible store (e2e)', () => {
  let s3: S3rver;
  let t: TestApp;
  let w: World;
  let staff: Client;
  const dir = mkdtempSync(join(tmpdir(), 's3rver-'));

  beforeAll(async () => {
    s3 = new S3rver({
      port: 0,
      address: '127.0.0.1',
      silent: true,
      directory: dir,
      configureBuckets: [{ name: 'handbok' }],
    });
    const { port } = await s3.run();
    t = await startTestApp('handbook_s3', {
      HANDBOOK_STORAGE: 's3',
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_BUCKET: 'handbok',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
    });
    w = await seedWorld(t);
    staff = await signIn(t, w.users.admin.email);
  });
  afterAll(async () => {
    await t?.close();
    await s3?.close();
  });

  it('stores the bytes in the bucket, not in the database, and streams them back with name and type', async () => {
    const entry = await staff.post('/api/handbook/entries', {
      title: 'Studiebesök',
      body: 'Besök på Arbetsförmedlingen.',
      module: 'lectures',
      week: 6,
      theme: 'Studiebesök',
      templateId: null,
      alternative: '',
      whenToUse: '',
      links: [],
    });
    expect(entry.status).toBe(201);
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
      'base64',
    );
    const up = await staff.agent
      .post(`/api/handbook/entries/${entry.body.id}/files`)
      .set('x-csrf-token', staff.user.csrfToken)
      .attach('file', png, { filename: 'Karta över Ängelholm.png' });
    expect(up.status).toBe(201);
    expect(up.body.contentType).toBe('image/png');
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM file_blob'))[0].n).toBe(0);
    const inBucket = () =>
      readdirSync(join(dir, 'handbok'), { recursive: true }).filter(
        (f) => String(f).includes(entry.body.id) && String(f).endsWith('._S3rver_object'),
      );
    expect(inBucket()).toHaveLength(1);
    const down = await binary(staff.get(`/api/handbook/files/${up.body.id}`));
    expect(down.status).toBe(200);
    expect(down.headers['content-type']).toBe('image/png');
    expect(down.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('Karta över Ängelholm.png')}`,
    );
    expect(Buffer.compare(down.body as Buffer, png)).toBe(0);
    expect((await staff.delete(`/api/handbook/files/${up.body.id}`)).status).toBe(204);
    expect((await staff.get(`/api/handbook/files/${up.body.id}`)).status).toBe(404);
    expect(inBucket()).toHaveLength(0);
  });
});
