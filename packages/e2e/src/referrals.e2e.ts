import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { formatStockholm } from '@stegvis/contracts';
import type { Browser, Page } from 'playwright-core';
import { ApiClient } from './api-client';
import { chooseOption, expectNoAxeViolations, failOnCspViolations, launch } from './browser';
import { expectNoRawCodes } from './raw-codes';
import { demoPasswords, type RunningApi, startApi } from './server';
import { text } from './text';

const SHOTS = process.env.STEGVIS_SHOTS_DIR ?? join(tmpdir(), 'stegvis-shots');

/**
 * Signs in through the login page as a person following a link to the queue does: the queue's address sends her
 * to the login page, which brings her back to the queue.
 */
async function signInToQueue(page: Page, baseUrl: string, who: { email: string; password: string }) {
  await page.goto(`${baseUrl}/remisser`);
  await page.waitForURL(/\/login\?returnUrl=%2Fremisser$/);
  await page.getByTestId('login-email').fill(who.email);
  await page.getByTestId('login-password').fill(who.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('current-user').waitFor();
  await page.waitForURL(/\/remisser$/);
}

/**
 * Referrals from arrival to decision (issue 19), in the browser only: an analysis member registers two referrals
 * (one urgent) from her own organisation; staff screen them with a note, see a known personal number, wait-list,
 * take off the wait list, withdraw and re-open one, and read its history. What was stored is read back through
 * the api.
 */
describe('referrals (chromium against the real api)', () => {
  failOnCspViolations();
  let api: RunningApi;
  let browser: Browser;
  let analystPage: Page;
  let staffPage: Page;
  let analyst: { email: string; password: string };
  let staff: { email: string; password: string };
  let staffApi: ApiClient;
  let programmeId: string;
  let knownId: string;
  const ids: Record<'hodan' | 'amina', string> = { hodan: '', amina: '' };
  // Already registered in Nästa Steg by its staff: the number typed in a referral is matched by its keyed hash.
  const KNOWN_PN = '19900521-1009';

  before(async () => {
    api = await startApi('referrals', 3301, {
      STEGVIS_DEMO_SEED: 'true',
      ...(process.env.STEGVIS_E2E_ADMIN_DIST
        ? { STEGVIS_ADMIN_DIST: process.env.STEGVIS_E2E_ADMIN_DIST }
        : {}),
    });
    const users = await demoPasswords(api);
    analyst = users.analysis_member;
    staff = users.staff;
    staffApi = await new ApiClient(api.url).signIn(staff.email, staff.password);
    programmeId = (await staffApi.call('GET', '/api/programmes')).items.find(
      (p: { name: string }) => p.name === 'Nästa Steg',
    ).id;
    knownId = (
      await staffApi.call('POST', '/api/participants', {
        programmeId,
        firstName: 'Amina',
        lastName: 'Warsame',
        gender: 'woman',
        personalNumber: KNOWN_PN,
      })
    ).id;
    browser = await launch();
    await mkdir(SHOTS, { recursive: true });
    analystPage = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    staffPage = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
  });
  after(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('an analysis member registers two referrals from her own organisation, one urgent', async () => {
    const page = analystPage;
    await signInToQueue(page, api.url, analyst);
    await page.getByTestId('new-referral').click();
    await page.waitForURL(/\/remisser\/ny$/);
    // Her own organisation is the one offered, filled in; her one programme too, and her name as referrer.
    await page.getByTestId('rf-organisation').getByText('Arbetsförmedlingen').waitFor();
    await page.getByTestId('rf-programme').getByText('Nästa Steg').waitFor();
    assert.equal(await page.getByTestId('rf-referrer').inputValue(), 'Ali Handläggare');

    await page.getByTestId('rf-reason').fill('Vill arbeta inom äldreomsorgen, behöver praktik');
    await page.getByTestId('rf-first').fill('Amina');
    await page.getByTestId('rf-last').fill('Warsame');
    await page.getByTestId('rf-pn').fill(KNOWN_PN);
    await chooseOption(page, 'rf-level', 'SFI C');
    await page.getByTestId('rf-age').fill('34');
    await chooseOption(page, 'rf-foreign-born', 'Ja');
    await chooseOption(page, 'rf-af', 'Ja');
    // No consent yet: refused at the checkbox, nothing typed is lost.
    await page.getByTestId('rf-save').click();
    await page.getByTestId('rf-consent-error').waitFor();
    assert.equal(
      await text(page.getByTestId('rf-consent-error')),
      'Samtycke krävs innan remissen kan tas emot.',
    );
    assert.equal(await page.getByTestId('rf-first').inputValue(), 'Amina');
    assert.equal(await page.getByTestId('rf-pn').inputValue(), KNOWN_PN);
    await expectNoRawCodes(page, 'new referral');
    await expectNoAxeViolations(page, 'new referral, consent missing');
    await page.screenshot({ path: join(SHOTS, 'referral-form.png'), fullPage: true });
    await page.getByTestId('rf-consent').locator('input').check();
    await page.getByTestId('rf-save').click();
    await page.waitForURL(/\/remisser\/[0-9a-f-]{36}$/);
    ids.amina = page.url().split('/').pop()!;
    assert.equal(await text(page.getByTestId('detail-title')), 'Amina Warsame');
    assert.equal(await text(page.getByTestId('rf-status')), 'Inkommen');
    // Her number is known in the programme, but an analysis member reads no participant records: nothing is said.
    assert.equal(await page.getByTestId('rf-known').count(), 0);
    await expectNoAxeViolations(page, 'referral page, just registered');

    await page.goto(`${api.url}/remisser/ny`);
    await page.getByTestId('rf-organisation').getByText('Arbetsförmedlingen').waitFor();
    await chooseOption(page, 'rf-priority', 'Brådskande');
    await page.getByTestId('rf-reason').fill('Akut behov av sysselsättning, försörjningsstödet upphör');
    await page.getByTestId('rf-first').fill('Hodan');
    await page.getByTestId('rf-last').fill('Farah');
    await chooseOption(page, 'rf-level', 'SFI B');
    await page.getByTestId('rf-age').fill('29');
    await chooseOption(page, 'rf-foreign-born', 'Ja');
    await chooseOption(page, 'rf-af', 'Nej');
    await page.getByTestId('rf-consent').locator('input').check();
    await page.getByTestId('rf-save').click();
    await page.waitForURL(/\/remisser\/[0-9a-f-]{36}$/);
    ids.hodan = page.url().split('/').pop()!;
    assert.equal(await text(page.getByTestId('rf-priority-label')), 'Brådskande');

    // The queue: the urgent one first, each with its flags and a link to its page.
    await page.goto(`${api.url}/remisser`);
    const rows = page.getByTestId('queue-row');
    await rows.nth(1).waitFor();
    assert.deepEqual(
      await Promise.all(
        [0, 1].map(async (i) => ({
          name: await text(rows.nth(i).getByTestId('queue-open')),
          urgent: await rows.nth(i).getByTestId('queue-urgent').count(),
          status: await text(rows.nth(i).getByTestId('queue-status-cell')),
          flags: await text(rows.nth(i).getByTestId('referral-flags')),
        })),
      ),
      [
        {
          name: 'Hodan Farah',
          urgent: 1,
          status: 'Inkommen',
          flags:
            '!Inte uppfyllt: Svenskanivå SFI B (kravet är minst SFI C) ✓Uppfyllt: Utrikes född ✓Uppfyllt: Ålder 29 (18–64) !Inte uppfyllt: Inte inskriven på Arbetsförmedlingen',
        },
        {
          name: 'Amina Warsame',
          urgent: 0,
          status: 'Inkommen',
          flags:
            '✓Uppfyllt: Svenskanivå SFI C (kravet är minst SFI C) ✓Uppfyllt: Utrikes född ✓Uppfyllt: Ålder 34 (18–64) ✓Uppfyllt: Inskriven på Arbetsförmedlingen',
        },
      ],
    );
    await expectNoRawCodes(page, 'referral queue');
    await expectNoAxeViolations(page, 'referral queue');
    await page.screenshot({ path: join(SHOTS, 'referral-queue.png'), fullPage: true });

    const stored = await staffApi.call('GET', `/api/referrals?programmeId=${programmeId}`);
    assert.deepEqual(
      stored.items.map((r: Record<string, unknown>) => ({
        id: r.id,
        candidateName: r.candidateName,
        priority: r.priority,
        organisationName: r.organisationName,
        referrerName: r.referrerName,
        swedishLevel: r.swedishLevel,
        reason: r.reason,
        status: r.status,
      })),
      [
        {
          id: ids.hodan,
          candidateName: 'Hodan Farah',
          priority: 'high',
          organisationName: 'Arbetsförmedlingen',
          referrerName: 'Ali Handläggare',
          swedishLevel: 'sfi_b',
          reason: 'Akut behov av sysselsättning, försörjningsstödet upphör',
          status: 'received',
        },
        {
          id: ids.amina,
          candidateName: 'Amina Warsame',
          priority: 'normal',
          organisationName: 'Arbetsförmedlingen',
          referrerName: 'Ali Handläggare',
          swedishLevel: 'sfi_c',
          reason: 'Vill arbeta inom äldreomsorgen, behöver praktik',
          status: 'received',
        },
      ],
    );
  });

  it('staff screen both with a note, and are told of the known personal number', async () => {
    const page = staffPage;
    await signInToQueue(page, api.url, staff);
    await page.getByTestId('queue-open').filter({ hasText: 'Hodan Farah' }).click();
    await page.waitForURL(new RegExp(`/remisser/${ids.hodan}$`));
    assert.equal(await page.getByTestId('rf-known').count(), 0);
    await page.getByTestId('rf-do-screened').click();
    await page.getByTestId('rf-change-reason').fill('Svenska under kravet; samtal med SFI bokat');
    await expectNoAxeViolations(page, 'referral page, screening');
    await page.getByTestId('rf-change-save').click();
    await page.getByText('Remissen är förberedd.').waitFor();
    assert.equal(await text(page.getByTestId('rf-status')), 'Förberedd');

    await page.goto(`${api.url}/remisser/${ids.amina}`);
    await page.getByTestId('rf-known').waitFor();
    assert.equal(
      await text(page.getByTestId('rf-known')),
      'En person med detta personnummer är redan registrerad i insatsen. Antas remissen förs den till personens befintliga uppgifter. Öppna deltagaren',
    );
    assert.equal(
      await page.getByTestId('rf-known').getByRole('link').getAttribute('href'),
      `/deltagare/${knownId}`,
    );
    await page.getByTestId('rf-do-screened').click();
    await page.getByTestId('rf-change-reason').fill('Kriterierna uppfyllda');
    await page.getByTestId('rf-change-save').click();
    await page.getByText('Remissen är förberedd.').waitFor();
    assert.equal(await text(page.getByTestId('rf-status')), 'Förberedd');
    await expectNoRawCodes(page, 'referral page');
    await expectNoAxeViolations(page, 'referral page, screened, known person');
    await page.screenshot({ path: join(SHOTS, 'referral-known.png'), fullPage: true });

    for (const id of [ids.hodan, ids.amina]) {
      const r = await staffApi.call('GET', `/api/referrals/${id}`);
      assert.equal(r.status, 'screened');
    }
    assert.deepEqual(
      (await staffApi.call('GET', `/api/referrals/${ids.amina}`)).existingParticipantId,
      knownId,
    );
  });

  it('staff wait-list one with a reason, take it off, withdraw and re-open it; the history shows each step', async () => {
    const page = staffPage;
    await page.goto(`${api.url}/remisser/${ids.hodan}`);
    await page.getByTestId('rf-do-wait_listed').click();
    // No reason: refused at the field, the referral unchanged.
    await page.getByTestId('rf-change-save').click();
    await page.getByTestId('rf-change-reason-error').waitFor();
    assert.equal(await text(page.getByTestId('rf-change-reason-error')), 'Ange ett skäl.');
    await expectNoAxeViolations(page, 'referral page, reason missing');
    await page.getByTestId('rf-change-reason').fill('Nästa grupp är full');
    await page.getByTestId('rf-change-save').click();
    await page.getByText('Remissen står på väntelistan.').waitFor();
    assert.equal(await text(page.getByTestId('rf-status')), 'Väntelista');
    // The buttons follow the one table: from the wait list, back to screened or withdrawn.
    assert.deepEqual(
      await page
        .getByTestId('rf-actions')
        .getByRole('button')
        .allTextContents()
        .then((t) => t.map((s) => s.trim())),
      ['Ta från väntelistan', 'Återta remissen'],
    );
    await page.getByTestId('rf-do-screened').click();
    await page.getByTestId('rf-change-save').click();
    await page.getByText('Remissen är förberedd.').waitFor();
    await page.getByTestId('rf-do-withdrawn').click();
    await page.getByTestId('rf-change-reason').fill('Har fått ett arbete på egen hand');
    await page.getByTestId('rf-change-save').click();
    await page.getByText('Remissen är återtagen.').waitFor();
    assert.equal(await text(page.getByTestId('rf-status')), 'Återtagen');
    await page.getByTestId('rf-do-received').click();
    await page.getByTestId('rf-change-reason').fill('Anställningen upphörde efter en vecka');
    await page.getByTestId('rf-change-save').click();
    await page.getByText('Remissen är öppnad igen.').waitFor();
    assert.equal(await text(page.getByTestId('rf-status')), 'Inkommen');

    const stored = await staffApi.call('GET', `/api/referrals/${ids.hodan}`);
    assert.equal(stored.status, 'received');
    const history = stored.history as {
      at: string;
      by: string;
      from: string | null;
      to: string;
      reason: string;
    }[];
    assert.deepEqual(
      history.map((h) => [h.by, h.from, h.to, h.reason]),
      [
        ['Ali Handläggare', null, 'received', ''],
        ['Sara Processledare', 'received', 'screened', 'Svenska under kravet; samtal med SFI bokat'],
        ['Sara Processledare', 'screened', 'wait_listed', 'Nästa grupp är full'],
        ['Sara Processledare', 'wait_listed', 'screened', ''],
        ['Sara Processledare', 'screened', 'withdrawn', 'Har fått ett arbete på egen hand'],
        ['Sara Processledare', 'withdrawn', 'received', 'Anställningen upphörde efter en vecka'],
      ],
    );
    // The page shows the same six steps, in Swedish and Stockholm time.
    const rows = page.getByTestId('rf-history-row');
    await rows.nth(5).waitFor();
    assert.deepEqual(
      await Promise.all(
        history.map(async (_h, i) =>
          (await rows.nth(i).locator('td').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim()),
        ),
      ),
      [
        [formatStockholm(history[0].at), 'Ali Handläggare', 'Ny', 'Inkommen', ''],
        [
          formatStockholm(history[1].at),
          'Sara Processledare',
          'Inkommen',
          'Förberedd',
          'Svenska under kravet; samtal med SFI bokat',
        ],
        [
          formatStockholm(history[2].at),
          'Sara Processledare',
          'Förberedd',
          'Väntelista',
          'Nästa grupp är full',
        ],
        [formatStockholm(history[3].at), 'Sara Processledare', 'Väntelista', 'Förberedd', ''],
        [
          formatStockholm(history[4].at),
          'Sara Processledare',
          'Förberedd',
          'Återtagen',
          'Har fått ett arbete på egen hand',
        ],
        [
          formatStockholm(history[5].at),
          'Sara Processledare',
          'Återtagen',
          'Inkommen',
          'Anställningen upphörde efter en vecka',
        ],
      ],
    );
    await expectNoRawCodes(page, 'referral history');
    await expectNoAxeViolations(page, 'referral page, history');
    await page.screenshot({ path: join(SHOTS, 'referral-page.png'), fullPage: true });
  });
});
