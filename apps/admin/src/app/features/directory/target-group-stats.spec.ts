import { provideZonelessChangeDetection } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { Role } from '@stegvis/contracts';
import { of } from 'rxjs';
import { provideApiTesting } from '../../core/api/testing';
import { signInForTest } from '../../core/auth/testing';
import { ProgrammesApi } from '../programmes/programmes-api';
import { DirectoryApi } from './directory-api';
import { TargetGroupStats } from './target-group-stats';

const town = (name: string, code: string) => ({ id: `m-${code}`, name, code });

async function render(role: Role): Promise<ComponentFixture<TargetGroupStats>> {
  TestBed.configureTestingModule({
    providers: [
      provideZonelessChangeDetection(),
      provideApiTesting(),
      {
        provide: DirectoryApi,
        useValue: {
          municipalities: () =>
            of([
              town('Båstad', '1278'),
              town('Klippan', '1276'),
              town('Perstorp', '1275'),
              town('Ängelholm', '1292'),
            ]),
        },
      },
      {
        provide: ProgrammesApi,
        useValue: {
          list: () =>
            of({
              items: [
                { municipalities: [town('Ängelholm', '1292')] },
                { municipalities: [town('Perstorp', '1275'), town('Ängelholm', '1292')] },
              ],
              nextCursor: null,
            }),
        },
      },
    ],
  });
  signInForTest({ role, programmeIds: ['p1', 'p2'] });
  const fixture = TestBed.createComponent(TargetGroupStats);
  await fixture.whenStable();
  return fixture;
}

/** The municipalities the form offers, as the resource holds them. */
const offered = (f: ComponentFixture<TargetGroupStats>) =>
  (f.componentInstance as unknown as { municipalities: { value(): { name: string }[] } }).municipalities
    .value()
    .map((m) => m.name);

describe('TargetGroupStats', () => {
  it('offers the admin every municipality of the directory', async () => {
    expect(offered(await render('admin'))).toEqual(['Båstad', 'Klippan', 'Perstorp', 'Ängelholm']);
  });

  it("offers staff only their programmes' municipalities, each once, as the api lets them write", async () => {
    expect(offered(await render('staff'))).toEqual(['Perstorp', 'Ängelholm']);
  });
});
