import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Client } from 'pg';
import type { Browser } from 'playwright-core';
import { ApiClient } from './api-client';
import { expectNoAxeViolations, failOnCspViolations, launch, signIn } from './browser';
import { demoPasswords, type RunningApi, startApi } from './server';

const SHOTS = process.env.STEGVIS_SHOTS_DIR ?? join(tmpdir(), 'stegvis-shots');

/** Goals the free-text era left that the coded-goals migration could not map (what it keeps, unchanged). */
const LEFT_BY_MIGRATION = [
  { key: 'group_size', description: 'Tio deltagare per grupp', targetValue: 10, unit: 'count' },
  { key: 'narvaro_2', description: 'En andra närvaro', targetValue: 85, unit: 'percent' },
];

/**
 * The admin fixes the goals a migration could not map, in the browser: the programme list marks the programme, the
 * form lists them with what to do, one is dismissed and a coded goal's target changed, and the api stores both.
 */
describe('programme goals the migration could not map (chromium against the real api)', () => {
  failOnCspViolations();
  let api: RunningApi;
  let browser: Browser;
  let admin: { email: string; password: string };
  let programmeId: string;

  before(async () => {
    api = await startApi('programmegoals', 3311, { STEGVIS_DEMO_SEED: 'true' });
    for (let i = 0; i < 1200 && !api.output().includes('evaluator'); i++)
      await new Promise((r) => setTimeout(r, 100));
    admin = (await demoPasswords(api)).admin;
    const db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
    const { rows } = await db.query(
      `UPDATE programme SET unmapped_goals = $1 WHERE name = 'Nästa Steg' RETURNING id`,
      [JSON.stringify(LEFT_BY_MIGRATION)],
    );
    await db.end();
    programmeId = rows[0].id;
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('the admin sees them on the list and the form, dismisses one and saves a coded target', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    await signIn(page, api.url, admin);
    const row = page.getByTestId('programme-row').filter({ hasText: 'Nästa Steg' });
    // The words beside the icon (whose ligature name is text too, hidden from screen readers).
    const marker = await row.getByTestId('goals-to-fix').evaluate((el) =>
      [...el.childNodes]
        .filter((n) => n.nodeName !== 'MAT-ICON')
        .map((n) => n.textContent)
        .join(''),
    );
    assert.equal(marker.trim(), 'Mål att åtgärda');
    await row.getByRole('link', { name: 'Ändra Nästa Steg' }).click();
    const unmapped = page.getByTestId('unmapped-goals');
    await unmapped.waitFor();
    assert.deepEqual(
      (await unmapped.getByTestId('unmapped-goal').allTextContents()).map((t) =>
        t.replace(/\s+/g, ' ').trim(),
      ),
      [
        '”group_size”: Tio deltagare per grupp – 10 antal Ta bort',
        '”narvaro_2”: En andra närvaro – 85 procent Ta bort',
      ],
    );
    await expectNoAxeViolations(page, 'programme form with goals to fix');
    await mkdir(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'programme-goals-to-fix.png'), fullPage: true });

    await page.getByRole('button', { name: 'Ta bort målet ”group_size”' }).click();
    assert.equal(await unmapped.getByTestId('unmapped-goal').count(), 1);
    await page.getByTestId('goal-target-2').fill('45');
    await page.getByTestId('programme-save').click();
    await page.getByTestId('programme-table').waitFor();

    const c = await new ApiClient(api.url).signIn(admin.email, admin.password);
    const stored = await c.call('GET', `/api/programmes/${programmeId}`);
    assert.deepEqual(stored.unmappedGoals, [LEFT_BY_MIGRATION[1]]);
    assert.deepEqual(
      stored.goals.map((g: { key: string; targetValue: number }) => [g.key, g.targetValue]),
      [
        ['attendance', 80],
        ['clear_plan', 75],
        ['work_or_studies', 45],
      ],
    );
    await page.close();
  });
});
