import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { stockholmToday } from '@stegvis/contracts';
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
}

/** A download started by clicking `testId`, as the text pdf.js reads from it, one trimmed line each. */
async function pdfLines(page: Page, testId: string): Promise<string[]> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const { text } = await extractText(new Uint8Array(await readFile(await download.path())), {
    mergePages: true,
  });
  return text.split('\n').map((l) => l.trim());
}

const RATINGS = {
  start: [2, 1, 1, 1, 1, 3, 2],
  middle: [3, 2, 3, 2, 2, 3, 3],
  end: [4, 4, 4, 3, 3, 4, 5],
} as const;
const DIMENSIONS = [
  'swedish',
  'digital_skills',
  'labour_market_knowledge',
  'job_search',
  'network',
  'health_energy',
  'self_belief',
] as const;

describe('the work with a participant: mapping, assessments, action plan, certificate (chromium)', () => {
  failOnCspViolations();
  let api: RunningApi;
  let browser: Browser;
  let lead: { email: string; password: string };
  const worker = { email: 'vera.arbetare@stegvis.local', password: 'Ingen hälsoåtkomst 2030' };
  let c: ApiClient;
  let participantId: string;
  let enrolmentId: string;
  let groupEnd: string;

  before(async () => {
    api = await startApi('participantwork', 3271, { STEGVIS_DEMO_SEED: 'true' });
    const pw = await demoPasswords(api);
    lead = pw.staff;
    c = await new ApiClient(api.url).signIn(lead.email, lead.password);
    const admin = await new ApiClient(api.url).signIn(pw.admin.email, pw.admin.password);
    const me = await c.call('GET', '/api/auth/me');
    const programme = (await c.call('GET', '/api/programmes')).items.find(
      (p: { name: string }) => p.name === 'Nästa Steg',
    );
    // A worker of the programme who is neither lead nor staff of her group: no health access.
    await admin.call('POST', '/api/users', {
      ...worker,
      displayName: 'Vera Arbetare',
      role: 'staff',
      programmeIds: [programme.id],
    });
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
      number: 31,
      startDate: '2030-01-14',
      capacity: 10,
      overIntake: 2,
      deliveryMode: 'on_site',
      place: 'Folkets hus',
      templateId: template.id,
      staffMemberIds: [lena.id],
    });
    groupEnd = group.endDate;
    const p = await c.call('POST', '/api/participants', {
      programmeId: programme.id,
      firstName: 'Fatima',
      lastName: 'Warsame',
      gender: 'woman',
      swedishLevel: 'sfi_c',
      languages: ['somaliska'],
    });
    participantId = p.id;
    const e = await c.call('POST', `/api/participants/${participantId}/enrolments`, {
      groupId: group.id,
      startDate: '2030-01-14',
    });
    enrolmentId = e.id;
    await c.call('PATCH', `/api/enrolments/${enrolmentId}`, { status: 'completed', endDate: groupEnd });
    browser = await launch();
    await mkdir(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await api?.stop();
  });

  const openTab = async (page: Page, who: { email: string; password: string }, tab: string) => {
    await signIn(page, api.url, who);
    await page.goto(`${api.url}/deltagare/${participantId}`);
    await page.getByTestId('participant-name').waitFor();
    await page.getByRole('tab', { name: tab, exact: true }).click();
  };

  it('the lead records a health need and an individual talk in the mapping', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    await openTab(page, lead, 'Kartläggning');
    await page.getByTestId('need-form').waitFor();
    await chooseOption(page, 'need-kind', 'Psykisk hälsa');
    await page.getByTestId('need-care').fill('Vårdcentralen Centrum');
    await page.getByTestId('need-note').fill('Sover dåligt, har kontakt med kurator');
    await page.getByTestId('need-save').click();
    await expectSnack(page, 'Behovet är registrerat.');
    assert.deepEqual(
      (await page.getByTestId('need-row').allInnerTexts()).map((t) => t.split('\t').map((s) => s.trim())),
      [['Psykisk hälsa', 'Sover dåligt, har kontakt med kurator', 'Vårdcentralen Centrum', stockholmToday()]],
    );

    // A date that does not exist is refused at its field, in Swedish, and what was typed stays.
    await page.getByTestId('talk-date').fill('2030-02-30');
    await page
      .getByTestId('talk-notes')
      .fill('Pratade om mål: undersköterska. Vill praktisera inom äldreomsorg.');
    await page.getByTestId('talk-save').click();
    await page.getByTestId('talk-date-error').waitFor();
    assert.equal(
      (await page.getByTestId('talk-date-error').innerText()).trim(),
      'Skriv datumet som ÅÅÅÅ-MM-DD',
    );
    assert.equal(
      await page.getByTestId('talk-notes').inputValue(),
      'Pratade om mål: undersköterska. Vill praktisera inom äldreomsorg.',
    );
    await page.getByTestId('talk-date').fill('2030-01-20');
    await page.getByTestId('talk-save').click();
    await expectSnack(page, 'Samtalet är registrerat.');
    await page.getByTestId('talk-row').waitFor();
    assert.equal(
      (await page.getByTestId('talk-row').innerText()).trim(),
      '2030-01-20: Pratade om mål: undersköterska. Vill praktisera inom äldreomsorg.',
    );
    await expectNoRawCodes(page, 'mapping');
    await expectNoAxeViolations(page, 'mapping');
    await page.screenshot({ path: join(SHOTS, 'participant-mapping.png'), fullPage: true });
    await page.close();

    const needs = await c.call('GET', `/api/participants/${participantId}/needs`);
    assert.deepEqual(
      needs.map((n: { kind: string; note: string; careContact: string }) => ({
        kind: n.kind,
        note: n.note,
        careContact: n.careContact,
      })),
      [
        {
          kind: 'health_mental',
          note: 'Sover dåligt, har kontakt med kurator',
          careContact: 'Vårdcentralen Centrum',
        },
      ],
    );
    const talks = await c.call('GET', `/api/participants/${participantId}/talks`);
    assert.deepEqual(
      talks.map((t: { date: string; notes: string }) => ({ date: t.date, notes: t.notes })),
      [{ date: '2030-01-20', notes: 'Pratade om mål: undersköterska. Vill praktisera inom äldreomsorg.' }],
    );
  });

  it('a worker without health access sees "no access" and no form; the api refuses her need', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    await openTab(page, worker, 'Kartläggning');
    await page.getByTestId('mapping-no-access').waitFor();
    assert.match(
      await page.getByTestId('mapping-no-access').innerText(),
      /^Du har inte åtkomst till kartläggningen/,
    );
    assert.equal(await page.getByTestId('need-form').count(), 0);
    assert.equal(await page.getByTestId('talk-form').count(), 0);
    assert.doesNotMatch(await page.locator('main').innerText(), /kurator|Vårdcentralen|undersköterska/);
    await expectNoAxeViolations(page, 'mapping without access');
    await page.close();

    const w = await new ApiClient(api.url).signIn(worker.email, worker.password);
    await assert.rejects(
      w.call('POST', `/api/participants/${participantId}/needs`, {
        kind: 'health_physical',
        note: 'Ont i ryggen',
      }),
      /: 404 /,
    );
    const needs = await c.call('GET', `/api/participants/${participantId}/needs`);
    assert.equal(needs.length, 1);
  });

  it('assessments at start, middle and end fill the chart and its table', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    await openTab(page, lead, 'Progression');
    await page.getByTestId('assessment-form').waitFor();
    await page.getByTestId('no-assessment').waitFor();
    const dates = { start: '2030-01-15', middle: '2030-02-26', end: '2030-04-02' } as const;
    for (const [stage, label] of [
      ['start', 'Start'],
      ['middle', 'Mitten'],
      ['end', 'Slut'],
    ] as const) {
      await chooseOption(page, 'assessment-stage', label);
      await page.getByTestId('assessment-date').fill(dates[stage]);
      for (const [i, d] of DIMENSIONS.entries())
        await page.getByTestId(`rating-${d}`).fill(String(RATINGS[stage][i]));
      if (stage === 'start') {
        // Outside 1–5: refused at the field, and the typed value stays.
        await page.getByTestId('rating-network').fill('6');
        await page.getByTestId('assessment-save').click();
        await page.getByTestId('rating-network-error').waitFor();
        assert.equal((await page.getByTestId('rating-network-error').innerText()).trim(), 'Högst 5');
        assert.equal(await page.getByTestId('rating-network').inputValue(), '6');
        await page.getByTestId('rating-network').fill(String(RATINGS.start[4]));
      }
      await page.getByTestId('assessment-save').click();
      await expectSnack(page, 'Skattningen är sparad.');
      await page.waitForFunction(() => !document.querySelector('.sv-outcome-done'), undefined, {
        timeout: 20_000,
      });
    }
    const table = page.getByTestId('progress-table');
    assert.deepEqual(
      (await table.locator('thead th').allInnerTexts()).map((t) => t.trim()),
      ['Område', 'Start (2030-01-15)', 'Mitten (2030-02-26)', 'Slut (2030-04-02)'],
    );
    assert.deepEqual(
      (await table.locator('tbody tr').allInnerTexts()).map((t) => t.split('\t').map((s) => s.trim())),
      [
        ['Svenska', '2', '3', '4'],
        ['Digital kompetens', '1', '2', '4'],
        ['Kunskap om arbetsmarknaden', '1', '3', '4'],
        ['Jobbsökande', '1', '2', '3'],
        ['Nätverk', '1', '2', '3'],
        ['Hälsa och ork', '3', '3', '4'],
        ['Tro på egen förmåga', '2', '3', '5'],
      ],
    );
    assert.equal(await page.locator('sv-progress-chart canvas').count(), 1);
    await expectNoRawCodes(page, 'progress');
    await expectNoAxeViolations(page, 'progress');
    await page.screenshot({ path: join(SHOTS, 'participant-progress.png'), fullPage: true });
    await page.close();

    const stored = await c.call('GET', `/api/participants/${participantId}/assessments`);
    assert.deepEqual(
      stored.map((a: { stage: string; date: string; ratings: Record<string, number> }) => ({
        stage: a.stage,
        date: a.date,
        ratings: a.ratings,
      })),
      (['start', 'middle', 'end'] as const).map((s) => ({
        stage: s,
        date: dates[s],
        ratings: Object.fromEntries(DIMENSIONS.map((d, i) => [d, RATINGS[s][i]])),
      })),
    );
  });

  it('the action plan: steps added, one changed, one marked done, and the PDF prints them', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    await openTab(page, lead, 'Handlingsplan');
    await page.getByTestId('step-form').waitFor();
    await page.getByTestId('list-empty').waitFor();
    const add = async (text: string, owner: string, due: string) => {
      await page.getByTestId('step-text').fill(text);
      await page.getByTestId('step-owner').fill(owner);
      await page.getByTestId('step-due').fill(due);
      await page.getByTestId('step-save').click();
    };
    await add('Söka undersköterskeutbildning med språkstöd', 'Deltagaren', '2030-05-31');
    await expectSnack(page, 'Steget är tillagt.');
    await add('Boka trepartssamtal med Arbetsförmedlingen', 'SYV', '2030-04-30');
    await page.getByTestId('step-row').nth(1).waitFor();
    // A missing owner is refused at its field and keeps the rest.
    await page.getByTestId('step-text').fill('Skriva CV');
    await page.getByTestId('step-due').fill('2030-04-20');
    await page.getByTestId('step-save').click();
    await page.getByText('Fyll i fältet').waitFor();
    assert.equal(await page.getByTestId('step-text').inputValue(), 'Skriva CV');
    await page.getByTestId('step-owner').fill('Deltagaren och Omar');
    await page.getByTestId('step-save').click();
    await page.getByTestId('step-row').nth(2).waitFor();

    // Change the CV step's date, then mark the meeting done.
    await page.getByTestId('step-edit-0').click();
    assert.equal(await page.getByTestId('step-text').inputValue(), 'Skriva CV');
    await page.getByTestId('step-due').fill('2030-04-24');
    await page.getByTestId('step-save').click();
    await expectSnack(page, 'Steget är ändrat.');
    await page.getByTestId('step-done-1').locator('input').check();
    await expectSnack(page, 'Steget är markerat som klart.');
    assert.deepEqual(
      (await page.getByTestId('step-row').allInnerTexts()).map((t) =>
        t
          .split('\t')
          .map((s) => s.trim())
          .slice(1, 4),
      ),
      [
        ['2030-04-24', 'Deltagaren och Omar', 'Skriva CV'],
        ['2030-04-30', 'SYV', 'Boka trepartssamtal med Arbetsförmedlingen'],
        ['2030-05-31', 'Deltagaren', 'Söka undersköterskeutbildning med språkstöd'],
      ],
    );
    assert.equal(await page.getByTestId('step-done-1').locator('input').isChecked(), true);
    await expectNoRawCodes(page, 'action plan');
    await expectNoAxeViolations(page, 'action plan');
    await page.screenshot({ path: join(SHOTS, 'participant-action-plan.png'), fullPage: true });

    const lines = await pdfLines(page, 'plan-pdf');
    const at = lines.indexOf('Planen framåt');
    assert.deepEqual(lines.slice(at, at + 4), [
      'Planen framåt',
      '2030-04-24 · Deltagaren och Omar: Skriva CV',
      '[klart] 2030-04-30 · SYV: Boka trepartssamtal med Arbetsförmedlingen',
      '2030-05-31 · Deltagaren: Söka undersköterskeutbildning med språkstöd',
    ]);
    await page.close();

    const steps = await c.call('GET', `/api/enrolments/${enrolmentId}/action-plan/steps`);
    assert.deepEqual(
      steps.map((s: { text: string; owner: string; dueDate: string; done: boolean; version: number }) => ({
        text: s.text,
        owner: s.owner,
        dueDate: s.dueDate,
        done: s.done,
        version: s.version,
      })),
      [
        { text: 'Skriva CV', owner: 'Deltagaren och Omar', dueDate: '2030-04-24', done: false, version: 2 },
        {
          text: 'Boka trepartssamtal med Arbetsförmedlingen',
          owner: 'SYV',
          dueDate: '2030-04-30',
          done: true,
          version: 2,
        },
        {
          text: 'Söka undersköterskeutbildning med språkstöd',
          owner: 'Deltagaren',
          dueDate: '2030-05-31',
          done: false,
          version: 1,
        },
      ],
    );
  });

  it("the certificate lists the group's modules, the date of issue and the chosen signer", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    await openTab(page, lead, 'Diplom');
    await page.getByTestId('certificate-row').waitFor();
    assert.equal(await page.getByTestId('certificate-download-0').isDisabled(), true);
    await chooseOption(page, 'certificate-signer-0', 'Omar Sahin, Studie- och yrkesvägledare');
    await expectNoRawCodes(page, 'certificate');
    await expectNoAxeViolations(page, 'certificate');
    await page.screenshot({ path: join(SHOTS, 'participant-certificate.png'), fullPage: true });
    const lines = await pdfLines(page, 'certificate-download-0');
    await expectSnack(page, 'Filen är nedladdad.');
    assert.equal(lines[0], 'Diplom');
    assert.ok(lines.includes('Fatima Warsame'));
    assert.ok(
      lines.includes(`har deltagit i Nästa Steg, Grupp 31, 2030-01-14 – ${groupEnd}.`),
      lines.join('\n'),
    );
    const at = lines.indexOf('Insatsen har omfattat:');
    assert.deepEqual(lines.slice(at, at + 4), [
      'Insatsen har omfattat:',
      '1. Kartläggning, 2 veckor',
      '2. Föreläsningar, 6 veckor: Arbetsmarknadskunskap, CV-träning, Intervjuträning',
      '3. Praktik, 4 veckor',
    ]);
    assert.ok(lines.includes(`Utfärdat ${stockholmToday()}`), lines.join('\n'));
    const sign = lines.indexOf('Omar Sahin');
    assert.deepEqual(lines.slice(sign, sign + 2), ['Omar Sahin', 'Studie- och yrkesvägledare']);
    assert.doesNotMatch(lines.join('\n'), /kurator|Vårdcentralen/);
    await page.close();

    const trail = await c.call('GET', `/api/participants/${participantId}/audit-trail`);
    assert.ok(
      trail.some((e: { action: string }) => e.action === 'certificate.create'),
      'the certificate is in her audit trail',
    );
  });
});
