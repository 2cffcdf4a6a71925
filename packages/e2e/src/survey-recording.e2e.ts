import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { formatStockholm } from '@stegvis/contracts';
import type { Browser, Page } from 'playwright-core';
import { ApiClient } from './api-client';
import { expectNoAxeViolations, failOnCspViolations, launch, signIn } from './browser';
import { expectNoRawCodes } from './raw-codes';
import { demoPasswords, type RunningApi, startApi } from './server';
import { openRoundForNewGroup } from './survey-setup';
import { text } from './text';

const SHOTS = process.env.STEGVIS_SHOTS_DIR ?? join(tmpdir(), 'stegvis-shots');
const BASE = '/api/questionnaires/end-of-group/versions/1/audio';

interface Stored {
  key: string;
  recording: { id: string; uploadedAt: string; size: number; contentType: string } | null;
}

/**
 * Recording in the browser (issue 21's recorded audio, without a recorder app): a staff member reads the Somali
 * introduction into the computer's microphone (chromium's fake microphone plays a tone), listens, and saves. The
 * first save fails on the server and the recording is kept for the second; while it is unsaved, no other text can
 * take the microphone and the language cannot change. A browser that refuses the microphone says so in Swedish.
 */
describe('survey recording: staff read a text in with the microphone (chromium, real api)', () => {
  failOnCspViolations();
  let api: RunningApi;
  let browser: Browser;
  let page: Page;
  let staff: { email: string; password: string };
  let c: ApiClient;
  let groupId: string;
  const row = (key: string) => page.locator(`[data-testid="recordable"][data-key="${key}"]`);

  before(async () => {
    api = await startApi('survey_recording', 3358, { STEGVIS_DEMO_SEED: 'true' });
    staff = (await demoPasswords(api)).staff;
    c = await new ApiClient(api.url).signIn(staff.email, staff.password);
    ({ groupId } = await openRoundForNewGroup(c, 15, ['Hodan']));
    browser = await launch({ fakeMicrophone: true });
    const ctx = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'sv-SE',
      permissions: ['microphone'],
    });
    page = await ctx.newPage();
    await mkdir(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await api?.stop();
  });

  const openRecordings = async (p: Page) => {
    await p.goto(`${api.url}/grupper/${groupId}`);
    await p.getByRole('tab', { name: 'Enkäter' }).click();
    await p.getByTestId('round-show').first().click();
    await p.locator('[data-testid="recordable"][data-key="intro"]').waitFor();
  };

  it('records the Somali introduction, keeps it through a failed save, and stores it on the second', async () => {
    await signIn(page, api.url, staff);
    await openRecordings(page);
    assert.equal(await text(page.getByTestId('recording-language')), 'Somaliska');
    assert.equal(await text(page.getByTestId('recording-count')), '0 av 17 texter inlästa');

    await page.getByRole('button', { name: 'Spela in: Inledning' }).click();
    // The clock runs while the microphone is on; a screen reader hears "Spelar in" once, not every second.
    await row('intro').getByTestId('recorder-clock').getByText('0:02', { exact: true }).waitFor();
    assert.equal(await text(row('intro').getByTestId('recorder-clock').getByRole('status')), 'Spelar in');
    // One text at a time holds the microphone, and the language stays until the reading is saved or discarded.
    assert.equal(await page.getByRole('button', { name: 'Spela in: Fråga 1' }).isDisabled(), true);
    assert.equal(await page.getByTestId('recording-language').getAttribute('aria-disabled'), 'true');
    assert.equal(
      await text(page.getByTestId('recording-language-hint')),
      'Spara eller kasta inspelningen innan du byter språk.',
    );
    await expectNoAxeViolations(page, 'recording in progress');
    await page.getByRole('button', { name: 'Stoppa inspelningen av Inledning' }).click();
    const preview = row('intro').getByTestId('recorder-preview');
    await preview.waitFor();
    assert.match((await preview.getAttribute('src')) ?? '', /^blob:/);
    // The browser can decode what it recorded: the preview reaches "enough data to play".
    await preview.evaluate(
      (a: HTMLAudioElement) =>
        new Promise<void>((resolve, reject) => {
          if (a.readyState >= 2) return resolve();
          a.addEventListener('loadeddata', () => resolve(), { once: true });
          a.addEventListener('error', () => reject(new Error('the recording does not play')), { once: true });
          a.load();
        }),
    );
    await expectNoAxeViolations(page, 'recording to listen to');
    await expectNoRawCodes(page, 'recording to listen to');
    await page.getByTestId('recordings').screenshot({ path: join(SHOTS, 'recording-review.png') });

    // The server fails the first save: the reason shows at the text and the recording is still there to save.
    await page.route(
      '**/api/questionnaires/end-of-group/versions/1/audio/so/intro',
      (route) =>
        route.fulfill({
          status: 500,
          contentType: 'application/problem+json',
          body: JSON.stringify({ type: 'about:blank', title: 'Internal Server Error', status: 500 }),
        }),
      { times: 1 },
    );
    await page.getByRole('button', { name: 'Spara inspelningen av Inledning' }).click();
    await row('intro').getByTestId('recording-error').waitFor();
    assert.equal(await preview.isVisible(), true);
    assert.equal(await text(page.getByTestId('recording-count')), '0 av 17 texter inlästa');

    const put = page.waitForResponse(
      (r) => r.request().method() === 'PUT' && r.url().endsWith('/audio/so/intro'),
    );
    await page.getByRole('button', { name: 'Spara inspelningen av Inledning' }).click();
    assert.equal((await put).status(), 200);
    await row('intro').getByTestId('recording-player').waitFor();
    assert.equal(await text(page.getByTestId('recording-count')), '1 av 17 texter inlästa');
    assert.equal(await row('intro').getByTestId('recording-error').count(), 0);
    assert.equal(await row('intro').getByTestId('recorder-preview').count(), 0);
    assert.equal(await text(row('intro').getByTestId('recorder-start')), 'Spela in igen');
    // The microphone is free again: the language can change and the next text can be read in.
    assert.equal(await page.getByTestId('recording-language').getAttribute('aria-disabled'), 'false');
    assert.equal(await page.getByRole('button', { name: 'Spela in: Fråga 1' }).isEnabled(), true);

    const intro = (await c.call<Stored[]>('GET', `${BASE}/so`)).find((t) => t.key === 'intro')!.recording!;
    assert.equal(intro.contentType, 'audio/webm');
    const me = await c.call<{ displayName: string }>('GET', '/api/auth/me');
    assert.equal(
      await text(row('intro').getByTestId('recording-status')),
      `Inläst av ${me.displayName} ${formatStockholm(intro.uploadedAt)}`,
    );
    // What participants get is the WebM file the browser made (EBML header), not an empty one.
    const file = await fetch(`${api.url}/api/public/surveys/audio/${intro.id}`);
    const bytes = Buffer.from(await file.arrayBuffer());
    assert.deepEqual(
      [file.status, file.headers.get('content-type'), bytes.subarray(0, 4).toString('hex'), bytes.length],
      [200, 'audio/webm', '1a45dfa3', intro.size],
    );
    assert.ok(intro.size > 2000, `a two-second reading is more than ${intro.size} bytes`);
    await page.getByTestId('recordings').screenshot({ path: join(SHOTS, 'recording-saved.png') });
  });

  it('a discarded recording stores nothing and frees the microphone', async () => {
    await page.getByRole('button', { name: 'Spela in: Fråga 1' }).click();
    await row('question:overall').getByTestId('recorder-clock').getByText('0:01', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Stoppa inspelningen av Fråga 1' }).click();
    await row('question:overall').getByRole('button', { name: 'Kasta' }).click();
    assert.equal(await row('question:overall').getByTestId('recorder-preview').count(), 0);
    assert.equal(await text(row('question:overall').getByTestId('recording-status')), 'Inte inläst');
    assert.equal(await text(page.getByTestId('recording-count')), '1 av 17 texter inlästa');
    assert.equal(
      (await c.call<Stored[]>('GET', `${BASE}/so`))
        .filter((t) => t.recording)
        .map((t) => t.key)
        .join(),
      'intro',
    );
    assert.equal(await page.getByTestId('recording-language').getAttribute('aria-disabled'), 'false');
  });

  it('a browser that refuses the microphone says why, in Swedish, and points to the upload', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    const other = await ctx.newPage();
    await signIn(other, api.url, staff);
    await openRecordings(other);
    await other.getByRole('button', { name: 'Spela in: Fråga 2' }).click();
    const lectures = other.locator('[data-testid="recordable"][data-key="question:lectures"]');
    assert.equal(
      await text(lectures.getByTestId('recorder-error')),
      'Webbläsaren fick inte använda mikrofonen. Tillåt mikrofonen för den här sidan (ikonen i adressfältet) och ' +
        'försök igen, eller ladda upp en ljudfil.',
    );
    assert.equal(await lectures.getByRole('button', { name: 'Spela in: Fråga 2' }).isEnabled(), true);
    assert.equal(await other.getByTestId('recording-language').getAttribute('aria-disabled'), 'false');
    await expectNoAxeViolations(other, 'microphone refused');
    await ctx.close();
  });
});
