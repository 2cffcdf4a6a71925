import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { stockholmToday } from '@stegvis/contracts';
import type { Browser, Page } from 'playwright-core';
import { extractText } from 'unpdf';
import { ApiClient } from './api-client';
import { chooseOption, expectNoAxeViolations, failOnCspViolations, launch, signIn } from './browser';
import { expectNoRawCodes } from './raw-codes';
import { demoPasswords, type RunningApi, startApi } from './server';
import { text } from './text';

const SHOTS = process.env.STEGVIS_SHOTS_DIR ?? join(tmpdir(), 'stegvis-shots');

/** A Swedish day `offset` days from today. */
const day = (offset: number) => stockholmToday(Date.now() + offset * 86_400_000);

describe('the paper questionnaire, printed from the group’s surveys (chromium against the real api)', () => {
  failOnCspViolations();
  let api: RunningApi;
  let browser: Browser;
  let page: Page;
  let staff: { email: string; password: string };
  let groupId: string;

  before(async () => {
    api = await startApi('paper_questionnaire', 3350, { STEGVIS_DEMO_SEED: 'true' });
    // The demo seed prints the passwords when done; on a busy machine that takes longer than demoPasswords waits.
    for (let i = 0; i < 3000 && !api.output().includes('evaluator'); i++)
      await new Promise((r) => setTimeout(r, 100));
    staff = (await demoPasswords(api)).staff;
    const c = await new ApiClient(api.url).signIn(staff.email, staff.password);
    const programme = (await c.call('GET', '/api/programmes')).items.find(
      (p: { name: string }) => p.name === 'Nästa Steg',
    );
    // The demo's Nästa Steg has groups 1–5; this journey's own group.
    const group = await c.call('POST', '/api/groups', {
      programmeId: programme.id,
      municipalityId: programme.ownerMunicipality.id,
      number: 8,
      startDate: day(-40),
      endDate: day(60),
      capacity: 10,
      overIntake: 0,
      deliveryMode: 'on_site',
    });
    groupId = group.id;
    const p = await c.call('POST', '/api/participants', {
      programmeId: programme.id,
      firstName: 'Hawa',
      lastName: 'Ahmed',
      gender: 'woman',
    });
    await c.call('POST', `/api/participants/${p.id}/enrolments`, { groupId, startDate: day(-40) });
    await c.call('POST', '/api/survey-rounds', {
      groupId,
      questionnaireId: 'end-of-group',
      opensAt: new Date(Date.now() - 3_600_000).toISOString(),
      closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    browser = await launch();
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

  it('staff pick Arabic and download the Arabic paper questionnaire with the programme in its title', async () => {
    await signIn(page, api.url, staff);
    await page.goto(`${api.url}/grupper/${groupId}`);
    await page.getByRole('tab', { name: 'Enkäter' }).click();
    await page.getByTestId('paper-pdf-controls').waitFor();
    await page.getByTestId('round-row').first().waitFor();
    await expectNoAxeViolations(page, 'group surveys with the paper questionnaire');
    await expectNoRawCodes(page, 'group surveys with the paper questionnaire');

    await chooseOption(page, 'paper-pdf-language', 'Arabiska – العربية');
    assert.equal(await text(page.getByTestId('paper-pdf-language')), 'Arabiska – العربية');
    await mkdir(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'paper-questionnaire-controls.png') });
    const button = page.getByTestId('round-row').first().getByTestId('paper-pdf');
    assert.equal(await text(button), 'picture_as_pdf Pappersenkät (PDF)');
    const saved = page.waitForEvent('download');
    await button.click();
    const file = await saved;
    assert.equal(file.suggestedFilename(), 'pappersenkat-nasta-steg-ar.pdf');
    const pdf = await readFile(await file.path());
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    const lines = (await extractText(new Uint8Array(pdf), { mergePages: true })).text.split('\n');
    assert.equal(lines[0], 'ما رأيك في Nästa Steg؟');
    assert.ok(lines.includes('الرمز من الورقة'), lines.join('\n'));
    assert.ok(lines.includes('السؤال 1 من 9'), lines.join('\n'));
    await page
      .locator('mat-snack-bar-container')
      .filter({ hasText: 'Pappersenkäten är nedladdad.' })
      .waitFor();
    await expectNoAxeViolations(page, 'group surveys after the download');
  });
});
