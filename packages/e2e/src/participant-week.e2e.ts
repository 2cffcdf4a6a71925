import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { followUpDueDate, stockholmToday } from '@stegvis/contracts';
import type { Browser, Page } from 'playwright-core';
import { extractText } from 'unpdf';
import { ApiClient } from './api-client';
import { failOnCspViolations, launch, signIn, expectNoAxeViolations, chooseOption } from './browser';
import { expectNoRawCodes } from './raw-codes';
import { demoPasswords, type RunningApi, startApi } from './server';

const SHOTS = process.env.STEGVIS_SHOTS_DIR ?? join(tmpdir(), 'stegvis-shots');

/** The snackbar that says a write went through. */
async function expectSnack(page: Page, text: string): Promise<void> {
  await page.locator('.sv-outcome-done').filter({ hasText: text }).waitFor();
  // Until every snackbar has gone: the one of the write before may still be leaving while this one shows.
  await page.waitForFunction(() => !document.querySelector('.sv-outcome-done'), undefined, {
    timeout: 20_000,
  });
}

const RATINGS = {
  swedish: 2,
  digital_skills: 1,
  labour_market_knowledge: 1,
  job_search: 2,
  network: 1,
  health_energy: 3,
  self_belief: 2,
} as const;

/**
 * A programme worker's whole case with one participant, in the browser only (issue 18's first journey): register,
 * enrol, consent, mapping, assessment, attendance, complete with the outcome, the first follow-up and the
 * certificate. The set-up (template, group, staff) comes from the api; everything stored is read back from it.
 */
describe("a worker's whole case, from registration to the certificate (chromium)", () => {
  failOnCspViolations();
  let api: RunningApi;
  let browser: Browser;
  let lead: { email: string; password: string };
  let c: ApiClient;
  let groupId: string;
  let groupEnd: string;
  const today = stockholmToday();

  before(async () => {
    api = await startApi('participantweek', 3235, {
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
    const me = await c.call('GET', '/api/auth/me');
    const programme = (await c.call('GET', '/api/programmes')).items.find(
      (p: { name: string }) => p.name === 'Nästa Steg',
    );
    // She is the group's staff, so she sees the mapping; Omar, the counsellor, signs the certificate.
    const lena = await c.call('POST', '/api/staff-members', {
      name: 'Lena Lindqvist',
      staffRole: 'programme_lead',
      userId: me.id,
    });
    const omar = await c.call('POST', '/api/staff-members', {
      name: 'Omar Sahin',
      staffRole: 'career_counsellor',
    });
    await c.call('POST', '/api/staff-allocations', {
      staffMemberId: omar.id,
      programmeId: programme.id,
      percent: 50,
      startDate: '2030-01-01',
      endDate: '2030-12-31',
    });
    const template = await c.call('POST', `/api/programmes/${programme.id}/templates`, {
      name: 'Tolv veckor med praktik',
      phases: [
        { kind: 'mapping', weeks: 2, lectures: true },
        { kind: 'lectures', weeks: 6, lectures: true },
        { kind: 'internship', weeks: 4, lectures: false },
      ],
      themes: ['Arbetsmarknadskunskap', 'CV-träning', 'Intervjuträning'],
      lectureCount: 24,
      lectureWeekdays: [1, 3],
      lectureStart: '13:00',
      lectureEnd: '15:00',
      computerDayWeekday: null,
    });
    const group = await c.call('POST', '/api/groups', {
      programmeId: programme.id,
      municipalityId: programme.ownerMunicipality.id,
      number: 41,
      startDate: '2030-01-14',
      capacity: 10,
      overIntake: 2,
      deliveryMode: 'on_site',
      place: 'Folkets hus',
      templateId: template.id,
      staffMemberIds: [lena.id],
    });
    groupId = group.id;
    groupEnd = group.endDate;
    browser = await launch();
    await mkdir(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('register, enrol, consent, mapping, assessment, attendance, outcome, follow-up, certificate', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    await signIn(page, api.url, lead);
    const tab = async (name: string) => {
      await page.getByTestId('participant-name').waitFor();
      await page.getByRole('tab', { name, exact: true }).click();
    };

    // Register, with the programme chosen.
    await page.goto(`${api.url}/deltagare/ny`);
    await chooseOption(page, 'p-programme', 'Nästa Steg');
    await page.getByTestId('p-first').fill('Amal');
    await page.getByTestId('p-last').fill('Yusuf');
    await page.getByTestId('p-pn').fill('920715-7893');
    await page.getByTestId('p-save').click();
    await page.waitForURL(/\/deltagare\/[0-9a-f-]{36}$/);
    const participantId = page.url().split('/').pop()!;
    assert.equal((await page.getByTestId('participant-name').innerText()).trim(), 'Amal Yusuf');

    // Enrol in the group.
    await tab('Inskrivningar');
    await page
      .getByTestId('enrol-group')
      .selectOption({ label: `Nästa Steg · Grupp 41 (2030-01-14 – ${groupEnd})` });
    await page.getByTestId('enrol-start').fill('2030-01-14');
    await page.getByTestId('enrol-save').click();
    await page.getByTestId('enrolment-status').waitFor();
    await expectNoAxeViolations(page, 'enrolments');

    // Consent to the national follow-up, given today.
    await tab('Samtycken');
    await page.getByTestId('consent-form').waitFor();
    await chooseOption(page, 'consent-purpose', 'Nationell uppföljning (Uppföljning Finsam)');
    await page.getByTestId('consent-date').fill(today);
    await page.getByTestId('consent-scope').fill('Uppföljning Finsam 2030');
    await page.getByTestId('consent-save').click();
    await expectSnack(page, 'Samtycket är registrerat.');
    await page.getByTestId('consent-row').waitFor();
    await expectNoAxeViolations(page, 'consents');

    // Mapping: the first individual talk.
    await tab('Kartläggning');
    await page.getByTestId('talk-form').waitFor();
    await page.getByTestId('talk-date').fill('2030-01-15');
    await page.getByTestId('talk-notes').fill('Mål: undersköterska. Vill praktisera inom äldreomsorgen.');
    await page.getByTestId('talk-save').click();
    await expectSnack(page, 'Samtalet är registrerat.');
    await page.getByTestId('talk-row').waitFor();
    await expectNoAxeViolations(page, 'mapping');

    // The start assessment.
    await tab('Progression');
    await page.getByTestId('assessment-form').waitFor();
    await chooseOption(page, 'assessment-stage', 'Start');
    await page.getByTestId('assessment-date').fill('2030-01-16');
    for (const [d, v] of Object.entries(RATINGS)) await page.getByTestId(`rating-${d}`).fill(String(v));
    await page.getByTestId('assessment-save').click();
    await expectSnack(page, 'Skattningen är sparad.');
    await expectNoAxeViolations(page, 'progress');

    // Attendance for her first week, on the group's grid.
    await page.goto(`${api.url}/grupper/${groupId}`);
    await page.getByTestId('week-label').waitFor();
    assert.equal((await page.getByTestId('week-label').innerText()).trim(), 'Vecka 3');
    await page.getByTestId('all-present').click();
    await page.getByTestId('save-week').click();
    await page.getByTestId('attendance-message').waitFor();
    assert.equal((await page.getByTestId('attendance-message').innerText()).trim(), 'Närvaron är sparad.');
    await expectNoAxeViolations(page, 'attendance');

    // Complete her enrolment at the group's end: the outcome form comes at once.
    await page.goto(`${api.url}/deltagare/${participantId}`);
    await tab('Inskrivningar');
    await page.getByTestId('complete-0').click();
    await page.getByTestId('end-date').fill(groupEnd);
    await page.getByTestId('enrolment-action-save').click();
    await page.getByTestId('complete-outcome').waitFor();
    await chooseOption(page, 'outcome-category', 'Arbete');
    await chooseOption(page, 'outcome-detail-code', 'Introduktionsjobb');
    await page.getByTestId('outcome-detail').fill('Undersköterska, Solgårdens äldreboende');
    await page.getByTestId('outcome-save').click();
    await expectSnack(page, 'Resultatet är sparat.');

    // The follow-up at 3 months, on its due date.
    const due3 = followUpDueDate(groupEnd, 3);
    await tab('Avslut');
    assert.equal((await page.getByTestId('follow-up-due-3').innerText()).trim(), due3);
    await page.getByTestId('follow-up-open-3').click();
    await page.getByTestId('follow-up-date').fill(due3);
    await chooseOption(page, 'follow-up-category', 'Arbete');
    await page.getByTestId('follow-up-detail').fill('Undersköterska, tillsvidare');
    await page.getByTestId('follow-up-save').click();
    await expectSnack(page, 'Uppföljningen efter 3 månader är sparad.');
    await expectNoRawCodes(page, 'outcome');
    await expectNoAxeViolations(page, 'outcome');

    // The certificate, signed by the counsellor.
    await tab('Diplom');
    await page.getByTestId('certificate-row').waitFor();
    await chooseOption(page, 'certificate-signer-0', 'Omar Sahin, Studie- och yrkesvägledare');
    await expectNoAxeViolations(page, 'certificate');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('certificate-download-0').click(),
    ]);
    const { text } = await extractText(new Uint8Array(await readFile(await download.path())), {
      mergePages: true,
    });
    const lines = text.split('\n').map((l) => l.trim());
    assert.equal(lines[0], 'Diplom');
    assert.ok(lines.includes('Amal Yusuf'), lines.join('\n'));
    assert.ok(
      lines.includes(`har deltagit i Nästa Steg, Grupp 41, 2030-01-14 – ${groupEnd}.`),
      lines.join('\n'),
    );
    assert.ok(lines.includes(`Utfärdat ${today}`), lines.join('\n'));
    await page.screenshot({ path: join(SHOTS, 'participant-week.png'), fullPage: true });
    await page.close();

    // Everything as stored.
    const person = await c.call('GET', `/api/participants/${participantId}`);
    assert.deepEqual(
      { firstName: person.firstName, lastName: person.lastName, personalNumber: person.personalNumber },
      { firstName: 'Amal', lastName: 'Yusuf', personalNumber: '19920715-7893' },
    );
    const enrolments = await c.call('GET', `/api/participants/${participantId}/enrolments`);
    assert.deepEqual(
      enrolments.map((e: Record<string, unknown>) => ({
        groupId: e.groupId,
        startDate: e.startDate,
        endDate: e.endDate,
        status: e.status,
      })),
      [{ groupId, startDate: '2030-01-14', endDate: groupEnd, status: 'completed' }],
    );
    const enrolmentId = enrolments[0].id as string;
    const consents = await c.call('GET', `/api/participants/${participantId}/consents`);
    assert.deepEqual(
      consents.map((x: Record<string, unknown>) => ({
        purpose: x.purpose,
        givenOn: x.givenOn,
        scope: x.scope,
        withdrawnAt: x.withdrawnAt,
      })),
      [{ purpose: 'national_followup', givenOn: today, scope: 'Uppföljning Finsam 2030', withdrawnAt: null }],
    );
    const talks = await c.call('GET', `/api/participants/${participantId}/talks`);
    assert.deepEqual(
      talks.map((t: { date: string; notes: string }) => ({ date: t.date, notes: t.notes })),
      [{ date: '2030-01-15', notes: 'Mål: undersköterska. Vill praktisera inom äldreomsorgen.' }],
    );
    const assessments = await c.call('GET', `/api/participants/${participantId}/assessments`);
    assert.deepEqual(
      assessments.map((a: Record<string, unknown>) => ({ stage: a.stage, date: a.date, ratings: a.ratings })),
      [{ stage: 'start', date: '2030-01-16', ratings: RATINGS }],
    );
    const grid = await c.call('GET', `/api/groups/${groupId}/attendance`);
    const dateOf = new Map(grid.sessions.map((s: { id: string; date: string }) => [s.id, s.date]));
    assert.deepEqual(
      grid.marks
        .filter((m: { enrolmentId: string }) => m.enrolmentId === enrolmentId)
        .map((m: { sessionId: string; status: string }) => [dateOf.get(m.sessionId), m.status])
        .sort(),
      [
        ['2030-01-14', 'present'],
        ['2030-01-16', 'present'],
      ],
    );
    const outcomes = await c.call('GET', `/api/participants/${participantId}/outcomes`);
    assert.deepEqual(
      outcomes.map((o: Record<string, unknown> & { followUps: Record<string, unknown>[] }) => ({
        enrolmentId: o.enrolmentId,
        category: o.category,
        detailCode: o.detailCode,
        detail: o.detail,
        date: o.date,
        followUps: o.followUps.map((f) => ({
          months: f.months,
          date: f.date,
          category: f.category,
          detail: f.detail,
        })),
      })),
      [
        {
          enrolmentId,
          category: 'work',
          detailCode: 'introduction_job',
          detail: 'Undersköterska, Solgårdens äldreboende',
          date: groupEnd,
          followUps: [{ months: 3, date: due3, category: 'work', detail: 'Undersköterska, tillsvidare' }],
        },
      ],
    );
    const trail = await c.call('GET', `/api/participants/${participantId}/audit-trail`);
    assert.ok(
      trail.some((e: { action: string }) => e.action === 'certificate.create'),
      'the certificate is in her audit trail',
    );
  });
});
