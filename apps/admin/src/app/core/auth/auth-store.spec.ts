import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { computed, provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { Role } from '@stegvis/contracts';
import { AuthStore } from './auth-store';

const user = (role: Role) => ({
  id: 'u',
  email: 'x@y.se',
  displayName: 'X',
  role,
  programmeIds: ['p1'],
  leadProgrammeIds: [],
  csrfToken: 't',
});

describe('AuthStore.can', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting()],
    });
  });

  it('answers from the permission table for the signed-in role', () => {
    const store = TestBed.inject(AuthStore);
    store.signedIn(user('evaluator'));
    expect(store.can('report.read')).toBe(true);
    expect(store.can('participant.read')).toBe(false);
    store.signedIn(user('admin'));
    expect(store.can('user.manage')).toBe(true);
    expect(store.can('participant.read')).toBe(false);
  });

  it('is followed by computed(): sign-in and the end of the session change the answer', () => {
    const store = TestBed.inject(AuthStore);
    const mayWrite = computed(() => store.can('participant.write'));
    expect(mayWrite()).toBe(false);
    store.signedIn(user('staff'));
    expect(mayWrite()).toBe(true);
    store.sessionEnded();
    expect(mayWrite()).toBe(false);
  });
});
