import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type EnrolmentStatus, type Gender, type Industry, OFFER_RESULTS, type OutcomeCategory } from '@stegvis/contracts';
import type { ProgrammeReportInput, ReportPeriod } from '@stegvis/reports';
import { DataSource } from 'typeorm';
import { GroupsService } from '../groups/groups.service';

/**
 * Gathers one programme's data for the report functions. Reports read across the domain (groups, enrolments,
 * attendance, internships, outcomes, survey rounds) in a few set-based queries; this is the one place that reads
 * other modules' tables, and it only reads. No names or personal numbers leave it: participants are enrolment ids.
 */
@Injectable()
export class ReportDataService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly groups: GroupsService,
  ) {}

  async gather(programmeId: string, period: ReportPeriod): Promise<ProgrammeReportInput & { programmeName: string }> {
    const q = <T>(sql: string, params: unknown[]) => this.dataSource.query(sql, params) as Promise<T[]>;
    const [programme] = await q<{ name: string; goals: { key: string; targetValue: number }[] }>('SELECT name, goals FROM programme WHERE id = $1', [programmeId]);
    const goal = (key: string, fallback: number) => programme.goals.find((g) => g.key === key)?.targetValue ?? fallback;
    const groups = await q<{ id: string; number: number; start_date: string; end_date: string }>(
      'SELECT id, number, start_date::text, end_date::text FROM programme_group WHERE programme_id = $1 AND start_date <= $3 AND end_date >= $2 ORDER BY number',
      [programmeId, period.start, period.end],
    );
    const groupIds = groups.map((g) => g.id);
    const enrolments = await q<{ id: string; group_id: string; status: EnrolmentStatus; start_date: string; end_date: string | null; gender: Gender }>(
      `SELECT e.id, e.group_id, e.status, e.start_date::text, e.end_date::text, p.gender
         FROM enrolment e JOIN participant p ON p.id = e.participant_id
        WHERE e.group_id = ANY ($1::uuid[]) AND e.start_date <= $3 AND (e.end_date IS NULL OR e.end_date >= $2)`,
      [groupIds, period.start, period.end],
    );
    const [attendance, outcomes, internships, rounds] = await Promise.all([
      // Held = sessions not cancelled, with attendance taken, inside the enrolment and the period (DOMAIN.md).
      q<{ enrolment_id: string; held: number; present: number }>(
        `SELECT e.id AS enrolment_id,
                count(s.id)::int AS held,
                count(a.session_id) FILTER (WHERE a.status = 'present')::int AS present
           FROM enrolment e
           JOIN group_session s ON s.group_id = e.group_id AND s.status = 'scheduled' AND s.date >= e.start_date
                AND s.date <= least(coalesce(e.end_date, $2::date), $2::date)
                AND EXISTS (SELECT 1 FROM attendance t WHERE t.session_id = s.id)
           LEFT JOIN attendance a ON a.session_id = s.id AND a.enrolment_id = e.id
          WHERE e.group_id = ANY ($1::uuid[])
          GROUP BY e.id`,
        [groupIds, period.end],
      ),
      // Filtered by group, not by a list of every enrolment id: a 100 000-element parameter is slow to send and plan.
      q<{ enrolment_id: string; category: OutcomeCategory; detail: string; date: string }>('SELECT o.enrolment_id, o.category, o.detail, o.date::text FROM outcome o JOIN enrolment e ON e.id = o.enrolment_id WHERE e.group_id = ANY ($1::uuid[])', [groupIds]),
      q<{ enrolment_id: string; industry: Industry; result: string }>(
        'SELECT i.enrolment_id, emp.industry, i.result FROM internship i JOIN employer emp ON emp.id = i.employer_id JOIN enrolment e ON e.id = i.enrolment_id WHERE e.group_id = ANY ($1::uuid[]) AND i.start_date <= $2',
        [groupIds, period.end],
      ),
      q<{ group_id: string; enrolled_at_open: number; answers: number }>(
        `SELECT r.group_id, r.enrolled_at_open, (SELECT count(*)::int FROM survey_response x WHERE x.round_id = r.id) AS answers
           FROM survey_round r WHERE r.group_id = ANY ($1::uuid[]) AND r.opens_at <= $2::date + 1`,
        [groupIds, period.end],
      ),
    ]);
    const byEnrolment = <T extends { enrolment_id: string }>(rows: T[]) => {
      const m = new Map<string, T[]>();
      for (const r of rows) m.set(r.enrolment_id, [...(m.get(r.enrolment_id) ?? []), r]);
      return m;
    };
    const att = new Map(attendance.map((a) => [a.enrolment_id, a]));
    const out = new Map(outcomes.map((o) => [o.enrolment_id, o]));
    const ints = byEnrolment(internships);
    const number = new Map(groups.map((g) => [g.id, g.number]));
    const internshipStarts = await this.groups.internshipPhaseStarts(groups.map((g) => g.id));
    return {
      programmeName: programme.name,
      programme: { name: programme.name, goals: { attendancePercent: goal('attendance', 80), clearPlanPercent: goal('clear_plan', 75) } },
      groups: groups.map((g) => ({
        number: g.number,
        start: g.start_date,
        end: g.end_date,
        status: g.end_date < period.end ? 'completed' : g.start_date > period.end ? 'planned' : 'active',
        internshipWeeksStart: internshipStarts.get(g.id),
      })),
      participants: enrolments.map((e) => {
        // Status as it was at the end of the period.
        const ended = e.end_date !== null && e.end_date <= period.end;
        const enrolment: EnrolmentStatus = e.status === 'active' || !ended ? 'active' : e.status;
        const o = out.get(e.id);
        return {
          ref: e.id,
          group: number.get(e.group_id)!,
          gender: e.gender,
          enrolment,
          enrolledOn: e.start_date,
          ...(enrolment === 'left_early' && e.end_date ? { leftOn: e.end_date } : {}),
          outcome: o ? { category: o.category, detail: o.detail, date: o.date } : null,
          attendance: { held: att.get(e.id)?.held ?? 0, present: att.get(e.id)?.present ?? 0 },
          internships: (ints.get(e.id) ?? []).map((i) => ({ industry: i.industry, ledToOffer: (OFFER_RESULTS as readonly string[]).includes(i.result) })),
        };
      }),
      surveyRounds: rounds.map((r) => ({ group: number.get(r.group_id)!, answers: r.answers, enrolledAtOpen: r.enrolled_at_open, leftBeforeOpen: 0 })),
    };
  }
}
