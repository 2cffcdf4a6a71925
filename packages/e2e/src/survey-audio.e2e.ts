import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { formatStockholm } from '@stegvis/contracts';
import type { Browser, Page } from 'playwright-core';
import { ApiClient } from './api-client';
import { expectNoAxeViolations, failOnCspViolations, launch, signIn } from './browser';
import { expectNoRawCodes } from './raw-codes';
import { demoPasswords, type RunningApi, startApi } from './server';
import { answerEndOfGroup, openRoundForNewGroup, type RoundCode } from './survey-setup';
import { text } from './text';

const SHOTS = process.env.STEGVIS_SHOTS_DIR ?? join(tmpdir(), 'stegvis-shots');
const BASE = '/api/questionnaires/end-of-group/versions/1/audio';

/** Half a second of a 440 Hz tone as 16-bit mono WAV: what a staff member's recorder saves. */
function wav(seconds = 0.5, rate = 8000): Buffer {
  const n = Math.floor(seconds * rate);
  const b = Buffer.alloc(44 + n * 2);
  b.write('RIFF', 0);
  b.writeUInt32LE(36 + n * 2, 4);
  b.write('WAVE', 8);
  b.write('fmt ', 12);
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(1, 22);
  b.writeUInt32LE(rate, 24);
  b.writeUInt32LE(rate * 2, 28);
  b.writeUInt16LE(2, 32);
  b.writeUInt16LE(16, 34);
  b.write('data', 36);
  b.writeUInt32LE(n * 2, 40);
  for (let i = 0; i < n; i++)
    b.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / rate)), 44 + i * 2);
  return b;
}

/**
 * A phone with no voice at all (as Tigrinya phones rarely have one), and a note of each recording that really
 * played: `play()` resolved, so the browser decoded and started the file.
 */
function voicelessPhone(): void {
  const played: string[] = [];
  (window as unknown as { played: string[] }).played = played;
  const synth = {
    getVoices: () => [],
    cancel: () => {},
    speak: () => {
      throw new Error('no voice to speak with');
    },
    addEventListener: () => {},
    removeEventListener: () => {},
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  const proto = HTMLMediaElement.prototype;
  const play = Object.getOwnPropertyDescriptor(proto, 'play')!.value as (
    this: HTMLMediaElement,
  ) => Promise<void>;
  proto.play = function (this: HTMLMediaElement) {
    return play.call(this).then(() => {
      played.push(new URL(this.currentSrc).pathname);
    });
  };
}

/**
 * Recorded audio (issue 21): a staff member reads a question in Tigrinya into a file and uploads it in the admin; a
 * participant on a 360 px phone without a Tigrinya voice presses "Läs upp" at that question and hears the
 * recording. A file that is not audio is refused at its text, and a removed recording stops being offered.
 */
describe('survey audio: staff upload a reading, a voiceless phone plays it (chromium, real api)', () => {
  failOnCspViolations();
  let api: RunningApi;
  let browser: Browser;
  let page: Page;
  let staff: { email: string; password: string };
  let c: ApiClient;
  let groupId: string;
  let codes: RoundCode[];
  const dir = join(tmpdir(), 'stegvis-audio-journey');
  const row = (key: string) => page.locator(`[data-testid="recordable"][data-key="${key}"]`);

  before(async () => {
    api = await startApi('survey_audio', 3355, { STEGVIS_DEMO_SEED: 'true' });
    staff = (await demoPasswords(api)).staff;
    c = await new ApiClient(api.url).signIn(staff.email, staff.password);
    ({ groupId, codes } = await openRoundForNewGroup(c, 14, ['Saba', 'Yonas']));
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    await mkdir(SHOTS, { recursive: true });
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'fraga-2-tigrinska.wav'), wav());
    await writeFile(join(dir, 'anteckning.mp3'), 'Det här är ingen ljudfil.\n');
  });
  after(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('lists the Tigrinya texts, refuses a file that is not audio, and stores a reading of question 2', async () => {
    await signIn(page, api.url, staff);
    await page.goto(`${api.url}/grupper/${groupId}`);
    await page.getByRole('tab', { name: 'Enkäter' }).click();
    await page.getByTestId('round-show').first().click();
    await page.getByTestId('recordings').waitFor();
    // Somali first: the language phones most often lack a voice for.
    await row('question:comment').waitFor();
    assert.equal(await text(page.getByTestId('recording-count')), '0 av 17 texter inlästa');
    await page.getByTestId('recording-language').click();
    await page.getByRole('option', { name: 'Tigrinska' }).click();
    await row('question:lectures').getByText('እቶም መደረታት').waitFor();
    assert.equal(await text(row('question:lectures').locator('strong')), 'Fråga 2');
    // The question in Swedish beside its number, for staff who do not read Tigrinya.
    assert.equal(await text(row('question:lectures').locator('.sv-title')), 'Hur bra var föreläsningarna?');
    assert.equal(
      (await row('question:lectures').getByTestId('recordable-text').innerText()).trim(),
      'እቶም መደረታት ክንደይ ጽቡቓት ነይሮም?\n1 ኣዝዩ ሕማቕ\n5 ኣዝዩ ጽቡቕ',
    );
    assert.equal(await row('question:lectures').getByTestId('recordable-text').getAttribute('lang'), 'ti');
    assert.equal(await text(row('question:lectures').getByTestId('recording-status')), 'Inte inläst');
    await expectNoAxeViolations(page, 'recordings before any upload');
    await expectNoRawCodes(page, 'recordings before any upload');

    await row('intro').getByTestId('recording-file').setInputFiles(join(dir, 'anteckning.mp3'));
    assert.equal(
      await text(row('intro').getByTestId('recording-error')),
      'Filen är inte en ljudfil som enkätsidan kan spela (MP3, M4A, Ogg, WebM eller WAV).',
    );
    assert.equal(await text(page.getByTestId('recording-count')), '0 av 17 texter inlästa');

    await row('question:lectures')
      .getByTestId('recording-file')
      .setInputFiles(join(dir, 'fraga-2-tigrinska.wav'));
    await row('question:lectures').getByTestId('recording-player').waitFor();
    assert.equal(await text(page.getByTestId('recording-count')), '1 av 17 texter inlästa');
    // The message after sending can be read in too, for the phone that has no voice to say it was saved.
    assert.equal(await text(row('message:thanks').locator('strong')), 'Tackmeddelandet');
    assert.equal(await text(row('message:thanks').locator('.sv-title')), 'Tack! Ditt svar är sparat.');
    // So can the refusal that stands above the questionnaire when an answer must be changed.
    assert.equal(await text(row('message:fixAnswers').locator('strong')), 'Svar att ändra');
    assert.equal(
      await text(row('message:fixAnswers').locator('.sv-title')),
      'Några svar kunde inte tas emot. Ändra de markerade svaren och skicka igen. Dina andra svar finns kvar.',
    );
    await row('message:thanks')
      .getByTestId('recording-file')
      .setInputFiles(join(dir, 'fraga-2-tigrinska.wav'));
    await row('message:thanks').getByTestId('recording-player').waitFor();
    assert.equal(await text(page.getByTestId('recording-count')), '2 av 17 texter inlästa');
    const stored = await c.call<{ key: string; recording: { uploadedAt: string; size: number } | null }[]>(
      'GET',
      `${BASE}/ti`,
    );
    const lectures = stored.find((t) => t.key === 'question:lectures')!.recording!;
    assert.equal(lectures.size, wav().length);
    const me = await c.call<{ displayName: string }>('GET', '/api/auth/me');
    assert.equal(
      await text(row('question:lectures').getByTestId('recording-status')),
      `Inläst av ${me.displayName} ${formatStockholm(lectures.uploadedAt)}`,
    );
    assert.equal(
      await row('question:lectures').getByTestId('recording-upload').getAttribute('aria-label'),
      'Byt ljudfil: Fråga 2',
    );
    await expectNoAxeViolations(page, 'recordings after an upload');
    await page.getByTestId('recordings').screenshot({ path: join(SHOTS, 'recordings.png') });
  });

  it('on a 360 px phone with no voice, question 2 offers "Läs upp" in Tigrinya and plays the reading', async () => {
    const ctx = await browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
      locale: 'sv-SE',
    });
    await ctx.addInitScript(voicelessPhone);
    const phone = await ctx.newPage();
    await phone.goto(`${api.url}/s/?t=${codes[0].token}`);
    await phone.locator('button[data-lang="ti"]').click();
    const lecturesButton = phone.locator('[data-name="lectures"] .read-aloud');
    await lecturesButton.waitFor();
    // Only the recorded text can be read: the phone has no voice for the rest.
    assert.equal(await phone.locator('[data-name="overall"] .read-aloud').isHidden(), true);
    assert.equal(await phone.locator('#survey > .read-aloud').isHidden(), true);
    // Named in the language on screen: "ኣንብቡ" (read aloud).
    assert.equal(await text(lecturesButton), '🔊 ኣንብቡ');
    const audio = phone.waitForResponse((r) => r.url().includes('/api/public/surveys/audio/'));
    await lecturesButton.click();
    const res = await audio;
    assert.deepEqual([res.status(), res.headers()['content-type']], [200, 'audio/wav']);
    await phone.waitForFunction(() => (window as unknown as { played: string[] }).played.length === 1);
    const id = (await c.call<{ key: string; recording: { id: string } | null }[]>('GET', `${BASE}/ti`)).find(
      (t) => t.key === 'question:lectures',
    )!.recording!.id;
    assert.deepEqual(await phone.evaluate(() => (window as unknown as { played: string[] }).played), [
      `/api/public/surveys/audio/${id}`,
    ]);
    await expectNoAxeViolations(phone, 'survey with a recorded reading');
    await phone.screenshot({ path: join(SHOTS, 'recordings-phone.png') });

    // Sent: the thank-you says it was saved, and its "Läs upp" plays the recorded message.
    await answerEndOfGroup(phone);
    await phone.locator('#message-title').getByText('የቐንየልና! መልስኹም ተዓቂቡ።').waitFor();
    const thanksButton = phone.locator('#message .read-aloud');
    assert.equal(await thanksButton.isVisible(), true);
    await thanksButton.click();
    await phone.waitForFunction(() => (window as unknown as { played: string[] }).played.length === 2);
    const thanks = (
      await c.call<{ key: string; recording: { id: string } | null }[]>('GET', `${BASE}/ti`)
    ).find((t) => t.key === 'message:thanks')!.recording!.id;
    assert.equal(
      (await phone.evaluate(() => (window as unknown as { played: string[] }).played))[1],
      `/api/public/surveys/audio/${thanks}`,
    );
    await ctx.close();
  });

  it('a removed reading is gone after a confirm, and the phone no longer offers it', async () => {
    await row('question:lectures').getByTestId('recording-remove').click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    assert.equal(await text(dialog.locator('h2')), 'Ta bort inläsningen?');
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('recording-count').getByText('1 av 17 texter inlästa').waitFor();
    assert.equal(await text(row('question:lectures').getByTestId('recording-status')), 'Inte inläst');
    assert.deepEqual(
      (await c.call<{ key: string; recording: unknown }[]>('GET', `${BASE}/ti`))
        .filter((t) => t.recording !== null)
        .map((t) => t.key),
      ['message:thanks'],
    );
    const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'sv-SE' });
    await ctx.addInitScript(voicelessPhone);
    const phone = await ctx.newPage();
    await phone.goto(`${api.url}/s/?t=${codes[1].token}`);
    await phone.locator('button[data-lang="ti"]').click();
    await phone.locator('[data-name="lectures"] .read-aloud').waitFor({ state: 'attached' });
    assert.equal(await phone.locator('[data-name="lectures"] .read-aloud').isHidden(), true);
    await ctx.close();
  });

  it('the code screen and a used code are read in too, for a phone that comes without a link', async () => {
    await page.getByTestId('recording-language').click();
    await page.getByRole('option', { name: 'Tigrinska' }).click();
    assert.equal(await text(row('message:code').locator('strong')), 'Kodsidan');
    assert.equal(await text(row('message:code').locator('.sv-title')), 'Skriv din kod');
    assert.equal(await text(row('message:used').locator('strong')), 'Koden är använd');
    for (const key of ['message:code', 'message:used']) {
      await row(key).getByTestId('recording-file').setInputFiles(join(dir, 'fraga-2-tigrinska.wav'));
      await row(key).getByTestId('recording-player').waitFor();
    }
    assert.equal(await text(page.getByTestId('recording-count')), '3 av 17 texter inlästa');
    const stored = await c.call<{ key: string; recording: { id: string } | null }[]>('GET', `${BASE}/ti`);
    const idOf = (key: string) =>
      `/api/public/surveys/audio/${stored.find((t) => t.key === key)!.recording!.id}`;

    // A voiceless phone with no link: the code screen, in Tigrinya, offers "Läs upp" and plays its reading.
    const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'sv-SE' });
    await ctx.addInitScript(voicelessPhone);
    const phone = await ctx.newPage();
    const played = () => phone.evaluate(() => (window as unknown as { played: string[] }).played);
    await phone.goto(`${api.url}/s/`);
    await phone.locator('[data-code-lang="ti"]').click();
    const codeButton = phone.locator('#code .read-aloud');
    await codeButton.waitFor();
    assert.equal(await text(codeButton), '🔊 ኣንብቡ');
    await codeButton.click();
    await phone.waitForFunction(() => (window as unknown as { played: string[] }).played.length === 1);
    assert.deepEqual(await played(), [idOf('message:code')]);

    // Saba's code is spent (she answered above): the refusal shown is what the button plays now.
    await phone.locator('#code-input').fill(codes[0].shortCode);
    await phone.locator('#code-submit').click();
    await phone.locator('#code-error').getByText('እዚ ኮድ ቅድሚ ሕጂ ተጠቒምኩምሉ። ስለ መልስኹም የቐንየልና!').waitFor();
    await codeButton.click();
    await phone.waitForFunction(() => (window as unknown as { played: string[] }).played.length === 2);
    assert.deepEqual(await played(), [idOf('message:code'), idOf('message:used')]);
    await expectNoAxeViolations(phone, 'code screen with a recorded reading');
    await phone.screenshot({ path: join(SHOTS, 'code-screen-recorded.png') });
    await ctx.close();
  });
});
