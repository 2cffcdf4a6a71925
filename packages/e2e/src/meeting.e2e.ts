import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { extractText } from 'unpdf';
import { ApiClient } from './api-client';
import { failOnCspViolations, launch, signIn } from './browser';
import { expectNoRawCodes, rawCodesIn } from './raw-codes';
import { demoPasswords, type RunningApi, startApi } from './server';

describe('analysis-group meeting (chromium against the real api)', () => {
  failOnCspViolations();
  let api: RunningApi;
  let browser: Browser;
  let analyst: { email: string; password: string };

  before(async () => {
    api = await startApi('meeting', 3213, {
      STEGVIS_DEMO_SEED: 'true',
      ...(process.env.STEGVIS_E2E_ADMIN_DIST
        ? { STEGVIS_ADMIN_DIST: process.env.STEGVIS_E2E_ADMIN_DIST }
        : {}),
    });
    const users = await demoPasswords(api);
    analyst = users.analysis_member;
    const staff = await new ApiClient(api.url).signIn(users.staff.email, users.staff.password);
    const a = await new ApiClient(api.url).signIn(analyst.email, analyst.password);
    const me = await a.call('GET', '/api/auth/me');
    const programme = (await staff.call('GET', '/api/programmes')).items.find(
      (p: { name: string }) => p.name === 'Nästa Steg',
    );
    await staff.call('POST', '/api/groups', {
      programmeId: programme.id,
      municipalityId: programme.ownerMunicipality.id,
      number: 6,
      startDate: '2030-01-14',
      endDate: '2030-04-12',
      capacity: 10,
      overIntake: 2,
      deliveryMode: 'on_site',
    });
    const af = programme.partnerOrganisations.find((o: { name: string }) => o.name === 'Arbetsförmedlingen');
    await staff.call('POST', `/api/programmes/${programme.id}/committees`, {
      kind: 'analysis',
      name: 'Ali Handläggare',
      organisationId: af.id,
      userId: me.id,
    });
    for (const [first, extra] of [
      ['Hodan', {}],
      ['Sahar', { protectedIdentity: true, lastName: 'Hemlig' }],
    ] as const) {
      const r = await a.call('POST', '/api/referrals', {
        programmeId: programme.id,
        firstName: first,
        lastName: 'Ali',
        gender: 'woman',
        swedishLevel: 'sfi_c',
        organisationId: af.id,
        referrerName: 'Ali Handläggare',
        reason: 'Vill arbeta inom barnomsorg',
        foreignBorn: true,
        age: 31,
        registeredAtAf: true,
        consentToShare: true,
        ...extra,
      });
      await staff.call('POST', `/api/referrals/${r.id}/status`, { status: 'screened', version: r.version });
    }
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('an analysis member opens the queue, runs a meeting, records decisions and downloads the minutes', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
      locale: 'sv-SE',
    });
    const page = await context.newPage();
    await signIn(page, api.url, analyst);
    await page.getByTestId('nav-remisser').click();
    await page.getByTestId('queue-row').first().waitFor();
    const rows = await page.getByTestId('queue-row').allTextContents();
    assert.equal(rows.length, 2);
    assert.ok(rows.some((r) => r.includes('Hodan Ali')));
    assert.ok(
      rows.every((r) => !r.includes('Hemlig')),
      'a protected identity appears as a pseudonym',
    );
    await expectNoRawCodes(page, 'remisskö');
    await page.getByTestId('meeting-date').fill('2029-12-10');
    await page.getByTestId('create-meeting').click();
    await page.getByTestId('agenda-0').waitFor();
    await page.getByTestId('save-meeting-attendance').click();
    const first = (await page.getByTestId('agenda-0').textContent()) ?? '';
    const hodan = first.includes('Hodan') ? 0 : 1;
    const other = 1 - hodan;
    await page.getByTestId(`decision-${hodan}`).selectOption('accept');
    await page.getByTestId(`group-${hodan}`).selectOption({ label: 'Grupp 6 (2030-01-14, 0/10)' });
    await page.getByTestId(`decision-${other}`).selectOption('decline');
    await page.getByTestId('save-decisions').click();
    await page.getByTestId(`reason-error-${other}`).waitFor();
    await page.getByTestId(`reason-${other}`).fill('Har fått plats i annan insats');
    await page.getByTestId('save-decisions').click();
    await page.getByTestId('meeting-message').filter({ hasText: 'Besluten är sparade.' }).waitFor();
    assert.match((await page.getByTestId(`agenda-${hodan}`).textContent()) ?? '', /Beslut: Antagen/);
    await expectNoRawCodes(page, 'analysgruppens möte');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('minutes').click(),
    ]);
    const path = await download.path();
    const { text } = await extractText(new Uint8Array(await readFile(path)), { mergePages: true });
    assert.match(text, /Protokoll – analysgruppens möte 2029-12-10/);
    assert.match(text, /Hodan Ali \(Arbetsförmedlingen\): Antagen/);
    assert.match(
      text,
      /Deltagare [0-9A-F]{6} \(Arbetsförmedlingen\): Ej antagen – Har fått plats i annan insats/,
    );
    assert.doesNotMatch(text, /Hemlig/);
    assert.deepEqual(rawCodesIn(text), [], 'raw codes in the minutes');
    await page.screenshot({ path: '/tmp/e2e-meeting.png', fullPage: true });
    await context.close();
  });
});
