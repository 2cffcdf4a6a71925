import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import {
  type ActivatedRouteSnapshot,
  provideRouter,
  Router,
  type RouterStateSnapshot,
  type UrlTree,
} from '@angular/router';
import { actionGuard, authGuard } from './auth-guard';

describe('auth guards', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  const run = (guard: typeof authGuard, url = '/insatser/ny') =>
    TestBed.runInInjectionContext(() =>
      guard({} as ActivatedRouteSnapshot, { url } as RouterStateSnapshot),
    ) as Promise<boolean | UrlTree>;

  it('sends a visitor without a session to the login page, remembering where they were going', async () => {
    const result = run(authGuard);
    http
      .expectOne('/api/auth/me')
      .flush(
        { type: 'about:blank', title: 'Not signed in', status: 401 },
        { status: 401, statusText: 'Unauthorized' },
      );
    const tree = (await result) as UrlTree;
    expect(TestBed.inject(Router).serializeUrl(tree)).toBe('/login?returnUrl=%2Finsatser%2Fny');
  });

  it('lets a signed-in user through, and keeps an evaluator out of the programme form', async () => {
    const ok = run(authGuard);
    http.expectOne('/api/auth/me').flush({
      id: 'u',
      email: 'e@x.se',
      displayName: 'Eva',
      role: 'evaluator',
      programmeIds: [],
      leadProgrammeIds: [],
      csrfToken: 't',
    });
    expect(await ok).toBe(true);
    const tree = (await run(actionGuard('programme.create'))) as UrlTree;
    expect(TestBed.inject(Router).serializeUrl(tree)).toBe('/');
    http.verify();
  });
});
