import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { ApiClient } from './api-client';
import { failOnCspViolations, launch, signIn } from './browser';
import { expectNoRawCodes } from './raw-codes';
import { demoPasswords, type RunningApi, startApi } from './server';
import { text } from './text';

// A one-page PDF, small enough to read here: what a presenter would attach as an exercise sheet.
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

describe('method handbook (chromium against the real api)', () => {
  failOnCspViolations();
  let api: RunningApi;
  let browser: Browser;
  let staff: { email: string; password: string };
  const substitute = { email: 'vikarie@stegvis.local', password: 'Ersättning på tisdag 2026' };

  before(async () => {
    api = await startApi('handbook', 3216, { STEGVIS_DEMO_SEED: 'true' });
    const pw = await demoPasswords(api);
    staff = pw.staff;
    const admin = await new ApiClient(api.url).signIn(pw.admin.email, pw.admin.password);
    const c = await new ApiClient(api.url).signIn(staff.email, staff.password);
    const programme = (await c.call('GET', '/api/programmes')).items.find(
      (p: { name: string }) => p.name === 'Nästa Steg',
    );
    await admin.call('POST', '/api/users', {
      ...substitute,
      displayName: 'Vera Vikarie',
      role: 'staff',
      programmeIds: [programme.id],
    });
    const tpl = await c.call('POST', `/api/programmes/${programme.id}/templates`, {
      name: '13 veckor',
      phases: [
        { kind: 'mapping', weeks: 2, lectures: true },
        { kind: 'lectures', weeks: 7, lectures: true },
        { kind: 'internship', weeks: 4, lectures: false },
      ],
      themes: ['Arbetsmarknadskunskap', 'CV-träning', 'Presentationsteknik'],
      lectureCount: 6,
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
      overIntake: 0,
      deliveryMode: 'on_site',
      templateId: tpl.id,
    });
    // The presenter picked the easy-Swedish alternative for the CV session and attached the exercise sheet.
    const cvSession = group.calendar.sessions.find((s: { theme: string }) => s.theme === 'CV-träning');
    const hit = (await c.call('GET', `/api/handbook/search?q=${encodeURIComponent('lättläst')}`))[0];
    await c.upload(
      `/api/handbook/entries/${hit.id}/files`,
      'CV-mall stora rutor.pdf',
      PDF,
      'application/pdf',
    );
    await c.call('PUT', `/api/sessions/${cvSession.id}/handbook`, { entryId: hit.id });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('a substitute opens a session in the calendar and reaches its chosen material in two clicks', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    await signIn(page, api.url, substitute);
    await page.getByTestId('nav-grupper').click();
    await page.getByTestId('open-group-6').click();
    // Click 1: the calendar; click 2: the session's theme.
    await page.getByRole('tab', { name: 'Kalender' }).click();
    // The first CV session is the one the presenter prepared.
    const row = page.locator('[data-testid^="material-"]', { hasText: 'CV-träning' }).first();
    await row.click();
    const material = page.getByTestId('session-material');
    await material.waitFor();
    const chosen = material.locator('.choice.chosen');
    assert.equal(await text(chosen.getByRole('heading')), 'CV-träning på lättläst svenska Lättläst svenska');
    assert.equal(await text(chosen.getByTestId('entry-file')), 'CV-mall stora rutor.pdf');
    // The other alternative is there too, for a substitute who knows the group better.
    assert.equal(await material.locator('.choice').count(), 2);
    await expectNoRawCodes(page, 'material för passet');
    const download = page.waitForEvent('download');
    await chosen.getByTestId('entry-file').click();
    assert.equal((await download).suggestedFilename(), 'CV-mall stora rutor.pdf');
    await page.screenshot({ path: '/tmp/handbook-session.png', fullPage: true });
    await page.close();
  });

  it('an editor finds an entry by an inflected word, changes it with a preview, and restores the earlier version', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    await signIn(page, api.url, staff);
    await page.getByTestId('nav-handbok').click();
    await page.getByTestId('handbook-search').fill('presentationer');
    await page.getByTestId('handbook-search').press('Enter');
    const hits = page.getByTestId('search-hit');
    await hits.first().waitFor();
    assert.deepEqual(await hits.locator('strong').allTextContents(), [
      'Presentationsteknik: berätta om dig själv på två minuter',
    ]);
    await expectNoRawCodes(page, 'metodhandbok');
    await hits.first().click();
    await page.getByTestId('edit-entry').click();
    await page
      .getByTestId('editor-body')
      .fill('Ny **plan**: presentera dig för en arbetsgivare. Ring 19121212-1212.');
    await page.getByTestId('editor-preview').locator('strong', { hasText: 'plan' }).waitFor();
    assert.match((await page.getByTestId('editor-warning').textContent()) ?? '', /personnummer/);
    await page.getByTestId('editor-body').fill('Ny **plan**: presentera dig för en arbetsgivare.');
    await page.getByTestId('editor-warning').waitFor({ state: 'detached' });
    await page.getByTestId('editor-save').click();
    await page.getByText('Sparat.').waitFor();
    assert.match((await page.locator('sv-entry-view .body').textContent()) ?? '', /Ny plan/);
    await page.getByTestId('history').click();
    await page.getByTestId('restore-1').click();
    await page.getByText('Återställde innehållet från version 1.').waitFor();
    assert.match(
      (await page.locator('sv-entry-view .body').textContent()) ?? '',
      /spelar in en kort presentation/,
    );
    assert.equal(await page.getByTestId('history-table').locator('tbody tr').count(), 3);
    await page.screenshot({ path: '/tmp/handbook-page.png', fullPage: true });
    await page.close();
  });
});
