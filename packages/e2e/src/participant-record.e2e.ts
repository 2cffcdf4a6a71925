import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { stockholmDate, stockholmToday } from '@stegvis/contracts';
import type { Browser, Page } from 'playwright-core';
import { ApiClient } from './api-client';
import { failOnCspViolations, launch, signIn, expectNoAxeViolations, chooseOption } from './browser';
import { expectNoRawCodes } from './raw-codes';
import { demoPasswords, type RunningApi, startApi } from './server';
import { text } from './text';

const SHOTS = process.env.STEGVIS_SHOTS_DIR ?? join(tmpdir(), 'stegvis-shots');

/**
 * The participant record as a programme worker uses it (issue 18): register with a programme chosen, edit,
 * search by personnummer, consents, the audit trail, the data-subject extract and erasure.
 */
describe('participant record (chromium against the real api)', () => {
  failOnCspViolations();
  let api: RunningApi;
  let browser: Browser;
  let page: Page;
  let lead: ApiClient;
  let hanna: ApiClient;
  // A worker in both demo programmes, lead of neither: she sees the people she registers until they are placed.
  const worker = { email: 'hanna.handlaggare@stegvis.local', password: 'Två insatser och en deltagare 2030' };
  // A worker of Nästa Steg who is neither its lead nor anyone's group staff.
  const other = { email: 'nils.arbetare@stegvis.local', password: 'Inte processledare 2030' };
  let stegForSteg: string;
  let participantId = '';
  let protectedId: string;
  const today = stockholmToday();

  before(async () => {
    api = await startApi('participantrecord', 3251, {
      STEGVIS_DEMO_SEED: 'true',
      // Where several people build in one working tree, apps/admin/dist is emptied under a running journey; a
      // private build (`ng build --output-path …`) can be served instead.
      ...(process.env.STEGVIS_E2E_ADMIN_DIST
        ? { STEGVIS_ADMIN_DIST: process.env.STEGVIS_E2E_ADMIN_DIST }
        : {}),
    });
    const pw = await demoPasswords(api);
    const admin = await new ApiClient(api.url).signIn(pw.admin.email, pw.admin.password);
    lead = await new ApiClient(api.url).signIn(pw.staff.email, pw.staff.password);
    const programmes = (await admin.call('GET', '/api/programmes')).items as { id: string; name: string }[];
    const nastaSteg = programmes.find((p) => p.name === 'Nästa Steg')!.id;
    stegForSteg = programmes.find((p) => p.name === 'Steg för steg')!.id;
    await admin.call('POST', '/api/users', {
      ...worker,
      displayName: 'Hanna Handläggare',
      role: 'staff',
      programmeIds: [nastaSteg, stegForSteg],
    });
    await admin.call('POST', '/api/users', {
      ...other,
      displayName: 'Nils Arbetare',
      role: 'staff',
      programmeIds: [nastaSteg],
    });
    hanna = await new ApiClient(api.url).signIn(worker.email, worker.password);
    protectedId = (
      await lead.call('POST', '/api/participants', {
        programmeId: nastaSteg,
        firstName: 'Leyla',
        lastName: 'Skyddad',
        gender: 'woman',
        personalNumber: '19850312-4565',
        protectedIdentity: true,
      })
    ).id;
    browser = await launch();
    await mkdir(SHOTS, { recursive: true });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    await signIn(page, api.url, worker);
  });
  after(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('registers with an explicit programme, a wrong value shown at its field', async () => {
    await page.goto(`${api.url}/deltagare/ny`);
    await page.getByTestId('p-first').fill('Fatima');
    await page.getByTestId('p-last').fill('Ali');
    await page.getByTestId('p-pn').fill('19920715-7894');
    // Two programmes and none chosen: nothing is guessed.
    await page.getByTestId('p-save').click();
    await page.getByTestId('p-programme-error').waitFor();
    assert.equal(await text(page.getByTestId('p-programme-error')), 'Välj en insats');
    await expectNoAxeViolations(page, 'new participant, programme missing');
    await chooseOption(page, 'p-programme', 'Steg för steg');
    await page.getByTestId('p-save').click();
    await page.getByTestId('p-pn-error').waitFor();
    assert.equal(
      await text(page.getByTestId('p-pn-error')),
      'Inte ett giltigt personnummer eller samordningsnummer (datum och kontrollsiffra).',
    );
    assert.equal(await page.getByTestId('p-first').inputValue(), 'Fatima');
    assert.equal(await page.getByTestId('p-pn').inputValue(), '19920715-7894');
    await expectNoRawCodes(page, 'new participant');
    await expectNoAxeViolations(page, 'new participant, number refused');

    await page.getByTestId('p-pn').fill('920715-7893');
    await page.getByTestId('p-save').click();
    await page.waitForURL(/\/deltagare\/[0-9a-f-]{36}$/);
    participantId = page.url().split('/').pop()!;
    assert.equal(await text(page.getByTestId('participant-name')), 'Fatima Ali');
    const stored = await hanna.call('GET', `/api/participants/${participantId}`);
    assert.deepEqual(
      {
        programmes: (
          await hanna.call('GET', `/api/participants?programmeId=${stegForSteg}&q=Fatima%20Ali`)
        ).map((p: { id: string }) => p.id),
        personalNumber: stored.personalNumber,
        birthYear: stored.birthYear,
      },
      { programmes: [participantId], personalNumber: '19920715-7893', birthYear: 1992 },
    );
  });

  it('edits the record, the refused value at its field and nothing typed lost', async () => {
    await page.goto(`${api.url}/deltagare/${participantId}`);
    await page.getByTestId('record-edit').click();
    await page.getByTestId('r-arrival').fill('1990');
    await page.getByTestId('r-phone').fill('070-123 45 67');
    await page.getByTestId('r-languages').fill('arabiska, svenska');
    await page.getByTestId('r-save').click();
    await page.getByTestId('r-arrival-error').waitFor();
    assert.equal(await text(page.getByTestId('r-arrival-error')), 'Får inte vara före födelseåret.');
    assert.equal(await page.getByTestId('r-phone').inputValue(), '070-123 45 67');
    assert.equal(await page.getByTestId('r-languages').inputValue(), 'arabiska, svenska');
    await expectNoAxeViolations(page, 'participant record, edit refused');
    await page.screenshot({ path: join(SHOTS, 'participant-record-edit.png'), fullPage: true });
    await page.getByTestId('r-arrival').fill('2016');
    await page.getByTestId('r-save').click();
    await page.getByText('Uppgifterna är sparade.').waitFor();
    assert.equal(await text(page.getByTestId('record-phone')), '070-123 45 67');
    await expectNoRawCodes(page, 'participant record');
    await expectNoAxeViolations(page, 'participant record');
    await page.screenshot({ path: join(SHOTS, 'participant-record.png'), fullPage: true });

    const stored = await hanna.call('GET', `/api/participants/${participantId}`);
    assert.deepEqual(
      {
        firstName: stored.firstName,
        lastName: stored.lastName,
        yearOfArrival: stored.yearOfArrival,
        phone: stored.phone,
        languages: stored.languages,
        version: stored.version,
      },
      {
        firstName: 'Fatima',
        lastName: 'Ali',
        yearOfArrival: 2016,
        phone: '070-123 45 67',
        languages: ['arabiska', 'svenska'],
        version: 2,
      },
    );
  });

  it('finds her by personnummer in either form', async () => {
    await page.goto(`${api.url}/deltagare`);
    // The picker has its programmes once the first programme's list is shown.
    await page.getByTestId('participant-row').first().waitFor();
    await chooseOption(page, 'programme-picker', 'Steg för steg');
    for (const q of ['920715-7893', '199207157893']) {
      await page.getByTestId('participant-search').fill(q);
      await page.waitForFunction(
        () => document.querySelectorAll('[data-testid="participant-row"]').length === 1,
      );
      const rows = await page.getByTestId('participant-row').allInnerTexts();
      assert.equal(rows.length, 1, q);
      assert.match(rows[0], /^Fatima Ali/, q);
    }
    await page.getByTestId('participant-search').fill('850312-4565');
    await page.getByTestId('list-empty').waitFor();
    assert.equal(
      await text(page.getByTestId('list-empty').locator('p')),
      'Ingen deltagare matchar sökningen.',
    );
    await expectNoRawCodes(page, 'participant list');
    await expectNoAxeViolations(page, 'participant list');
    await page.screenshot({ path: join(SHOTS, 'participant-search.png') });
  });

  it('records a consent, refuses a future date at its field, withdraws and renews it', async () => {
    await page.goto(`${api.url}/deltagare/${participantId}`);
    await page.getByRole('tab', { name: 'Samtycken' }).click();
    await page.getByTestId('consent-form').waitFor();
    await chooseOption(page, 'consent-purpose', 'Nationell uppföljning (Uppföljning Finsam)');
    const future = stockholmDate(Date.now() + 3 * 86_400_000);
    await page.getByTestId('consent-date').fill(future);
    await page.getByTestId('consent-scope').fill('Uppföljning Finsam 2030');
    await page.getByTestId('consent-save').click();
    await page.getByTestId('consent-date-error').waitFor();
    assert.equal(
      await text(page.getByTestId('consent-date-error')),
      `Datumet får inte vara senare än i dag (${today}).`,
    );
    assert.equal(await page.getByTestId('consent-date').inputValue(), future);
    assert.deepEqual(await hanna.call('GET', `/api/participants/${participantId}/consents`), []);
    await expectNoAxeViolations(page, 'consents, future date refused');

    await page.getByTestId('consent-date').fill(today);
    await page.getByTestId('consent-save').click();
    await page.getByText('Samtycket är registrerat.').waitFor();
    await page.getByTestId('consent-row').waitFor();
    assert.equal(await text(page.getByTestId('consent-status')), 'Gäller');

    await page.getByTestId('consent-withdraw').click();
    await page.getByTestId('confirm-ok').click();
    await page.getByText('Samtycket är återkallat.').waitFor();
    await page.getByTestId('consent-renew').waitFor();
    assert.match(await text(page.getByTestId('consent-status')), /^Återkallat \d{4}-\d\d-\d\d$/);

    await page.getByTestId('consent-renew').click();
    assert.equal(await page.getByTestId('consent-date').inputValue(), today);
    await page.getByTestId('consent-save').click();
    await page.getByTestId('consent-row').nth(1).waitFor();
    await expectNoRawCodes(page, 'consents');
    await expectNoAxeViolations(page, 'consents');
    await page.screenshot({ path: join(SHOTS, 'participant-consents.png'), fullPage: true });

    const stored = await hanna.call<
      {
        purpose: string;
        givenOn: string;
        scope: string;
        organisationId: string | null;
        withdrawnAt: string | null;
      }[]
    >('GET', `/api/participants/${participantId}/consents`);
    assert.deepEqual(
      stored.map((c) => ({
        purpose: c.purpose,
        givenOn: c.givenOn,
        scope: c.scope,
        organisationId: c.organisationId,
        withdrawn: c.withdrawnAt !== null,
      })),
      [
        {
          purpose: 'national_followup',
          givenOn: today,
          scope: 'Uppföljning Finsam 2030',
          organisationId: null,
          withdrawn: true,
        },
        {
          purpose: 'national_followup',
          givenOn: today,
          scope: 'Uppföljning Finsam 2030',
          organisationId: null,
          withdrawn: false,
        },
      ],
    );
  });

  it('shares her referral facts with the partner a consent names, and keeps the purpose on a refusal', async () => {
    await page.goto(`${api.url}/deltagare/${participantId}`);
    await page.getByRole('tab', { name: 'Samtycken' }).click();
    await page.getByTestId('consent-form').waitFor();
    await chooseOption(page, 'consent-purpose', 'Dela uppgifter med samverkanspart');
    await chooseOption(page, 'consent-organisation', 'Arbetsförmedlingen');
    await page.getByTestId('consent-save').click();
    await page.getByTestId('consent-row').nth(2).waitFor();
    const shareRow = page.getByTestId('consent-row').filter({ hasText: 'Arbetsförmedlingen' });
    // Only a consent in force for a named partner offers sharing; the national follow-up consents do not.
    assert.equal(await page.getByTestId('consent-share').count(), 1);

    await shareRow.getByTestId('consent-share').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('share-what').waitFor();
    assert.equal(await text(dialog.getByRole('heading')), 'Dela uppgifter med Arbetsförmedlingen');
    await dialog.getByTestId('share-ok').click();
    assert.equal(await text(dialog.getByTestId('share-error')), 'Rätta de markerade fälten.');
    await expectNoAxeViolations(page, 'share dialog');

    // A colleague withdraws the consent while the dialog is open: the api refuses, the typed purpose stays.
    const consents = await hanna.call<{ id: string; purpose: string; withdrawnAt: string | null }[]>(
      'GET',
      `/api/participants/${participantId}/consents`,
    );
    const partnerConsent = consents.find((c) => c.purpose === 'share_with_partner')!;
    await hanna.call('POST', `/api/consents/${partnerConsent.id}/withdraw`);
    const purpose = 'Inför analysgruppens möte om praktik';
    await dialog.getByTestId('share-purpose').fill(purpose);
    await dialog.getByTestId('share-ok').click();
    await dialog.getByTestId('share-error').filter({ hasNotText: 'Rätta de markerade fälten.' }).waitFor();
    assert.equal(await dialog.getByTestId('share-purpose').inputValue(), purpose);
    assert.equal(
      await text(dialog.getByTestId('share-error')),
      'Samtycke saknas (Dela uppgifter med samverkanspart): deltagaren har inte gett det, eller har återkallat det.',
    );
    await page.screenshot({ path: join(SHOTS, 'participant-share-refused.png') });
    await dialog.getByTestId('share-cancel').click();
    await dialog.waitFor({ state: 'detached' });

    // She gives it again; the worker renews it and shares.
    await page.reload();
    await page.getByRole('tab', { name: 'Samtycken' }).click();
    await page.getByTestId('consent-renew').first().waitFor();
    await page
      .getByTestId('consent-row')
      .filter({ hasText: 'Arbetsförmedlingen' })
      .getByTestId('consent-renew')
      .click();
    await page.getByTestId('consent-save').click();
    await page.getByTestId('consent-share').waitFor();
    await page.getByTestId('consent-share').click();
    await dialog.getByTestId('share-purpose').fill(purpose);
    await dialog.getByTestId('share-ok').click();
    await page.getByText('Uppgifterna är delade med Arbetsförmedlingen.').waitFor();
    await dialog.waitFor({ state: 'detached' });

    const trail = await hanna.call<{ action: string; details?: Record<string, unknown> | null }[]>(
      'GET',
      `/api/participants/${participantId}/audit-trail`,
    );
    assert.equal(trail.filter((e) => e.action === 'participant.share').length, 1);
  });

  it('reads the audit trail with every action in words', async () => {
    await page.goto(`${api.url}/deltagare/${participantId}`);
    await page.getByRole('tab', { name: 'Granskningslogg' }).click();
    await page.getByTestId('audit-row').first().waitFor();
    const actions = new Set(await page.getByTestId('audit-action').allInnerTexts());
    for (const label of [
      'Registrerade deltagare',
      'Ändrade deltagaruppgifter',
      'Registrerade samtycke',
      'Återkallade samtycke',
      'Läste deltagaruppgifter',
      'Delade uppgifter med samverkanspart',
    ])
      assert.ok(actions.has(label), `${label} in ${[...actions].join(', ')}`);
    await expectNoRawCodes(page, 'audit trail');
    await expectNoAxeViolations(page, 'audit trail');
    await page.screenshot({ path: join(SHOTS, 'participant-audit.png'), fullPage: true });
  });

  it('makes the data-subject extract', async () => {
    // The record is the first tab; with eleven tabs the header has scrolled it away under the menu.
    await page.goto(`${api.url}/deltagare/${participantId}`);
    await page.getByTestId('record-extract').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('record-extract').click(),
    ]);
    const extract = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.deepEqual(
      {
        name: `${extract.participant.firstName} ${extract.participant.lastName}`,
        personalNumber: extract.participant.personalNumber,
        consents: extract.consents.length,
        healthIncluded: extract.healthIncluded,
        file: download.suggestedFilename().startsWith('registerutdrag-'),
      },
      { name: 'Fatima Ali', personalNumber: '19920715-7893', consents: 4, healthIncluded: true, file: true },
    );
    await page.getByText('Registerutdraget är nedladdat.', { exact: false }).waitFor();
    const trail = await hanna.call<
      {
        action: string;
      }[]
    >('GET', `/api/participants/${participantId}/audit-trail`);
    assert.equal(trail.filter((e) => e.action === 'participant.extract').length, 1);
  });

  it('erases her after a confirmation that names the consequences', async () => {
    await page.getByTestId('record-erase').click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    const said = await text(dialog);
    for (const part of [
      'Detta tas bort',
      'personnummer',
      'Detta finns kvar utan namn och räknas anonymt i rapporterna',
      'Raderingen går inte att ångra.',
    ])
      assert.ok(said.includes(part), `${part} in: ${said}`);
    await expectNoAxeViolations(page, 'erase confirmation');
    await page.screenshot({ path: join(SHOTS, 'participant-erase-dialog.png') });
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('record-erased').waitFor();
    await page.getByText('Personuppgifterna är raderade. Personen räknas anonymt i rapporterna.').waitFor();
    assert.equal(await page.getByTestId('record-erase').count(), 0);
    await expectNoAxeViolations(page, 'participant record, erased');

    const stored = await hanna.call('GET', `/api/participants/${participantId}`);
    assert.deepEqual(
      {
        firstName: stored.firstName,
        lastName: stored.lastName,
        personalNumber: stored.personalNumber,
        phone: stored.phone,
        gender: stored.gender,
        birthYear: stored.birthYear,
        yearOfArrival: stored.yearOfArrival,
      },
      {
        firstName: stored.pseudonym,
        lastName: '',
        personalNumber: null,
        phone: '',
        gender: 'woman',
        birthYear: 1992,
        yearOfArrival: 2016,
      },
    );
    assert.equal(await text(page.getByTestId('participant-name')), stored.pseudonym);
    // The number no longer finds her.
    assert.deepEqual(
      await hanna.call('GET', `/api/participants?programmeId=${stegForSteg}&q=920715-7893`),
      [],
    );
  });

  it('a worker who may not see a protected person gets no extract or erase control', async () => {
    const nils = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    await signIn(nils, api.url, other);
    await nils.goto(`${api.url}/deltagare/${protectedId}`);
    await nils.getByTestId('record-view').waitFor();
    const heading = await text(nils.getByTestId('participant-name'));
    assert.notEqual(heading, 'Leyla Skyddad');
    assert.equal(await nils.getByTestId('record-extract').count(), 0);
    assert.equal(await nils.getByTestId('record-erase').count(), 0);
    assert.equal(await nils.getByTestId('record-edit').count(), 0);
    await expectNoRawCodes(nils, 'protected participant, masked');
    await expectNoAxeViolations(nils, 'protected participant, masked');
    // The lead sees her, and the controls.
    await nils.close();
  });
});
