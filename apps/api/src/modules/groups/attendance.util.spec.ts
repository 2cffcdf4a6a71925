import { attendanceRates } from './attendance.util';

describe('attendanceRates', () => {
  const sessions = [
    { id: 's1', date: '2020-08-24', cancelled: false, taken: true },
    { id: 's2', date: '2020-08-25', cancelled: true, taken: false },
    { id: 's3', date: '2020-08-26', cancelled: false, taken: true },
    { id: 's4', date: '2020-08-27', cancelled: false, taken: true },
    { id: 's5', date: '2020-08-31', cancelled: false, taken: false },
  ];
  const enrolments = [
    { id: 'a', startDate: '2020-08-24', endDate: null },
    { id: 'b', startDate: '2020-08-26', endDate: null },
    { id: 'c', startDate: '2020-08-24', endDate: '2020-08-24' },
  ];
  const marks = new Map([
    ['s1:a', 'present'],
    ['s3:a', 'present'],
    ['s4:a', 'excused'],
    ['s3:b', 'present'],
    ['s4:b', 'present'],
    ['s1:c', 'unexcused'],
  ] as const);

  it('counts only held sessions (not cancelled, attendance taken) within each enrolment', () => {
    const r = attendanceRates(sessions, enrolments, new Map(marks), 80);
    expect(r.people).toEqual([
      {
        enrolmentId: 'a',
        rate: { count: 2, of: 3, percent: 67 },
        excused: 1,
        unexcused: 0,
        meetsGoal: false,
      },
      {
        enrolmentId: 'b',
        rate: { count: 2, of: 2, percent: 100 },
        excused: 0,
        unexcused: 0,
        meetsGoal: true,
      },
      { enrolmentId: 'c', rate: { count: 0, of: 1, percent: 0 }, excused: 0, unexcused: 1, meetsGoal: false },
    ]);
    // Group: (2 + 2 + 0) present of (3 + 2 + 1) held.
    expect(r.group).toEqual({ count: 4, of: 6, percent: 67 });
    expect(r.meetingGoal).toEqual({ count: 1, of: 3, percent: 33 });
  });

  it('meets the goal at exactly the goal, judged on the whole per cent shown', () => {
    const s = Array.from({ length: 5 }, (_, i) => ({
      id: `s${i}`,
      date: `2020-09-0${i + 1}`,
      cancelled: false,
      taken: true,
    }));
    const m = new Map(s.slice(0, 4).map((x) => [`${x.id}:a`, 'present' as const]));
    expect(
      attendanceRates(s, [{ id: 'a', startDate: '2020-01-01', endDate: null }], m, 80).people[0].meetsGoal,
    ).toBe(true);
    // 79.5 % is shown as 80 % and so meets an 80 % goal; 79 % does not.
    const s200 = Array.from({ length: 200 }, (_, i) => ({
      id: `t${i}`,
      date: '2020-09-01',
      cancelled: false,
      taken: true,
    }));
    const m159 = new Map(s200.slice(0, 159).map((x) => [`${x.id}:a`, 'present' as const]));
    const r = attendanceRates(s200, [{ id: 'a', startDate: '2020-01-01', endDate: null }], m159, 80)
      .people[0];
    expect(r.rate.percent).toBe(80);
    expect(r.meetsGoal).toBe(true);
    const m158 = new Map(s200.slice(0, 157).map((x) => [`${x.id}:a`, 'present' as const]));
    expect(
      attendanceRates(s200, [{ id: 'a', startDate: '2020-01-01', endDate: null }], m158, 80).people[0],
    ).toMatchObject({ rate: { count: 157, of: 200, percent: 79 }, meetsGoal: false });
  });
});
