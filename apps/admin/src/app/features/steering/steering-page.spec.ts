import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { of } from 'rxjs';
import { provideApiTesting } from '../../core/api/testing';
import { ProgrammesApi } from '../programmes/programmes-api';
import { type SteeringOverview, SteeringApi } from './steering-api';
import { SteeringPage } from './steering-page';

const P = { id: 'p1', name: 'Nästa Steg' };
const goals = (met: string, percent: number | null) => ({
  id: 'goals' as const,
  title: 'Måluppfyllelse',
  columns: ['Mål', 'Målvärde (%)', 'Antal', 'Av', 'Utfall (%)', 'Målet nått'],
  rows: [['Närvaro (tillfällen)', 80, 130, 144, percent, met]],
  notes: [],
});
const ECONOMY = {
  id: 'economy' as const,
  title: 'Ekonomi',
  columns: [
    'Kommun',
    'År',
    'Beviljat',
    'Fakturerat T1',
    'Fakturerat T2',
    'Fakturerat T3',
    'Fakturerat totalt',
    'Andel fakturerat (%)',
    'Kvar',
    'Prognos',
    'Avvikelse mot beviljat',
  ],
  rows: [
    ['Ängelholm', 2026, 1_000_000, 200_000, 150_000, 0, 350_000, 35, 650_000, 1_000_000, 0],
    ['Totalt', null, 1_000_000, 200_000, 150_000, 0, 350_000, 35, 650_000, 1_000_000, 0],
  ],
  notes: [],
  units: [null, null, 'kr', 'kr', 'kr', 'kr', 'kr', null, 'kr', 'kr', 'kr'] as ('kr' | null)[],
};

async function render(overview: SteeringOverview): Promise<HTMLElement> {
  TestBed.configureTestingModule({
    providers: [
      provideZonelessChangeDetection(),
      provideApiTesting(),
      { provide: ProgrammesApi, useValue: { list: () => of({ items: [P], nextCursor: null }) } },
      { provide: SteeringApi, useValue: { overview: () => of(overview) } },
    ],
  });
  const fixture = TestBed.createComponent(SteeringPage);
  // The programme chosen (the picker's first), the page loads its figures.
  (fixture.componentInstance as unknown as { programmeId: { set: (id: string) => void } }).programmeId.set(
    'p1',
  );
  for (let i = 0; i < 3; i++) {
    fixture.detectChanges();
    await fixture.whenStable();
  }
  return fixture.nativeElement as HTMLElement;
}

const text = (e: Element | null) => (e?.textContent ?? '').replace(/\s+/g, ' ').trim();

const RUNNING: SteeringOverview = {
  programmeId: 'p1',
  programmeName: 'Nästa Steg',
  startDate: '2026-01-05',
  endDate: '2027-12-31',
  asOf: '2026-12-06',
  current: { id: '2026-T3', kind: 'tertial', start: '2026-09-01', end: '2026-12-31' },
  previous: { id: '2026-T2', kind: 'tertial', start: '2026-05-01', end: '2026-08-31' },
  nextReport: { id: '2026-T3', kind: 'tertial', start: '2026-09-01', end: '2026-12-31' },
  goals: { current: goals('..', null), previous: goals('Ja', 90) },
  keyFigures: null,
  economy: ECONOMY,
  suppressed: true,
};

describe('SteeringPage', () => {
  it('names the next tertial report and the two tertials, with the cells as the engine gives them', async () => {
    const el = await render(RUNNING);
    expect(text(el.querySelector('[data-testid="steering-next-report"] .value'))).toBe(
      'Tertial 3 2026 (sep–dec), per 2026-12-31',
    );
    expect(text(el.querySelector('[data-testid="steering-goals-previous"] h3'))).toBe(
      'Föregående tertial: Tertial 2 2026 (maj–aug)',
    );
    const cells = (id: string) =>
      [...el.querySelectorAll(`[data-testid="${id}"] tbody tr > *`)].map((c) => text(c));
    expect(cells('steering-goals-previous')).toEqual([
      'Närvaro (tillfällen)',
      '80',
      '130',
      '144',
      '90',
      'Ja',
    ]);
    // A hidden figure stays hidden: ".." as the report prints it.
    expect(cells('steering-goals-current')).toEqual(['Närvaro (tillfällen)', '80', '130', '144', '', '..']);
  });

  it('heads the economy with approved, invoiced, remaining and the share invoiced of the total row', async () => {
    const el = await render(RUNNING);
    const figures = [...el.querySelectorAll('[data-testid="steering-economy"] .figure')].map((f) => [
      text(f.querySelector('dt')),
      f.querySelector('dd')?.textContent,
    ]);
    expect(figures).toEqual([
      ['Beviljat', '1\u00a0000\u00a0000\u00a0kr'],
      ['Fakturerat', '350\u00a0000\u00a0kr'],
      ['Kvar', '650\u00a0000\u00a0kr'],
      ['Andel fakturerat', '35 %'],
    ]);
  });

  it('says when no report is left, and shows no headline without a budget', async () => {
    const el = await render({
      ...RUNNING,
      nextReport: null,
      economy: { ...ECONOMY, rows: [], notes: ['Ingen budget är registrerad för perioden.'] },
    });
    expect(text(el.querySelector('[data-testid="steering-next-report"] .value'))).toBe(
      'Ingen – insatsen har avslutats och alla tertialer är redovisade.',
    );
    expect(el.querySelectorAll('[data-testid="steering-economy"] .figure')).toHaveLength(0);
    expect(text(el.querySelector('[data-testid="steering-economy"] .note'))).toBe(
      'Ingen budget är registrerad för perioden.',
    );
  });
});
