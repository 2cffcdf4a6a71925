import { Injectable } from '@nestjs/common';
import { pdfFontFiles } from '../../common/pdf/fonts';
import {
  computeProgressReportFromCounts,
  type FixedPeriod,
  previousTertial,
  type ProgressReport,
  type ReportPeriod,
  type ReportTable,
  type TertialComparison,
  tablesToCsv,
  tertialOf,
  toReportTables,
} from '@stegvis/reports';
import { stockholmToday } from '@stegvis/contracts';
import { reportFiles } from '../../common/lazy';
import { AuditService } from '../../common/audit/audit.service';
import type { UserContext } from '../../common/context/request-context';
import { PolicyService } from '../../common/policy/policy.service';
import { Problem } from '../../common/problem/problem';
import { ProgrammesService } from '../programmes/programmes.service';
import { StatisticsService } from '../statistics/statistics.service';
import type { ReportQuery } from './dto/report.dto';
import { ReportDataService } from './report-data.service';
import { DisclosureService } from '../../common/disclosure/disclosure.service';

const today = () => stockholmToday();
/** A tertial's fixed-period id ("2021-T2"). */
const fixedId = (t: { year: number; index: number }) => `${t.year}-T${t.index}`;

export interface ProgressReportResponse {
  /** Every figure with numerator and denominator; only for roles that may see small counts. */
  report: ProgressReport | null;
  /** The same figures as tables, as every download shows them; small cells suppressed for aggregate-only roles. */
  tables: ReportTable[];
  suppressed: boolean;
}

/** One report computation for the JSON and every file, so the screen and the download never disagree. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly data: ReportDataService,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
    private readonly programmes: ProgrammesService,
    private readonly statistics: StatisticsService,
    private readonly disclosure: DisclosureService,
  ) {}

  async progress(
    ctx: UserContext,
    programmeId: string,
    q: ReportQuery,
  ): Promise<ProgressReportResponse & { title: string }> {
    await this.policy.assertProgrammeAccess(ctx, 'report.read', programmeId, {
      type: 'programme',
      id: programmeId,
    });
    const programme = await this.programmes.getProgramme(ctx, programmeId);
    const k = this.policy.smallCellK(ctx.user);
    // Aggregate-only readers get fixed periods only (the whole programme by default): any two dates would let
    // two reports be subtracted. The disclosure engine audits exactly these.
    const fixed =
      k === null
        ? null
        : this.disclosure.fixedPeriod(
            programme,
            q.from === undefined && q.to === undefined
              ? { start: programme.startDate, end: programme.endDate }
              : { start: q.from ?? '', end: q.to ?? '' },
          );
    const period = fixed
      ? { start: fixed.start, end: fixed.end }
      : { start: q.from ?? programme.startDate, end: q.to ?? today() };
    if (period.end < period.start)
      throw Problem.field('to', 'to must not be before from', {
        code: 'end_before_start',
        params: { start: 'from' },
      });
    const municipalities = new Map(
      [programme.ownerMunicipality, ...programme.municipalities].map((m) => [m.id, m.name]),
    );
    const input = await this.data.gather(programmeId, period, municipalities);
    const report = computeProgressReportFromCounts(
      input,
      period,
      q.internshipGroups ? { internshipGroups: q.internshipGroups.split(',').map(Number) } : {},
    );
    const suppressed = k !== null;
    // The tertial the period ends in beside the one before; for aggregate-only readers only when both are fixed
    // periods of the programme (the disclosure engine audits those).
    const current = tertialOf(period.end);
    const fixedTertials = fixed
      ? {
          previous: this.disclosure
            .periods(programme)
            .find((p) => p.id === fixedId(previousTertial(current))),
          current: this.disclosure.periods(programme).find((p) => p.id === fixedId(current)),
        }
      : null;
    const withTertials =
      !fixedTertials || (!!fixedTertials.previous && !!fixedTertials.current && current.end === period.end);
    const tertials = withTertials ? await this.tertials(programmeId, period, municipalities) : undefined;
    // The economy too, so every download carries it: amounts of money, no counts of people, so nothing is hidden.
    const staffTables = [
      ...toReportTables(report, { tertials }),
      await this.statistics.economyOfPeriod(ctx, programmeId, period),
    ];
    const tables =
      k !== null && fixed
        ? await this.disclosure.discloseReport(
            programmeId,
            k,
            staffTables,
            report,
            fixed,
            tertials && fixedTertials?.previous && fixedTertials.current
              ? { previous: fixedTertials.previous, current: fixedTertials.current }
              : null,
          )
        : staffTables;
    await this.audit.record(ctx, {
      action: 'report.read',
      entityType: 'programme',
      entityId: programmeId,
      details: { period, suppressed },
    });
    return {
      title: `Delrapport ${input.programmeName} ${period.start} – ${period.end}`,
      report: suppressed ? null : report,
      tables,
      suppressed,
    };
  }

  csv(tables: ReportTable[]): string {
    return tablesToCsv(tables);
  }

  /** The programme's fixed periods: tertials, calendar years, the whole programme. */
  async periods(ctx: UserContext, programmeId: string): Promise<FixedPeriod[]> {
    await this.policy.assertProgrammeAccess(ctx, 'report.read', programmeId, {
      type: 'programme',
      id: programmeId,
    });
    return this.disclosure.periods(await this.programmes.getProgramme(ctx, programmeId));
  }

  /** This tertial (up to the period's end) and the previous one, each counted as a report of its own. */
  private async tertials(
    programmeId: string,
    period: ReportPeriod,
    municipalities: ReadonlyMap<string, string>,
  ): Promise<TertialComparison> {
    const current = tertialOf(period.end);
    const previous = previousTertial(current);
    const reportOf = async (p: ReportPeriod) =>
      computeProgressReportFromCounts(await this.data.gather(programmeId, p, municipalities), p);
    const [before, now] = await Promise.all([
      reportOf({ start: previous.start, end: previous.end }),
      reportOf({ start: current.start, end: period.end }),
    ]);
    return { previous: { tertial: previous, report: before }, current: { tertial: current, report: now } };
  }

  pdf(title: string, tables: ReportTable[]): Promise<Buffer> {
    return reportFiles().renderTablesPdf(title, tables, pdfFontFiles());
  }

  docx(title: string, tables: ReportTable[]): Promise<Buffer> {
    return reportFiles().renderReportDocx(title, tables);
  }
}
