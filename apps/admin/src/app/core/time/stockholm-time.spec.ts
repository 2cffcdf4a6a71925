import { fromStockholmInput, StockholmTimePipe, toStockholmInput } from './stockholm-time';

// The admin's test script runs this file again under TZ=America/New_York: a conversion that used the browser's
// zone (new Date(value), getHours, toLocaleString without timeZone) gives other values there and fails.
describe('Swedish time in the admin', () => {
  const pipe = new StockholmTimePipe();

  it('a round typed as opening 08:00 sends 06:00Z in summer and 07:00Z in winter', () => {
    expect(fromStockholmInput('2027-03-29T08:00')).toBe('2027-03-29T06:00:00.000Z');
    expect(fromStockholmInput('2027-03-27T08:00')).toBe('2027-03-27T07:00:00.000Z');
    expect(fromStockholmInput('2027-10-31T08:00')).toBe('2027-10-31T07:00:00.000Z');
    expect(fromStockholmInput('2027-10-30T08:00:30')).toBe('2027-10-30T06:00:30.000Z');
  });

  it('fills the input with the Swedish time of an instant', () => {
    expect(toStockholmInput('2027-03-29T06:00:00.000Z')).toBe('2027-03-29T08:00');
    expect(toStockholmInput('2027-03-28T22:30:00Z')).toBe('2027-03-29T00:30');
    expect(toStockholmInput(Date.parse('2027-11-01T07:00:00Z'))).toBe('2027-11-01T08:00');
  });

  it('refuses what the input cannot hold', () => {
    expect(() => fromStockholmInput('')).toThrow(RangeError);
    expect(() => fromStockholmInput('2027-03-29 08:00')).toThrow(RangeError);
  });

  it('the pipe shows instants as Swedish date and time', () => {
    expect(pipe.transform('2027-03-29T06:00:00.000Z')).toBe('2027-03-29 08:00');
    expect(pipe.transform('2027-01-15T07:00:00Z')).toBe('2027-01-15 08:00');
    expect(pipe.transform('2027-03-28T22:30:00Z', 'date')).toBe('2027-03-29');
    expect(pipe.transform('2027-10-31T01:30:05Z', 'seconds')).toBe('2027-10-31 02:30:05');
    expect(pipe.transform(null)).toBe('');
    expect(pipe.transform(undefined, 'date')).toBe('');
  });
});
