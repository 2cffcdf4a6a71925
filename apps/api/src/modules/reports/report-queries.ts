import { OFFER_RESULTS, OUTCOME_CATEGORIES, OUTCOME_DETAIL_CODES } from '@stegvis/contracts';
import type { ReportPeriod } from '@stegvis/reports';

export interface SqlQuery {
  sql: string;
  params: unknown[];
}

// Enrolments counted in a period: in a group of the programme that overlaps it, and themselves overlapping it.
const IN_PERIOD = `g.programme_id = $1 AND g.start_date <= $3 AND g.end_date >= $2
   AND e.start_date <= $3 AND (e.end_date IS NULL OR e.end_date >= $2)`;

// Status as it was at the end of the period: an enrolment that ended later was still active then.
const STATUS_AT_END = `CASE WHEN e.status = 'active' OR e.end_date IS NULL OR e.end_date > $3 THEN 'active' ELSE e.status END`;

// The categories and detail codes are the contracts' own constants; one column each, so none is silently dropped.
const OUTCOME_COLUMNS = [
  ...OUTCOME_CATEGORIES.map(
    (c) => `count(*) FILTER (WHERE o.category = '${c}' AND o.date <= $3)::int AS "${c}"`,
  ),
  ...OUTCOME_DETAIL_CODES.map(
    (c) => `count(*) FILTER (WHERE o.detail_code = '${c}' AND o.date <= $3)::int AS "code_${c}"`,
  ),
].join(',\n       ');

// Totals count persons once: an enrolment is superseded when the same participant has a later one in the period
// (she moved to another group of the programme); it counts in its group's rows, the later one in the totals.
const SUPERSEDED = `EXISTS (SELECT 1 FROM enrolment e2 JOIN programme_group g2 ON g2.id = e2.group_id
        WHERE e2.participant_id = e.participant_id AND e2.id <> e.id
          AND g2.programme_id = $1 AND g2.start_date <= $3 AND g2.end_date >= $2
          AND e2.start_date <= $3 AND (e2.end_date IS NULL OR e2.end_date >= $2)
          AND (e2.start_date, e2.id) > (e.start_date, e.id))`;

/**
 * The progress report's SQL: counts, grouped in PostgreSQL, that `computeProgressReportFromCounts` turns into
 * figures (the counting rules, rounding and suppression stay in packages/reports). Exported as data so the
 * benchmark sends exactly these queries bare.
 */
export function reportQueries(programmeId: string, period: ReportPeriod) {
  const inPeriod = [programmeId, period.start, period.end];
  return {
    programme: { sql: 'SELECT name, goals FROM programme WHERE id = $1', params: [programmeId] },
    groups: {
      sql: 'SELECT id, number, municipality_id, start_date::text, end_date::text FROM programme_group WHERE programme_id = $1 AND start_date <= $3 AND end_date >= $2 ORDER BY number',
      params: inPeriod,
    },
    // One row per group, gender, status, (for early leavers) leaving day and reason, and whether a later
    // enrolment of the same person replaces it in the totals: the report's cohorts.
    cohorts: {
      sql: `SELECT g.number AS "group", g.municipality_id, p.gender, ${STATUS_AT_END} AS enrolment,
       CASE WHEN e.status = 'left_early' AND e.end_date <= $3 THEN e.end_date::text END AS left_on,
       CASE WHEN e.status = 'left_early' AND e.end_date <= $3 THEN e.left_reason END AS left_reason,
       ${SUPERSEDED} AS superseded,
       count(*)::int AS participants,
       ${OUTCOME_COLUMNS},
       count(*) FILTER (WHERE e.id IN (SELECT i.enrolment_id FROM internship i WHERE i.start_date <= $3))::int AS with_internship
  FROM programme_group g
  JOIN enrolment e ON e.group_id = g.id
  JOIN participant p ON p.id = e.participant_id
  LEFT JOIN outcome o ON o.enrolment_id = e.id
 WHERE ${IN_PERIOD}
 GROUP BY g.id, 1, 2, 3, 4, 5, 6, 7`,
      params: inPeriod,
    },
    // Held = sessions not cancelled, with attendance taken, inside the enrolment and up to the end of the period
    // (docs/domain.md); then how many people share each (held, present), so the goal is judged per person in JS.
    attendance: {
      sql: `SELECT x.number AS "group", x.municipality_id, x.held, x.present, count(*)::int AS participants
  FROM (SELECT g.id, g.number, g.municipality_id, count(s.id)::int AS held, count(a.session_id) FILTER (WHERE a.status = 'present')::int AS present
          FROM programme_group g
          JOIN enrolment e ON e.group_id = g.id
          JOIN group_session s ON s.group_id = e.group_id AND s.status = 'scheduled' AND s.date >= e.start_date
               AND s.date <= least(coalesce(e.end_date, $3::date), $3::date)
               AND EXISTS (SELECT 1 FROM attendance t WHERE t.session_id = s.id)
          LEFT JOIN attendance a ON a.session_id = s.id AND a.enrolment_id = e.id
         WHERE ${IN_PERIOD}
         GROUP BY g.id, e.id) x
 GROUP BY x.id, 1, 2, 3, 4`,
      params: inPeriod,
    },
    internships: {
      sql: `SELECT g.number AS "group", g.municipality_id, emp.industry, count(*)::int AS internships, count(*) FILTER (WHERE i.result = ANY ($4::text[]))::int AS offers
  FROM programme_group g
  JOIN enrolment e ON e.group_id = g.id
  JOIN internship i ON i.enrolment_id = e.id AND i.start_date <= $3
  JOIN employer emp ON emp.id = i.employer_id
 WHERE ${IN_PERIOD}
 GROUP BY g.id, 1, 2, 3`,
      params: [...inPeriod, [...OFFER_RESULTS]],
    },
    // Follow-ups 3, 6 and 12 months after the end, dated in the period, by where the person was then.
    followUps: {
      sql: `SELECT g.number AS "group", g.municipality_id, f.months, f.category, ${SUPERSEDED} AS superseded,
       count(*)::int AS participants
  FROM programme_group g
  JOIN enrolment e ON e.group_id = g.id
  JOIN follow_up f ON f.enrolment_id = e.id AND f.date <= $3
 WHERE ${IN_PERIOD}
 GROUP BY g.id, 1, 2, 3, 4, 5`,
      params: inPeriod,
    },
    surveyRounds: {
      sql: `SELECT g.number AS "group", g.municipality_id, r.enrolled_at_open, (SELECT count(*)::int FROM survey_response x WHERE x.round_id = r.id) AS answers
  FROM survey_round r JOIN programme_group g ON g.id = r.group_id
 WHERE g.programme_id = $1 AND g.start_date <= $3 AND g.end_date >= $2 AND r.opens_at <= $3::date + 1`,
      params: inPeriod,
    },
  } satisfies Record<string, SqlQuery>;
}
