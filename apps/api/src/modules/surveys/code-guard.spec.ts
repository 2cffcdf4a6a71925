import { codePrefix, delayAfter, secondsToWait } from './code-guard';

describe('the guard on wrong survey codes', () => {
  it('lets ten wrong codes from an address pass, then doubles the wait up to a minute', () => {
    expect([9, 10, 11, 12, 13, 14, 15, 40].map((n) => delayAfter(n, 10))).toEqual([
      0, 2, 4, 8, 16, 32, 60, 60,
    ]);
  });

  it('counts the wait from the last wrong code, by address or by prefix, whichever is longer', () => {
    const none = { count: 0, sinceLast: null };
    expect(secondsToWait({ count: 10, sinceLast: 0.5 }, none)).toBe(2);
    expect(secondsToWait({ count: 10, sinceLast: 2 }, none)).toBe(0);
    expect(secondsToWait({ count: 13, sinceLast: 10 }, none)).toBe(6);
    expect(secondsToWait(none, { count: 3, sinceLast: 1 })).toBe(1);
    expect(secondsToWait({ count: 11, sinceLast: 1 }, { count: 5, sinceLast: 1 })).toBe(7);
  });

  it('counts a short code under its first four characters, a link token under none', () => {
    expect(codePrefix('NHYRJD2G')).toBe('NHYR');
    expect(codePrefix('kF3x9Qb0TzV1pL8mW2aE4w')).toBeNull();
  });
});
