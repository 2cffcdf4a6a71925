import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type EnrolmentStatus,
  type Gender,
  type Industry,
  OUTCOME_CATEGORIES,
  type OutcomeCategory,
} from '@stegvis/contracts';
import type { ProgrammeReportCounts, ReportPeriod } from '@stegvis/reports';
import { DataSource } from 'typeorm';
import { GroupsService } from '../groups/groups.service';
import { reportQueries, type SqlQuery } from './report-queries';

type CohortRow = {
  group: number;
  gender: Gender;
  enrolment: EnrolmentStatus;
  left_on: string | null;
  participants: number;
  with_internship: number;
} & Record<OutcomeCategory, number>;

/**
 * Gathers one programme's counts for the report functions. Reports read across the domain (groups, enrolments,
 * attendance, internships, outcomes, survey rounds); this is the one place that reads other modules' tables, and
 * it only reads. PostgreSQL does the counting (report-queries.ts), so a programme of 100 000 participants comes
 * back as a few thousand rows, and no person, name or number leaves the database.
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
  ): Promise<ProgrammeReportCounts & { programmeName: string }> {
    const q = <T>({ sql, params }: SqlQuery) => this.dataSource.query<T[]>(sql, params);
    const sql = reportQueries(programmeId, period);
    // The groups' internship weeks come from their templates (GroupsService); they load while PostgreSQL counts.
    const groupsWithStarts = q<{ id: string; number: number; start_date: string; end_date: string }>(
      sql.groups,
    ).then(async (groups) => ({
      groups,
      internshipStarts: await this.groups.internshipPhaseStarts(groups.map((g) => g.id)),
    }));
    const [[programme], { groups, internshipStarts }, cohorts, attendance, internships, rounds] =
      await Promise.all([
        q<{ name: string; goals: { key: string; targetValue: number }[] }>(sql.programme),
        groupsWithStarts,
        q<CohortRow>(sql.cohorts),
        q<{ group: number; held: number; present: number; participants: number }>(sql.attendance),
        q<{ group: number; industry: Industry; internships: number; offers: number }>(sql.internships),
        q<{ group: number; enrolled_at_open: number; answers: number }>(sql.surveyRounds),
      ]);
    const goal = (key: string, fallback: number) =>
      programme.goals.find((g) => g.key === key)?.targetValue ?? fallback;
    return {
      programmeName: programme.name,
      programme: {
        name: programme.name,
        goals: { attendancePercent: goal('attendance', 80), clearPlanPercent: goal('clear_plan', 75) },
      },
      groups: groups.map((g) => ({
        number: g.number,
        start: g.start_date,
        end: g.end_date,
        status: g.end_date < period.end ? 'completed' : g.start_date > period.end ? 'planned' : 'active',
        internshipWeeksStart: internshipStarts.get(g.id),
      })),
      cohorts: cohorts.map((c) => ({
        group: c.group,
        gender: c.gender,
        enrolment: c.enrolment,
        ...(c.left_on ? { leftOn: c.left_on } : {}),
        participants: c.participants,
        outcomes: Object.fromEntries(OUTCOME_CATEGORIES.map((k) => [k, c[k]])) as Record<
          OutcomeCategory,
          number
        >,
        withInternship: c.with_internship,
      })),
      attendance,
      internships,
      surveyRounds: rounds.map((r) => ({
        group: r.group,
        answers: r.answers,
        enrolledAtOpen: r.enrolled_at_open,
        leftBeforeOpen: 0,
      })),
    };
  }
}
