import { provideZonelessChangeDetection } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { Role } from '@stegvis/contracts';
import { of } from 'rxjs';
import { provideApiTesting } from '../../core/api/testing';
import { signInForTest } from '../../core/auth/testing';
import { NationalFollowUp } from './national-follow-up';
import { type FinsamAssociation, ReportsApi } from './reports-api';

const FINSAM: FinsamAssociation = {
  year: 2020,
  efforts: [
    { effort: 'Nästa Steg', women: 6, men: 4, other: 0, total: 10 },
    { effort: 'Steg för steg', women: 2, men: 1, other: 1, total: 4 },
  ],
  persons: { women: 7, men: 5, other: 1, total: 13 },
};

async function render(role: Role): Promise<ComponentFixture<NationalFollowUp>> {
  TestBed.configureTestingModule({
    providers: [
      provideZonelessChangeDetection(),
      provideApiTesting(),
      { provide: ReportsApi, useValue: { finsam: () => of(FINSAM) } },
    ],
  });
  signInForTest({ role, programmeIds: ['p1'] });
  const fixture = TestBed.createComponent(NationalFollowUp);
  fixture.componentRef.setInput('programmeId', 'p1');
  await fixture.whenStable();
  return fixture;
}

const elOf = (f: ComponentFixture<NationalFollowUp>) => f.nativeElement as HTMLElement;

const rows = (el: HTMLElement, selector: string) =>
  [...el.querySelectorAll(selector)].map((r) => [...r.children].map((c) => (c.textContent ?? '').trim()));

describe('NationalFollowUp', () => {
  it('offers the admin the association Finsam table, and no person-level file', async () => {
    const fixture = await render('admin');
    const el = elOf(fixture);
    expect(el.querySelector('[data-testid="download-sus"]')).toBeNull();
    (el.querySelector('[data-testid="finsam-show"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(rows(el, '[data-testid="finsam-row"]')).toEqual([
      ['Nästa Steg', '6', '4', '0', '10'],
      ['Steg för steg', '2', '1', '1', '4'],
    ]);
    expect(rows(el, '[data-testid="finsam-persons"]')).toEqual([
      ['Personer, alla insatser (var och en en gång)', '7', '5', '1', '13'],
    ]);
  });

  it('offers staff the SUS file only', async () => {
    const el = elOf(await render('staff'));
    expect(el.querySelector('[data-testid="download-sus"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="finsam-show"]')).toBeNull();
  });

  it.each(['steering', 'evaluator', 'analysis_member'] as const)('shows %s nothing of it', async (role) => {
    const el = elOf(await render(role));
    expect(el.querySelector('[data-testid="national-follow-up"]')).toBeNull();
  });
});
