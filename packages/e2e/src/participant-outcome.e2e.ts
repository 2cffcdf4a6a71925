import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { ApiClient } from './api-client';
import { failOnCspViolations, launch, signIn, expectNoAxeViolations, chooseOption } from './browser';
import { expectNoRawCodes } from './raw-codes';
import { demoPasswords, type RunningApi, startApi } from './server';

const SHOTS = process.env.STEGVIS_SHOTS_DIR ?? join(tmpdir(), 'stegvis-shots');

describe('outcome and follow-ups (chromium against the real api)', () => {
  failOnCspViolations();
  let api: RunningApi;
  let browser: Browser;
  let lead: { email: string; password: string };
  let c: ApiClient;
  let participantId: string;
  let enrolmentId: string;
  let uncodedParticipantId: string;
  let uncodedEnrolmentId: string;

  before(async () => {
    api = await startApi('outcome', 3231, {
      STEGVIS_DEMO_SEED: 'true',
      // A build of the admin of one's own, while others rebuild apps/admin/dist (as participant-record.e2e.ts).
      ...(process.env.STEGVIS_E2E_ADMIN_DIST
        ? { STEGVIS_ADMIN_DIST: process.env.STEGVIS_E2E_ADMIN_DIST }
        : {}),
    });
    // The demo seed prints the passwords when it is done, which takes longer than demoPasswords waits on a busy machine.
    for (let i = 0; i < 1200 && !api.output().includes('evaluator'); i++)
      await new Promise((r) => setTimeout(r, 100));
    lead = (await demoPasswords(api)).staff;
    c = await new ApiClient(api.url).signIn(lead.email, lead.password);
    const programme = (await c.call('GET', '/api/programmes')).items.find(
      (p: { name: string }) => p.name === 'Nästa Steg',
    );
    const group = await c.call('POST', '/api/groups', {
      programmeId: programme.id,
      municipalityId: programme.ownerMunicipality.id,
      number: 21,
      startDate: '2030-01-14',
      endDate: '2030-04-12',
      capacity: 10,
      overIntake: 2,
      deliveryMode: 'on_site',
      place: 'Folkets hus',
    });
    const person = async (firstName: string, lastName: string) =>
      (
        await c.call('POST', '/api/participants', {
          programmeId: programme.id,
          firstName,
          lastName,
          gender: 'woman',
        })
      ).id as string;
    participantId = await person('Hodan', 'Warsame');
    enrolmentId = (
      await c.call('POST', `/api/participants/${participantId}/enrolments`, {
        groupId: group.id,
        startDate: '2030-01-14',
      })
    ).id;
    // An outcome from before the detail codes: only free text, so the reports print it as "okodad".
    uncodedParticipantId = await person('Leyla', 'Osman');
    uncodedEnrolmentId = (
      await c.call('POST', `/api/participants/${uncodedParticipantId}/enrolments`, {
        groupId: group.id,
        startDate: '2030-01-14',
      })
    ).id;
    await c.call('PATCH', `/api/enrolments/${uncodedEnrolmentId}`, {
      status: 'completed',
      endDate: '2030-04-12',
    });
    await c.call('PUT', `/api/enrolments/${uncodedEnrolmentId}/outcome`, {
      category: 'work',
      detail: 'Lagerarbete, extratjänst',
      date: '2030-04-12',
    });
    browser = await launch();
    await mkdir(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('completing an enrolment leads to its outcome; the follow-ups fall due 3, 6 and 12 months on, none before its window', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    await signIn(page, api.url, lead);
    await page.goto(`${api.url}/deltagare/${participantId}`);
    await page.getByRole('tab', { name: 'Inskrivningar' }).click();
    await page.getByTestId('complete-0').click();
    await page.getByTestId('end-date').fill('2030-04-12');
    await page.getByTestId('enrolment-action-save').click();

    // Straight to the outcome form, its date the day she finished.
    await page.getByTestId('complete-outcome').waitFor();
    assert.equal(await page.getByTestId('outcome-date').inputValue(), '2030-04-12');
    assert.equal(
      await page
        .getByRole('heading', { name: 'Resultat vid avslut' })
        .evaluate((h) => h === document.activeElement),
      true,
    );
    await chooseOption(page, 'outcome-category', 'Arbete');
    // Only the codes of work are offered.
    await page.getByTestId('outcome-detail-code').focus();
    await page.keyboard.press('Enter');
    assert.deepEqual(await page.getByRole('listbox').getByRole('option').allInnerTexts(), [
      'Osubventionerad anställning',
      'Introduktionsjobb',
      'Extratjänst',
      'Nystartsjobb',
      'Lönebidrag',
      'Timanställning eller behovsanställning',
      'Säsongsarbete',
    ]);
    await page.getByRole('listbox').getByRole('option', { name: 'Introduktionsjobb', exact: true }).click();
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    await page.getByTestId('outcome-detail').fill('Undersköterska, Solgårdens äldreboende');
    await chooseOption(page, 'outcome-support-before', 'Försörjningsstöd');
    await chooseOption(page, 'outcome-support-after', 'Lön');
    await expectNoAxeViolations(page, 'outcome form after completing');
    await page.getByTestId('outcome-save').click();
    await page.getByText('Resultatet är sparat.').waitFor();
    await page.getByTestId('complete-outcome').waitFor({ state: 'detached' });

    await page.getByRole('tab', { name: 'Avslut' }).click();
    await page.getByTestId('outcome-enrolment-0').waitFor();
    assert.equal((await page.getByTestId('outcome-category-shown').innerText()).trim(), 'Arbete');
    assert.equal(
      (await page.getByTestId('outcome-detail-code-shown').innerText()).trim(),
      'Introduktionsjobb',
    );
    assert.equal(
      (await page.getByTestId('outcome-detail-shown').innerText()).trim(),
      'Undersköterska, Solgårdens äldreboende',
    );
    const dates = async (months: number) => [
      (await page.getByTestId(`follow-up-window-${months}`).innerText()).trim(),
      (await page.getByTestId(`follow-up-due-${months}`).innerText()).trim(),
    ];
    assert.deepEqual(
      [await dates(3), await dates(6), await dates(12)],
      [
        ['2030-06-12', '2030-07-12'],
        ['2030-09-12', '2030-10-12'],
        ['2031-03-12', '2031-04-12'],
      ],
    );

    // Too early: refused at the date field, in Swedish, and the typed date stays.
    await page.getByTestId('follow-up-open-3').click();
    await page.getByTestId('follow-up-date').fill('2030-05-20');
    await chooseOption(page, 'follow-up-category', 'Arbete');
    await page.getByTestId('follow-up-detail').fill('Undersköterska, fast anställd');
    await page.getByTestId('follow-up-save').click();
    await page.getByTestId('follow-up-date-error').waitFor();
    assert.equal(
      (await page.getByTestId('follow-up-date-error').innerText()).trim(),
      'För tidigt: uppföljningen efter 3 månader kan registreras från 2030-06-12 (den ska göras 2030-07-12).',
    );
    assert.equal(await page.getByTestId('follow-up-date').inputValue(), '2030-05-20');
    assert.deepEqual((await c.call('GET', `/api/participants/${participantId}/outcomes`))[0].followUps, []);
    await expectNoAxeViolations(page, 'follow-up form with a refused date');

    await page.getByTestId('follow-up-date').fill('2030-07-10');
    await page.getByTestId('follow-up-save').click();
    await page.getByText('Uppföljningen efter 3 månader är sparad.').waitFor();
    await page.getByTestId('follow-up-form').waitFor({ state: 'detached' });
    assert.equal(
      (await page.getByTestId('follow-up-recorded-3').innerText()).trim(),
      'Arbete: Undersköterska, fast anställd (2030-07-10)',
    );
    assert.equal((await page.getByTestId('follow-up-recorded-6').innerText()).trim(), 'Inte registrerad');
    await expectNoRawCodes(page, 'participant page, outcome');
    await expectNoAxeViolations(page, 'participant page, outcome');
    await page.screenshot({ path: join(SHOTS, 'participant-outcome.png'), fullPage: true });

    const [enrolment] = await c.call('GET', `/api/participants/${participantId}/enrolments`);
    assert.deepEqual(
      { status: enrolment.status, endDate: enrolment.endDate },
      { status: 'completed', endDate: '2030-04-12' },
    );
    const stored = await c.call('GET', `/api/participants/${participantId}/outcomes`);
    assert.deepEqual(
      stored.map((o: Record<string, unknown> & { followUps: Record<string, unknown>[] }) => ({
        ...o,
        followUps: o.followUps.map(({ id: _id, ...f }) => f),
      })),
      [
        {
          enrolmentId,
          participantId,
          category: 'work',
          detailCode: 'introduction_job',
          detail: 'Undersköterska, Solgårdens äldreboende',
          date: '2030-04-12',
          employmentBefore: '',
          employmentAfter: '',
          supportBefore: 'income_support',
          supportAfter: 'salary',
          followUps: [
            { months: 3, date: '2030-07-10', category: 'work', detail: 'Undersköterska, fast anställd' },
          ],
        },
      ],
    );
  });

  it('an outcome with only free text shows as Okodad and is coded from the prompt', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    await signIn(page, api.url, lead);
    await page.goto(`${api.url}/deltagare/${uncodedParticipantId}`);
    await page.getByRole('tab', { name: 'Avslut' }).click();
    await page.getByTestId('outcome-uncoded-0').waitFor();
    assert.equal((await page.getByTestId('outcome-detail-code-shown').innerText()).trim(), 'Okodad');
    await expectNoAxeViolations(page, 'participant page, uncoded outcome');
    await page.getByTestId('outcome-code-0').click();
    await page.getByTestId('outcome-uncoded-prompt').waitFor();
    // The code is required where the category has codes: saving without one is stopped at the field.
    await page.getByTestId('outcome-save').click();
    assert.equal((await page.getByTestId('outcome-detail-code-error').innerText()).trim(), 'Fyll i fältet');
    await chooseOption(page, 'outcome-detail-code', 'Extratjänst');
    await page.getByTestId('outcome-save').click();
    await page.getByText('Resultatet är sparat.').waitFor();
    assert.equal((await page.getByTestId('outcome-detail-code-shown').innerText()).trim(), 'Extratjänst');
    assert.equal(await page.getByTestId('outcome-uncoded-0').count(), 0);

    const [stored] = await c.call('GET', `/api/participants/${uncodedParticipantId}/outcomes`);
    assert.deepEqual(
      {
        enrolmentId: stored.enrolmentId,
        category: stored.category,
        detailCode: stored.detailCode,
        detail: stored.detail,
        date: stored.date,
      },
      {
        enrolmentId: uncodedEnrolmentId,
        category: 'work',
        detailCode: 'extra_job',
        detail: 'Lagerarbete, extratjänst',
        date: '2030-04-12',
      },
    );
  });
});
