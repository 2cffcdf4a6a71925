import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ApiClient } from './api-client';
import { failOnCspViolations, launch, signIn, expectNoAxeViolations, chooseOption } from './browser';
import { expectNoRawCodes } from './raw-codes';
import { demoPasswords, type RunningApi, startApi } from './server';
import { text } from './text';

const SHOTS = process.env.STEGVIS_SHOTS_DIR ?? join(tmpdir(), 'stegvis-shots');
const DOCS_IMG = join(__dirname, '../../../docs/img');

interface Session {
  date: string;
  kind: string;
  status: string;
}

/** The demo's "Tretton veckor" of Nästa Steg, which the lead copies into her new programme. */
const DEMO_PHASES = [
  { kind: 'mapping', weeks: 2, lectures: true },
  { kind: 'lectures', weeks: 7, lectures: true },
  { kind: 'internship', weeks: 4, lectures: false },
];
const DEMO_THEMES = [
  'Arbetsmarknadskunskap',
  'Utbildning',
  'CV-träning',
  'Presentationsteknik',
  'Motivation',
  'Samhällskunskap',
  'Jämställdhet',
  'Hälsa',
];

/**
 * Issue 18: a programme lead opens her new programme, which has no method template and so no calendar for its
 * groups, copies the template of another programme, changes it and saves it; starts a group from it in the
 * programme's second municipality, names its staff, reads the calendar with the skipped holidays named, changes
 * the group's dates (a refused end date first), and edits the template, which the group does not follow.
 */
describe('method templates and starting a group (chromium against the real api)', () => {
  failOnCspViolations();
  let api: RunningApi;
  let browser: Browser;
  let page: Page;
  let lead: { email: string; password: string };
  let c: ApiClient;
  let programmeId: string;
  let klippanId: string;
  let karimId: string;
  let groupId: string;
  let v1Id: string;

  before(async () => {
    api = await startApi('templates', 3295, { STEGVIS_DEMO_SEED: 'true' });
    const pw = await demoPasswords(api);
    lead = pw.staff;
    const admin = await new ApiClient(api.url).signIn(pw.admin.email, pw.admin.password);
    const municipalities: { id: string; name: string }[] = await admin.call('GET', '/api/municipalities');
    const organisations: { id: string; name: string }[] = await admin.call('GET', '/api/organisations');
    const angelholm = municipalities.find((m) => m.name === 'Ängelholm')!;
    klippanId = municipalities.find((m) => m.name === 'Klippan')!.id;
    // A new programme: the admin starts it and makes the lead its processledare.
    const programme = await admin.call('POST', '/api/programmes', {
      name: 'Nya Vägar',
      ownerMunicipalityId: angelholm.id,
      municipalityIds: [angelholm.id, klippanId],
      partnerOrganisationIds: organisations.slice(0, 2).map((o) => o.id),
      startDate: '2027-01-01',
      endDate: '2028-12-31',
      targetGroup: 'Utrikes födda kvinnor och män',
      goals: [{ key: 'attendance', description: 'Närvaro minst 80 %', targetValue: 80 }],
    });
    programmeId = programme.id;
    const users: { id: string; email: string }[] = await admin.call('GET', '/api/users');
    const leadUser = users.find((u) => u.email === lead.email)!;
    await admin.call('PUT', `/api/users/${leadUser.id}/programmes/${programmeId}`, { lead: true });
    c = await new ApiClient(api.url).signIn(lead.email, lead.password);
    const karim = await c.call('POST', '/api/staff-members', {
      name: 'Karim Handledare',
      staffRole: 'programme_worker',
    });
    karimId = karim.id;
    await c.call('POST', '/api/staff-allocations', {
      staffMemberId: karim.id,
      programmeId,
      percent: 50,
      startDate: '2027-01-01',
      endDate: '2027-12-31',
    });
    browser = await launch();
    await mkdir(SHOTS, { recursive: true });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    await signIn(page, api.url, lead);
  });
  after(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('the programme page leads a programme without a template to copying one, edited and saved', async () => {
    await page.goto(`${api.url}/insatser`);
    await page.getByRole('link', { name: 'Metodmallar för Nya Vägar' }).click();
    await page.getByTestId('list-empty').waitFor();
    await page.getByRole('heading', { name: 'Metodmallar – Nya Vägar' }).waitFor();
    assert.equal(
      await text(page.getByTestId('list-empty').locator('p')),
      'Insatsen har ingen metodmall ännu. Utan mall får grupperna ingen kalender. Skapa en mall, eller kopiera en från en annan insats.',
    );
    await expectNoRawCodes(page, 'metodmallar (tom)');
    await expectNoAxeViolations(page, 'metodmallar (tom)');

    await chooseOption(page, 'copy-programme', 'Nästa Steg');
    await chooseOption(page, 'copy-template', 'Tretton veckor (13 veckor)');
    await page.getByTestId('copy-go').click();
    await page.getByTestId('template-note').waitFor();
    assert.equal(
      await text(page.getByTestId('template-note')),
      'Kopia av Tretton veckor från Nästa Steg. Se över den och spara.',
    );
    assert.equal(await page.getByTestId('tpl-name').inputValue(), 'Tretton veckor (kopia)');
    await page.getByTestId('tpl-name').fill('Nya Vägar 13 veckor');
    await chooseOption(page, 'tpl-computer-day', 'Fredag');
    assert.equal(
      (await page.getByTestId('template-summary').innerText()).replace(/\s+/g, ' ').trim(),
      'Sammanställning Totalt 13 veckor varav 4 veckor praktik 9 veckor med föreläsningar ' +
        'Kartläggning · 2 veckor Föreläsningar · 7 veckor Praktik · 4 veckor ' +
        'Plats för 36 föreläsningar (4 dagar i veckan), före helgdagar.',
    );
    await expectNoRawCodes(page, 'metodmall');
    await expectNoAxeViolations(page, 'metodmall');
    await page.screenshot({ path: join(DOCS_IMG, 'template-editor.png'), fullPage: true });

    await page.getByTestId('tpl-save').click();
    await page.getByTestId('template-row').waitFor();
    assert.equal(
      (await page.getByTestId('template-row').innerText()).replace(/\s+/g, ' ').trim(),
      'Nya Vägar 13 veckor 13, varav 4 veckor praktik Kartläggning 2 v · Föreläsningar 7 v · Praktik 4 v ' +
        '31 · mån, tis, ons, tor 13:00–15:30 1 Ändra',
    );
    assert.equal(await text(page.locator('simple-snack-bar')), 'Metodmallen är sparad. Stäng');
    await expectNoAxeViolations(page, 'metodmallar');

    const stored = await c.call('GET', `/api/programmes/${programmeId}/templates`);
    assert.equal(stored.length, 1);
    v1Id = stored[0].id;
    assert.deepEqual(
      { ...stored[0], id: undefined, lineageId: undefined },
      {
        id: undefined,
        lineageId: undefined,
        programmeId,
        version: 1,
        supersededAt: null,
        name: 'Nya Vägar 13 veckor',
        phases: DEMO_PHASES,
        themes: DEMO_THEMES,
        lectureCount: 31,
        lectureWeekdays: [1, 2, 3, 4],
        lectureStart: '13:00',
        lectureEnd: '15:30',
        computerDayWeekday: 5,
        totalWeeks: 13,
      },
    );
    assert.equal(stored[0].lineageId, v1Id);
  });

  it('starts a group from the template in Klippan, names its staff and reads the calendar', async () => {
    await page.getByRole('link', { name: 'Starta en grupp' }).click();
    await page.getByTestId('group-template').waitFor();
    await chooseOption(page, 'group-municipality', 'Klippan');
    assert.equal(await page.getByTestId('group-number').inputValue(), '1');
    assert.equal(
      await text(page.getByTestId('group-template')),
      'Nya Vägar 13 veckor (13 veckor, version 1)',
    );
    await page.getByTestId('group-start').fill('2027-03-01');
    assert.equal(
      await text(page.getByTestId('group-end-from-template')),
      'Slutdatum enligt mallen: 2027-05-30',
    );
    await page.getByTestId('group-place').fill('Medborgarhuset, Klippan');
    await expectNoRawCodes(page, 'ny grupp');
    await expectNoAxeViolations(page, 'ny grupp');
    await page.getByTestId('group-save').click();
    await page.waitForURL(/\/grupper\/[0-9a-f-]{36}$/);
    groupId = page.url().split('/').pop()!;
    await page.getByTestId('group-facts').waitFor();
    assert.equal(await text(page.getByTestId('group-template')), 'Nya Vägar 13 veckor, version 1');
    assert.equal(await text(page.getByTestId('group-period')), '2027-03-01 – 2027-05-30');

    await page.getByTestId('staff-control').waitFor();
    await page.getByTestId('staff-pick').selectOption({ label: 'Karim Handledare' });
    await page.getByTestId('staff-add').click();
    await page.getByTestId('staff-status').waitFor();
    assert.equal(await text(page.getByTestId('staff-status')), 'Gruppens personal är sparad.');
    assert.match(await text(page.getByTestId('group-staff')), /Karim Handledare/);

    await page.getByRole('tab', { name: 'Kalender' }).click();
    await page.getByTestId('session-0').waitFor();
    // Lectures Monday to Thursday and a computer day on Fridays: Good Friday and Easter Monday 2027 fall on them.
    assert.equal(
      await text(page.getByTestId('skipped-holidays')),
      'Kalendern hoppade över 2 helgdagar: Långfredagen (fre 26/3), Annandag påsk (mån 29/3).',
    );
    await expectNoRawCodes(page, 'grupp');
    await expectNoAxeViolations(page, 'grupp');

    const calendar: { sessions: Session[]; skippedHolidays: { date: string; name: string }[] } = await c.call(
      'GET',
      `/api/groups/${groupId}/sessions`,
    );
    const lectures = calendar.sessions.filter((s) => s.kind === 'lecture');
    const computerDays = calendar.sessions.filter((s) => s.kind === 'computer_day');
    assert.equal(lectures.length, 31);
    assert.equal(lectures[30].date, '2027-04-22');
    // Thirteen Fridays, Good Friday left out.
    assert.equal(computerDays.length, 12);
    assert.deepEqual(
      calendar.sessions.filter((s) => ['2027-03-26', '2027-03-29'].includes(s.date)),
      [],
    );
    assert.deepEqual(calendar.skippedHolidays, [
      { date: '2027-03-26', name: 'långfredagen' },
      { date: '2027-03-29', name: 'annandag påsk' },
    ]);
  });

  it('changes the group’s dates, with an end that would cut off sessions refused at its field', async () => {
    await page.getByTestId('group-edit').click();
    await page.getByTestId('edit-end').fill('2027-04-15');
    await page.getByTestId('group-edit-save').click();
    await page.getByTestId('edit-end-error').waitFor();
    // After 15 April: lectures on 19–22 April and seven Friday computer days.
    assert.equal(
      await text(page.getByTestId('edit-end-error')),
      '11 planerade tillfällen hamnar utanför perioden, det första 2027-04-16. Flytta eller ställ in dem först.',
    );
    assert.equal(await page.getByTestId('edit-end').inputValue(), '2027-04-15');
    await expectNoAxeViolations(page, 'ändra grupp (fel)');
    // The internship is extended by almost three weeks.
    await page.getByTestId('edit-end').fill('2027-06-18');
    await page.getByTestId('group-edit-save').click();
    await page.getByTestId('group-saved').waitFor();
    assert.equal(await text(page.getByTestId('group-period')), '2027-03-01 – 2027-06-18');
    assert.equal(await text(page.locator('h1 .muted')), '2027-03-01 – 2027-06-18');
  });

  it('an edit of the template is its version 2; the group keeps version 1', async () => {
    await page.goto(`${api.url}/insatser/${programmeId}/mallar`);
    await page.getByRole('link', { name: 'Ändra Nya Vägar 13 veckor' }).click();
    await page.getByTestId('template-version-note').waitFor();
    assert.equal(await text(page.getByTestId('tpl-save')), 'Spara som version 2');
    await page.getByTestId('tpl-count').fill('32');
    await page.getByTestId('tpl-save').click();
    await page.getByTestId('template-row').waitFor();
    assert.match(
      (await page.getByTestId('template-row').innerText()).replace(/\s+/g, ' '),
      /^Nya Vägar 13 veckor .* 32 · .* 2 Ändra$/,
    );
    assert.equal(await text(page.locator('simple-snack-bar')), 'Metodmallen är sparad som version 2. Stäng');

    await page.goto(`${api.url}/grupper/${groupId}`);
    await page.getByTestId('group-template').waitFor();
    await page.getByText('Mallen har en nyare version').waitFor();
    assert.equal(
      await text(page.getByTestId('group-template')),
      'Nya Vägar 13 veckor, version 1 Mallen har en nyare version; gruppen behåller sin.',
    );
  });

  it('stored: the group as started and changed, both template versions', async () => {
    const group = await c.call('GET', `/api/groups/${groupId}`);
    assert.deepEqual(
      {
        programmeId: group.programmeId,
        municipalityId: group.municipalityId,
        number: group.number,
        name: group.name,
        startDate: group.startDate,
        endDate: group.endDate,
        capacity: group.capacity,
        overIntake: group.overIntake,
        deliveryMode: group.deliveryMode,
        place: group.place,
        templateId: group.templateId,
        staffMemberIds: group.staffMemberIds,
        version: group.version,
      },
      {
        programmeId,
        municipalityId: klippanId,
        number: 1,
        name: 'Grupp 1',
        startDate: '2027-03-01',
        endDate: '2027-06-18',
        capacity: 10,
        overIntake: 2,
        deliveryMode: 'on_site',
        place: 'Medborgarhuset, Klippan',
        templateId: v1Id,
        staffMemberIds: [karimId],
        version: 3,
      },
    );
    const current = await c.call('GET', `/api/programmes/${programmeId}/templates`);
    assert.deepEqual(
      current.map((t: { lineageId: string; version: number; lectureCount: number; supersededAt: null }) => [
        t.lineageId,
        t.version,
        t.lectureCount,
        t.supersededAt,
      ]),
      [[v1Id, 2, 32, null]],
    );
    const v1 = await c.call('GET', `/api/programmes/${programmeId}/templates/${v1Id}`);
    assert.equal(v1.version, 1);
    assert.equal(v1.lectureCount, 31);
    assert.equal(typeof v1.supersededAt, 'string');
  });
});
