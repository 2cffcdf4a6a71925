import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ApiClient } from './api-client';
import { chooseOption, expectNoAxeViolations, failOnCspViolations, launch, signIn } from './browser';
import { expectNoRawCodes } from './raw-codes';
import { demoPasswords, type RunningApi, startApi } from './server';

const SHOTS = process.env.STEGVIS_SHOTS_DIR ?? join(tmpdir(), 'stegvis-shots');
const PROGRAMME = 'Historik Båstad';
const HEADER =
  'grupp;gruppstart;gruppslut;kommunkod;fornamn;efternamn;personnummer;kon;inskrivning_start;inskrivning_slut;status;avbrottsorsak;resultat;resultat_detalj;praktik_bransch;praktik_erbjudande';
const AMINA =
  '1;2020-01-13;2020-04-03;1278;Amina;Historia;;kvinna;2020-01-13;2020-04-03;fullföljd;;arbete;barnskötare;pre-school/school;ja';
const LEYLA =
  '1;2020-01-13;2020-04-03;1278;Leyla;Historia;;kvinna;2020-01-13;2020-04-03;fullföljd;;studier;sfi d;;';
const OMAR = '1;2020-01-13;2020-04-03;1278;Omar;Historia;;man;2020-01-13;2020-02-14;avbrott;flytt;;;;';
const csv = (...rows: string[]) => `${[HEADER, ...rows].join('\r\n')}\r\n`;

const cells = (page: Page, testId: string) =>
  page
    .getByTestId(testId)
    .getByRole('row')
    .evaluateAll((rows) =>
      rows.map((r) =>
        [...r.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim()),
      ),
    );

describe('the historical import and the audit log (chromium against the real api)', () => {
  failOnCspViolations();
  let api: RunningApi;
  let browser: Browser;
  let admin: { email: string; password: string };
  let asAdmin: ApiClient;
  let programmeId: string;
  let dir: string;

  before(async () => {
    api = await startApi('importaudit', 3335, { STEGVIS_DEMO_SEED: 'true' });
    admin = (await demoPasswords(api)).admin;
    asAdmin = await new ApiClient(api.url).signIn(admin.email, admin.password);
    // Set-up: an empty programme in Båstad for the history to go into.
    const next = (await asAdmin.call('GET', '/api/programmes')).items.find(
      (p: { name: string }) => p.name === 'Nästa Steg',
    );
    const dirMunicipalities = await asAdmin.call('GET', '/api/municipalities');
    const bastad = dirMunicipalities.find((m: { code: string }) => m.code === '1278');
    programmeId = (
      await asAdmin.call('POST', '/api/programmes', {
        name: PROGRAMME,
        ownerMunicipalityId: bastad.id,
        municipalityIds: [bastad.id],
        partnerOrganisationIds: next.partnerOrganisations.map((o: { id: string }) => o.id),
        startDate: '2020-01-01',
        endDate: '2020-12-31',
        targetGroup: 'Utrikes födda kvinnor och män',
        goals: [],
      })
    ).id;
    dir = join(tmpdir(), `importaudit-${process.pid}`);
    await mkdir(dir, { recursive: true });
    await mkdir(SHOTS, { recursive: true });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('the admin checks a file with errors, fixes it, confirms, and the report shows the rows', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    await signIn(page, api.url, admin);
    await page.getByRole('link', { name: 'Insatser' }).click();
    await page.getByRole('link', { name: `Importera historik till ${PROGRAMME}` }).click();
    await page.getByRole('heading', { name: `Importera historik – ${PROGRAMME}` }).waitFor();
    await expectNoAxeViolations(page, 'import');

    // The template downloads as the api offers it.
    const saved = page.waitForEvent('download');
    await page.getByTestId('template-csv').click();
    assert.equal((await saved).suggestedFilename(), 'stegvis-import-mall.csv');

    const bad = join(dir, 'historik.csv');
    await writeFile(
      bad,
      csv(
        AMINA,
        LEYLA.replace('2020-04-03;fullföljd', '2020-04-31;fullföljd'),
        OMAR.replace(';man;', ';okänd;'),
      ),
    );
    await page.getByTestId('import-file').setInputFiles(bad);
    await page.getByTestId('dry-run-errors').waitFor();
    assert.equal(
      await page
        .getByTestId('dry-run-summary-text')
        .textContent()
        .then((t) => t?.replace(/\s+/g, ' ').trim()),
      'Filen har 2 fel. Inget har sparats. Rätta filen och provkör igen.',
    );
    assert.deepEqual(await page.getByTestId('dry-run-error').allTextContents(), [
      'Rad 3, kolumn inskrivning_slut: ange ett datum ÅÅÅÅ-MM-DD eller lämna tomt',
      'Rad 4, kolumn kon: okänd är inte tillåtet; ange kvinna, man, annat',
    ]);
    assert.deepEqual(await cells(page, 'dry-run-rows'), [
      ['Rad', 'Grupp', 'Namn', 'Inskrivning från', 'Utfall'],
      ['2', '1', 'Amina Historia', '2020-01-13', 'Ny deltagare'],
      ['3', '1', 'Leyla Historia', '2020-01-13', 'Fel'],
      ['4', '1', 'Omar Historia', '2020-01-13', 'Fel'],
    ]);
    assert.equal(await page.getByTestId('confirm-import').count(), 0);
    await expectNoAxeViolations(page, 'import with errors');
    await expectNoRawCodes(page, 'import with errors');
    await page.screenshot({ path: join(SHOTS, 'import-errors.png'), fullPage: true });
    // Nothing of the file is stored.
    assert.equal((await asAdmin.call('GET', `/api/groups?programmeId=${programmeId}`)).length, 0);

    const fixed = join(dir, 'historik-rattad.csv');
    await writeFile(fixed, csv(AMINA, LEYLA, OMAR));
    await page.getByTestId('import-file').setInputFiles(fixed);
    await page.getByTestId('confirm-import').waitFor();
    assert.equal(
      await page
        .getByTestId('dry-run-summary-text')
        .textContent()
        .then((t) => t?.replace(/\s+/g, ' ').trim()),
      'Provkörningen hittade inga fel. Inget är sparat ännu. Bekräftad import sparar nya grupper: 1, inskrivningar: 3, resultat: 2, praktikperioder: 1.',
    );
    assert.deepEqual(await cells(page, 'dry-run-rows'), [
      ['Rad', 'Grupp', 'Namn', 'Inskrivning från', 'Utfall'],
      ['2', '1', 'Amina Historia', '2020-01-13', 'Ny deltagare'],
      ['3', '1', 'Leyla Historia', '2020-01-13', 'Ny deltagare'],
      ['4', '1', 'Omar Historia', '2020-01-13', 'Ny deltagare'],
    ]);
    assert.equal((await asAdmin.call('GET', `/api/groups?programmeId=${programmeId}`)).length, 0);
    await expectNoAxeViolations(page, 'import clean');
    await page.screenshot({ path: join(SHOTS, 'import-clean.png'), fullPage: true });

    await page.getByTestId('confirm-import').click();
    await page.getByTestId('import-done').waitFor();
    assert.match(
      (await page.getByTestId('import-done-text').textContent()) ?? '',
      /^Importen är klar\. Sparade nya grupper: 1, inskrivningar: 3, resultat: 2, praktikperioder: 1\.$/,
    );
    await page.screenshot({ path: join(SHOTS, 'import-done.png'), fullPage: true });

    // What was stored, through the api.
    const report = await asAdmin.call(
      'GET',
      `/api/programmes/${programmeId}/reports/progress?from=2020-01-01&to=2020-12-31`,
    );
    const table = (id: string) => report.tables.find((t: { id: string }) => t.id === id).rows;
    assert.deepEqual(table('enrolled'), [
      ['Grupp 1', '2020-01-13', '2020-04-03', 'Avslutad', 3, 2, 1, 0],
      ['Totalt', null, null, null, 3, 2, 1, 0],
    ]);
    assert.deepEqual(table('early-leavers')[1], ['Flyttat', 1]);
    const groups = await asAdmin.call('GET', `/api/groups?programmeId=${programmeId}`);
    assert.deepEqual(
      groups.map((g: { number: number; startDate: string; endDate: string }) => [
        g.number,
        g.startDate,
        g.endDate,
      ]),
      [[1, '2020-01-13', '2020-04-03']],
    );

    // The programme's report on the Rapporter page.
    await page.getByTestId('to-report').click();
    await chooseOption(page, 'programme-picker', PROGRAMME);
    await page.getByTestId('report-show').click();
    await page.getByTestId('report-enrolled').waitFor();
    assert.deepEqual(await cells(page, 'report-enrolled'), [
      ['Grupp', 'Start', 'Slut', 'Status', 'Inskrivna', 'Fullföljt', 'Avslutat i förtid', 'Pågående'],
      ['Grupp 1', '2020-01-13', '2020-04-03', 'Avslutad', '3', '2', '1', '0'],
      ['Totalt', '', '', '', '3', '2', '1', '0'],
    ]);
    const byGender = await cells(page, 'report-by-gender');
    assert.deepEqual(
      byGender.filter((r) => r[0] === 'Kvinnor' || r[0] === 'Män').map((r) => r.slice(0, 4)),
      [
        ['Kvinnor', '2', '1', '1'],
        ['Män', '1', '0', '0'],
      ],
    );
    await expectNoRawCodes(page, 'rapport efter import');
    await page.screenshot({ path: join(SHOTS, 'import-report.png'), fullPage: true });
    await page.close();
  });

  it('the admin filters the audit log by a person and reads the retention status', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    await signIn(page, api.url, admin);
    await page.getByRole('link', { name: 'Granskningslogg' }).click();
    await page.getByRole('heading', { name: 'Granskningslogg', level: 1 }).waitFor();
    await page.getByTestId('audit-row').first().waitFor();
    await page.getByTestId('audit-person').fill('Amina Historia');
    await page.getByTestId('audit-search').click();
    await page.getByTestId('audit-row-subject').filter({ hasText: 'Amina Historia' }).first().waitFor();
    assert.deepEqual(
      (await cells(page, 'audit-table')).map((r) => r.slice(1)),
      [
        ['Vem', 'Roll', 'Händelse', 'Typ', 'Person', 'Utfall'],
        [
          'Systemadministratör',
          'Systemadministratör',
          'Skrev in i grupp',
          'Inskrivning',
          'Amina Historia',
          'Utfört',
        ],
        [
          'Systemadministratör',
          'Systemadministratör',
          'Registrerade deltagare',
          'Deltagare',
          'Amina Historia',
          'Utfört',
        ],
      ],
    );
    // The search is itself in the log, with Amina as its subject.
    await page.getByTestId('audit-search').click();
    await page.getByTestId('audit-row-action').filter({ hasText: 'Sökte i granskningsloggen' }).waitFor();
    assert.deepEqual(await page.getByTestId('audit-row-action').allTextContents(), [
      'Sökte i granskningsloggen',
      'Skrev in i grupp',
      'Registrerade deltagare',
    ]);

    // The same person and one action: only her registration.
    await chooseOption(page, 'audit-action', 'Registrerade deltagare');
    await page.getByTestId('audit-search').click();
    await page
      .getByTestId('audit-row-action')
      .filter({ hasText: 'Sökte i granskningsloggen' })
      .waitFor({ state: 'detached' });
    // The list empties while the search runs; the filtered answer follows.
    await page.getByTestId('audit-row-action').filter({ hasText: 'Registrerade deltagare' }).waitFor();
    assert.deepEqual(await page.getByTestId('audit-row-action').allTextContents(), [
      'Registrerade deltagare',
    ]);
    assert.deepEqual(await page.getByTestId('audit-row-subject').allTextContents(), ['Amina Historia']);

    // Retention: the rule, no run yet, and the count due now as the api gives it.
    const retention = await asAdmin.call('GET', '/api/retention');
    await page.getByTestId('retention-rule').waitFor();
    assert.match((await page.getByTestId('retention-rule').textContent()) ?? '', /^Regeln: 2 år efter att/);
    assert.equal(
      await page.getByTestId('retention-last-run').textContent(),
      'Gallringen har inte körts ännu.',
    );
    assert.ok(retention.dueNow >= 3, 'the imported 2020 enrolments are past two years');
    assert.equal(
      (await page.getByTestId('retention-due-now').textContent())?.trim(),
      `${retention.dueNow} deltagare har passerat gränsen och gallras vid nästa körning.`,
    );
    await expectNoAxeViolations(page, 'audit log');
    await expectNoRawCodes(page, 'audit log');
    await page.screenshot({ path: join(SHOTS, 'audit-log.png'), fullPage: true });
    await page.close();
  });
});
