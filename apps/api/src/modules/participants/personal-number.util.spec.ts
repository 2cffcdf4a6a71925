import fc from 'fast-check';
import { formatPersonalNumber, parsePersonalNumber } from './personal-number.util';
import { propertyRuns } from '../../../test/support/property';

describe('parsePersonalNumber', () => {
  it('accepts valid personnummer in 10 and 12 digit forms and normalises them', () => {
    expect(parsePersonalNumber('19811218-9876')).toEqual({
      digits: '198112189876',
      isCoordinationNumber: false,
      birthYear: 1981,
    });
    expect(parsePersonalNumber('811218-9876')?.digits).toBe('198112189876');
    expect(parsePersonalNumber('198112189876')?.digits).toBe('198112189876');
  });

  it('accepts a samordningsnummer (day + 60)', () => {
    expect(parsePersonalNumber('701063-2391')).toEqual({
      digits: '197010632391',
      isCoordinationNumber: true,
      birthYear: 1970,
    });
  });

  it('refuses a wrong check digit, an impossible date and other shapes', () => {
    expect(parsePersonalNumber('19811218-9877')).toBeNull();
    expect(parsePersonalNumber('19811318-9876')).toBeNull();
    expect(parsePersonalNumber('abc')).toBeNull();
    expect(parsePersonalNumber('19811218 9876')).toBeNull();
    expect(formatPersonalNumber('198112189876')).toBe('19811218-9876');
  });

  it('never throws and never accepts a number whose last digit was changed (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        parsePersonalNumber(s);
      }),
      propertyRuns(2000),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), (delta) => {
        const d = (6 + delta) % 10;
        return parsePersonalNumber(`19811218-987${d}`) === null;
      }),
      propertyRuns(100),
    );
  });
});
