import { endFromTemplate, summarise } from './template-summary';

describe('summarise', () => {
  it('adds up the 13-week template: 2 mapping + 7 lectures + 4 internship, 4 lecture days', () => {
    expect(
      summarise({
        phases: [
          { kind: 'mapping', weeks: 2, lectures: true },
          { kind: 'lectures', weeks: 7, lectures: true },
          { kind: 'internship', weeks: 4, lectures: false },
        ],
        lectureWeekdays: [1, 2, 3, 4],
        lectureCount: 31,
      }),
    ).toEqual({ totalWeeks: 13, internshipWeeks: 4, lectureWeeks: 9, room: 36, short: 0 });
  });

  it('says how many lectures do not fit', () => {
    expect(
      summarise({
        phases: [{ kind: 'lectures', weeks: 2, lectures: true }],
        lectureWeekdays: [1, 3],
        lectureCount: 6,
      }).short,
    ).toBe(2);
  });
});

describe('endFromTemplate', () => {
  it('ends a 13-week group on the last day of week 13, as the api does', () => {
    expect(endFromTemplate('2020-08-24', 13)).toBe('2020-11-22');
  });

  it('gives nothing for a date that is not YYYY-MM-DD', () => {
    expect(endFromTemplate('24/8 2020', 13)).toBe('');
  });
});
