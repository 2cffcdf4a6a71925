import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ImportDryRunResponse } from '@stegvis/contracts';
import { HttpTestingController, provideApiTesting } from '../../core/api/testing';
import { ImportPage } from './import-page';

const HASH = 'a'.repeat(64);
const dryRun = (errors: ImportDryRunResponse['errors']): ImportDryRunResponse => ({
  fileHash: HASH,
  rows: [
    {
      row: 2,
      group: '1',
      firstName: 'Amina',
      lastName: 'Historia',
      enrolmentStart: '2020-01-13',
      fate: 'new_participant',
    },
    {
      row: 3,
      group: '1',
      firstName: 'Omar',
      lastName: 'Historia',
      enrolmentStart: '2020-01-13',
      fate: errors.length ? 'error' : 'new_enrolment',
    },
  ],
  errors,
  counts: errors.length
    ? { groups: 0, enrolments: 0, outcomes: 0, internships: 0 }
    : { groups: 1, enrolments: 2, outcomes: 1, internships: 0 },
});

/** The page awaits the answer before it sets its signals: let that run, then render. */
async function settle(fixture: { detectChanges(): void; whenStable(): Promise<unknown> }) {
  await new Promise((r) => setTimeout(r));
  fixture.detectChanges();
  await fixture.whenStable();
}

async function render() {
  TestBed.configureTestingModule({
    providers: [provideZonelessChangeDetection(), provideRouter([]), provideApiTesting()],
  });
  const fixture = TestBed.createComponent(ImportPage);
  fixture.componentRef.setInput('programmeId', 'p1');
  fixture.detectChanges();
  const http = TestBed.inject(HttpTestingController);
  http.expectOne('/api/programmes/p1').flush({ name: 'Historik' });
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  const choose = async (name: string, text: string) => {
    const input = el.querySelector<HTMLInputElement>('[data-testid="import-file"]')!;
    Object.defineProperty(input, 'files', { value: [new File([text], name)], configurable: true });
    input.dispatchEvent(new Event('change'));
    await new Promise((r) => setTimeout(r));
  };
  return { fixture, el, http, choose };
}

describe('ImportPage', () => {
  it('shows the dry run’s errors and fates, and offers no confirmation while there are errors', async () => {
    const { fixture, el, http, choose } = await render();
    await choose('historik.csv', 'grupp;…');
    const req = http.expectOne('/api/programmes/p1/imports/dry-run');
    expect(req.request.body).toEqual({ content: 'grupp;…' });
    req.flush(
      dryRun([
        {
          field: 'rows.3.kon',
          code: 'not_allowed',
          message: 'Rad 3, kolumn kon: okänd är inte tillåtet',
          params: { allowed: ['kvinna', 'man', 'annat'] },
        },
      ]),
    );
    await settle(fixture);
    expect(el.querySelector('[data-testid="dry-run-summary-text"]')!.textContent!.trim()).toBe(
      'Filen har 1 fel. Inget har sparats. Rätta filen och provkör igen.',
    );
    expect([...el.querySelectorAll('[data-testid="dry-run-error"]')].map((e) => e.textContent)).toEqual([
      'Rad 3, kolumn kon: okänd är inte tillåtet',
    ]);
    expect([...el.querySelectorAll('[data-testid="dry-run-fate"]')].map((e) => e.textContent)).toEqual([
      'Ny deltagare',
      'Fel',
    ]);
    expect(el.querySelector('[data-testid="confirm-import"]')).toBeNull();
  });

  it('confirms an Excel file with the dry run’s hash, and keeps the result when the api refuses', async () => {
    const { fixture, el, http, choose } = await render();
    await choose('historik.xlsx', 'PK');
    const dry = http.expectOne('/api/programmes/p1/imports/xlsx/dry-run');
    expect(dry.request.body).toBeInstanceOf(FormData);
    dry.flush(dryRun([]));
    await settle(fixture);
    el.querySelector<HTMLButtonElement>('[data-testid="confirm-import"]')!.click();
    const refused = http.expectOne(`/api/programmes/p1/imports/xlsx?checkedHash=${HASH}`);
    refused.flush(
      { status: 409, title: 'Conflict', code: 'file_changed_since_dry_run', type: 'about:blank' },
      { status: 409, statusText: 'Conflict' },
    );
    await settle(fixture);
    expect(el.querySelector('[data-testid="import-error"]')!.textContent).toBe(
      'Filen är inte den som provkördes. Provkör filen igen innan du bekräftar.',
    );
    expect(el.querySelectorAll('[data-testid="dry-run-row"]').length).toBe(2);

    el.querySelector<HTMLButtonElement>('[data-testid="confirm-import"]')!.click();
    http
      .expectOne(`/api/programmes/p1/imports/xlsx?checkedHash=${HASH}`)
      .flush({ groups: 1, enrolments: 2, outcomes: 1, internships: 0 });
    await settle(fixture);
    expect(el.querySelector('[data-testid="import-done-text"]')!.textContent).toBe(
      'Importen är klar. Sparade nya grupper: 1, inskrivningar: 2, resultat: 1, praktikperioder: 0.',
    );
    http.verify();
  });
});
