import { HttpEventType } from '@angular/common/http';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApiClient } from '../core/api/api-client';
import { HttpTestingController, provideApiTesting } from '../core/api/testing';
import { DownloadWithProgress } from './download-with-progress';

describe('DownloadWithProgress', () => {
  let http: HttpTestingController;
  let dl: DownloadWithProgress;
  let api: ApiClient;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideRouter([]), provideApiTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    dl = TestBed.inject(DownloadWithProgress);
    api = TestBed.inject(ApiClient);
    // jsdom has no object URLs.
    URL.createObjectURL = vi.fn(() => 'blob:report');
    URL.revokeObjectURL = vi.fn();
  });

  afterEach(() => http.verify());

  const xlsx = () =>
    api.files.GET('/api/programmes/{id}/reports/progress.xlsx', {
      path: { id: 'p1' },
      query: { from: '2020-01-01', to: '2020-12-31' },
    });

  it('shows how far the file has come, then saves it under the name the api gives', async () => {
    let saved = '';
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved = this.download;
    });
    const done = dl.download('xlsx', xlsx(), 'delrapport.xlsx');
    const req = http.expectOne('/api/programmes/p1/reports/progress.xlsx?from=2020-01-01&to=2020-12-31');
    req.event({ type: HttpEventType.DownloadProgress, loaded: 2048 });
    expect(dl.state()).toEqual({ key: 'xlsx', received: 2048, total: null, error: '' });
    req.flush(new Blob(['bytes']), {
      headers: { 'Content-Disposition': `attachment; filename*=UTF-8''delrapport%20N%C3%A4sta%20Steg.xlsx` },
    });
    await done;
    expect(saved).toBe('delrapport Nästa Steg.xlsx');
    expect(dl.state()).toEqual({ key: null, received: 0, total: null, error: '' });
    click.mockRestore();
  });

  it('says why a download was refused, from the problem+json body that arrives as a Blob', async () => {
    const done = dl.download('xlsx', xlsx(), 'delrapport.xlsx');
    http.expectOne('/api/programmes/p1/reports/progress.xlsx?from=2020-01-01&to=2020-12-31').flush(
      new Blob(
        [
          JSON.stringify({
            type: 'about:blank',
            title: 'Bad request',
            status: 400,
            detail: 'to before from',
          }),
        ],
        {
          type: 'application/problem+json',
        },
      ),
      { status: 400, statusText: 'Bad Request' },
    );
    await done;
    expect(dl.state()).toEqual({ key: null, received: 0, total: null, error: 'to before from' });
  });
});
