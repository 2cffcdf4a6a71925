import { planCalendar, swedishDaysOff } from './calendar.util';

const thirteenWeeks = {
  phases: [
    { kind: 'mapping' as const, weeks: 2, lectures: true },
    { kind: 'lectures' as const, weeks: 7, lectures: true },
    { kind: 'internship' as const, weeks: 4, lectures: false },
  ],
  themes: ['Arbetsmarknadskunskap', 'Utbildning', 'CV-träning'],
  lectureCount: 31,
  lectureWeekdays: [1, 2, 3, 4],
  lectureStart: '13:00',
  lectureEnd: '15:30',
  computerDayWeekday: null,
};

describe('Swedish days off', () => {
  it.each([
    [
      2019,
      [
        '2019-04-19',
        '2019-04-22',
        '2019-05-30',
        '2019-06-06',
        '2019-06-21',
        '2019-12-24',
        '2019-12-25',
        '2019-12-26',
        '2019-12-31',
      ],
    ],
    [2020, ['2020-04-10', '2020-04-13', '2020-05-21', '2020-06-19', '2020-12-24']],
    [2021, ['2021-04-02', '2021-04-05', '2021-05-13', '2021-06-25']],
    [2024, ['2024-03-29', '2024-04-01', '2024-05-09', '2024-06-06', '2024-06-21']],
    [2026, ['2026-04-03', '2026-04-06', '2026-05-14', '2026-06-19']],
  ])('%i includes Easter, Ascension, midsummer eve and the others', (year, dates) => {
    const off = swedishDaysOff(year);
    for (const d of dates) expect(off.has(d)).toBe(true);
    expect(off.has(`${year}-01-01`)).toBe(true);
    expect(off.has(`${year}-05-01`)).toBe(true);
    // Ordinary working days are not holidays.
    expect(off.has(`${year}-03-10`)).toBe(false);
  });
});

describe('planCalendar', () => {
  it('13 weeks from 2020-08-24: 31 lectures Mon–Thu in the first 9 weeks, ending 2020-11-22', () => {
    const c = planCalendar(thirteenWeeks, '2020-08-24');
    expect(c.endDate).toBe('2020-11-22');
    expect(c.sessions.filter((s) => s.kind === 'lecture')).toHaveLength(31);
    expect(c.lecturesShort).toBe(0);
    expect(c.sessions[0]).toEqual({
      date: '2020-08-24',
      kind: 'lecture',
      theme: 'Arbetsmarknadskunskap',
      startTime: '13:00',
      endTime: '15:30',
    });
    // 4 a week: lectures 29–31 are Monday to Wednesday of week 8 (which starts 2020-10-12).
    expect(c.sessions[30].date).toBe('2020-10-14');
  });

  it('skips public holidays and keeps the count by moving on to the next lecture day', () => {
    // Start 2021-03-29: Easter Monday 2021-04-05 and Ascension 2021-05-13 fall on lecture days.
    const c = planCalendar(thirteenWeeks, '2021-03-29');
    const dates = c.sessions.map((s) => s.date);
    expect(dates).not.toContain('2021-04-05');
    expect(dates).not.toContain('2021-05-13');
    expect(c.skippedHolidays).toEqual([
      { date: '2021-04-05', name: 'annandag påsk' },
      { date: '2021-05-13', name: 'Kristi himmelsfärdsdag' },
    ]);
    expect(c.sessions).toHaveLength(31);
  });

  it('reports lectures that do not fit in the lecture weeks', () => {
    const c = planCalendar({ ...thirteenWeeks, lectureCount: 40 }, '2020-08-24');
    expect(c.sessions).toHaveLength(36);
    expect(c.lecturesShort).toBe(4);
  });

  it('17-week variant: a computer day every week, also in the internship weeks', () => {
    const c = planCalendar(
      {
        ...thirteenWeeks,
        phases: [...thirteenWeeks.phases, { kind: 'internship', weeks: 4, lectures: false }],
        computerDayWeekday: 5,
      },
      '2020-08-24',
    );
    expect(c.sessions.filter((s) => s.kind === 'computer_day')).toHaveLength(17);
  });

  it('never places a session on a day off, over several years of start dates', () => {
    for (let y = 2019; y <= 2027; y++) {
      for (const start of [`${y}-01-07`, `${y}-03-30`, `${y}-06-01`, `${y}-12-01`]) {
        const c = planCalendar(thirteenWeeks, start);
        const off = new Map([...swedishDaysOff(y), ...swedishDaysOff(y + 1)]);
        expect(c.sessions.filter((s) => off.has(s.date))).toEqual([]);
      }
    }
  });
});
