import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
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
  let adminUser: { email: string; password: string };
  const substitute = { email: 'vikarie@stegvis.local', password: 'Ersättning på tisdag 2026' };

  before(async () => {
    api = await startApi('handbook', 3216, { STEGVIS_DEMO_SEED: 'true' });
    // The demo seed prints the passwords when done; on a busy machine that takes longer than demoPasswords waits.
    for (let i = 0; i < 1800 && !api.output().includes('evaluator'); i++)
      await new Promise((r) => setTimeout(r, 100));
    const pw = await demoPasswords(api);
    staff = pw.staff;
    adminUser = pw.admin;
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

  it('Swedish search finds inflected forms from the base word: samtal → samtalet, arbetsmarknad → arbetsmarknaden', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    await signIn(page, api.url, staff);
    await page.getByTestId('nav-handbok').click();
    const titles = async (q: string) => {
      await page.getByTestId('handbook-search').fill(q);
      const answered = page.waitForResponse(
        (r) => r.url().includes('/api/handbook/search') && new URL(r.url()).searchParams.get('q') === q,
      );
      await page.getByTestId('handbook-search').press('Enter');
      await answered;
      await page.getByTestId('hit-count').waitFor();
      // The last search's hits stay on screen until this one's arrive: wait until every hit shown has the word.
      await page.waitForFunction((word) => {
        const hits = [...document.querySelectorAll('[data-testid="search-hit"]')];
        return hits.length > 0 && hits.every((h) => (h.textContent ?? '').toLowerCase().includes(word));
      }, q);
      return page.getByTestId('search-hit').locator('strong').allTextContents();
    };
    assert.deepEqual(await titles('samtal'), ['Kartläggningssamtal: stödfrågor']);
    assert.match(await text(page.getByTestId('search-hit').locator('.excerpt')), /det individuella samtalet/);
    assert.deepEqual(await titles('arbetsmarknad'), [
      'Arbetsmarknadskunskap: så fungerar den svenska arbetsmarknaden',
    ]);
    await page.close();
  });

  it('the admin makes a staff member a handbook editor with the switch on the handbook page', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    await signIn(page, api.url, adminUser);
    await page.goto(`${api.url}/handbok`);
    const section = page.getByTestId('handbook-editors');
    await section.waitFor();
    const vera = section.getByRole('switch', { name: 'Vera Vikarie är redaktör' });
    await vera.waitFor();
    assert.equal(await vera.getAttribute('aria-checked'), 'false');
    await vera.click();
    await page.getByText('Vera Vikarie är nu redaktör för handboken.').waitFor();
    assert.equal(await vera.getAttribute('aria-checked'), 'true');
    const result = await new AxeBuilder({ page }).analyze();
    assert.deepEqual(
      result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      [],
    );
    const admin = await new ApiClient(api.url).signIn(adminUser.email, adminUser.password);
    const rows = await admin.call('GET', '/api/handbook/editors');
    assert.deepEqual(
      rows.find((r: { displayName: string }) => r.displayName === 'Vera Vikarie'),
      {
        userId: rows.find((r: { displayName: string }) => r.displayName === 'Vera Vikarie').userId,
        displayName: 'Vera Vikarie',
        email: substitute.email,
        editor: true,
      },
    );
    // Staff see no such control.
    const staffPage = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    await signIn(staffPage, api.url, staff);
    await staffPage.goto(`${api.url}/handbok`);
    await staffPage.getByTestId('handbook-search').waitFor();
    assert.equal(await staffPage.getByTestId('handbook-editors').count(), 0);
    await staffPage.close();
    await page.close();
  });

  it('a personal number blocks saving: the error stands at the text, which is kept, and the history never holds it', async () => {
    const c = await new ApiClient(api.url).signIn(staff.email, staff.password);
    const hit = (await c.call('GET', `/api/handbook/search?q=${encodeURIComponent('lättläst')}`))[0];
    const before = await c.call('GET', `/api/handbook/entries/${hit.id}/versions`);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    await signIn(page, api.url, staff);
    await page.getByTestId('nav-handbok').click();
    await page.getByTestId('handbook-search').fill('lättläst');
    await page.getByTestId('handbook-search').press('Enter');
    await page.getByTestId('search-hit').first().click();
    await page.getByTestId('edit-entry').click();
    const typed = 'Övning i par. Exempel från Amira, 19850709-4822, som fick jobb.';
    await page.getByTestId('editor-body').fill(typed);
    await page.getByTestId('editor-save').click();
    const fieldError = page.getByTestId('editor-body-error');
    await fieldError.waitFor();
    assert.equal(
      await text(fieldError),
      'Texten ser ut att innehålla ett personnummer (198507…). Handboken delas med alla program – ta bort personuppgifter.',
    );
    assert.equal(await page.getByTestId('editor-body').inputValue(), typed);
    assert.equal(await page.getByTestId('editor-body').getAttribute('aria-invalid'), 'true');
    assert.equal(
      await text(page.getByTestId('editor-error')),
      'Inget sparades. Rätta de markerade fälten; det du skrev finns kvar.',
    );
    // Through the api: the entry is unchanged and no version holds the number.
    const versions = await c.call('GET', `/api/handbook/entries/${hit.id}/versions`);
    assert.deepEqual(versions, before);
    assert.ok(!JSON.stringify(versions).includes('4822'));
    assert.ok(!(await c.call('GET', `/api/handbook/entries/${hit.id}`)).body.includes('4822'));
    await page.close();
  });
});
