import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import {
  FIXED_PERIOD_KINDS,
  type FixedPeriod,
  type FixedPeriodKind,
  type ProgressReport,
  REPORT_TABLE_IDS,
  type ReportTable,
  type ReportTableId,
  type TableCell,
} from '@stegvis/reports';
import { IsIsoDate } from '../../../common/validation/is-iso-date';
import type { ProgressReportResponse } from '../reports.service';

export class ReportQuery {
  @ApiPropertyOptional({ example: '2019-09-03', description: 'Defaults to the programme start' })
  @IsOptional()
  @IsIsoDate()
  from?: string;
  @ApiPropertyOptional({ example: '2021-05-01', description: 'Defaults to today' })
  @IsOptional()
  @IsIsoDate()
  to?: string;
  @ApiPropertyOptional({
    example: '1,2,3',
    description: 'Groups the internship headline covers (default: all in the period)',
  })
  @IsOptional()
  @Matches(/^\d{1,3}(,\d{1,3})*$/, { message: 'internshipGroups must be group numbers separated by commas' })
  internshipGroups?: string;
}

/** A fixed period (disclosure-model.ts `fixedPeriods`): what aggregate-only readers may ask a report for. */
export class FixedPeriodDto implements FixedPeriod {
  @ApiProperty({
    example: '2021-T1',
    description: '"2021-T1" (a tertial), "2021" (a calendar year) or "whole"',
  })
  id: string;
  @ApiProperty({ enum: FIXED_PERIOD_KINDS, enumName: 'FixedPeriodKind' }) kind: FixedPeriodKind;
  @ApiProperty({ example: '2021-01-01' }) start: string;
  @ApiProperty({ example: '2021-04-30' }) end: string;
}

export class YearQuery {
  @ApiProperty({ example: 2020 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year: number;
}

/** The progress report's table ids and the two tables that stand beside them (packages/reports). */
const TABLE_IDS: readonly ReportTableId[] = [...REPORT_TABLE_IDS, 'target-group', 'economy'];

export class ReportTableDto implements ReportTable {
  @ApiProperty({ enum: TABLE_IDS, enumName: 'ReportTableId' }) id: ReportTableId;
  @ApiProperty() title: string;
  @ApiProperty({ type: [String] }) columns: string[];
  @ApiProperty({
    type: 'array',
    items: {
      type: 'array',
      items: { oneOf: [{ type: 'string' }, { type: 'number' }], nullable: true },
    },
    description: 'Numbers stay numbers; null is an empty cell',
  })
  rows: TableCell[][];
  @ApiProperty({ type: [String] }) notes: string[];
  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string', enum: ['kr'], nullable: true },
    description:
      'The unit of each column by index, when a column has one: "kr" for amounts of money (whole kronor), printed as "1 030 000 kr"',
  })
  units?: ('kr' | null)[];
}

/** The figures are documented as an open object: the admin reads the tables, which every download prints too. */
export class ProgressReportDto implements ProgressReportResponse {
  @ApiProperty() title: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description:
      'Every figure with numerator and denominator (ProgressReport in packages/reports); null for aggregate-only roles',
  })
  report: ProgressReport | null;
  @ApiProperty({ type: [ReportTableDto] }) tables: ReportTableDto[];
  @ApiProperty({ description: 'Whether small cells are hidden (aggregate-only roles)' }) suppressed: boolean;
}
