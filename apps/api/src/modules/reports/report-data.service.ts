import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type EnrolmentStatus,
  type FollowUpMonths,
  type Gender,
  type GoalKey,
  goalTarget,
  type Industry,
  type LeftReason,
  OUTCOME_CATEGORIES,
  OUTCOME_DETAIL_CODES,
  type OutcomeCategory,
  type OutcomeDetailCode,
} from '@stegvis/contracts';
import type { GroupRef, ProgrammeReportCounts, ReportPeriod } from '@stegvis/reports';
import { DataSource } from 'typeorm';
import { GroupsService } from '../groups/groups.service';
import { reportQueries, type SqlQuery } from './report-queries';

/** Every count row names its group by number and municipality (numbers are unique per municipality). */
interface GroupRow {
  group: number;
  municipality_id: string;
}

type CohortRow = GroupRow & {
  gender: Gender;
  enrolment: EnrolmentStatus;
  left_on: string | null;
  left_reason: LeftReason | null;
  superseded: boolean;
  participants: number;
  with_internship: number;
} & Record<OutcomeCategory, number> &
  Record<`code_${OutcomeDetailCode}`, number>;

/**
 * Gathers one programme's counts for the report functions. Reports read across the domain (groups, enrolments,
 * attendance, internships, outcomes, follow-ups, survey rounds); this is the one place that reads other modules'
 * tables, and it only reads. PostgreSQL does the counting (report-queries.ts), so a programme of 100 000
 * participants comes back as a few thousand rows, and no person, name or number leaves the database.
 * `municipalities` names the programme's municipalities by id (from ProgrammesService).
 */
@Injectable()
export class ReportDataService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly groups: GroupsService,
  ) {}

  async gather(
    programmeId: string,
    period: ReportPeriod,
    municipalities: ReadonlyMap<string, string> = new Map(),
  ): Promise<ProgrammeReportCounts & { programmeName: string }> {
    const q = <T>({ sql, params }: SqlQuery) => this.dataSource.query<T[]>(sql, params);
    const sql = reportQueries(programmeId, period);
    // The groups' internship weeks come from their templates (GroupsService); they load while PostgreSQL counts.
    const groupsWithStarts = q<{
      id: string;
      number: number;
      municipality_id: string;
      start_date: string;
      end_date: string;
    }>(sql.groups).then(async (groups) => ({
      groups,
      internshipStarts: await this.groups.internshipPhaseStarts(groups.map((g) => g.id)),
    }));
    const [[programme], { groups, internshipStarts }, cohorts, attendance, internships, followUps, rounds] =
      await Promise.all([
        q<{ name: string; goals: { key: string; targetValue: number }[] }>(sql.programme),
        groupsWithStarts,
        q<CohortRow>(sql.cohorts),
        q<GroupRow & { held: number; present: number; participants: number }>(sql.attendance),
        q<GroupRow & { industry: Industry; internships: number; offers: number }>(sql.internships),
        q<
          GroupRow & {
            months: FollowUpMonths;
            category: OutcomeCategory;
            superseded: boolean;
            participants: number;
          }
        >(sql.followUps),
        q<GroupRow & { enrolled_at_open: number; answers: number }>(sql.surveyRounds),
      ]);
    const target = (key: GoalKey) => goalTarget(programme.goals, key) ?? undefined;
    const ref = (r: GroupRow): GroupRef => {
      const municipality = municipalities.get(r.municipality_id);
      return municipality === undefined ? { group: r.group } : { group: r.group, municipality };
    };
    return {
      programmeName: programme.name,
      programme: {
        name: programme.name,
        goals: {
          attendancePercent: target('attendance') ?? 0,
          clearPlanPercent: target('clear_plan') ?? 0,
          workOrStudiesPercent: target('work_or_studies'),
        },
      },
      groups: groups.map((g) => {
        const { municipality } = ref({ group: g.number, municipality_id: g.municipality_id });
        return {
          number: g.number,
          ...(municipality !== undefined ? { municipality } : {}),
          start: g.start_date,
          end: g.end_date,
          status: g.end_date < period.end ? 'completed' : g.start_date > period.end ? 'planned' : 'active',
          internshipWeeksStart: internshipStarts.get(g.id),
        };
      }),
      cohorts: cohorts.map((c) => ({
        ...ref(c),
        gender: c.gender,
        enrolment: c.enrolment,
        ...(c.left_on ? { leftOn: c.left_on } : {}),
        ...(c.left_reason ? { leftReason: c.left_reason } : {}),
        ...(c.superseded ? { superseded: true } : {}),
        participants: c.participants,
        outcomes: Object.fromEntries(OUTCOME_CATEGORIES.map((k) => [k, c[k]])) as Record<
          OutcomeCategory,
          number
        >,
        detailCodes: Object.fromEntries(
          OUTCOME_DETAIL_CODES.filter((k) => c[`code_${k}`] > 0).map((k) => [k, c[`code_${k}`]]),
        ),
        withInternship: c.with_internship,
      })),
      attendance: attendance.map((a) => ({
        ...ref(a),
        held: a.held,
        present: a.present,
        participants: a.participants,
      })),
      internships: internships.map((i) => ({
        ...ref(i),
        industry: i.industry,
        internships: i.internships,
        offers: i.offers,
      })),
      followUps: followUps.map((f) => ({
        ...ref(f),
        months: f.months,
        category: f.category,
        ...(f.superseded ? { superseded: true } : {}),
        participants: f.participants,
      })),
      surveyRounds: rounds.map((r) => ({
        ...ref(r),
        answers: r.answers,
        enrolledAtOpen: r.enrolled_at_open,
        leftBeforeOpen: 0,
      })),
    };
  }
}
