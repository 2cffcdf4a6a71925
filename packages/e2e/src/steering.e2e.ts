import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { stockholmToday } from '@stegvis/contracts';
import type { Browser, Locator } from 'playwright-core';
import { extractText } from 'unpdf';
import { ApiClient } from './api-client';
import { chooseOption, expectNoAxeViolations, failOnCspViolations, launch, signIn } from './browser';
import { expectNoRawCodes } from './raw-codes';
import { demoPasswords, type RunningApi, startApi } from './server';

const SHOTS = process.env.STEGVIS_SHOTS_DIR ?? join(tmpdir(), 'stegvis-shots');

type Cell = string | number | null;
interface Table {
  id: string;
  columns: string[];
  rows: Cell[][];
  units?: ('kr' | null)[];
}

/** A cell as the screen prints it (packages/reports amounts.ts cellText): amounts as "1 030 000 kr". */
function shown(t: Table, column: number, value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number' && t.units?.[column] === 'kr')
    return `${String(value).replace(/\B(?=(\d{3})+$)/g, '\u00a0')}\u00a0kr`;
  return String(value);
}

/** The rows of a rendered table, each cell's trimmed text (row headers included). */
async function rowsOf(table: Locator): Promise<string[][]> {
  return table
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('th, td')).map((c) => (c.textContent ?? '').trim())),
    );
}

describe('the steering group and the committees (chromium against the real api)', () => {
  failOnCspViolations();
  let api: RunningApi;
  let browser: Browser;
  let users: Record<string, { email: string; password: string }>;
  let lead: ApiClient;
  let programmeId: string;
  let runningId: string;

  before(async () => {
    api = await startApi('steering', 3303, {
      STEGVIS_DEMO_SEED: 'true',
      // A build of the admin of one's own, while others rebuild apps/admin/dist (as participant-record.e2e.ts).
      ...(process.env.STEGVIS_E2E_ADMIN_DIST
        ? { STEGVIS_ADMIN_DIST: process.env.STEGVIS_E2E_ADMIN_DIST }
        : {}),
    });
    for (let i = 0; i < 1200 && !api.output().includes('evaluator'); i++)
      await new Promise((r) => setTimeout(r, 100));
    users = await demoPasswords(api);
    lead = await new ApiClient(api.url).signIn(users.staff.email, users.staff.password);
    const programme = (await lead.call('GET', '/api/programmes')).items.find(
      (p: { name: string }) => p.name === 'Nästa Steg',
    );
    programmeId = programme.id;
    // Set-up: Nästa Steg's budget for its two last years, as the lead keeps it.
    for (const [year, approved, invoiced, forecast] of [
      [2020, 1200000, [300000, 250000, 310000], 1150000],
      [2021, 1000000, [200000, 150000, 0], 1000000],
    ] as const)
      await lead.call('PUT', `/api/programmes/${programmeId}/budget`, {
        municipalityId: programme.ownerMunicipality.id,
        year,
        approved,
        invoiced,
        forecast,
      });
    // Set-up: a programme that runs now (last year to next), with the steering member allocated to it by the admin.
    const admin = await new ApiClient(api.url).signIn(users.admin.email, users.admin.password);
    const year = Number(stockholmToday().slice(0, 4));
    const running = await admin.call('POST', '/api/programmes', {
      name: 'Vidare i arbete',
      ownerMunicipalityId: programme.ownerMunicipality.id,
      municipalityIds: [programme.ownerMunicipality.id],
      partnerOrganisationIds: programme.partnerOrganisations.map((o: { id: string }) => o.id),
      startDate: `${year - 1}-01-04`,
      endDate: `${year + 1}-12-31`,
      targetGroup: 'Utrikes födda kvinnor och män',
      goals: [{ key: 'attendance', targetValue: 80 }],
    });
    runningId = running.id;
    const steeringUser = (await admin.call('GET', '/api/users')).find(
      (u: { email: string }) => u.email === users.steering.email,
    );
    await admin.call('PUT', `/api/users/${steeringUser.id}/programmes/${runningId}`, { lead: false });
    await mkdir(SHOTS, { recursive: true });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('a steering member lands on their page, reads the figures of their audience and downloads the report', async () => {
    const steering = users.steering;
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
      locale: 'sv-SE',
    });
    const page = await context.newPage();
    await signIn(page, api.url, steering);
    // The start page after sign-in is the steering page.
    await page.waitForURL(`${api.url}/styrgrupp`);
    await page.getByTestId('steering-goals-current').locator('table').waitFor();

    // What the report engine gives the steering audience for the same tertials, read as that member.
    const me = await new ApiClient(api.url).signIn(steering.email, steering.password);
    const tablesOf = async (from: string, to: string): Promise<Table[]> =>
      (await me.call('GET', `/api/programmes/${programmeId}/reports/progress?from=${from}&to=${to}`)).tables;
    const t3 = await tablesOf('2021-09-01', '2021-12-31');
    const t2 = await tablesOf('2021-05-01', '2021-08-31');
    const economy: Table = await me.call('GET', `/api/programmes/${programmeId}/reports/economy`);
    const expectTable = async (testId: string, t: Table | undefined) => {
      assert.ok(t, `no table for ${testId}`);
      assert.deepEqual(
        await rowsOf(page.getByTestId(testId).locator('table').first()),
        t.rows.map((r) => r.map((c, i) => shown(t, i, c))),
        testId,
      );
    };
    await expectTable(
      'steering-goals-previous',
      t2.find((t) => t.id === 'goals'),
    );
    await expectTable(
      'steering-goals-current',
      t3.find((t) => t.id === 'goals'),
    );
    await expectTable(
      'steering-key-figures',
      t3.find((t) => t.id === 'tertials'),
    );
    await expectTable('steering-economy', economy);

    // The exact figures a steering member reads: attendance in T2 2021 met its goal, 130 of 144 sessions, 90 %.
    const previous = await rowsOf(page.getByTestId('steering-goals-previous').locator('table'));
    assert.deepEqual(previous[0].slice(1), ['80', '130', '144', '90', 'Ja']);
    assert.equal(
      (await page.getByTestId('steering-goals-previous').locator('h3').textContent())?.trim(),
      'Föregående tertial: Tertial 2 2021 (maj–aug)',
    );
    assert.equal(
      (await page.getByTestId('steering-goals-current').locator('h3').textContent())?.trim(),
      'Denna tertial: Tertial 3 2021 (sep–dec)',
    );
    const keyFigures = await rowsOf(page.getByTestId('steering-key-figures').locator('table'));
    assert.deepEqual(keyFigures[0], ['Inskrivna', '12', '0']);
    // The economy: 2 200 000 kr approved, 1 210 000 kr invoiced, 990 000 kr left, 55 % invoiced.
    const headline = async (key: string) =>
      ((await page.getByTestId(`economy-${key}`).locator('dd').textContent()) ?? '').trim();
    assert.equal(await headline('str.approved'), '2\u00a0200\u00a0000\u00a0kr');
    assert.equal(await headline('str.invoiced'), '1\u00a0210\u00a0000\u00a0kr');
    assert.equal(await headline('str.remaining'), '990\u00a0000\u00a0kr');
    assert.equal(await headline('str.shareInvoiced'), '55 %');
    // Nästa Steg ended 2021-12-31: no tertial report is left to make.
    assert.equal(
      ((await page.getByTestId('steering-next-report').locator('.value').textContent()) ?? '').trim(),
      'Ingen – insatsen har avslutats och alla tertialer är redovisade.',
    );
    // Nothing personal: none of the programme's participants is named anywhere on the page.
    const participants: { displayName: string }[] = await lead.call(
      'GET',
      `/api/participants?programmeId=${programmeId}`,
    );
    assert.ok(participants.length > 40, 'the demo programme has its participants');
    const body = (await page.locator('main').textContent()) ?? '';
    for (const p of participants) assert.ok(!body.includes(p.displayName), `${p.displayName} is on the page`);
    assert.doesNotMatch(body, /\d{6,8}[-+]\d{4}/, 'no personal number');
    await expectNoRawCodes(page, 'styrgruppens sida');
    await expectNoAxeViolations(page, 'styrgruppens sida');
    await page.screenshot({ path: join(SHOTS, 'steering-page.png'), fullPage: true });

    // A programme that runs now: the next report is the tertial holding today, as at its last day.
    await chooseOption(page, 'programme-picker', 'Vidare i arbete');
    const today = stockholmToday();
    const month = Number(today.slice(5, 7));
    const [t, months, end] =
      month <= 4 ? [1, 'jan–apr', '04-30'] : month <= 8 ? [2, 'maj–aug', '08-31'] : [3, 'sep–dec', '12-31'];
    const nextReport = `Tertial ${t} ${today.slice(0, 4)} (${months}), per ${today.slice(0, 4)}-${end}`;
    const value = page.getByTestId('steering-next-report').locator('.value');
    await value.filter({ hasText: nextReport }).waitFor();
    const runningPage = await me.call('GET', `/api/programmes/${runningId}/steering`);
    assert.equal(runningPage.nextReport.end, `${today.slice(0, 4)}-${end}`);
    assert.equal(
      ((await page.getByTestId('steering-goals-current').locator('h3').textContent()) ?? '').trim(),
      `Denna tertial: Tertial ${t} ${today.slice(0, 4)} (${months})`,
    );
    await expectNoAxeViolations(page, 'styrgruppens sida, pågående insats');
    await page.screenshot({ path: join(SHOTS, 'steering-running.png'), fullPage: true });
    await chooseOption(page, 'programme-picker', 'Nästa Steg');
    await value.filter({ hasText: 'Ingen' }).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('steering-download-pdf').click(),
    ]);
    assert.equal(download.suggestedFilename(), 'delrapport-nästa-steg-2021-09-01-2021-12-31.pdf');
    const { text } = await extractText(new Uint8Array(await readFile(await download.path())), {
      mergePages: true,
    });
    assert.match(text, /Delrapport Nästa Steg 2021-09-01 – 2021-12-31/);
    assert.match(text, /Måluppfyllelse/);
    assert.match(text, /Denna tertial och föregående/);
    assert.match(text, /Ekonomi/);
    await context.close();
  });

  it('the programme lead adds a member to the steering group and ends a membership', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    const page = await context.newPage();
    await signIn(page, api.url, users.staff);
    await page.getByTestId('nav-kommitteer').click();
    await page.getByTestId('committee-form').waitFor();
    await page.getByText('Styrgruppen har inga medlemmar ännu.').waitFor();
    await expectNoAxeViolations(page, 'styr- och analysgrupp, tom');

    await chooseOption(page, 'committee-kind', 'Styrgrupp');
    await page.getByTestId('committee-name').fill('Greta Chef');
    await chooseOption(page, 'committee-organisation', 'Ängelholms kommun, försörjningsstöd');
    await page.getByTestId('committee-role').fill('Enhetschef');
    await page.getByTestId('committee-save').click();
    const row = page.getByTestId('committee-steering').getByTestId('committee-row');
    await row.filter({ hasText: 'Greta Chef' }).waitFor();
    assert.deepEqual((await rowsOf(page.getByTestId('committee-steering')))[0].slice(0, 3), [
      'Greta Chef',
      'Ängelholms kommun, försörjningsstöd',
      'Enhetschef',
    ]);
    const stored = await lead.call('GET', `/api/programmes/${programmeId}/committees`);
    assert.deepEqual(
      stored.map((m: { kind: string; name: string; roleTitle: string; endedOn: string | null }) => [
        m.kind,
        m.name,
        m.roleTitle,
        m.endedOn,
      ]),
      [['steering', 'Greta Chef', 'Enhetschef', null]],
    );
    // The same person again: refused with a reason, and the typed form is kept.
    await chooseOption(page, 'committee-kind', 'Styrgrupp');
    await page.getByTestId('committee-name').fill('Greta Chef');
    await chooseOption(page, 'committee-organisation', 'Ängelholms kommun, försörjningsstöd');
    await page.getByTestId('committee-save').click();
    await page
      .getByTestId('committee-name-error')
      .filter({ hasText: 'Personen är redan medlem i gruppen, för samma organisation.' })
      .waitFor();
    assert.equal(await page.getByTestId('committee-name').inputValue(), 'Greta Chef');
    await expectNoRawCodes(page, 'styr- och analysgrupp');
    await expectNoAxeViolations(page, 'styr- och analysgrupp');
    await page.screenshot({ path: join(SHOTS, 'committees.png'), fullPage: true });

    await row.filter({ hasText: 'Greta Chef' }).getByTestId('committee-end').click();
    await page.getByTestId('confirm-ok').click();
    await page.getByText('Styrgruppen har inga medlemmar ännu.').waitFor();
    await page.getByTestId('committee-show-ended').click();
    await row.filter({ hasText: 'Greta Chef' }).waitFor();
    const ended = await lead.call('GET', `/api/programmes/${programmeId}/committees?includeEnded=true`);
    assert.equal(ended.length, 1);
    assert.match(ended[0].endedOn, /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(
      ((await row.filter({ hasText: 'Greta Chef' }).locator('td').nth(3).textContent()) ?? '').trim(),
      `Avslutad ${ended[0].endedOn}`,
    );
    await expectNoAxeViolations(page, 'styr- och analysgrupp, tidigare medlemmar');
    await context.close();
  });
});
