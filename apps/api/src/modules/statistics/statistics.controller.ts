import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiCookieAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Ctx, type UserContext } from '../../common/context/request-context';
import { ApiProblems } from '../../common/openapi/api-problems';
import { IsIsoDate } from '../../common/validation/is-iso-date';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { Allow } from '../auth/auth.decorators';
import { ReportTableDto } from '../reports/dto/report.dto';
import { StatisticsService } from './statistics.service';

class StatDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() municipalityId: string;
  @ApiProperty() @IsIsoDate() date: string;
  @ApiProperty() @IsInt() @Min(0) @Max(1_000_000) openlyUnemployed: number;
  @ApiProperty() @IsInt() @Min(0) @Max(1_000_000) inProgramme: number;
}
class StatsDto {
  @ApiProperty({ type: [StatDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => StatDto)
  rows: StatDto[];
}
class CsvDto {
  @ApiProperty({ description: 'CSV: kommunkod;datum;oppet_arbetslosa;i_program' })
  @IsString()
  @MinLength(1)
  @MaxLength(500_000)
  content: string;
}
class PeriodQuery {
  @ApiProperty() @IsIsoDate() from: string;
  @ApiProperty() @IsIsoDate() to: string;
}
/** Ten billion kronor: beyond any programme, and the share invoiced is still computed exactly (percent.ts). */
const MAX_KRONOR = 10_000_000_000;
class BudgetDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() municipalityId: string;
  @ApiProperty() @IsInt() @Min(2000) @Max(2100) year: number;
  @ApiProperty({ description: 'Kronor' }) @IsInt() @Min(0) @Max(MAX_KRONOR) approved: number;
  @ApiProperty({ type: [Number], description: 'Invoiced per tertial T1–T3, kronor' })
  @IsArray()
  @ArrayMinSize(3)
  @ArrayMaxSize(3)
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(MAX_KRONOR, { each: true })
  invoiced: number[];
  @ApiProperty({ description: 'Kronor' }) @IsInt() @Min(0) @Max(MAX_KRONOR) forecast: number;
}
class YearQuery {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year?: number;
}

@ApiTags('statistics')
@ApiCookieAuth()
@Controller()
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  @Put('target-group-stats')
  @Allow('statistics.manage')
  @ApiOperation({
    summary: 'Type in target-group figures per municipality and date (openly unemployed, in a programme)',
  })
  @ApiProblems(400, 401, 403)
  save(@Ctx() ctx: UserContext, @Body() body: StatsDto) {
    return this.statistics.saveStats(ctx, body.rows);
  }

  @Post('target-group-stats/import')
  @Allow('statistics.manage')
  @HttpCode(201)
  @ApiOperation({ summary: 'Import target-group figures from CSV; one bad row and nothing is saved' })
  @ApiProblems(400, 401, 403)
  import(@Ctx() ctx: UserContext, @Body() body: CsvDto) {
    return this.statistics.importStats(ctx, body.content);
  }

  @Get('programmes/:id/reports/target-group')
  @Allow('report.read')
  @ApiOperation({
    summary: 'The target group in the programme’s municipalities at two dates, with the change',
  })
  @ApiOkResponse({ type: ReportTableDto })
  @ApiProblems(400, 401, 403, 404)
  targetGroup(@Ctx() ctx: UserContext, @Param('id', new UuidPipe('id')) id: string, @Query() q: PeriodQuery) {
    return this.statistics.targetGroup(ctx, id, q.from, q.to);
  }

  @Put('programmes/:id/budget')
  @Allow('budget.manage')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Approved funds, invoiced costs per tertial and forecast for a municipality and year',
  })
  @ApiProblems(400, 401, 403, 404)
  budget(@Ctx() ctx: UserContext, @Param('id', new UuidPipe('id')) id: string, @Body() body: BudgetDto) {
    return this.statistics.saveBudget(ctx, id, body);
  }

  @Get('programmes/:id/reports/economy')
  @Allow('report.read')
  @ApiOperation({
    summary:
      'Economy per municipality and year: approved, invoiced per tertial, share invoiced, remaining, forecast (the progress report carries the same table)',
  })
  @ApiOkResponse({ type: ReportTableDto })
  @ApiProblems(400, 401, 403, 404)
  economy(@Ctx() ctx: UserContext, @Param('id', new UuidPipe('id')) id: string, @Query() q: YearQuery) {
    return this.statistics.economy(ctx, id, q.year);
  }
}
