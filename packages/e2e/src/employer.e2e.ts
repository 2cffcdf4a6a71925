import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { stockholmToday } from '@stegvis/contracts';
import type { Browser, Page } from 'playwright-core';
import { ApiClient } from './api-client';
import { failOnCspViolations, launch, signIn, expectNoAxeViolations, chooseOption } from './browser';
import { expectNoRawCodes } from './raw-codes';
import { demoPasswords, type RunningApi, startApi } from './server';

const SHOTS = process.env.STEGVIS_SHOTS_DIR ?? join(tmpdir(), 'stegvis-shots');

async function snackbar(page: Page, text: string): Promise<void> {
  await page.locator('mat-snack-bar-container').getByText(text).waitFor();
}

describe('employer: details, contact log, places, internships and their results (chromium against the real api)', () => {
  failOnCspViolations();
  let api: RunningApi;
  let browser: Browser;
  let lead: { email: string; password: string };
  let c: ApiClient;
  let programme: { id: string; name: string; ownerMunicipality: { id: string; name: string } };
  let employerId: string;
  let groupId: string;
  let internshipId: string;
  // Places are offered for the tertials of last, this and next year: this year's second one is always there.
  const year = stockholmToday().slice(0, 4);

  before(async () => {
    api = await startApi('employer', 3263, { STEGVIS_DEMO_SEED: 'true' });
    // On a busy machine the demo seed takes longer than demoPasswords waits: give it two minutes.
    for (let waited = 0; !api.output().includes('evaluator') && waited < 120_000; waited += 500)
      await new Promise((r) => setTimeout(r, 500));
    lead = (await demoPasswords(api)).staff;
    c = await new ApiClient(api.url).signIn(lead.email, lead.password);
    programme = (await c.call('GET', '/api/programmes')).items.find(
      (p: { name: string }) => p.name === 'Nästa Steg',
    );
    // Set-up through the api: an employer, a group of the lead's programme and a participant in an internship there.
    const employer = await c.call('POST', '/api/employers', {
      name: 'Kafé Linden',
      organisationNumber: '559211-1008',
      sector: 'private',
      industry: 'bakery/café',
      municipalityId: programme.ownerMunicipality.id,
      contacts: [{ name: 'Eva Lind' }],
    });
    employerId = employer.id;
    const group = await c.call('POST', '/api/groups', {
      programmeId: programme.id,
      municipalityId: programme.ownerMunicipality.id,
      number: 11,
      startDate: '2030-01-14',
      endDate: '2030-04-12',
      capacity: 10,
      overIntake: 2,
      deliveryMode: 'on_site',
      place: 'Folkets hus',
    });
    groupId = group.id;
    const person = await c.call('POST', '/api/participants', {
      programmeId: programme.id,
      firstName: 'Hodan',
      lastName: 'Warsame',
      gender: 'woman',
      swedishLevel: 'sfi_c',
      languages: ['somaliska'],
    });
    const enrolment = await c.call('POST', `/api/participants/${person.id}/enrolments`, {
      groupId,
      startDate: '2030-01-14',
    });
    const internship = await c.call('POST', '/api/internships', {
      enrolmentId: enrolment.id,
      employerId,
      periodNumber: 1,
      startDate: '2030-03-18',
      endDate: '2030-04-10',
      supervisor: 'Eva Lind',
      wishedSector: true,
    });
    internshipId = internship.id;
    browser = await launch();
    await mkdir(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('the lead edits the employer, logs a no with its reason, adds places and records a result', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    await signIn(page, api.url, lead);
    await page.goto(`${api.url}/arbetsgivare`);
    await page.getByTestId('employer-search').fill('Linden');
    await page.getByTestId('employer-link-559211-1008').click();
    await page.getByTestId('detail-title').waitFor();
    assert.equal((await page.getByTestId('detail-title').innerText()).trim(), 'Kafé Linden');

    // Details: a wrong organisation number is refused at its field, and what was typed stays.
    await page.getByTestId('edit-name').fill('Kafé Linden i Ängelholm');
    await page.getByTestId('edit-orgno').fill('559211-1009');
    await page.getByTestId('contact-phone-0').fill('0431-55 12 34');
    await page.getByTestId('employer-save').click();
    await page.getByTestId('edit-orgno-error').waitFor();
    assert.equal(
      (await page.getByTestId('edit-orgno-error').innerText()).trim(),
      'Inte ett giltigt organisationsnummer (kontrollsiffra).',
    );
    assert.equal(await page.getByTestId('edit-name').inputValue(), 'Kafé Linden i Ängelholm');
    assert.equal(await page.getByTestId('edit-orgno').inputValue(), '559211-1009');
    assert.equal(await page.getByTestId('contact-phone-0').inputValue(), '0431-55 12 34');
    // Leaving with the unsaved change asks first; staying keeps every typed value.
    await page.getByTestId('detail-back').click();
    await page.getByText('Lämna utan att spara?').waitFor();
    await page.getByTestId('confirm-cancel').click();
    await page.getByText('Lämna utan att spara?').waitFor({ state: 'detached' });
    assert.equal(await page.getByTestId('edit-orgno').inputValue(), '559211-1009');
    await expectNoRawCodes(page, 'employer page, details with an error');
    await expectNoAxeViolations(page, 'employer page, details with an error');
    await page.screenshot({ path: join(SHOTS, 'employer-details-error.png'), fullPage: true });
    await page.getByTestId('edit-orgno').fill('5592111008');
    await page.getByTestId('employer-save').click();
    await snackbar(page, 'Arbetsgivarens uppgifter är sparade.');
    assert.equal((await page.getByTestId('detail-title').innerText()).trim(), 'Kafé Linden i Ängelholm');

    // Contact log: a no needs its reason.
    await page.getByRole('tab', { name: 'Kontaktlogg' }).click();
    await page.getByTestId('contact-form').waitFor();
    await page.getByTestId('tab-kontakter').getByTestId('list-empty').waitFor();
    await page.getByTestId('contact-date').fill('2030-01-20');
    await chooseOption(page, 'contact-outcome', 'Nej');
    await page.getByTestId('contact-save').click();
    await page.getByTestId('contact-reason-error').waitFor();
    assert.equal(
      (await page.getByTestId('contact-reason-error').innerText()).trim(),
      'Ange varför arbetsgivaren svarade nej.',
    );
    await chooseOption(page, 'contact-reason', 'Språkkrav');
    await page.getByTestId('contact-note').fill('Kräver SFI D för kassan');
    await page.getByTestId('contact-save').click();
    await snackbar(page, 'Kontakten är loggad.');
    await page.getByTestId('contact-0').waitFor();
    assert.deepEqual(await page.getByTestId('contact-0').locator('td').allInnerTexts(), [
      '2030-01-20',
      'Nej',
      'Språkkrav',
      'Kräver SFI D för kassan',
    ]);
    await expectNoRawCodes(page, 'employer page, contact log');
    await expectNoAxeViolations(page, 'employer page, contact log');
    await page.screenshot({ path: join(SHOTS, 'employer-contacts.png'), fullPage: true });

    // Places for a period, shown by the period's Swedish name.
    await page.getByRole('tab', { name: 'Praktikplatser', exact: true }).click();
    await page.getByTestId('places-form').waitFor();
    // The list and the programmes to choose from load together.
    await page.getByTestId('tab-platser').getByTestId('list-empty').waitFor();
    await chooseOption(page, 'places-programme', 'Nästa Steg');
    await chooseOption(page, 'places-period', `Tertial 2 ${year} (maj–aug)`);
    await page.getByTestId('places-count').fill('3');
    await page.getByTestId('places-save').click();
    await snackbar(page, 'Praktikplatserna är sparade.');
    await page.getByTestId('places-0').waitFor();
    assert.deepEqual(await page.getByTestId('places-0').locator('td').allInnerTexts(), [
      `Tertial 2 ${year} (maj–aug)`,
      'Nästa Steg',
      '3',
    ]);
    await expectNoRawCodes(page, 'employer page, places');
    await expectNoAxeViolations(page, 'employer page, places');
    await page.screenshot({ path: join(SHOTS, 'employer-places.png'), fullPage: true });

    // The internship it hosts, and its result: extended, with the new end date.
    await page.getByRole('tab', { name: 'Praktik och anställningar' }).click();
    await page.getByTestId('employer-internship-0').waitFor();
    assert.deepEqual(await page.getByTestId('employer-internship-0').locator('td').allInnerTexts(), [
      'Hodan Warsame',
      'Grupp 11 · Ängelholm',
      '1',
      '2030-03-18 – 2030-04-10',
      'Pågår',
      'Ange resultat',
    ]);
    await page.getByTestId('record-result-0').click();
    await chooseOption(page, 'result-select', 'Förlängd');
    await page.getByTestId('result-end').fill('2030-04-24');
    await expectNoAxeViolations(page, 'employer page, internship result form');
    await page.getByTestId('result-save').click();
    await snackbar(page, 'Praktikens resultat är sparat.');
    await page.getByTestId('result-form').waitFor({ state: 'detached' });
    assert.equal((await page.getByTestId('employer-internship-result-0').innerText()).trim(), 'Förlängd');
    await expectNoRawCodes(page, 'employer page, internships');
    await expectNoAxeViolations(page, 'employer page, internships');
    await page.screenshot({ path: join(SHOTS, 'employer-page.png'), fullPage: true });

    const stored = await c.call('GET', `/api/employers/${employerId}`);
    assert.deepEqual(
      {
        name: stored.name,
        organisationNumber: stored.organisationNumber,
        contacts: stored.contacts,
        version: stored.version,
      },
      {
        name: 'Kafé Linden i Ängelholm',
        organisationNumber: '559211-1008',
        contacts: [{ name: 'Eva Lind', phone: '0431-55 12 34' }],
        version: 2,
      },
    );
    const contacts = await c.call('GET', `/api/employers/${employerId}/contacts`);
    assert.deepEqual(
      contacts.map((x: { date: string; outcome: string; reason: string | null; note: string }) => ({
        date: x.date,
        outcome: x.outcome,
        reason: x.reason,
        note: x.note,
      })),
      [{ date: '2030-01-20', outcome: 'no', reason: 'language_demands', note: 'Kräver SFI D för kassan' }],
    );
    const places = await c.call('GET', `/api/employers/${employerId}/places`);
    assert.deepEqual(
      places.map((p: { programmeId: string; periodStart: string; periodEnd: string; places: number }) => ({
        programmeId: p.programmeId,
        periodStart: p.periodStart,
        periodEnd: p.periodEnd,
        places: p.places,
      })),
      [{ programmeId: programme.id, periodStart: `${year}-05-01`, periodEnd: `${year}-08-31`, places: 3 }],
    );
    const hosted = await c.call('GET', `/api/employers/${employerId}/internships`);
    assert.deepEqual(
      hosted.map((i: { id: string; result: string; endDate: string; version: number }) => ({
        id: i.id,
        result: i.result,
        endDate: i.endDate,
        version: i.version,
      })),
      [{ id: internshipId, result: 'extended', endDate: '2030-04-24', version: 2 }],
    );
  });

  it("the group's internship tab records that the internship led to an offer of hourly work", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    await signIn(page, api.url, lead);
    await page.goto(`${api.url}/grupper/${groupId}`);
    await page.getByRole('tab', { name: 'Praktik' }).click();
    await page.getByTestId('internship-row').waitFor();
    assert.equal((await page.getByTestId('internship-result-0').innerText()).trim(), 'Förlängd');
    await page.getByTestId('internship-record-result-0').click();
    await chooseOption(page, 'result-select', 'Erbjudande om timanställning');
    await page.getByTestId('result-save').click();
    await snackbar(page, 'Praktikens resultat är sparat.');
    await page.getByTestId('result-form').waitFor({ state: 'detached' });
    assert.equal(
      (await page.getByTestId('internship-result-0').innerText()).trim(),
      'Erbjudande om timanställning',
    );
    await expectNoRawCodes(page, 'group page, internships');
    await expectNoAxeViolations(page, 'group page, internships');

    const [internship] = await c.call('GET', `/api/groups/${groupId}/internships`);
    assert.deepEqual(
      { result: internship.result, endDate: internship.endDate, version: internship.version },
      { result: 'offer_hourly', endDate: '2030-04-24', version: 3 },
    );
    const employer = await c.call('GET', `/api/employers/${employerId}`);
    assert.deepEqual({ hosted: employer.internshipsHosted, hires: employer.hires }, { hosted: 1, hires: 1 });
  });
});
