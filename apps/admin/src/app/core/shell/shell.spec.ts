import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Role } from '@stegvis/contracts';
import { signInForTest } from '../auth/testing';
import { Shell } from './shell';

async function navFor(role: Role): Promise<string[]> {
  TestBed.configureTestingModule({
    providers: [
      provideZonelessChangeDetection(),
      provideRouter([]),
      provideHttpClient(),
      provideHttpClientTesting(),
    ],
  });
  signInForTest({ role, programmeIds: ['p1'] });
  const fixture = TestBed.createComponent(Shell);
  await fixture.whenStable();
  const links = (fixture.nativeElement as HTMLElement).querySelectorAll('nav a');
  return [...links].map((a) => a.getAttribute('data-testid') ?? '');
}

describe('Shell navigation', () => {
  it.each([
    [
      'staff',
      [
        'nav-insatser',
        'nav-grupper',
        'nav-deltagare',
        'nav-bemanning',
        'nav-arbetsgivare',
        'nav-handbok',
        'nav-styrgrupp',
        'nav-rapporter',
        'nav-kommitteer',
        'nav-remisser',
        'nav-malgruppsstatistik',
      ],
    ],
    [
      'admin',
      [
        'nav-insatser',
        'nav-grupper',
        'nav-bemanning',
        'nav-arbetsgivare',
        'nav-handbok',
        'nav-styrgrupp',
        'nav-rapporter',
        'nav-kommitteer',
        'nav-granskningslogg',
        'nav-anvandare',
        'nav-katalog',
        'nav-malgruppsstatistik',
      ],
    ],
    [
      'steering',
      ['nav-insatser', 'nav-grupper', 'nav-bemanning', 'nav-styrgrupp', 'nav-rapporter', 'nav-kommitteer'],
    ],
    ['evaluator', ['nav-insatser', 'nav-grupper', 'nav-rapporter']],
    ['analysis_member', ['nav-insatser', 'nav-grupper', 'nav-kommitteer', 'nav-remisser']],
  ] as const)('shows %s the pages of its actions', async (role, pages) => {
    expect(await navFor(role)).toEqual(pages);
  });
});
