import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { stockholmLocalToUtc, stockholmToday } from '@stegvis/contracts';
import type { Browser, Locator, Page } from 'playwright-core';
import { extractText } from 'unpdf';
import { ApiClient } from './api-client';
import { failOnCspViolations, launch, signIn, expectNoAxeViolations } from './browser';
import { expectNoRawCodes } from './raw-codes';
import { demoPasswords, type RunningApi, startApi } from './server';
import { text } from './text';

const SHOTS = process.env.STEGVIS_SHOTS_DIR ?? join(tmpdir(), 'stegvis-shots');
const root = join(__dirname, '../../..');

/** What a reader sees of an element, laid out (innerText), with runs of white space as one space. */
const seen = async (l: Locator) => (await l.innerText()).replace(/\s+/g, ' ').trim();

/** A Swedish day `offset` days from today. */
const day = (offset: number) => stockholmToday(Date.now() + offset * 86_400_000);

describe('survey rounds, the staff side (chromium against the real api)', () => {
  failOnCspViolations();
  let api: RunningApi;
  let browser: Browser;
  let page: Page;
  let staff: { email: string; password: string };
  let c: ApiClient;
  let groupId: string;
  let programmeId: string;
  let roundId: string;
  /** Short codes as the first slips printed them, by name. */
  const firstCodes = new Map<string, string>();

  const start = (token: string) =>
    fetch(`${api.url}/api/public/surveys/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });

  const enrol = async (firstName: string, lastName: string, startDate: string) => {
    const p = await c.call('POST', '/api/participants', {
      programmeId,
      firstName,
      lastName,
      gender: 'woman',
    });
    return c.call('POST', `/api/participants/${p.id}/enrolments`, { groupId, startDate });
  };

  before(async () => {
    api = await startApi('surveyrounds', 3291, { STEGVIS_DEMO_SEED: 'true' });
    // The demo seed prints the passwords when done; on a busy machine that takes longer than demoPasswords waits.
    for (let i = 0; i < 3000 && !api.output().includes('evaluator'); i++)
      await new Promise((r) => setTimeout(r, 100));
    staff = (await demoPasswords(api)).staff;
    c = await new ApiClient(api.url).signIn(staff.email, staff.password);
    const programme = (await c.call('GET', '/api/programmes')).items.find(
      (p: { name: string }) => p.name === 'Nästa Steg',
    );
    programmeId = programme.id;
    const group = await c.call('POST', '/api/groups', {
      programmeId,
      municipalityId: programme.ownerMunicipality.id,
      // The demo's Nästa Steg has groups 1–5 in Ängelholm.
      number: 9,
      startDate: day(-40),
      endDate: day(60),
      capacity: 10,
      overIntake: 0,
      deliveryMode: 'on_site',
    });
    groupId = group.id;
    await enrol('Amal', 'Yusuf', day(-40));
    await enrol('Dilan', 'Kaya', day(-40));
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    await mkdir(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('opens a round in Swedish time; a second round asks first, and cancelling opens nothing', async () => {
    await signIn(page, api.url, staff);
    await page.goto(`${api.url}/grupper/${groupId}`);
    await page.getByRole('tab', { name: 'Enkäter' }).click();
    await page.getByTestId('open-round-form').waitFor();
    await page.getByTestId('round-opens').fill(`${day(0)}T00:00`);
    await page.getByTestId('round-closes').fill(`${day(7)}T20:00`);
    await page.getByTestId('open-round').click();
    await page.getByTestId('code-slips').waitFor();
    const rounds = await c.call('GET', `/api/groups/${groupId}/survey-rounds`);
    assert.equal(rounds.length, 1);
    roundId = rounds[0].id;
    // Typed as Swedish wall time, stored as the UTC instant.
    assert.equal(rounds[0].opensAt, new Date(stockholmLocalToUtc(day(0), '00:00')).toISOString());
    assert.equal(rounds[0].closesAt, new Date(stockholmLocalToUtc(day(7), '20:00')).toISOString());
    assert.deepEqual(rounds[0].responseRate, { count: 0, of: 2, percent: 0 });
    const rows = await page.getByTestId('code-slips').locator('tbody tr').all();
    for (const r of rows) {
      const [name, code] = await Promise.all([text(r.locator('td').first()), text(r.locator('td').nth(1))]);
      firstCodes.set(name, code);
    }
    assert.deepEqual([...firstCodes.keys()].sort(), ['Amal Yusuf', 'Dilan Kaya']);
    assert.equal(await text(page.locator('[data-testid="round-row"] td').first()), `${day(0)} 00:00`);
    await expectNoRawCodes(page, 'group surveys');
    await expectNoAxeViolations(page, 'group surveys');

    // A second round while one is open: the warning, and "Avbryt" opens nothing.
    await page.getByTestId('open-round').click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    assert.equal(await text(dialog.locator('h2')), 'Gruppen har redan en öppen enkät');
    assert.match(await text(dialog), new RegExp(`${day(0)} 00:00 – ${day(7)} 20:00`));
    await expectNoAxeViolations(page, 'open-round warning');
    await page.getByTestId('confirm-cancel').click();
    await dialog.waitFor({ state: 'detached' });
    assert.equal((await c.call('GET', `/api/groups/${groupId}/survey-rounds`)).length, 1);
  });

  it('prints the slips without the app frame, the name only on the tear-off strip', async () => {
    await page.getByTestId('print-slips').click();
    await page.getByTestId('slip-sheet').waitFor();
    assert.equal(new URL(page.url()).pathname, '/utskrift/kodlappar');
    await expectNoAxeViolations(page, 'code slips');
    await expectNoRawCodes(page, 'code slips');
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: join(SHOTS, 'survey-slips-print.png'), fullPage: true });
    // Nothing of the admin's frame is on the page, let alone printed.
    assert.equal(await page.locator('mat-toolbar, nav, sv-shell, [data-testid="current-user"]').count(), 0);
    assert.equal(await page.getByTestId('print-now').isVisible(), false);
    const slips = await page.getByTestId('slip').all();
    assert.equal(slips.length, 2);
    for (const slip of slips) {
      const strip = await seen(slip.getByTestId('slip-strip'));
      const main = await seen(slip.getByTestId('slip-main'));
      const name = [...firstCodes.keys()].find((n) => strip.includes(n));
      assert.ok(name, `a strip names its participant: ${strip}`);
      assert.equal(strip, `${name} Riv av remsan med namnet innan du lämnar in lappen.`);
      assert.ok(main.includes(firstCodes.get(name)!), 'the part that comes back carries the code');
      for (const n of firstCodes.keys()) assert.ok(!main.includes(n), `no name on the answer part: ${main}`);
      assert.ok(!main.includes('Yusuf') && !main.includes('Kaya'));
    }
    // The instructions are the survey site's own words in its seven languages, not translated anew.
    const sources = (
      await Promise.all(
        [
          'apps/survey/src/ui-texts.ts',
          'packages/questionnaires/src/site-messages.ts',
          'packages/questionnaires/src/languages.ts',
          'packages/questionnaires/src/end-of-group.ts',
        ].map((f) => readFile(join(root, f), 'utf8')),
      )
    ).join('\n');
    const lines = await slips[0].getByTestId('slip-language').all();
    const langs: string[] = [];
    for (const li of lines) {
      langs.push((await li.getAttribute('lang')) ?? '');
      const line = await seen(li);
      const name = await seen(li.locator('strong'));
      assert.ok(line.startsWith(`${name} `), line);
      const m = /^(.+?): (\S+) · (.+?)\. (.+)$/s.exec(line.slice(name.length + 1));
      assert.ok(m, `an instruction line: ${line}`);
      const [, typeCode, site, hint, anonymous] = m;
      assert.equal(site, `${new URL(api.url).host}/s/`);
      for (const piece of [name, typeCode, hint, anonymous])
        assert.ok(sources.includes(piece), `"${piece}" is the survey site's own text`);
    }
    assert.deepEqual(langs, ['sv', 'sv', 'en', 'ar', 'prs', 'so', 'ti']);

    // The PDF the browser prints: the slips and nothing of the admin.
    const pdf = await page.pdf({ format: 'A4' });
    await writeFile(join(SHOTS, 'survey-slips.pdf'), pdf);
    const { text: printed } = await extractText(new Uint8Array(pdf), { mergePages: true });
    for (const [name, code] of firstCodes) {
      assert.ok(printed.includes(name), `${name} on her strip`);
      // The code is printed letter-spaced, which a PDF reader extracts as letters apart.
      assert.ok(printed.replace(/\s+/g, '').includes(code), `${code} printed`);
    }
    for (const frame of ['Logga ut', 'Metodhandbok', 'Skriv ut', 'Tillbaka till gruppen'])
      assert.ok(!printed.includes(frame), `"${frame}" is not printed`);
    await page.emulateMedia({ media: 'screen' });
  });

  it('gives a code to someone enrolled after the round opened, and replaces a lost one', async () => {
    const late = await enrol('Sara', 'Berg', day(0));
    await page.goto(`${api.url}/grupper/${groupId}`);
    await page.getByRole('tab', { name: 'Enkäter' }).click();
    await page.getByTestId('round-show').click();
    await page.getByTestId('pending').waitFor();
    const pendingRows = async () =>
      Promise.all(
        (await page.getByTestId('pending-row').all()).map(async (r) =>
          (await r.locator('td').allInnerTexts()).map((s) => s.trim()),
        ),
      );
    assert.deepEqual((await pendingRows()).sort(), [
      ['Amal Yusuf', 'Har en kod', 'Ny kod'],
      ['Dilan Kaya', 'Har en kod', 'Ny kod'],
      ['Sara Berg', 'Saknar kod (inskriven efter att enkäten öppnade)', 'Ge kod'],
    ]);
    await expectNoAxeViolations(page, 'round with pending');
    await page.getByRole('button', { name: 'Ge kod till Sara Berg' }).click();
    await page.getByText('1 nya koder. Skriv ut lapparna nu: koderna visas bara en gång.').waitFor();
    const saraCode = await text(page.getByTestId('code-slips').getByTestId('slip-code'));
    const pending = await c.call('GET', `/api/survey-rounds/${roundId}/pending`);
    assert.deepEqual(
      pending.find((p: { enrolmentId: string }) => p.enrolmentId === late.id),
      { enrolmentId: late.id, displayName: 'Sara Berg', hasCode: true },
    );
    assert.deepEqual((await c.call('GET', `/api/survey-rounds/${roundId}`)).responseRate, {
      count: 0,
      of: 3,
      percent: 0,
    });
    assert.equal((await start(saraCode)).status, 200);

    // Amal lost her slip: a new code, and the old one stops working at once.
    await page.getByRole('button', { name: 'Ny kod till Amal Yusuf' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    assert.match(await text(dialog), /Den gamla koden slutar gälla direkt/);
    await page.getByTestId('confirm-ok').click();
    await page.getByText('Ny kod till Amal Yusuf. Den gamla koden gäller inte längre.').waitFor();
    const newCode = await text(page.getByTestId('code-slips').getByTestId('slip-code'));
    const oldCode = firstCodes.get('Amal Yusuf')!;
    assert.notEqual(newCode, oldCode);
    await expectNoAxeViolations(page, 'after a new code');
    await page.screenshot({ path: join(SHOTS, 'survey-rounds-tab.png'), fullPage: true });

    const refused = await start(oldCode);
    assert.equal(refused.status, 404);
    assert.equal(((await refused.json()) as { code: string }).code, 'survey_code_unknown');
    const accepted = await start(newCode);
    assert.equal(accepted.status, 200);
    // Her answer is taken once, with the new code.
    const cookie = accepted.headers.getSetCookie()[0].split(';')[0];
    const submit = () =>
      fetch(`${api.url}/api/public/surveys/current/responses`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie,
          'idempotency-key': `${newCode}-answer-1`,
        },
        body: JSON.stringify({
          language: 'sv',
          answers: { overall: 5, lectures: 4, talks: 5, internship: 'no', time: 'right', next: 'work' },
        }),
      });
    assert.equal((await submit()).status, 201);
    assert.equal((await start(newCode)).status, 409);
    assert.deepEqual((await c.call('GET', `/api/survey-rounds/${roundId}`)).responseRate, {
      count: 1,
      of: 3,
      percent: 33,
    });
  });
});
