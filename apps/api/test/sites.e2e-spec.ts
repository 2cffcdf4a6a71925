import { execFileSync } from 'node:child_process';
import { get, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import request from 'supertest';
import { startReplica, startTestApp, type TestApp } from './support/test-app';

/** A GET with the raw bytes of the reply, undecoded (supertest decodes gzip itself). */
async function raw(
  server: Server,
  path: string,
  acceptEncoding: string,
): Promise<{ headers: IncomingHttpHeaders; status: number; body: Buffer }> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const { port } = server.address() as AddressInfo;
    return await new Promise((resolve, reject) =>
      get({ host: '127.0.0.1', port, path, headers: { 'accept-encoding': acceptEncoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ headers: res.headers, status: res.statusCode ?? 0, body: Buffer.concat(chunks) }),
        );
      }).on('error', reject),
    );
  } finally {
    await new Promise((r) => server.close(r));
  }
}

/** As the admin's build writes it: Angular reads its styles' nonce from ngCspNonce. */
const ADMIN_INDEX = '<!doctype html><title>Stegvis</title><sv-root ngCspNonce="__CSP_NONCE__"></sv-root>';

describe('the admin and survey sites as the api serves them (e2e)', () => {
  let t: TestApp;
  let root: string;
  // A script large enough to be worth compressing, as a built site has them.
  const script = `export const texts = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `Fråga ${i}: hur nöjd är du?`))};\n`;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'stegvis-sites-'));
    const admin = join(root, 'admin');
    const survey = join(root, 'survey');
    mkdirSync(admin, { recursive: true });
    mkdirSync(join(survey, 'assets'), { recursive: true });
    writeFileSync(join(admin, 'index.html'), ADMIN_INDEX);
    writeFileSync(join(admin, 'main-ABC123.js'), script);
    writeFileSync(join(survey, 'index.html'), '<!doctype html><title>Stegvis enkät</title>');
    writeFileSync(join(survey, 'assets', 'index-XYZ789.js'), script);
    // The same step the sites' builds run.
    for (const dir of [admin, survey])
      execFileSync(process.execPath, [join(__dirname, '../../../scripts/precompress.mjs'), dir]);
    t = await startTestApp('sites', { STEGVIS_ADMIN_DIST: admin, STEGVIS_SURVEY_DIST: survey });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('sends a built file precompressed, Brotli or gzip as the phone accepts, cached for a year', async () => {
    const path = '/s/assets/index-XYZ789.js';
    const br = await raw(t.http, path, 'gzip, deflate, br');
    expect([br.status, br.headers['content-encoding'], br.headers['cache-control']]).toEqual([
      200,
      'br',
      'public, max-age=31536000, immutable',
    ]);
    expect(br.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.body).toString()).toBe(script);
    expect(br.body.length).toBeLessThan(Buffer.byteLength(script) / 4);

    const gz = await raw(t.http, path, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(script);

    const plain = await raw(t.http, path, 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);

    const admin = await raw(t.http, '/main-ABC123.js', 'br');
    expect([admin.headers['content-encoding'], brotliDecompressSync(admin.body).toString()]).toEqual([
      'br',
      script,
    ]);
  });

  it("answers a deep link, a reload or /index.html with the site's index.html, never stored; /api/… stays the api", async () => {
    for (const [path, title] of [
      ['/s', 'Stegvis enkät'],
      ['/s/', 'Stegvis enkät'],
      ['/s/kiosk', 'Stegvis enkät'],
      ['/s/index.html', 'Stegvis enkät'],
    ] as const) {
      const res = await request(t.http).get(path);
      expect([path, res.status, res.headers['cache-control'], res.text]).toEqual([
        path,
        200,
        'no-store',
        `<!doctype html><title>${title}</title>`,
      ]);
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    }
    for (const path of ['/', '/index.html', '/groups/2f1c/attendance']) {
      const res = await request(t.http).get(path);
      expect([path, res.status, res.headers['cache-control'], res.headers.etag]).toEqual([
        path,
        200,
        'no-store',
        undefined,
      ]);
      expect(res.text).toMatch(
        /^<!doctype html><title>Stegvis<\/title><sv-root ngCspNonce="[A-Za-z0-9+/]{22}=="><\/sv-root>$/,
      );
    }
    const api = await request(t.http).get('/api/no-such-thing');
    expect([api.status, api.headers['content-type'], api.body.title]).toEqual([
      404,
      'application/problem+json; charset=utf-8',
      'Not found',
    ]);
    // The compressed copies are not files of their own.
    const copy = await request(t.http).get('/s/assets/index-XYZ789.js.br');
    expect([copy.status, copy.text]).toEqual([200, '<!doctype html><title>Stegvis enkät</title>']);
  });

  it("gives each page its own style nonce, in the CSP header and in the page; no 'unsafe-inline' anywhere", async () => {
    const nonceOf = async (path: string) => {
      const res = await request(t.http).get(path);
      const inPage = /ngCspNonce="([^"]+)"/.exec(res.text)?.[1];
      const policy = res.headers['content-security-policy'] as string;
      const styleSrc = policy.split(';').find((d) => d.startsWith('style-src'));
      expect(styleSrc).toBe(`style-src 'self' 'nonce-${inPage}'`);
      return inPage;
    };
    const [a, b] = [await nonceOf('/'), await nonceOf('/index.html')];
    expect(a).not.toBe(b);
    for (const path of ['/', '/s/', '/main-ABC123.js', '/s/assets/index-XYZ789.js', '/api/health']) {
      const policy = (await request(t.http).get(path)).headers['content-security-policy'] as string;
      expect([path, policy.includes('unsafe-inline'), policy.includes("script-src-attr 'none'")]).toEqual([
        path,
        false,
        true,
      ]);
    }
    // Everything else gets the policy without a nonce.
    const asset = await request(t.http).get('/main-ABC123.js');
    expect(
      (asset.headers['content-security-policy'] as string).split(';').find((d) => d.startsWith('style-src')),
    ).toBe("style-src 'self'");
  });

  it('switches off the browser features neither site uses (Permissions-Policy)', async () => {
    for (const path of ['/', '/s/', '/main-ABC123.js', '/api/health']) {
      const policy = (await request(t.http).get(path)).headers['permissions-policy'] as string;
      for (const feature of ['camera', 'geolocation', 'payment', 'usb', 'serial', 'hid'])
        expect([path, feature, policy.includes(`${feature}=()`)]).toEqual([path, feature, true]);
    }
  });

  it("lets only the admin's page ask for the microphone and play a recording from memory", async () => {
    const headers = async (path: string) => {
      const res = await request(t.http).get(path);
      const csp = res.headers['content-security-policy'] as string;
      return [
        path,
        /microphone=\(([^)]*)\)/.exec(res.headers['permissions-policy'] as string)?.[1],
        csp.split(';').find((d) => d.startsWith('media-src')),
      ];
    };
    // The admin records the questionnaire's texts ("Inläst ljud"); the survey site, assets and the api never ask.
    expect(await headers('/')).toEqual(['/', 'self', "media-src 'self' blob:"]);
    expect(await headers('/groups/1')).toEqual(['/groups/1', 'self', "media-src 'self' blob:"]);
    for (const path of ['/s/', '/main-ABC123.js', '/s/assets/index-XYZ789.js', '/api/health'])
      expect(await headers(path)).toEqual([path, '', "media-src 'self'"]);
  });

  it('serves the admin when the survey site has not been built (its folder without index.html)', async () => {
    const unbuilt = mkdtempSync(join(tmpdir(), 'stegvis-unbuilt-'));
    const other = await startReplica(t, {
      STEGVIS_ADMIN_DIST: join(root, 'admin'),
      STEGVIS_SURVEY_DIST: unbuilt,
    });
    try {
      const res = await request(other.http).get('/groups/2f1c/attendance');
      expect([res.status, res.text.startsWith('<!doctype html><title>Stegvis</title><sv-root')]).toEqual([
        200,
        true,
      ]);
    } finally {
      await other.close();
      rmSync(unbuilt, { recursive: true, force: true });
    }
  });
});
