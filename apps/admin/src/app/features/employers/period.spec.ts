import { I18n, type TextKey } from '../../core/i18n/i18n';
import { periodLabel, tertials } from './period';

describe('places offered: period labels', () => {
  const i18n = new I18n();
  const t = (k: TextKey): string => i18n.t(k);

  it('names a tertial by its number, year and months in Swedish', () => {
    expect(periodLabel({ start: '2030-05-01', end: '2030-08-31' }, t)).toBe('Tertial 2 2030 (maj–aug)');
    expect(periodLabel({ start: '2030-09-01', end: '2030-12-31' }, t)).toBe('Tertial 3 2030 (sep–dec)');
  });

  it('names a calendar year, and shows any other period by its dates', () => {
    expect(periodLabel({ start: '2030-01-01', end: '2030-12-31' }, t)).toBe('År 2030');
    expect(periodLabel({ start: '2030-03-02', end: '2030-03-27' }, t)).toBe('2030-03-02 – 2030-03-27');
    expect(periodLabel({ start: '2030-09-01', end: '2031-12-31' }, t)).toBe('2030-09-01 – 2031-12-31');
  });

  it('lists the tertials of the years asked for, in time order', () => {
    expect(tertials([2030, 2031]).map((p) => p.start)).toEqual([
      '2030-01-01',
      '2030-05-01',
      '2030-09-01',
      '2031-01-01',
      '2031-05-01',
      '2031-09-01',
    ]);
  });
});
