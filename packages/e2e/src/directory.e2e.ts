import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { Client } from 'pg';
import { ApiClient } from './api-client';
import { chooseOption, expectNoAxeViolations, failOnCspViolations, launch, signIn } from './browser';
import { expectNoRawCodes } from './raw-codes';
import { demoPasswords, type RunningApi, startApi } from './server';

const SHOTS = process.env.STEGVIS_SHOTS_DIR ?? join(tmpdir(), 'stegvis-shots');
/** The no-break space Swedish amounts are grouped with ("1 030 000 kr"). */
const NBSP = '\u00a0';

async function snackbar(page: Page, text: string): Promise<void> {
  await page.locator('mat-snack-bar-container').getByText(text).waitFor();
}

interface Programme {
  id: string;
  name: string;
  startDate: string;
  municipalities: { id: string; name: string; code: string }[];
}

describe('directory, budget, target-group statistics and national follow-up (chromium against the real api)', () => {
  failOnCspViolations();
  let api: RunningApi;
  let browser: Browser;
  let admin: { email: string; password: string };
  let staff: { email: string; password: string };
  let asAdmin: ApiClient;
  let programme: Programme;
  let year: number;

  const auditCount = async (action: string): Promise<number> => {
    const db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM audit_event WHERE action = $1',
        [action],
      );
      return rows[0].n;
    } finally {
      await db.end();
    }
  };

  before(async () => {
    api = await startApi('directory', 3331, { STEGVIS_DEMO_SEED: 'true' });
    for (let waited = 0; !api.output().includes('evaluator') && waited < 120_000; waited += 500)
      await new Promise((r) => setTimeout(r, 500));
    const passwords = await demoPasswords(api);
    admin = passwords.admin;
    staff = passwords.staff;
    asAdmin = await new ApiClient(api.url).signIn(admin.email, admin.password);
    programme = (await asAdmin.call('GET', '/api/programmes')).items.find(
      (p: Programme) => p.name === 'Nästa Steg',
    );
    year = Number(programme.startDate.slice(0, 4));
    browser = await launch();
    await mkdir(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('the admin adds a municipality and an organisation with its sign-in settings', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    await signIn(page, api.url, admin);
    await page.getByRole('link', { name: 'Kommuner och organisationer' }).click();
    await page.getByTestId('municipality-table').waitFor();
    await expectNoAxeViolations(page, 'directory');
    await expectNoRawCodes(page, 'directory');

    // A code already used is refused at its field; the typed name stays for the correction.
    await page.getByTestId('municipality-name').fill('Höganäs');
    await page.getByTestId('municipality-code').fill('1292');
    await page.getByTestId('municipality-save').click();
    await page.getByTestId('municipality-code-error').waitFor();
    assert.equal(
      (await page.getByTestId('municipality-code-error').innerText()).trim(),
      'Kommunkoden 1292 används redan av en annan kommun.',
    );
    assert.equal(await page.getByTestId('municipality-name').inputValue(), 'Höganäs');
    await expectNoAxeViolations(page, 'directory, duplicate code');
    await page.screenshot({ path: join(SHOTS, 'directory-duplicate.png'), fullPage: true });
    await page.getByTestId('municipality-code').fill('1284');
    await page.getByTestId('municipality-save').click();
    await snackbar(page, 'Kommunen är tillagd.');
    await page.getByTestId('edit-municipality-1284').waitFor();

    await page.getByTestId('organisation-name').fill('Försäkringskassan Nordväst');
    await chooseOption(page, 'organisation-kind', 'Försäkringskassan');
    // Its staff sign in through the municipality's identity provider only, whose MFA counts.
    await page.getByTestId('organisation-local-password').getByRole('checkbox').uncheck();
    await page.getByTestId('organisation-idp-mfa').getByRole('checkbox').check();
    await page.getByTestId('organisation-save').click();
    await snackbar(page, 'Organisationen är tillagd.');
    const row = page.getByTestId('organisation-row').filter({ hasText: 'Försäkringskassan Nordväst' });
    await row.waitFor();
    assert.deepEqual(
      (await row.locator('td').allInnerTexts()).map((t) => t.trim()),
      ['Försäkringskassan Nordväst', 'Försäkringskassan', 'Nej', 'Ja', 'Ändra'],
    );
    await expectNoAxeViolations(page, 'directory, after adding');
    await expectNoRawCodes(page, 'directory, after adding');
    await page.screenshot({ path: join(SHOTS, 'directory.png'), fullPage: true });

    const municipalities: { name: string; code: string }[] = await asAdmin.call('GET', '/api/municipalities');
    assert.deepEqual(
      municipalities.filter((m) => m.code === '1284').map((m) => `${m.name} ${m.code}`),
      ['Höganäs 1284'],
    );
    const organisations: Record<string, unknown>[] = await asAdmin.call('GET', '/api/organisations');
    const added = organisations.find((o) => o.name === 'Försäkringskassan Nordväst');
    assert.deepEqual(
      { ...added, id: undefined },
      {
        id: undefined,
        name: 'Försäkringskassan Nordväst',
        kind: 'social_insurance',
        localPasswordAllowed: false,
        idpMfaAccepted: true,
      },
    );
    await page.close();
  });

  it('the admin enters a budget, a failed save keeps the form, and the report shows it in kronor', async () => {
    const town = programme.municipalities[0];
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    await signIn(page, api.url, admin);
    await page.goto(`${api.url}/insatser`);
    await page
      .getByRole('link', { name: `Budget för ${programme.name}` })
      .first()
      .click();
    await page.getByTestId('budget-approved').waitFor();
    await chooseOption(page, 'budget-municipality', town.name);
    await page.getByTestId('budget-year').fill(String(year));
    await page.getByTestId('budget-year').dispatchEvent('change');
    // Beyond ten billion kronor: the api names the field, and every typed figure stays.
    await page.getByTestId('budget-approved').fill('20 000 000 000');
    await page.getByTestId('budget-t1').fill('250 000');
    await page.getByTestId('budget-t2').fill('300000');
    await page.getByTestId('budget-t3').fill('120 500');
    await page.getByTestId('budget-forecast').fill('1 000 000');
    await page.getByTestId('budget-save').click();
    await page.getByTestId('budget-approved-error').waitFor();
    assert.equal((await page.getByTestId('budget-approved-error').innerText()).trim(), 'Högst 10000000000.');
    assert.equal(await page.getByTestId('budget-t1').inputValue(), '250 000');
    assert.equal(await page.getByTestId('budget-forecast').inputValue(), '1 000 000');
    await expectNoAxeViolations(page, 'budget, refused');
    await page.screenshot({ path: join(SHOTS, 'budget-error.png'), fullPage: true });

    await page.getByTestId('budget-approved').fill('1 030 000');
    await page.getByTestId('budget-save').click();
    await snackbar(page, 'Budgeten är sparad.');
    const line = page
      .getByTestId('budget-economy')
      .locator('tbody tr')
      .filter({ hasText: town.name })
      .filter({ hasText: String(year) });
    await line.waitFor();
    const expected = [
      town.name,
      String(year),
      `1${NBSP}030${NBSP}000${NBSP}kr`,
      `250${NBSP}000${NBSP}kr`,
      `300${NBSP}000${NBSP}kr`,
      `120${NBSP}500${NBSP}kr`,
      `670${NBSP}500${NBSP}kr`,
      '65',
      `359${NBSP}500${NBSP}kr`,
      `1${NBSP}000${NBSP}000${NBSP}kr`,
      `30${NBSP}000${NBSP}kr`,
    ];
    assert.deepEqual(await line.locator('td').allInnerTexts(), expected);
    await expectNoAxeViolations(page, 'budget, saved');
    await expectNoRawCodes(page, 'budget, saved');
    await page.screenshot({ path: join(SHOTS, 'budget.png'), fullPage: true });

    // Stored: the api's own economy, every year of the programme.
    const economy: { rows: (string | number | null)[][] } = await asAdmin.call(
      'GET',
      `/api/programmes/${programme.id}/reports/economy?year=${year}`,
    );
    assert.deepEqual(
      economy.rows.find((r) => r[0] === town.name),
      [town.name, year, 1030000, 250000, 300000, 120500, 670500, 65, 359500, 1000000, 30000],
    );

    // The Rapporter page's economy table, from the same computation.
    await page.getByRole('link', { name: 'Rapporter' }).click();
    await chooseOption(page, 'programme-picker', programme.name);
    await page.getByTestId('report-show').click();
    const reported = page
      .getByTestId('report-economy')
      .locator('tbody tr')
      .filter({ hasText: town.name })
      .filter({ hasText: String(year) });
    await reported.waitFor();
    assert.deepEqual(await reported.locator('td').allInnerTexts(), expected);
    await page.close();
  });

  it('the admin views the national follow-up; staff download the SUS file, and each is audited', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    await signIn(page, api.url, admin);
    await page.getByRole('link', { name: 'Rapporter' }).click();
    await page.getByTestId('national-follow-up').waitFor();
    // The person-level file is for staff only: the admin is not offered it.
    assert.equal(await page.getByTestId('download-sus').count(), 0);
    const readsBefore = await auditCount('report.finsam');
    await chooseOption(page, 'finsam-year', String(year));
    await page.getByTestId('finsam-show').click();
    await page.getByTestId('finsam-table').waitFor();
    const finsam: {
      efforts: { effort: string; women: number; men: number; other: number; total: number }[];
      persons: { women: number; men: number; other: number; total: number };
    } = await asAdmin.call('GET', `/api/reports/finsam?year=${year}`);
    const shown = await page
      .getByTestId('finsam-row')
      .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => (c.textContent ?? '').trim())));
    assert.deepEqual(
      shown,
      finsam.efforts.map((e) => [e.effort, String(e.women), String(e.men), String(e.other), String(e.total)]),
    );
    const nasta = finsam.efforts.find((e) => e.effort === 'Nästa Steg');
    assert.ok(nasta && nasta.total > 0, `Nästa Steg has participants in ${year}`);
    assert.deepEqual(
      (await page.getByTestId('finsam-persons').locator('th, td').allInnerTexts()).map((t) => t.trim()),
      [
        'Personer, alla insatser (var och en en gång)',
        String(finsam.persons.women),
        String(finsam.persons.men),
        String(finsam.persons.other),
        String(finsam.persons.total),
      ],
    );
    // The screen's read and the check's read above: both audited.
    assert.equal(await auditCount('report.finsam'), readsBefore + 2);
    await expectNoAxeViolations(page, 'reports, national follow-up');
    await expectNoRawCodes(page, 'reports, national follow-up');
    await page.screenshot({ path: join(SHOTS, 'national-follow-up.png'), fullPage: true });
    await page.close();

    const staffPage = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    await signIn(staffPage, api.url, staff);
    await staffPage.getByRole('link', { name: 'Rapporter' }).click();
    await chooseOption(staffPage, 'programme-picker', programme.name);
    await staffPage.getByTestId('download-sus').waitFor();
    assert.equal(await staffPage.getByTestId('finsam-show').count(), 0);
    await chooseOption(staffPage, 'finsam-year', String(year));
    const downloadsBefore = await auditCount('followup.export');
    const saved = staffPage.waitForEvent('download');
    await staffPage.getByTestId('download-sus').click();
    const file = await saved;
    assert.equal(file.suggestedFilename(), `sus-${year}.csv`);
    assert.ok((await auditCount('followup.export')) > downloadsBefore, 'the download is audited');
    await expectNoAxeViolations(staffPage, 'reports, staff with the SUS file');
    await staffPage.close();
  });

  it('the admin types in and imports target-group figures; a file with an error saves nothing', async () => {
    const town = programme.municipalities[0];
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    await signIn(page, api.url, admin);
    await page.getByRole('link', { name: 'Målgruppsstatistik' }).click();
    await page.getByTestId('tgs-save').waitFor();
    await expectNoAxeViolations(page, 'target-group statistics');
    await chooseOption(page, 'tgs-municipality', town.name);
    await page.getByTestId('tgs-date').fill('2031-01-31');
    await page.getByTestId('tgs-unemployed').fill('412');
    await page.getByTestId('tgs-in-programme').fill('37');
    await page.getByTestId('tgs-save').click();
    await snackbar(page, 'Siffrorna är sparade.');

    const bad = `kommunkod;datum;oppet_arbetslosa;i_program\n${town.code};2031-06-30;398;41\n9999;2031-06-30;10;1\n`;
    await page.getByTestId('tgs-file').setInputFiles({
      name: 'malgrupp.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(bad),
    });
    await page.getByTestId('tgs-upload').click();
    await page.getByTestId('tgs-import-errors').waitFor();
    const errors = (await page.getByTestId('tgs-import-errors').innerText()).trim();
    assert.match(errors, /^Filen har fel\. Ingenting sparades:/);
    assert.match(
      errors,
      /Rad 3, kommunkod: 9999 är ingen kommunkod i förbundets katalog \(Kommuner och organisationer\)\.$/,
    );
    await expectNoAxeViolations(page, 'target-group statistics, file with an error');
    await page.screenshot({ path: join(SHOTS, 'target-group-error.png'), fullPage: true });

    const good = `kommunkod;datum;oppet_arbetslosa;i_program\n${town.code};2031-06-30;398;41\n`;
    await page.getByTestId('tgs-file').setInputFiles({
      name: 'malgrupp.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(good),
    });
    await page.getByTestId('tgs-upload').click();
    await page.getByTestId('tgs-imported').waitFor();
    assert.equal((await page.getByTestId('tgs-imported').innerText()).trim(), 'Importerade rader: 1.');
    await expectNoRawCodes(page, 'target-group statistics, imported');
    await page.screenshot({ path: join(SHOTS, 'target-group.png'), fullPage: true });

    // Stored: the programme's target-group report reads both dates.
    const report: { rows: (string | number | null)[][] } = await asAdmin.call(
      'GET',
      `/api/programmes/${programme.id}/reports/target-group?from=2031-01-31&to=2031-06-30`,
    );
    const mine = report.rows.find((r) => r[0] === town.name);
    assert.ok(mine, `a row for ${town.name}: ${JSON.stringify(report.rows)}`);
    // Openly unemployed at the two dates, then in a programme at the two dates.
    assert.deepEqual([mine[1], mine[2], mine[4], mine[5]], [412, 398, 37, 41]);
    await page.close();
  });
});

describe('a second association on an empty deployment builds its directory, then its first programme', () => {
  failOnCspViolations();
  let api: RunningApi;
  let browser: Browser;
  const owner = { email: 'agare@nyttforbund.se', password: 'Kiruna-fjall-2031-vinter' };

  before(async () => {
    api = await startApi('directoryempty', 3332, {
      STEGVIS_ADMIN_EMAIL: owner.email,
      STEGVIS_ADMIN_PASSWORD: owner.password,
    });
    browser = await launch();
    await mkdir(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('the programme form points to the directory; after the first municipality the programme is created', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    await signIn(page, api.url, owner);
    await page.goto(`${api.url}/insatser/ny`);
    await page.getByTestId('no-municipalities').waitFor();
    assert.equal(
      (await page.getByTestId('no-municipalities').innerText()).replace(/\s+/g, ' ').trim(),
      'Förbundet har inga kommuner ännu, och en insats behöver en kommun. Lägg till den först under Kommuner och organisationer.',
    );
    await expectNoAxeViolations(page, 'new programme, empty directory');
    await page
      .getByTestId('no-municipalities')
      .getByRole('link', { name: 'Kommuner och organisationer' })
      .click();
    await page.getByTestId('municipality-name').waitFor();
    // Both lists say they are empty (the icon's ligature name is in innerText too; the sentence is the last line).
    await page.getByTestId('list-empty').nth(1).waitFor();
    assert.deepEqual(
      (await page.getByTestId('list-empty').allInnerTexts()).map((t) => t.trim().split('\n').pop()),
      ['Inga kommuner ännu. Lägg till förbundets första kommun nedan.', 'Inga organisationer ännu.'],
    );
    await expectNoAxeViolations(page, 'directory, empty');
    await page.screenshot({ path: join(SHOTS, 'directory-empty.png'), fullPage: true });
    await page.getByTestId('municipality-name').fill('Kiruna');
    await page.getByTestId('municipality-code').fill('2584');
    await page.getByTestId('municipality-save').click();
    await snackbar(page, 'Kommunen är tillagd.');
    await page.getByTestId('organisation-name').fill('Arbetsförmedlingen Kiruna');
    await chooseOption(page, 'organisation-kind', 'Arbetsförmedlingen');
    await page.getByTestId('organisation-save').click();
    await snackbar(page, 'Organisationen är tillagd.');

    await page.getByRole('link', { name: 'Insatser' }).click();
    await page.getByTestId('new-programme').click();
    await page.getByTestId('programme-name').fill('Steget vidare');
    await chooseOption(page, 'programme-owner', 'Kiruna');
    await page.getByTestId('programme-start').fill('2031-01-13');
    await page.getByTestId('programme-end').fill('2031-12-19');
    await chooseOption(page, 'goal-key-0', 'Närvaro');
    await page.getByTestId('goal-target-0').fill('80');
    assert.equal(await page.getByTestId('no-municipalities').count(), 0);
    await page.getByTestId('programme-save').click();
    await page.getByTestId('programme-row').filter({ hasText: 'Steget vidare' }).waitFor();

    const c = await new ApiClient(api.url).signIn(owner.email, owner.password);
    const programmes: { items: { name: string; ownerMunicipality: { name: string; code: string } }[] } =
      await c.call('GET', '/api/programmes');
    assert.deepEqual(
      programmes.items.map((p) => [p.name, p.ownerMunicipality.name, p.ownerMunicipality.code]),
      [['Steget vidare', 'Kiruna', '2584']],
    );
    const organisations: { name: string; kind: string }[] = await c.call('GET', '/api/organisations');
    assert.deepEqual(
      organisations.map((o) => [o.name, o.kind]),
      [['Arbetsförmedlingen Kiruna', 'employment_service']],
    );
    await page.close();
  });
});
