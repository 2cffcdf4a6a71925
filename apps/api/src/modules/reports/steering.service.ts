import { Injectable } from '@nestjs/common';
import { stockholmToday } from '@stegvis/contracts';
import type { FixedPeriod, ReportTable } from '@stegvis/reports';
import type { UserContext } from '../../common/context/request-context';
import { DisclosureService } from '../../common/disclosure/disclosure.service';
import { PolicyService } from '../../common/policy/policy.service';
import { ProgrammesService } from '../programmes/programmes.service';
import { StatisticsService } from '../statistics/statistics.service';
import { ReportsService } from './reports.service';

/** The steering page of one programme (GET /api/programmes/{id}/steering). */
export interface SteeringOverview {
  programmeId: string;
  programmeName: string;
  startDate: string;
  endDate: string;
  /** The day the figures were asked for (today, Europe/Stockholm). */
  asOf: string;
  /** The tertial shown: the one holding today, or the programme's last once it has ended; null before it starts. */
  current: FixedPeriod | null;
  /** The tertial before it, when it is one of the programme's. */
  previous: FixedPeriod | null;
  /** The next tertial report: the first of the programme's tertials that has not ended by today; null after. */
  nextReport: FixedPeriod | null;
  /** The goals table ('goals') of each tertial's report, as the reader's audience gets it. */
  goals: { current: ReportTable | null; previous: ReportTable | null };
  /** The current tertial's report's comparison with the previous one ('tertials'), when that report carries it. */
  keyFigures: ReportTable | null;
  /** The programme's economy over all its budget years ('economy'): amounts, no people. */
  economy: ReportTable;
  /** Whether the reader's audience is aggregate-only (small cells hidden, "..") . */
  suppressed: boolean;
}

/**
 * The steering group's page. Every figure is a table of the progress report engine, asked for exactly as the
 * report page asks it (ReportsService.progress for the fixed tertial, with the reader's audience, audited as a
 * report read), so the page shows nothing the reader could not download, and nothing about a person.
 *
 * The next report's date: tertial reports (docs/evaluators.md, "This tertial beside the previous one") count a
 * tertial as at its end, T1 January–April, T2 May–August, T3 September–December. The next report is the tertial
 * of the programme that ends on or after today, reported as at its last day (30 April, 31 August, 31 December).
 */
@Injectable()
export class SteeringService {
  constructor(
    private readonly reports: ReportsService,
    private readonly statistics: StatisticsService,
    private readonly programmes: ProgrammesService,
    private readonly policy: PolicyService,
    private readonly disclosure: DisclosureService,
  ) {}

  async overview(ctx: UserContext, programmeId: string): Promise<SteeringOverview> {
    await this.policy.assertProgrammeAccess(ctx, 'steering.read', programmeId, {
      type: 'programme',
      id: programmeId,
    });
    const programme = await this.programmes.getProgramme(ctx, programmeId);
    const today = stockholmToday();
    const tertials = this.disclosure.periods(programme).filter((p) => p.kind === 'tertial');
    const day = today < programme.startDate ? null : today > programme.endDate ? programme.endDate : today;
    const at = day === null ? -1 : tertials.findIndex((p) => p.start <= day && day <= p.end);
    const current = at >= 0 ? tertials[at] : null;
    const previous = at > 0 ? tertials[at - 1] : null;
    const reportOf = (p: FixedPeriod | null) =>
      p ? this.reports.progress(ctx, programmeId, { from: p.start, to: p.end }) : Promise.resolve(null);
    const [now, before, economy] = await Promise.all([
      reportOf(current),
      reportOf(previous),
      this.statistics.economy(ctx, programmeId),
    ]);
    const table = (r: { tables: ReportTable[] } | null, id: ReportTable['id']) =>
      r?.tables.find((t) => t.id === id) ?? null;
    return {
      programmeId,
      programmeName: programme.name,
      startDate: programme.startDate,
      endDate: programme.endDate,
      asOf: today,
      current,
      previous,
      nextReport: tertials.find((p) => p.end >= today) ?? null,
      goals: { current: table(now, 'goals'), previous: table(before, 'goals') },
      keyFigures: table(now, 'tertials'),
      economy,
      suppressed: this.policy.smallCellK(ctx.user) !== null,
    };
  }
}
