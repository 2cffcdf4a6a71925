import type { Page } from 'playwright-core';
import type { ApiClient } from './api-client';

/** A code of a round as the api gives it to staff. */
export interface RoundCode {
  token: string;
  shortCode: string;
  enrolmentId: string;
  displayName: string;
}

/**
 * The set-up of the survey journeys, through the api as staff: a new group `number` of the demo's Nästa Steg in
 * its owner municipality (the demo has groups 1–5 there), one woman enrolled per name, and a round of the
 * end-of-group questionnaire open from a minute ago for an hour.
 */
export async function openRoundForNewGroup(
  c: ApiClient,
  number: number,
  names: readonly string[],
): Promise<{ groupId: string; roundId: string; codes: RoundCode[] }> {
  const programme = (await c.call('GET', '/api/programmes')).items.find(
    (p: { name: string }) => p.name === 'Nästa Steg',
  );
  const group = await c.call('POST', '/api/groups', {
    programmeId: programme.id,
    municipalityId: programme.ownerMunicipality.id,
    number,
    startDate: '2020-11-23',
    endDate: '2021-02-26',
    capacity: Math.max(10, names.length),
    overIntake: 0,
    deliveryMode: 'on_site',
  });
  for (const name of names) {
    const p = await c.call('POST', '/api/participants', {
      programmeId: programme.id,
      firstName: name,
      lastName: 'Deltagare',
      gender: 'woman',
    });
    await c.call('POST', `/api/participants/${p.id}/enrolments`, {
      groupId: group.id,
      startDate: '2020-11-23',
    });
  }
  const round = await c.call('POST', '/api/survey-rounds', {
    groupId: group.id,
    questionnaireId: 'end-of-group',
    opensAt: new Date(Date.now() - 60_000).toISOString(),
    closesAt: new Date(Date.now() + 3_600_000).toISOString(),
  });
  return { groupId: group.id, roundId: round.id, codes: round.codes };
}

/**
 * Answers every page of the end-of-group questionnaire by clicking, as a participant would, in any language: the
 * navigation buttons are found by SurveyJS's classes, not their words.
 */
export async function answerEndOfGroup(page: Page): Promise<void> {
  for (const name of ['overall', 'lectures', 'talks'])
    await page.locator(`[data-name="${name}"] .sd-rating__item`).nth(3).click();
  await page.locator('.sd-navigation__next-btn').click();
  await page.locator('[data-name="internship"] .sd-item label').first().click();
  await page.locator('[data-name="internship_rating"] .sd-rating__item').nth(4).click();
  await page.locator('[data-name="time"] .sd-item label').nth(1).click();
  await page.locator('.sd-navigation__next-btn').click();
  await page.locator('[data-name="wants"] .sd-item label').first().click();
  await page.locator('[data-name="next"] .sd-item label').first().click();
  await page.locator('.sd-navigation__complete-btn').click();
}
