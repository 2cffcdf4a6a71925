import { HttpEventType, type HttpEvent, type HttpResponse } from '@angular/common/http';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { CSRF_COOKIE } from '@stegvis/contracts';
import { firstValueFrom, toArray } from 'rxjs';
import { signInForTest } from '../auth/testing';
import { AuthStore } from '../auth/auth-store';
import { asProblem } from '../errors/problem-form';
import { ApiClient, type Schemas } from './api-client';
import { HttpTestingController, provideApiTesting } from './testing';

describe('ApiClient', () => {
  let api: ApiClient;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideRouter([]), provideApiTesting()],
    });
    api = TestBed.inject(ApiClient);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    document.cookie = `${CSRF_COOKIE}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  });

  it('fills the path from `path`, encoded, and sends only the query values given', async () => {
    const answer = firstValueFrom(
      api.GET('/api/participants', { query: { programmeId: 'p1', q: undefined, swedishLevel: 'sfi_b' } }),
    );
    http.expectOne('/api/participants?programmeId=p1&swedishLevel=sfi_b').flush([]);
    expect(await answer).toEqual([]);

    const group = firstValueFrom(api.GET('/api/groups/{id}', { path: { id: 'a/b c' } }));
    const req = http.expectOne('/api/groups/a%2Fb%20c');
    expect(req.request.method).toBe('GET');
    req.flush({ id: 'a/b c', name: 'Grupp 3' });
    expect(await group).toEqual({ id: 'a/b c', name: 'Grupp 3' });
  });

  it('sends the body, the declared headers and the CSRF token from its cookie', async () => {
    document.cookie = `${CSRF_COOKIE}=csrf-123; path=/`;
    const saved = firstValueFrom(
      api.PUT('/api/groups/{id}/attendance', {
        path: { id: 'g1' },
        header: { 'Idempotency-Key': 'key-1' },
        body: { marks: [{ sessionId: 's1', enrolmentId: 'e1', status: 'present' }] },
      }),
    );
    const req = http.expectOne('/api/groups/g1/attendance');
    expect(req.request.method).toBe('PUT');
    expect(req.request.headers.get('Idempotency-Key')).toBe('key-1');
    expect(req.request.headers.get('X-CSRF-Token')).toBe('csrf-123');
    expect(req.request.body).toEqual({ marks: [{ sessionId: 's1', enrolmentId: 'e1', status: 'present' }] });
    req.flush({ saved: 1 });
    expect(await saved).toEqual({ saved: 1 });
  });

  it('sends `{}` for a write without a body of its own, and no body with DELETE', () => {
    api.POST('/api/auth/sessions/revoke-all').subscribe();
    const post = http.expectOne('/api/auth/sessions/revoke-all');
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual({});
    post.flush(null, { status: 204, statusText: 'No Content' });

    api.DELETE('/api/handbook/files/{id}', { path: { id: 'f1' } }).subscribe();
    const del = http.expectOne('/api/handbook/files/f1');
    expect(del.request.method).toBe('DELETE');
    expect(del.request.body).toBeNull();
    del.flush(null, { status: 204, statusText: 'No Content' });
  });

  it('lets a problem+json answer reach the form helpers as it is', async () => {
    const problem = {
      type: 'about:blank',
      title: 'Bad request',
      status: 400,
      errors: [{ field: 'goals.0.targetValue', message: 'a percentage goal must be at most 100' }],
    };
    const failed = firstValueFrom(
      api.POST('/api/programmes', { body: {} as Schemas['CreateProgrammeDto'] }),
    ).catch((err: unknown) => err);
    http.expectOne('/api/programmes').flush(problem, { status: 400, statusText: 'Bad Request' });
    expect(asProblem(await failed)).toEqual(problem);
  });

  it('on a 401 ends the session and sends the user to the login page, coming back afterwards', async () => {
    const router = TestBed.inject(Router);
    const auth = TestBed.inject(AuthStore);
    signInForTest({ email: 'e@x.se', displayName: 'Eva' });
    const navigate = vi.spyOn(router, 'navigate').mockResolvedValue(true);
    const failed = firstValueFrom(api.GET('/api/handbook/me')).catch((err: unknown) => err);
    http
      .expectOne('/api/handbook/me')
      .flush(
        { type: 'about:blank', title: 'Not signed in', status: 401 },
        { status: 401, statusText: 'Unauthorized' },
      );
    expect(asProblem(await failed)?.status).toBe(401);
    expect(auth.user()).toBeNull();
    expect(auth.expired()).toBe(true);
    expect(navigate).toHaveBeenCalledWith(['/login'], { queryParams: { returnUrl: '/' } });
  });

  it('downloads a file as a Blob with progress events on the way', async () => {
    const events = firstValueFrom(
      api.files
        .GET('/api/programmes/{id}/reports/progress.xlsx', {
          path: { id: 'p1' },
          query: { from: '2020-01-01', to: '2020-12-31' },
        })
        .pipe(toArray()),
    );
    const req = http.expectOne('/api/programmes/p1/reports/progress.xlsx?from=2020-01-01&to=2020-12-31');
    expect(req.request.responseType).toBe('blob');
    expect(req.request.reportProgress).toBe(true);
    req.event({ type: HttpEventType.DownloadProgress, loaded: 512, total: 1024 });
    req.flush(new Blob(['xlsx bytes']), {
      headers: { 'Content-Disposition': `attachment; filename*=UTF-8''delrapport.xlsx` },
    });
    const all: HttpEvent<Blob>[] = await events;
    expect(all.find((e) => e.type === HttpEventType.DownloadProgress)).toEqual({
      type: HttpEventType.DownloadProgress,
      loaded: 512,
      total: 1024,
    });
    const res = all.find((e) => e.type === HttpEventType.Response) as HttpResponse<Blob>;
    expect(await res.body!.text()).toBe('xlsx bytes');
    expect(res.headers.get('Content-Disposition')).toBe(`attachment; filename*=UTF-8''delrapport.xlsx`);
  });
});
