import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ApiClient } from './api-client';
import { failOnCspViolations, launch, signIn, expectNoAxeViolations } from './browser';
import { expectNoRawCodes } from './raw-codes';
import { demoPasswords, type RunningApi, startApi } from './server';
import { text } from './text';

const SHOTS = process.env.STEGVIS_SHOTS_DIR ?? join(tmpdir(), 'stegvis-shots');

/** Whether a toggle of the grid shows as chosen (Material marks the chosen toggle with a class). */
async function checked(page: Page, testId: string): Promise<boolean> {
  return ((await page.getByTestId(testId).getAttribute('class')) ?? '').includes('mat-button-toggle-checked');
}

interface Session {
  id: string;
  date: string;
  startTime: string;
  endTime: string;
  kind: string;
  theme: string;
  status: string;
  note: string | null;
  movedFrom: string | null;
}

/**
 * Issue 18: a worker reads the calendar with its skipped holidays named, adds a study visit, moves and cancels a
 * session with reasons, takes a week's attendance on a tablet with an excused absence's reason asked for, and
 * meets a colleague's save of the same week without losing her own marks.
 */
describe('calendar, sessions and the attendance grid (chromium against the real api)', () => {
  failOnCspViolations();
  let api: RunningApi;
  let browser: Browser;
  let staff: { email: string; password: string };
  let c: ApiClient;
  let colleague: ApiClient;
  let groupId: string;
  const enrolments: Record<string, string> = {};

  before(async () => {
    api = await startApi('calendar', 3241, { STEGVIS_DEMO_SEED: 'true' });
    const pw = await demoPasswords(api);
    staff = pw.staff;
    c = await new ApiClient(api.url).signIn(staff.email, staff.password);
    const admin = await new ApiClient(api.url).signIn(pw.admin.email, pw.admin.password);
    const programme = (await c.call('GET', '/api/programmes')).items.find(
      (p: { name: string }) => p.name === 'Nästa Steg',
    );
    const kim = { email: 'kim.kollega@stegvis.local', password: 'Kollegan tar narvaro 2027' };
    await admin.call('POST', '/api/users', {
      ...kim,
      displayName: 'Kim Kollega',
      role: 'staff',
      programmeIds: [programme.id],
    });
    colleague = await new ApiClient(api.url).signIn(kim.email, kim.password);
    const tpl = await c.call('POST', `/api/programmes/${programme.id}/templates`, {
      name: 'Vårens åtta veckor',
      phases: [{ kind: 'lectures', weeks: 8, lectures: true }],
      themes: ['CV-träning', 'Arbetsmarknadskunskap'],
      lectureCount: 24,
      lectureWeekdays: [1, 2, 4],
      lectureStart: '09:00',
      lectureEnd: '11:30',
      computerDayWeekday: null,
    });
    const group = await c.call('POST', '/api/groups', {
      programmeId: programme.id,
      municipalityId: programme.ownerMunicipality.id,
      // The demo's Nästa Steg has groups 1–5 in Ängelholm.
      number: 9,
      startDate: '2027-03-22',
      capacity: 10,
      overIntake: 2,
      deliveryMode: 'on_site',
      templateId: tpl.id,
    });
    groupId = group.id;
    for (const [first, last, gender] of [
      ['Amina', 'Hassan', 'woman'],
      ['Omar', 'Yusuf', 'man'],
    ]) {
      const p = await c.call('POST', '/api/participants', {
        programmeId: programme.id,
        firstName: first,
        lastName: last,
        gender,
        swedishLevel: 'sfi_c',
        languages: ['arabiska'],
      });
      const e = await c.call('POST', `/api/participants/${p.id}/enrolments`, {
        groupId,
        startDate: '2027-03-22',
      });
      enrolments[first] = e.id;
    }
    browser = await launch();
    await mkdir(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('staff see the skipped holidays named, add a study visit, and move and cancel sessions with reasons', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    await signIn(page, api.url, staff);
    await page.getByTestId('nav-grupper').click();
    await page.getByTestId('open-group-9').click();
    await page.getByRole('tab', { name: 'Kalender' }).click();
    await page.getByTestId('session-0').waitFor();
    // Lectures Mon, Tue, Thu from 22 March 2027: Easter Monday and Ascension Day fall on them.
    assert.equal(
      await text(page.getByTestId('skipped-holidays')),
      'Kalendern hoppade över 2 helgdagar: Annandag påsk (mån 29/3), Kristi himmelsfärdsdag (tor 6/5).',
    );
    assert.equal(
      await text(page.getByTestId('holiday-2027-03-29')),
      'mån 29/3 Helgdag, inget tillfälle: Annandag påsk',
    );
    assert.equal(
      await text(page.getByTestId('lectures-short')),
      '2 föreläsningar fick inte plats i föreläsningsveckorna.',
    );
    await expectNoRawCodes(page, 'kalender');
    await expectNoAxeViolations(page, 'kalender');

    // A study visit, first with an end before its start: the api's refusal shows at the field, nothing is lost.
    await page.getByTestId('add-session').click();
    await page.getByTestId('session-kind').click();
    await page.getByRole('option', { name: 'Studiebesök' }).click();
    await page.getByTestId('session-date').fill('2027-03-24');
    await page.getByTestId('session-start').fill('10:00');
    await page.getByTestId('session-end').fill('09:30');
    await page.getByTestId('session-theme').fill('Besök på Arbetsförmedlingen');
    await page.getByTestId('session-reason').fill('Gruppen bad om ett besök');
    await expectNoAxeViolations(page, 'lägg till tillfälle');
    await page.getByTestId('session-save').click();
    await page.getByTestId('session-end-error').waitFor();
    assert.equal(await text(page.getByTestId('session-end-error')), 'Måste vara efter starttiden.');
    assert.equal(await page.getByTestId('session-theme').inputValue(), 'Besök på Arbetsförmedlingen');
    await page.getByTestId('session-end').fill('12:00');
    await page.getByTestId('session-save').click();
    await page.getByTestId('session-form').waitFor({ state: 'detached' });
    // Mon 22 (0), Tue 23 (1), the visit on Wed 24 (2), Thu 25 (3).
    await page.getByTestId('session-2').filter({ hasText: 'Studiebesök' }).waitFor();
    assert.deepEqual(
      (await page.getByTestId('session-2').locator('td').allTextContents()).slice(0, 3).map((t) => t.trim()),
      ['ons 24/3', '10:00–12:00', 'Studiebesök'],
    );
    assert.equal(await text(page.getByTestId('calendar-status-2')), 'Notering: Gruppen bad om ett besök');

    // Move Thursday's lecture to Friday: without a reason it is refused at the field.
    await page.getByTestId('move-3').click();
    await page.getByTestId('session-date').fill('2027-03-26');
    await page.getByTestId('session-save').click();
    await page.getByTestId('session-reason-error').waitFor();
    await page.getByTestId('session-reason').fill('Salen är dubbelbokad');
    await page.getByTestId('session-save').click();
    await page.getByTestId('session-form').waitFor({ state: 'detached' });
    await page.getByTestId('calendar-status-3').filter({ hasText: 'Flyttat' }).waitFor();
    assert.equal(
      await text(page.getByTestId('calendar-status-3')),
      'Flyttat från tor 25/3: Salen är dubbelbokad',
    );

    // Cancel Monday's lecture: it stays in the calendar, cancelled, with its reason.
    await page.getByTestId('cancel-0').click();
    await expectNoAxeViolations(page, 'ställ in tillfälle');
    await page.getByTestId('session-reason').fill('Föreläsaren sjuk');
    await page.getByTestId('session-save').click();
    await page.getByTestId('session-form').waitFor({ state: 'detached' });
    await page.getByTestId('calendar-status-0').filter({ hasText: 'Inställt' }).waitFor();
    assert.equal(await text(page.getByTestId('calendar-status-0')), 'Inställt: Föreläsaren sjuk');
    await expectNoRawCodes(page, 'kalender efter ändringar');
    await expectNoAxeViolations(page, 'kalender efter ändringar');
    await page.screenshot({ path: join(SHOTS, 'calendar.png'), fullPage: true });

    const cal = await c.call<{ sessions: Session[] }>('GET', `/api/groups/${groupId}/sessions`);
    const pick = (s: Session) => ({
      date: s.date,
      startTime: s.startTime,
      endTime: s.endTime,
      kind: s.kind,
      theme: s.theme,
      status: s.status,
      note: s.note,
      movedFrom: s.movedFrom,
    });
    assert.deepEqual(cal.sessions.slice(0, 4).map(pick), [
      {
        date: '2027-03-22',
        startTime: '09:00',
        endTime: '11:30',
        kind: 'lecture',
        theme: 'CV-träning',
        status: 'cancelled',
        note: 'Föreläsaren sjuk',
        movedFrom: null,
      },
      {
        date: '2027-03-23',
        startTime: '09:00',
        endTime: '11:30',
        kind: 'lecture',
        theme: 'Arbetsmarknadskunskap',
        status: 'scheduled',
        note: '',
        movedFrom: null,
      },
      {
        date: '2027-03-24',
        startTime: '10:00',
        endTime: '12:00',
        kind: 'study_visit',
        theme: 'Besök på Arbetsförmedlingen',
        status: 'scheduled',
        note: 'Gruppen bad om ett besök',
        movedFrom: null,
      },
      {
        date: '2027-03-26',
        startTime: '09:00',
        endTime: '11:30',
        kind: 'lecture',
        theme: 'CV-träning',
        status: 'scheduled',
        note: 'Salen är dubbelbokad',
        movedFrom: '2027-03-25',
      },
    ]);
    assert.equal(cal.sessions.length, 23);
    await page.close();
  });

  it('on a tablet, an excused absence asks its reason, and a colleague’s save of the week keeps the worker’s marks', async () => {
    const context = await browser.newContext({
      viewport: { width: 820, height: 1180 },
      hasTouch: true,
      isMobile: true,
      locale: 'sv-SE',
    });
    const page = await context.newPage();
    await signIn(page, api.url, staff);
    await page.goto(`${api.url}/grupper/${groupId}`);
    await page.getByTestId('week-label').waitFor();
    // Week 12: the cancelled Monday (column 0, no toggles), Tuesday (1), the visit (2), the moved lecture (3).
    assert.equal(await text(page.getByTestId('week-label')), 'Vecka 12');
    await page.getByTestId('all-present').tap();

    // Going back from the reason question leaves the cell as it was: no reason is assumed.
    await page.getByTestId('mark-0-3-excused').tap();
    await page.getByTestId('absence-reason-ok').waitFor();
    assert.equal(await page.getByTestId('absence-reason-ok').isDisabled(), true);
    await expectNoAxeViolations(page, 'orsak till giltig frånvaro');
    await page.getByTestId('absence-reason-cancel').tap();
    await page.getByTestId('absence-reason-ok').waitFor({ state: 'detached' });
    assert.equal(await page.getByTestId('reason-0-3').count(), 0);
    assert.equal(await checked(page, 'mark-0-3-present'), true);

    await page.getByTestId('mark-1-1-excused').tap();
    await page.getByTestId('absence-reason-sick_child').tap();
    await page.getByTestId('absence-reason-ok').tap();
    await page.getByTestId('reason-1-1').waitFor();
    assert.equal(await text(page.getByTestId('reason-1-1')), 'Vård av barn');

    // The rate column is whole on an 820 px tablet: nothing of it is cut off on the right.
    const rate = await page.getByTestId('rate-1').boundingBox();
    assert.ok(rate && rate.x >= 0 && rate.x + rate.width <= 820, JSON.stringify(rate));
    assert.equal(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      true,
      'the page itself does not scroll sideways',
    );
    await page.screenshot({ path: join(SHOTS, 'attendance-820.png'), fullPage: true });

    // A colleague saves the same week after the worker loaded it.
    const grid = await c.call<{ sessions: { id: string; date: string }[] }>(
      'GET',
      `/api/groups/${groupId}/attendance`,
    );
    const on = (date: string) => grid.sessions.find((s) => s.date === date)!.id;
    await colleague.call(
      'PUT',
      `/api/groups/${groupId}/attendance`,
      {
        marks: [
          { sessionId: on('2027-03-23'), enrolmentId: enrolments.Omar, status: 'unexcused', version: 0 },
          {
            sessionId: on('2027-03-26'),
            enrolmentId: enrolments.Amina,
            status: 'excused',
            reason: 'doctor_appointment',
            version: 0,
          },
        ],
      },
      { 'Idempotency-Key': 'kim-vecka-12' },
    );

    await page.getByTestId('save-week').tap();
    await page.getByTestId('attendance-message').waitFor();
    assert.equal(
      await text(page.getByTestId('attendance-message')),
      'Någon annan sparade närvaro för de här tillfällena medan du arbetade. Veckan är uppdaterad med deras ändringar och dina egna markeringar ligger kvar ovanpå. Kontrollera de markerade rutorna och spara igen.',
    );
    // The worker's own marks stand; what the colleague stored is shown under them.
    assert.equal(await text(page.getByTestId('reason-1-1')), 'Vård av barn');
    assert.equal(await text(page.getByTestId('conflict-1-1')), 'Annan sparade: Ogiltig frånvaro');
    assert.equal(await checked(page, 'mark-0-3-present'), true);
    assert.equal(await text(page.getByTestId('conflict-0-3')), 'Annan sparade: Giltig frånvaro (Läkarbesök)');
    assert.equal(await page.locator('[data-testid^="conflict-"]').count(), 2);
    await expectNoRawCodes(page, 'närvaro efter krock');
    await expectNoAxeViolations(page, 'närvaro efter krock');
    await page.screenshot({ path: join(SHOTS, 'attendance-conflict-820.png'), fullPage: true });

    await page.getByTestId('save-week').tap();
    await page.getByTestId('attendance-message').filter({ hasText: 'Närvaron är sparad.' }).waitFor();
    assert.equal(await page.locator('[data-testid^="conflict-"]').count(), 0);

    const stored = await c.call<{
      marks: {
        sessionId: string;
        enrolmentId: string;
        status: string;
        reason: string | null;
        version: number;
      }[];
    }>('GET', `/api/groups/${groupId}/attendance`);
    const who = Object.fromEntries(Object.entries(enrolments).map(([n, id]) => [id, n]));
    const dateOf = Object.fromEntries(grid.sessions.map((s) => [s.id, s.date]));
    assert.deepEqual(
      stored.marks
        .map(
          (m) => `${dateOf[m.sessionId]} ${who[m.enrolmentId]} ${m.status} ${m.reason ?? '-'} v${m.version}`,
        )
        .sort(),
      [
        '2027-03-23 Amina present - v1',
        '2027-03-23 Omar excused sick_child v2',
        '2027-03-24 Amina present - v1',
        '2027-03-24 Omar present - v1',
        '2027-03-26 Amina present - v2',
        '2027-03-26 Omar present - v1',
      ],
    );
    await context.close();
  });
});
