import { addDays, isoWeek, mondayOf, shortDay } from './week.util';

describe('week helpers', () => {
  it('finds the Monday and the ISO week number', () => {
    expect(mondayOf('2020-08-27')).toBe('2020-08-24');
    expect(mondayOf('2020-08-30')).toBe('2020-08-24');
    expect(isoWeek('2020-08-24')).toBe(35);
    expect(isoWeek('2021-01-03')).toBe(53);
    expect(isoWeek('2021-01-04')).toBe(1);
    expect(addDays('2020-12-31', 1)).toBe('2021-01-01');
    expect(shortDay('2020-08-24')).toBe('mån 24/8');
  });
});
