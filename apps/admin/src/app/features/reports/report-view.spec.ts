import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { of } from 'rxjs';
import { provideApiTesting } from '../../core/api/testing';
import { ProgrammesApi } from '../programmes/programmes-api';
import { ReportView } from './report-view';
import { type ProgressReport, type ReportTable, ReportsApi } from './reports-api';

/** Attendance with group 2's figure hidden (".."), as an evaluator gets it. */
const ATTENDANCE: ReportTable = {
  id: 'attendance',
  title: 'Närvaro per grupp',
  columns: ['Grupp', 'Tillfällen', 'Närvarotillfällen', 'Möjliga', 'Närvaro (%)'],
  rows: [
    ['Grupp 1', 10, 273, 310, 88],
    ['Grupp 2', 10, '..', '..', '..'],
    ['Totalt', 20, 500, 600, 83],
  ],
  notes: [],
};

/** Outcomes of a period with nobody enrolled: no share to draw. */
const NOBODY: ReportTable = {
  id: 'outcomes',
  title: 'Resultat',
  columns: ['Resultat', 'Antal', 'Av inskrivna', 'Andel (%)'],
  rows: [
    ['Arbete', 0, 0, null],
    ['Studier', 0, 0, null],
    ['Totalt', 0, 0, null],
  ],
  notes: [],
};

const ECONOMY: ReportTable = {
  id: 'economy',
  title: 'Ekonomi',
  columns: ['Kommun', 'År', 'Beviljat', 'Andel fakturerat (%)', 'Avvikelse mot beviljat'],
  rows: [['Bjuv', 2025, 1_030_000, 40, -50_000]],
  notes: [],
  units: [null, null, 'kr', null, 'kr'],
};

async function render(tables: ReportTable[]): Promise<HTMLElement> {
  const report: ProgressReport = { title: 'Delrapport', report: null, tables, suppressed: true };
  TestBed.configureTestingModule({
    providers: [
      provideZonelessChangeDetection(),
      provideApiTesting(),
      { provide: ProgrammesApi, useValue: { list: () => of({ items: [], nextCursor: null }) } },
      {
        provide: ReportsApi,
        useValue: {
          progress: () => of(report),
          targetGroup: () =>
            of({ id: 'target-group', title: 'Målgruppen', columns: [], rows: [], notes: [] }),
        },
      },
    ],
  });
  const fixture = TestBed.createComponent(ReportView);
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  el.querySelector<HTMLButtonElement>('[data-testid="report-show"]')!.click();
  await fixture.whenStable();
  return el;
}

const text = (e: Element | null) => (e?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('ReportView', () => {
  it('draws the chart from the table, a hidden figure as "visas inte" with no bar', async () => {
    const el = await render([ATTENDANCE]);
    const chart = el.querySelector('[data-testid="chart-attendance"]')!;
    expect(text(chart.querySelector('figcaption'))).toBe('Diagram: närvaro per grupp');
    const bars = [...chart.querySelectorAll('[data-testid="chart-bar"]')];
    // The total row is no bar, as in the PDF.
    expect(bars.map((b) => [text(b.querySelector('.label')), text(b.querySelector('.value'))])).toEqual([
      ['Grupp 1', '88 %'],
      ['Grupp 2', 'visas inte'],
    ]);
    expect(bars[0].querySelector<HTMLElement>('[data-testid="chart-fill"]')!.style.width).toBe('88%');
    expect(bars[1].querySelector('[data-testid="chart-fill"]')).toBeNull();
    expect(chart.querySelector('[data-testid="chart-absent"]')).toBeNull();
  });

  it('says why a chart is empty instead of drawing bars of 0', async () => {
    const el = await render([NOBODY]);
    const chart = el.querySelector('[data-testid="chart-outcomes"]')!;
    expect(text(chart.querySelector('[data-testid="chart-absent"]'))).toBe(
      'Inga inskrivna deltagare under perioden',
    );
    expect(chart.querySelectorAll('[data-testid="chart-bar"]')).toHaveLength(0);
  });

  it('prints amounts in Swedish format, as the PDF does', async () => {
    const el = await render([ECONOMY]);
    const cells = [...el.querySelectorAll('[data-testid="report-economy"] tbody td')].map(
      (td) => td.textContent,
    );
    expect(cells).toEqual(['Bjuv', '2025', '1\u00a0030\u00a0000\u00a0kr', '40', '\u221250\u00a0000\u00a0kr']);
    expect(el.querySelector('[data-testid="chart-economy"]')).toBeNull();
  });
});
