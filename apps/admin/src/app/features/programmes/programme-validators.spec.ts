import { FormControl, FormGroup } from '@angular/forms';
import { endNotBeforeStart, goalTarget, isoDate } from './programme-validators';

describe('programme form rules (the same as the API)', () => {
  it('accepts only real calendar dates written YYYY-MM-DD', () => {
    expect(isoDate(new FormControl('2020-02-29'))).toBeNull();
    expect(isoDate(new FormControl('2021-02-29'))).toEqual({ isoDate: true });
    expect(isoDate(new FormControl('29/02/2020'))).toEqual({ isoDate: true });
    expect(isoDate(new FormControl(''))).toBeNull();
  });

  it('refuses an end date before the start date', () => {
    const g = (s: string, e: string) =>
      new FormGroup({ startDate: new FormControl(s), endDate: new FormControl(e) });
    expect(endNotBeforeStart(g('2021-01-01', '2020-12-31'))).toEqual({ endBeforeStart: true });
    expect(endNotBeforeStart(g('2021-01-01', '2021-01-01'))).toBeNull();
  });

  it('takes a goal target as a whole per cent from 0 to 100', () => {
    const g = (v: number | null) => new FormGroup({ targetValue: new FormControl(v) });
    expect(goalTarget(g(101))).toEqual({ percentMax: true });
    expect(goalTarget(g(100))).toBeNull();
    expect(goalTarget(g(0))).toBeNull();
    expect(goalTarget(g(-1))).toEqual({ negative: true });
    expect(goalTarget(g(80.5))).toEqual({ whole: true });
    expect(goalTarget(g(null))).toBeNull();
  });
});
