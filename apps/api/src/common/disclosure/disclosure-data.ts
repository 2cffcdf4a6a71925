import {
  goalTarget,
  stockholmDate,
  type EnrolmentStatus,
  type FollowUpMonths,
  type Gender,
} from '@stegvis/contracts';
import type { LeftReason, OutcomeCategory, OutcomeDetailCode } from '@stegvis/contracts';
import type { DisclosureEnrolment, DisclosureProgramme } from '@stegvis/reports';

/** Runs a query: the service passes its DataSource's. */
export type Query = <T>(sql: string, params: unknown[]) => Promise<T[]>;

/**
 * One programme's data at person level for the disclosure audit (in a stable order — groups by municipality and
 * number, rounds by opening — so that the same data always gets the same decision): who was enrolled in which group when, how it
 * ended, outcome, follow-ups, internships, sessions held and attended, assessments, survey rounds. No names or
 * numbers: a person is her participant id. Read-only, like the reports' SQL (a cross-module reader, docs/
 * architecture.md). `internshipStarts` gives each group's first internship day (GroupsService's rule).
 */
export async function gatherDisclosureData(
  query: Query,
  programmeId: string,
  internshipStarts: (groupIds: string[]) => Promise<Map<string, string>>,
): Promise<DisclosureProgramme | null> {
  const [programme] = await query<{
    start: string;
    end: string;
    goals: { key: string; targetValue: number }[];
  }>('SELECT start_date::text AS start, end_date::text AS end, goals FROM programme WHERE id = $1', [
    programmeId,
  ]);
  if (!programme) return null;
  const [groups, rounds, enrolments, outcomes, followUps, internships, sessions, assessed] =
    await Promise.all([
      query<{ id: string; number: number; municipality: string | null; start: string; end: string }>(
        `SELECT g.id, g.number, m.name AS municipality, g.start_date::text AS start, g.end_date::text AS end
         FROM programme_group g LEFT JOIN municipality m ON m.id = g.municipality_id
        WHERE g.programme_id = $1 ORDER BY m.name, g.number, g.id`,
        [programmeId],
      ),
      query<{ id: string; group_id: string; opens_at: Date }>(
        `SELECT r.id, r.group_id, r.opens_at FROM survey_round r JOIN programme_group g ON g.id = r.group_id
        WHERE g.programme_id = $1 ORDER BY r.opens_at, r.id`,
        [programmeId],
      ),
      query<{
        id: string;
        participant_id: string;
        group_id: string;
        gender: Gender;
        start: string;
        end: string | null;
        status: EnrolmentStatus;
        left_reason: LeftReason | null;
      }>(
        `SELECT e.id, e.participant_id, e.group_id, p.gender, e.start_date::text AS start, e.end_date::text AS end,
              e.status, e.left_reason
         FROM enrolment e JOIN programme_group g ON g.id = e.group_id JOIN participant p ON p.id = e.participant_id
        WHERE g.programme_id = $1 ORDER BY e.id`,
        [programmeId],
      ),
      query<{
        enrolment_id: string;
        category: OutcomeCategory;
        detail_code: OutcomeDetailCode | null;
        date: string;
      }>(
        `SELECT o.enrolment_id, o.category, o.detail_code, o.date::text AS date
         FROM outcome o JOIN enrolment e ON e.id = o.enrolment_id JOIN programme_group g ON g.id = e.group_id
        WHERE g.programme_id = $1`,
        [programmeId],
      ),
      query<{ enrolment_id: string; months: FollowUpMonths; category: OutcomeCategory; date: string }>(
        `SELECT f.enrolment_id, f.months, f.category, f.date::text AS date
         FROM follow_up f JOIN enrolment e ON e.id = f.enrolment_id JOIN programme_group g ON g.id = e.group_id
        WHERE g.programme_id = $1`,
        [programmeId],
      ),
      query<{ enrolment_id: string; start: string }>(
        `SELECT i.enrolment_id, i.start_date::text AS start
         FROM internship i JOIN enrolment e ON e.id = i.enrolment_id JOIN programme_group g ON g.id = e.group_id
        WHERE g.programme_id = $1`,
        [programmeId],
      ),
      // Sessions held while enrolled, as the report counts them: not cancelled, attendance taken.
      query<{ enrolment_id: string; date: string; present: boolean }>(
        `SELECT e.id AS enrolment_id, s.date::text AS date, coalesce(a.status = 'present', false) AS present
         FROM enrolment e JOIN programme_group g ON g.id = e.group_id
         JOIN group_session s ON s.group_id = e.group_id AND s.status = 'scheduled' AND s.date >= e.start_date
              AND (e.end_date IS NULL OR s.date <= e.end_date)
              AND EXISTS (SELECT 1 FROM attendance t WHERE t.session_id = s.id)
         LEFT JOIN attendance a ON a.session_id = s.id AND a.enrolment_id = e.id
        WHERE g.programme_id = $1`,
        [programmeId],
      ),
      // Participants with both a start and an end assessment (the group's assessment summary).
      query<{ participant_id: string }>(
        `SELECT a.participant_id FROM progress_assessment a
        WHERE a.participant_id IN (SELECT e.participant_id FROM enrolment e JOIN programme_group g ON g.id = e.group_id
                                    WHERE g.programme_id = $1)
        GROUP BY a.participant_id HAVING bool_or(a.stage = 'start') AND bool_or(a.stage = 'end')`,
        [programmeId],
      ),
    ]);
  const starts = await internshipStarts(groups.map((g) => g.id));
  const byEnrolment = <T extends { enrolment_id: string }>(rows: readonly T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) m.set(r.enrolment_id, [...(m.get(r.enrolment_id) ?? []), r]);
    return m;
  };
  const outcomeOf = byEnrolment(outcomes);
  const followUpsOf = byEnrolment(followUps);
  const internshipsOf = byEnrolment(internships);
  const sessionsOf = byEnrolment(sessions);
  const withPair = new Set(assessed.map((a) => a.participant_id));
  const goal = goalTarget(programme.goals, 'attendance') ?? 0;
  return {
    start: programme.start,
    end: programme.end,
    attendanceGoal: goal,
    groups: groups.map((g) => ({
      key: g.id,
      number: g.number,
      municipality: g.municipality,
      start: g.start,
      end: g.end,
      internshipWeeksStart: starts.get(g.id) ?? null,
      surveyRounds: rounds
        .filter((r) => r.group_id === g.id)
        .map((r) => ({ key: r.id, openDay: stockholmDate(r.opens_at) })),
    })),
    enrolments: enrolments.map((e): DisclosureEnrolment => {
      const o = outcomeOf.get(e.id)?.[0];
      return {
        group: e.group_id,
        person: e.participant_id,
        gender: e.gender,
        start: e.start,
        end: e.end,
        status: e.status,
        leftReason: e.status === 'left_early' ? e.left_reason : null,
        outcome: o ? { category: o.category, detailCode: o.detail_code, date: o.date } : null,
        followUps: (followUpsOf.get(e.id) ?? []).map((f) => ({
          months: f.months,
          category: f.category,
          date: f.date,
        })),
        internships: (internshipsOf.get(e.id) ?? []).map((i) => i.start).sort(),
        sessions: (sessionsOf.get(e.id) ?? [])
          .map((s) => ({ date: s.date, present: s.present }))
          .sort((a, b) => a.date.localeCompare(b.date) || Number(a.present) - Number(b.present)),
        assessed: withPair.has(e.participant_id),
      };
    }),
  };
}
