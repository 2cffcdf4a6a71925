import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { type FieldError, isIsoDate } from '@stegvis/contracts';
import { economyTable, type ReportTable, targetGroupTable } from '@stegvis/reports';
import { parse } from 'csv-parse/sync';
import { Between, DataSource, Repository } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import type { UserContext } from '../../common/context/request-context';
import { PolicyService } from '../../common/policy/policy.service';
import { Problem } from '../../common/problem/problem';
import { OrganisationsService } from '../organisations/organisations.service';
import { ProgrammesService } from '../programmes/programmes.service';
import { Budget } from './entities/budget.entity';
import { TargetGroupStat } from './entities/target-group-stat.entity';

export interface StatInput {
  municipalityId: string;
  date: string;
  openlyUnemployed: number;
  inProgramme: number;
}

@Injectable()
export class StatisticsService {
  constructor(
    @InjectRepository(TargetGroupStat) private readonly stats: Repository<TargetGroupStat>,
    @InjectRepository(Budget) private readonly budgets: Repository<Budget>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
    private readonly programmes: ProgrammesService,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
  ) {}

  async saveStats(ctx: UserContext, rows: StatInput[]): Promise<{ saved: number }> {
    const unknown = await this.organisations.unknownMunicipalities([
      ...new Set(rows.map((r) => r.municipalityId)),
    ]);
    if (unknown.length)
      throw Problem.field('rows', `unknown municipality ${unknown[0]}`, {
        code: 'unknown_reference',
        params: { entity: 'municipality' },
      });
    // An admin writes any municipality's figures; anyone else only those of a municipality one of their
    // programmes runs in, and a row outside them is a 404 like any record outside the caller's programmes.
    if (!this.policy.associationWide(ctx.user)) {
      const mine = await this.programmes.municipalityIdsOf(ctx.user.programmeIds);
      const foreign = rows.find((r) => !mine.has(r.municipalityId));
      if (foreign)
        return this.policy.deny(ctx, 'statistics.manage', {
          type: 'municipality',
          id: foreign.municipalityId,
        });
    }
    await this.dataSource.transaction(async (m) => {
      await m.upsert(TargetGroupStat, rows, ['municipalityId', 'date']);
      await this.audit.record(
        ctx,
        { action: 'statistics.save', entityType: 'target_group_stat', details: { rows: rows.length } },
        m,
      );
    });
    return { saved: rows.length };
  }

  /** CSV `kommunkod;datum;oppet_arbetslosa;i_program`: every row checked, then all saved, or none. */
  async importStats(ctx: UserContext, content: string): Promise<{ saved: number }> {
    const byCode = new Map((await this.organisations.findMunicipalities()).map((m) => [m.code, m.id]));
    const records: string[][] = parse(content.replace(/^\uFEFF/, ''), {
      delimiter: ';',
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    });
    const errors: FieldError[] = [];
    const rows: StatInput[] = [];
    records.slice(1).forEach(([code, date, unemployed, inProgramme], i) => {
      const line = i + 2;
      const n = errors.length;
      if (!byCode.has(code))
        errors.push({
          field: `row ${line}, kommunkod`,
          message: `${code || '(empty)'} is not a municipality`,
          code: 'unknown_municipality_code',
          params: { value: code ?? '' },
        });
      if (!isIsoDate(date ?? ''))
        errors.push({
          field: `row ${line}, datum`,
          message: 'must be a date YYYY-MM-DD',
          code: 'invalid_date',
        });
      for (const [v, c] of [
        [unemployed, 'oppet_arbetslosa'],
        [inProgramme, 'i_program'],
      ] as const)
        if (!/^\d+$/.test(v ?? ''))
          errors.push({ field: `row ${line}, ${c}`, message: 'must be a whole number', code: 'not_integer' });
      if (errors.length === n)
        rows.push({
          municipalityId: byCode.get(code)!,
          date,
          openlyUnemployed: Number(unemployed),
          inProgramme: Number(inProgramme),
        });
    });
    if (errors.length)
      throw Problem.badRequest(`The file has ${errors.length} error(s); nothing was saved`, errors, {
        code: 'file_has_errors',
        params: { count: errors.length },
      });
    return this.saveStats(ctx, rows);
  }

  /** The programme's municipalities at two dates: for each, the latest figures on or before the date. */
  async targetGroup(ctx: UserContext, programmeId: string, from: string, to: string): Promise<ReportTable> {
    await this.policy.assertProgrammeAccess(ctx, 'report.read', programmeId, {
      type: 'programme',
      id: programmeId,
    });
    const programme = await this.programmes.getProgramme(ctx, programmeId);
    const at = async (date: string) => {
      const rows: { municipality_id: string; openly_unemployed: number; in_programme: number }[] =
        await this.dataSource.query(
          `SELECT DISTINCT ON (municipality_id) municipality_id, openly_unemployed, in_programme FROM target_group_stat
          WHERE municipality_id = ANY ($1::uuid[]) AND date <= $2 ORDER BY municipality_id, date DESC`,
          [programme.municipalities.map((m) => m.id), date],
        );
      return rows.map((r) => ({
        municipality: programme.municipalities.find((m) => m.id === r.municipality_id)!.name,
        openlyUnemployed: r.openly_unemployed,
        inProgramme: r.in_programme,
      }));
    };
    return targetGroupTable(from.slice(0, 7), to.slice(0, 7), await at(from), await at(to));
  }

  async saveBudget(
    ctx: UserContext,
    programmeId: string,
    b: { municipalityId: string; year: number; approved: number; invoiced: number[]; forecast: number },
  ): Promise<void> {
    await this.policy.assertProgrammeAccess(ctx, 'budget.manage', programmeId, {
      type: 'programme',
      id: programmeId,
    });
    const programme = await this.programmes.getProgramme(ctx, programmeId);
    if (!programme.municipalities.some((m) => m.id === b.municipalityId))
      throw Problem.field('municipalityId', 'municipalityId is not one of the programme’s municipalities', {
        code: 'not_in_programme',
        params: { entity: 'municipality' },
      });
    await this.dataSource.transaction(async (m) => {
      await m.upsert(
        Budget,
        {
          programmeId,
          municipalityId: b.municipalityId,
          year: b.year,
          approved: String(b.approved),
          invoiced: b.invoiced.map(String),
          forecast: String(b.forecast),
        },
        ['programmeId', 'municipalityId', 'year'],
      );
      await this.audit.record(
        ctx,
        { action: 'budget.save', entityType: 'programme', entityId: programmeId, details: { year: b.year } },
        m,
      );
    });
  }

  /** The economy endpoint: one year, or every year of the programme. */
  async economy(ctx: UserContext, programmeId: string, year?: number): Promise<ReportTable> {
    return this.economyOf(ctx, programmeId, year ? { from: year, to: year } : null);
  }

  /**
   * The economy of a report period: the budget years the period overlaps (a budget is kept per calendar year,
   * invoiced per tertial). Every download of the progress report carries this table.
   */
  async economyOfPeriod(
    ctx: UserContext,
    programmeId: string,
    period: { start: string; end: string },
  ): Promise<ReportTable> {
    return this.economyOf(ctx, programmeId, {
      from: Number(period.start.slice(0, 4)),
      to: Number(period.end.slice(0, 4)),
    });
  }

  /** packages/reports' `economyTable` over the budget lines of the years asked for: the one computation. */
  private async economyOf(
    ctx: UserContext,
    programmeId: string,
    years: { from: number; to: number } | null,
  ): Promise<ReportTable> {
    await this.policy.assertProgrammeAccess(ctx, 'report.read', programmeId, {
      type: 'programme',
      id: programmeId,
    });
    const programme = await this.programmes.getProgramme(ctx, programmeId);
    const rows = await this.budgets.find({
      where: {
        programmeId,
        ...(years ? { year: Between(years.from, years.to) } : {}),
      },
    });
    const name = (id: string) => programme.municipalities.find((m) => m.id === id)?.name ?? '';
    return economyTable(
      rows.map((r) => ({
        municipality: name(r.municipalityId),
        year: r.year,
        approved: Number(r.approved),
        invoiced: [
          Number(r.invoiced[0] ?? 0),
          Number(r.invoiced[1] ?? 0),
          Number(r.invoiced[2] ?? 0),
        ] as const,
        forecast: Number(r.forecast),
      })),
    );
  }
}
