import type { AttendanceStatus, Ratio } from '@stegvis/contracts';
import { ratio } from '@stegvis/contracts';

export interface SessionFact {
  id: string;
  date: string;
  cancelled: boolean;
  /** Attendance was taken for the group at this session (any mark recorded). */
  taken: boolean;
}

export interface EnrolmentFact {
  id: string;
  startDate: string;
  endDate: string | null;
}

export interface PersonRate {
  enrolmentId: string;
  rate: Ratio;
  excused: number;
  unexcused: number;
  meetsGoal: boolean;
}

/**
 * docs/domain.md: attendance = sessions present / sessions held while the person was enrolled. A cancelled session
 * is not held; a session whose attendance was never taken is not counted yet (it would otherwise read as an
 * absence). An excused absence is an absence, reported separately. A group's rate sums present and held.
 */
export function attendanceRates(
  sessions: SessionFact[],
  enrolments: EnrolmentFact[],
  marks: Map<string, AttendanceStatus>,
  goalPercent: number,
): { people: PersonRate[]; group: Ratio; meetingGoal: Ratio } {
  const held = sessions.filter((s) => !s.cancelled && s.taken);
  let present = 0;
  let total = 0;
  const people = enrolments.map((e) => {
    const mine = held.filter((s) => s.date >= e.startDate && (e.endDate === null || s.date <= e.endDate));
    let p = 0;
    let excused = 0;
    let unexcused = 0;
    for (const s of mine) {
      const status = marks.get(`${s.id}:${e.id}`);
      if (status === 'present') p++;
      else if (status === 'excused') excused++;
      else unexcused++;
    }
    present += p;
    total += mine.length;
    const rate = ratio(p, mine.length);
    // Judged on the whole per cent people see, so "80 %" never shows as below an 80 % goal.
    return {
      enrolmentId: e.id,
      rate,
      excused,
      unexcused,
      meetsGoal: rate.percent !== null && rate.percent >= goalPercent,
    };
  });
  const counted = people.filter((x) => x.rate.of > 0);
  return {
    people,
    group: ratio(present, total),
    meetingGoal: ratio(counted.filter((x) => x.meetsGoal).length, counted.length),
  };
}
