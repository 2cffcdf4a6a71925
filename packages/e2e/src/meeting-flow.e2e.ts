import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { extractText } from 'unpdf';
import { ApiClient } from './api-client';
import { expectNoAxeViolations, failOnCspViolations, launch, signIn } from './browser';
import { expectNoRawCodes } from './raw-codes';
import { demoPasswords, type RunningApi, startApi } from './server';
import { text } from './text';

const SHOTS = process.env.STEGVIS_SHOTS_DIR ?? join(tmpdir(), 'stegvis-shots');

/** A table row's cells as a person reads them. */
const cells = async (row: Locator) =>
  (await row.locator('th, td').allTextContents()).map((c) => c.replace(/\s+/g, ' ').trim());

/**
 * An analysis-group meeting from planning to the next one (issue 19), in the browser only: an analysis member plans
 * a meeting inviting the analysis group from the committee and adds the programme's staff, takes attendance,
 * decides the two screened referrals (the agenda shows the flags and the urgent marker), records a case-discussion
 * note (warned off a health word), adds an action item (a due date before the meeting is refused), sends the minutes
 * and sees whom they went to; the next meeting carries the open action item. Set-up (committee, screened referrals,
 * a group) goes through the api client, and what was stored is read back through it.
 */
describe('analysis-group meeting flow (chromium against the real api)', () => {
  failOnCspViolations();
  let api: RunningApi;
  let browser: Browser;
  let page: Page;
  let analyst: { email: string; password: string };
  let staffApi: ApiClient;
  let analystApi: ApiClient;
  let programmeId: string;
  let analystId: string;
  let staffId: string;
  let firstMeeting: string;
  const NOTE = 'Hodan börjar i januari. Arbetsförmedlingen ordnar tolk till första träffen.';
  const ACTION = 'Boka tolk till första träffen';

  before(async () => {
    api = await startApi('meetingflow', 3302, {
      STEGVIS_DEMO_SEED: 'true',
      ...(process.env.STEGVIS_E2E_ADMIN_DIST
        ? { STEGVIS_ADMIN_DIST: process.env.STEGVIS_E2E_ADMIN_DIST }
        : {}),
    });
    const users = await demoPasswords(api);
    analyst = users.analysis_member;
    staffApi = await new ApiClient(api.url).signIn(users.staff.email, users.staff.password);
    analystApi = await new ApiClient(api.url).signIn(analyst.email, analyst.password);
    analystId = (await analystApi.call('GET', '/api/auth/me')).id;
    staffId = (await staffApi.call('GET', '/api/auth/me')).id;
    const programme = (await staffApi.call('GET', '/api/programmes')).items.find(
      (p: { name: string }) => p.name === 'Nästa Steg',
    );
    programmeId = programme.id;
    await staffApi.call('POST', '/api/groups', {
      programmeId,
      municipalityId: programme.ownerMunicipality.id,
      number: 6,
      startDate: '2030-01-14',
      endDate: '2030-04-12',
      capacity: 10,
      overIntake: 2,
      deliveryMode: 'on_site',
    });
    const org = (name: string) =>
      programme.partnerOrganisations.find((o: { name: string }) => o.name === name) as { id: string };
    const af = org('Arbetsförmedlingen');
    // The analysis group as the committee screen stores it: one member with an account, one without.
    await staffApi.call('POST', `/api/programmes/${programmeId}/committees`, {
      kind: 'analysis',
      name: 'Ali Handläggare',
      organisationId: af.id,
      roleTitle: 'Arbetsförmedlare',
      userId: analystId,
    });
    await staffApi.call('POST', `/api/programmes/${programmeId}/committees`, {
      kind: 'analysis',
      name: 'Berit Utan Konto',
      organisationId: programme.partnerOrganisations.find((o: { id: string }) => o.id !== af.id).id,
    });
    for (const [first, extra] of [
      ['Hodan', { priority: 'high' }],
      ['Sahar', {}],
    ] as const) {
      const r = await analystApi.call('POST', '/api/referrals', {
        programmeId,
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
      await staffApi.call('POST', `/api/referrals/${r.id}/status`, {
        status: 'screened',
        version: r.version,
      });
    }
    browser = await launch();
    await mkdir(SHOTS, { recursive: true });
    page = await browser.newPage({
      viewport: { width: 1280, height: 900 },
      locale: 'sv-SE',
      acceptDownloads: true,
    });
  });
  after(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('plans a meeting with the analysis group invited from the committee, and the programme staff added', async () => {
    await signIn(page, api.url, analyst);
    await page.goto(`${api.url}/remisser`);
    const invitees = page.getByTestId('invitees');
    await invitees.getByTestId('invitee').first().waitFor();
    const member = invitees.getByRole('checkbox', {
      name: /Ali Handläggare – Arbetsförmedlingen, Arbetsförmedlare/,
    });
    assert.equal(await member.isChecked(), true, 'the analysis group is invited by default');
    assert.match(
      await text(invitees.getByTestId('invitee-unavailable')),
      /^Berit Utan Konto – .+: har ingen inloggning och kan inte kallas$/,
    );
    const staffBox = invitees.getByRole('checkbox', { name: /Sara Processledare/ });
    assert.equal(await staffBox.isChecked(), false, 'the staff are offered, not invited by default');
    await staffBox.check();
    assert.match(await text(invitees.locator('legend')), /\(valda: 2\)/);
    await expectNoAxeViolations(page, 'remisser med möten');
    await page.getByTestId('meeting-date').fill('2030-01-08');
    await page.getByTestId('create-meeting').click();
    await page.waitForURL(/\/remisser\/moten\/[0-9a-f-]{36}$/);
    firstMeeting = page.url().split('/').pop()!;
    await page.getByTestId('agenda-0').waitFor();
    const stored = await analystApi.call('GET', `/api/meetings/${firstMeeting}`);
    assert.deepEqual(
      stored.invited.map((i: { userId: string }) => i.userId).sort(),
      [analystId, staffId].sort(),
    );
  });

  it('runs the meeting: attendance, decisions with flags and the urgent marker, a case note, an action item, the minutes', async () => {
    // The agenda shows the urgent marker and the screening flags.
    const agenda = [await text(page.getByTestId('agenda-0')), await text(page.getByTestId('agenda-1'))];
    const hodan = agenda[0].includes('Hodan') ? 0 : 1;
    const sahar = 1 - hodan;
    assert.match(agenda[hodan], /^Hodan Ali/);
    assert.match(await text(page.getByTestId(`agenda-${hodan}`).getByTestId('urgent')), /Brådskande$/);
    assert.equal(await page.getByTestId(`agenda-${sahar}`).getByTestId('urgent').count(), 0);
    const flags = page.getByTestId(`agenda-${hodan}`).getByTestId('agenda-flags').locator('li');
    assert.deepEqual(
      (await flags.allTextContents()).map((f) => f.replace(/\s+/g, ' ').trim()),
      [
        '✓Uppfyllt: Svenskanivå SFI C (kravet är minst SFI C)',
        '✓Uppfyllt: Utrikes född',
        '✓Uppfyllt: Ålder 31 (18–64)',
        '✓Uppfyllt: Inskriven på Arbetsförmedlingen',
      ],
    );
    assert.equal(
      await text(page.getByTestId('carried-actions').locator('p')),
      'Inga öppna åtgärder från tidigare möten.',
    );

    // Attendance: the analysis member came, the staff member did not.
    await page
      .getByRole('checkbox', { name: /Ali Handläggare|analys/i })
      .first()
      .check();
    await page.getByTestId('save-meeting-attendance').click();
    await page.getByTestId('meeting-message').filter({ hasText: 'Sparat' }).waitFor();

    await page.getByTestId(`decision-${hodan}`).selectOption('accept');
    await page.getByTestId(`group-${hodan}`).selectOption({ label: 'Grupp 6 (2030-01-14, 0/10)' });
    await page.getByTestId(`decision-${sahar}`).selectOption('decline');
    await page.getByTestId(`reason-${sahar}`).fill('Har fått plats i annan insats');
    await page.getByTestId('save-decisions').click();
    await page.getByTestId('meeting-message').filter({ hasText: 'Besluten är sparade.' }).waitFor();
    assert.match(await text(page.getByTestId(`agenda-${hodan}`)), /Beslut: Antagen/);

    // The case discussion: the rule stands by the field; a health word is warned about before saving.
    assert.match(await text(page.getByTestId('notes-rule')), /Skriv aldrig hälsouppgifter här/);
    await page.getByTestId('case-notes').fill('Hodan är sjukskriven till december.');
    await page
      .getByTestId('notes-warning')
      .filter({ hasText: 'Texten ser ut att innehålla hälsouppgifter: sjukskriv.' })
      .waitFor();
    await page.getByTestId('case-notes').fill(NOTE);
    assert.equal(await text(page.getByTestId('notes-warning')), '');
    await page.getByTestId('save-notes').click();
    await page.getByTestId('meeting-message').filter({ hasText: 'Anteckningarna är sparade.' }).waitFor();
    // Someone else saves the notes meanwhile (the programme's staff, here through the api): saving on the old
    // version is refused, her text stays in the field and theirs is shown to bring in.
    const current = await staffApi.call('GET', `/api/meetings/${firstMeeting}`);
    await staffApi.call('PATCH', `/api/meetings/${firstMeeting}/notes`, {
      caseNotes: 'Sara: följs upp i februari.',
      version: current.version,
    });
    await page.getByTestId('case-notes').fill(`${NOTE} Tillägg.`);
    await page.getByTestId('save-notes').click();
    await page
      .getByTestId('meeting-message')
      .filter({ hasText: 'Någon annan sparade mötet medan du skrev.' })
      .waitFor();
    assert.equal(
      await text(page.getByTestId('other-notes').locator('blockquote')),
      'Sara: följs upp i februari.',
    );
    assert.equal(await page.getByTestId('case-notes').inputValue(), `${NOTE} Tillägg.`);
    await page.getByTestId('case-notes').fill(NOTE);
    await page.getByTestId('save-notes').click();
    await page.getByTestId('meeting-message').filter({ hasText: 'Anteckningarna är sparade.' }).waitFor();
    assert.equal(await page.getByTestId('other-notes').count(), 0);

    // An action item: a due date before the meeting is refused by the api and the form keeps what was typed.
    await page.getByTestId('action-text').fill(ACTION);
    await page.getByTestId('action-owner').fill('Ali Handläggare');
    await page.getByTestId('action-due').fill('2030-01-01');
    await page.getByTestId('add-action').click();
    await page
      .getByTestId('action-due-error')
      .filter({ hasText: 'Sista dag kan inte vara före mötet (2030-01-08).' })
      .waitFor();
    assert.equal(await page.getByTestId('action-text').inputValue(), ACTION);
    await page.getByTestId('action-due').fill('2030-01-20');
    await page.getByTestId('add-action').click();
    await page.getByTestId('meeting-message').filter({ hasText: 'Åtgärden är tillagd.' }).waitFor();
    assert.deepEqual(await cells(page.getByTestId('action-item')), [
      ACTION,
      'Ali Handläggare',
      '2030-01-20',
      'Öppen Markera klar',
    ]);

    await page.getByTestId('send-minutes').click();
    await page.getByTestId('minutes-sent').waitFor();
    assert.deepEqual(
      (await page.getByTestId('minutes-recipient').allTextContents()).map((s) => s.trim()).sort(),
      ['Ali Handläggare (Arbetsförmedlingen)', 'Sara Processledare (Processpersonal)'],
    );
    await expectNoRawCodes(page, 'analysgruppens möte');
    await expectNoAxeViolations(page, 'analysgruppens möte');
    await page.screenshot({ path: join(SHOTS, 'meeting-flow-meeting.png'), fullPage: true });

    // The minutes PDF carries the decisions and the action item, never the case note.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('minutes').click(),
    ]);
    const { text: pdf } = await extractText(new Uint8Array(await readFile(await download.path())), {
      mergePages: true,
    });
    assert.match(pdf, /Hodan Ali \(Arbetsförmedlingen\): Antagen/);
    assert.match(pdf, new RegExp(`${ACTION} – ansvarig Ali Handläggare, senast 2030-01-20`));
    assert.doesNotMatch(pdf, /tolk till första träffen\./);
    assert.doesNotMatch(pdf, /januari/);

    // Read back what was stored.
    const m = await analystApi.call('GET', `/api/meetings/${firstMeeting}`);
    assert.equal(m.status, 'held');
    assert.equal(m.caseNotes, NOTE);
    assert.deepEqual(
      m.actionItems.map((a: { text: string; owner: string; dueDate: string; done: boolean }) => [
        a.text,
        a.owner,
        a.dueDate,
        a.done,
      ]),
      [[ACTION, 'Ali Handläggare', '2030-01-20', false]],
    );
    assert.deepEqual(
      m.decisions.map((d: { decision: string; reason: string }) => [d.decision, d.reason]).sort(),
      [
        ['accept', ''],
        ['decline', 'Har fått plats i annan insats'],
      ],
    );
    assert.deepEqual(
      m.invited
        .map((i: { userId: string; present: boolean | null }) => [i.userId === analystId, i.present])
        .sort(),
      [
        [false, false],
        [true, true],
      ],
    );
    assert.deepEqual(
      m.minutesSent.recipients.map((r: { userId: string }) => r.userId).sort(),
      [analystId, staffId].sort(),
    );
  });

  it('shows attendance by organisation, and the next meeting carries the open action item', async () => {
    await page.goto(`${api.url}/remisser`);
    await page.getByTestId('attendance-row').first().waitFor();
    const rows = await Promise.all((await page.getByTestId('attendance-row').all()).map(cells));
    assert.deepEqual(rows, [
      ['Arbetsförmedlingen', '1 av 1', '0 av 1'],
      ['Processpersonal', '0 av 1 1 frånvarande', '1 av 1'],
    ]);
    await page.screenshot({ path: join(SHOTS, 'meeting-flow-list.png'), fullPage: true });
    await page.getByTestId('meeting-date').fill('2030-02-05');
    await page.getByTestId('create-meeting').click();
    await page.waitForURL(
      (u) => /\/remisser\/moten\/[0-9a-f-]{36}$/.test(u.pathname) && !u.pathname.endsWith(firstMeeting),
    );
    const carried = page.getByTestId('carried-item');
    await carried.waitFor();
    assert.deepEqual(await cells(carried), [
      ACTION,
      '2030-01-08',
      'Ali Handläggare',
      '2030-01-20',
      'Öppen Markera klar',
    ]);
    await expectNoAxeViolations(page, 'nästa möte');
    await page.screenshot({ path: join(SHOTS, 'meeting-flow-next.png'), fullPage: true });
    const next = await analystApi.call('GET', `/api/meetings/${page.url().split('/').pop()}`);
    assert.deepEqual(
      next.carriedActionItems.map((a: { text: string; meetingId: string; done: boolean }) => [
        a.text,
        a.meetingId,
        a.done,
      ]),
      [[ACTION, firstMeeting, false]],
    );
  });
});
