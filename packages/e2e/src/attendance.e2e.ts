import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { ApiClient } from './api-client';
import { failOnCspViolations, launch, signIn } from './browser';
import { expectNoRawCodes } from './raw-codes';
import { demoPasswords, type RunningApi, startApi } from './server';
import { text } from './text';

describe('attendance on a tablet (chromium against the real api)', () => {
  failOnCspViolations();
  let api: RunningApi;
  let browser: Browser;
  let staff: { email: string; password: string };

  before(async () => {
    api = await startApi('attendance', 3212, { STEGVIS_DEMO_SEED: 'true' });
    staff = (await demoPasswords(api)).staff;
    const c = await new ApiClient(api.url).signIn(staff.email, staff.password);
    const programme = (await c.call('GET', '/api/programmes')).items.find(
      (p: { name: string }) => p.name === 'Nästa Steg',
    );
    const tpl = await c.call('POST', `/api/programmes/${programme.id}/templates`, {
      name: '13 veckor',
      phases: [
        { kind: 'mapping', weeks: 2, lectures: true },
        { kind: 'lectures', weeks: 7, lectures: true },
        { kind: 'internship', weeks: 4, lectures: false },
      ],
      themes: ['Arbetsmarknadskunskap', 'Utbildning', 'CV-träning', 'Presentationsteknik'],
      lectureCount: 31,
      lectureWeekdays: [1, 2, 3, 4],
      lectureStart: '13:00',
      lectureEnd: '15:30',
      computerDayWeekday: null,
    });
    const group = await c.call('POST', '/api/groups', {
      programmeId: programme.id,
      municipalityId: programme.ownerMunicipality.id,
      // The demo's Nästa Steg has groups 1–5 in Ängelholm (the reference programme).
      number: 6,
      startDate: '2020-08-24',
      capacity: 10,
      overIntake: 2,
      deliveryMode: 'on_site',
      templateId: tpl.id,
    });
    for (const [first, last, gender] of [
      ['Amina', 'Hassan', 'woman'],
      ['Omar', 'Yusuf', 'man'],
      ['Leyla', 'Karimi', 'woman'],
    ]) {
      const p = await c.call('POST', '/api/participants', {
        programmeId: programme.id,
        firstName: first,
        lastName: last,
        gender,
        swedishLevel: 'sfi_c',
        languages: ['arabiska'],
      });
      await c.call('POST', `/api/participants/${p.id}/enrolments`, {
        groupId: group.id,
        startDate: '2020-08-24',
      });
      if (first === 'Amina') {
        const ratings = (v: number) => ({
          swedish: v,
          digital_skills: v,
          labour_market_knowledge: v,
          job_search: v,
          network: v,
          health_energy: 3,
          self_belief: v,
        });
        await c.call('PUT', `/api/participants/${p.id}/assessments`, {
          stage: 'start',
          date: '2020-08-25',
          ratings: ratings(2),
        });
        await c.call('PUT', `/api/participants/${p.id}/assessments`, {
          stage: 'end',
          date: '2020-11-19',
          ratings: ratings(4),
        });
      }
    }
    await c.call('POST', '/api/employers', {
      name: 'Förskolan Solen',
      organisationNumber: '212000-1355',
      sector: 'municipal',
      industry: 'pre-school/school',
      municipalityId: programme.ownerMunicipality.id,
    });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('staff fill in a week on the grid and see the group’s rate change', async () => {
    const context = await browser.newContext({
      viewport: { width: 820, height: 1180 },
      hasTouch: true,
      isMobile: true,
      locale: 'sv-SE',
    });
    const page = await context.newPage();
    await signIn(page, api.url, staff);
    await page.getByTestId('nav-grupper').tap();
    await page.getByTestId('open-group-6').tap();
    await page.getByTestId('week-label').waitFor();
    assert.equal(await text(page.getByTestId('week-label')), 'Vecka 35');
    assert.equal(await text(page.getByTestId('group-rate-percent')), '–');
    await page.getByTestId('all-present').tap();
    await page.getByTestId('mark-1-1-unexcused').tap();
    await page.getByTestId('mark-2-3-excused').tap();
    // An excused absence asks its reason; none is assumed.
    await page.getByTestId('absence-reason-doctor_appointment').tap();
    await page.getByTestId('absence-reason-ok').tap();
    await page.getByTestId('reason-2-3').waitFor();
    await page.screenshot({ path: '/tmp/e2e-attendance-tablet.png' });
    await page.getByTestId('save-week').tap();
    await page.getByTestId('attendance-message').waitFor();
    assert.equal(await text(page.getByTestId('attendance-message')), 'Närvaron är sparad.');
    // 3 participants × 4 lectures = 12 held, 10 present.
    assert.equal(await text(page.getByTestId('group-rate-percent')), '83 %');
    assert.match((await page.getByTestId('rate-1').textContent()) ?? '', /75 % \(3\/4\)/);
    assert.match((await page.getByTestId('rate-0').textContent()) ?? '', /100 % \(4\/4\)/);
    await expectNoRawCodes(page, 'närvaro');
    await context.close();
  });

  it('staff find a participant and read the progression as a chart and a table', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    await signIn(page, api.url, staff);
    await page.getByTestId('nav-deltagare').click();
    await page.getByTestId('participant-row').first().waitFor();
    // The demo's 51 in Nästa Steg and this journey's three.
    assert.equal(await page.getByTestId('participant-row').count(), 54);
    await expectNoRawCodes(page, 'deltagare');
    await page.getByTestId('participant-search').fill('amina');
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="participant-row"]').length === 1,
    );
    assert.match((await page.getByTestId('participant-row').textContent()) ?? '', /Amina Hassan/);
    await page.getByRole('link', { name: 'Amina Hassan' }).click();
    await page.getByTestId('participant-name').waitFor();
    await expectNoRawCodes(page, 'deltagare, uppgifter');
    await page.getByRole('tab', { name: 'Progression' }).click();
    await page.getByTestId('progress-table').waitFor();
    const row = page.getByTestId('progress-table').getByRole('row', { name: /^Svenska/ });
    assert.deepEqual(await row.getByRole('cell').allTextContents(), ['2', '4']);
    await page.screenshot({ path: '/tmp/e2e-participant.png' });
    await expectNoRawCodes(page, 'deltagare, progression');
    // Every tab of the record: statuses, purposes, industries and outcomes show as words.
    // Each tab loads its own data when opened; wait for it before reading the words.
    const tabs: [string, RegExp | null][] = [
      ['Samtycken', /\/consents$/],
      ['Inskrivningar', null],
      ['Närvaro', /\/attendance$/],
      ['Praktik', /\/internships$/],
      ['Avslut', /\/outcomes$/],
    ];
    for (const [tab, loads] of tabs) {
      await Promise.all([
        loads ? page.waitForResponse((r) => loads.test(new URL(r.url()).pathname)) : null,
        page.getByRole('tab', { name: tab }).click(),
      ]);
      await expectNoRawCodes(page, `deltagare, ${tab}`);
    }
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/needs')),
      page.getByRole('tab', { name: 'Kartläggning' }).click(),
    ]);
    await expectNoRawCodes(page, 'deltagare, Kartläggning');
    await page.getByRole('tab', { name: 'Granskningslogg' }).click();
    await page.getByText('Läste deltagaruppgifter').first().waitFor();
    await expectNoRawCodes(page, 'deltagare, Granskningslogg');
    await page.close();
  });

  it('staff register a participant; a wrong personal number is shown at its field and nothing typed is lost', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    await signIn(page, api.url, staff);
    await page.getByTestId('nav-deltagare').click();
    await page.getByTestId('new-participant').click();
    await page.getByTestId('p-first').fill('Hodan');
    await page.getByTestId('p-last').fill('Warsame');
    await page.getByTestId('p-pn').fill('19811218-9877');
    await page.getByTestId('p-save').click();
    await page.getByTestId('p-pn-error').waitFor();
    // The field says what the api's code means, not a fixed text: a duplicate is not "invalid".
    assert.equal(
      await text(page.getByTestId('p-pn-error')),
      'Inte ett giltigt personnummer eller samordningsnummer (datum och kontrollsiffra).',
    );
    await expectNoRawCodes(page, 'ny deltagare');
    assert.equal(await page.getByTestId('p-first').inputValue(), 'Hodan');
    await page.getByTestId('p-pn').fill('19811218-9876');
    await page.getByTestId('p-save').click();
    await page.getByTestId('participant-name').filter({ hasText: 'Hodan Warsame' }).waitFor();
    await page.close();
  });

  it('staff start a group from a method template, see its calendar and cancel a session with a reason', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    await signIn(page, api.url, staff);
    await page.getByTestId('nav-grupper').click();
    await page.getByTestId('new-group').click();
    await page.getByTestId('group-number').fill('7');
    await page.getByTestId('group-start').fill('2021-03-29');
    await page.getByTestId('group-template').click();
    // This journey's template, not the demo's "Tretton veckor (13 veckor)".
    await page.getByRole('option', { name: /^13 veckor/ }).click();
    await page.getByTestId('group-save').click();
    // Staff land on the attendance tab; the calendar is one tab away.
    await page.getByRole('tab', { name: 'Kalender' }).click();
    await page.getByTestId('session-0').waitFor();
    // 31 lectures; Easter Monday and Ascension are skipped.
    assert.equal(await page.locator('[data-testid^="session-"]').count(), 31);
    const dates = await page.locator('[data-testid^="session-"] td:first-child').allTextContents();
    assert.ok(!dates.includes('mån 5/4') && !dates.includes('tor 13/5'), dates.join(','));
    await expectNoRawCodes(page, 'kalender');
    await page.getByTestId('cancel-2').click();
    await page.getByTestId('session-reason').fill('Föreläsaren sjuk');
    await page.getByTestId('session-save').click();
    await page.getByTestId('session-2').filter({ hasText: 'Inställt: Föreläsaren sjuk' }).waitFor();
    await page.close();
  });

  it('staff place a participant in an internship and see the group’s share change', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    await signIn(page, api.url, staff);
    await page.getByTestId('nav-grupper').click();
    await page.getByTestId('open-group-6').click();
    await page.getByRole('tab', { name: 'Praktik' }).click();
    await page.getByTestId('internship-summary').waitFor();
    assert.match((await page.getByTestId('internship-summary').textContent()) ?? '', /0 av 3/);
    await page.getByTestId('internship-participant').click();
    await page.getByRole('option', { name: 'Amina Hassan' }).click();
    await page.getByTestId('internship-employer').click();
    await page.getByRole('option', { name: 'Förskolan Solen' }).click();
    await page.getByTestId('internship-start').fill('2020-10-26');
    await page.getByTestId('internship-end').fill('2020-11-20');
    await page.getByTestId('internship-save').click();
    await page.getByTestId('internship-row').filter({ hasText: 'Förskolan Solen' }).waitFor();
    await page.getByTestId('internship-summary').filter({ hasText: '1 av 3 (33 %)' }).waitFor();
    await expectNoRawCodes(page, 'praktik');
    await page.close();
  });
});
