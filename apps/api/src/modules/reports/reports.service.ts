import { Injectable } from '@nestjs/common';
import { pdfFontFiles } from '../../common/pdf/fonts';
import {
  computeProgressReportFromCounts,
  type ProgressReport,
  type ReportTable,
  tablesToCsv,
  toReportTables,
} from '@stegvis/reports';
import { stockholmToday } from '@stegvis/contracts';
import { reportFiles } from '../../common/lazy';
import { AuditService } from '../../common/audit/audit.service';
import type { UserContext } from '../../common/context/request-context';
import { PolicyService } from '../../common/policy/policy.service';
import { Problem } from '../../common/problem/problem';
import { ProgrammesService } from '../programmes/programmes.service';
import type { ReportQuery } from './dto/report.dto';
import { ReportDataService } from './report-data.service';

const today = () => stockholmToday();

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
    const period = { start: q.from ?? programme.startDate, end: q.to ?? today() };
    if (period.end < period.start)
      throw Problem.field('to', 'to must not be before from', {
        code: 'end_before_start',
        params: { start: 'from' },
      });
    const input = await this.data.gather(programmeId, period);
    const report = computeProgressReportFromCounts(
      input,
      period,
      q.internshipGroups ? { internshipGroups: q.internshipGroups.split(',').map(Number) } : {},
    );
    const k = this.policy.smallCellK(ctx.user);
    const suppressed = k !== null;
    const tables = toReportTables(report, k !== null ? { smallCellThreshold: k } : {});
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

  pdf(title: string, tables: ReportTable[]): Promise<Buffer> {
    return reportFiles().renderTablesPdf(title, tables, pdfFontFiles());
  }

  docx(title: string, tables: ReportTable[]): Promise<Buffer> {
    return reportFiles().renderReportDocx(title, tables);
  }
}
