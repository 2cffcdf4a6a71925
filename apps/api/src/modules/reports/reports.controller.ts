import { PassThrough } from 'node:stream';
import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Ctx, type UserContext } from '../../common/context/request-context';
import { contentDisposition } from '../../common/http/content-disposition';
import { reportFiles } from '../../common/lazy';
import { ApiProblems } from '../../common/openapi/api-problems';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { Allow } from '../auth/auth.decorators';
import { FixedPeriodDto, ProgressReportDto, ReportQuery, YearQuery } from './dto/report.dto';
import { NationalFollowUpService } from './national-followup.service';
import { ReportsService } from './reports.service';

const id = new UuidPipe('id');
const file = (title: string, ext: string) =>
  `${title
    .replace(/[^\p{L}\p{N} -]/gu, '')
    .replace(/\s+/g, '-')
    .toLowerCase()}.${ext}`;

@ApiTags('reports')
@ApiCookieAuth()
@Controller('programmes/:id/reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly followUp: NationalFollowUpService,
  ) {}

  @Get('progress')
  @Allow('report.read')
  @ApiOperation({
    summary:
      'Progress report (delrapport) for a period: every figure with numerator and denominator for staff; for aggregate-only roles (admin, steering, evaluators) the tables as published reports print them, a fixed period only (GET …/reports/periods; default the whole programme), health cells below k hidden with what would give them away (400 period_not_fixed for other dates)',
  })
  @ApiOkResponse({
    type: ProgressReportDto,
    description: 'report (null for aggregate-only roles) and tables',
  })
  @ApiProblems(400, 401, 403, 404)
  progress(@Ctx() ctx: UserContext, @Param('id', id) programmeId: string, @Query() q: ReportQuery) {
    return this.reports.progress(ctx, programmeId, q);
  }

  @Get('periods')
  @Allow('report.read')
  @ApiOperation({
    summary:
      'The fixed periods of the programme (tertials, calendar years, the whole programme): the only periods aggregate-only roles may ask a report for',
  })
  @ApiOkResponse({ type: [FixedPeriodDto] })
  @ApiProblems(400, 401, 403, 404)
  periods(@Ctx() ctx: UserContext, @Param('id', id) programmeId: string): Promise<FixedPeriodDto[]> {
    return this.reports.periods(ctx, programmeId);
  }

  @Get('progress.csv')
  @Allow('report.read')
  @ApiOperation({
    summary: 'The progress report as CSV (UTF-8 with BOM, semicolons: opens right in Swedish Excel)',
  })
  @ApiProduces('text/csv')
  @ApiProblems(400, 401, 403, 404)
  async csv(
    @Ctx() ctx: UserContext,
    @Param('id', id) programmeId: string,
    @Query() q: ReportQuery,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<string> {
    const r = await this.reports.progress(ctx, programmeId, q);
    res.header('Content-Type', 'text/csv; charset=utf-8');
    res.header('Content-Disposition', contentDisposition(file(r.title, 'csv')));
    return this.reports.csv(r.tables);
  }

  @Get('progress.xlsx')
  @Allow('report.read')
  @ApiOperation({ summary: 'The progress report as XLSX, a sheet per table, streamed' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiProblems(400, 401, 403, 404)
  async xlsx(
    @Ctx() ctx: UserContext,
    @Param('id', id) programmeId: string,
    @Query() q: ReportQuery,
    @Res() res: FastifyReply,
  ): Promise<void> {
    const r = await this.reports.progress(ctx, programmeId, q);
    res.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.header('Content-Disposition', contentDisposition(file(r.title, 'xlsx')));
    // Written through a PassThrough that Fastify sends: the reply keeps its hooks' headers and the writer still
    // waits whenever the client is behind.
    const body = new PassThrough();
    void res.send(body);
    try {
      await reportFiles().writeTablesXlsx(r.tables, body);
      body.end();
    } catch (err) {
      body.destroy(err as Error);
      throw err;
    }
  }

  @Get('progress.pdf')
  @Allow('report.read')
  @ApiOperation({ summary: 'The progress report as PDF, in Swedish' })
  @ApiProduces('application/pdf')
  @ApiProblems(400, 401, 403, 404)
  async pdf(
    @Ctx() ctx: UserContext,
    @Param('id', id) programmeId: string,
    @Query() q: ReportQuery,
  ): Promise<StreamableFile> {
    const r = await this.reports.progress(ctx, programmeId, q);
    return new StreamableFile(await this.reports.pdf(r.title, r.tables), {
      type: 'application/pdf',
      disposition: contentDisposition(file(r.title, 'pdf')),
    });
  }

  @Get('progress.docx')
  @Allow('report.read')
  @ApiOperation({
    summary:
      'A DOCX draft of the progress report: every figure filled in, headings for the evaluator’s own text',
  })
  @ApiProduces('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
  @ApiProblems(400, 401, 403, 404)
  async docx(
    @Ctx() ctx: UserContext,
    @Param('id', id) programmeId: string,
    @Query() q: ReportQuery,
  ): Promise<StreamableFile> {
    const r = await this.reports.progress(ctx, programmeId, q);
    return new StreamableFile(await this.reports.docx(r.title, r.tables), {
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      disposition: contentDisposition(file(r.title, 'docx')),
    });
  }

  @Get('finsam')
  @Allow('report.read')
  @ApiOperation({ summary: 'Uppföljning Finsam: participants of the effort in a year, by sex' })
  @ApiProblems(400, 401, 403, 404)
  finsam(@Ctx() ctx: UserContext, @Param('id', id) programmeId: string, @Query() q: YearQuery) {
    return this.followUp.finsam(ctx, programmeId, q.year);
  }

  @Get('sus.csv')
  @Allow('followup.export')
  @ApiOperation({
    summary:
      'SUS-style person-level file: only with consent; protected identities and the rest anonymously (start year, sex)',
  })
  @ApiProduces('text/csv')
  @ApiProblems(400, 401, 403, 404)
  async sus(
    @Ctx() ctx: UserContext,
    @Param('id', id) programmeId: string,
    @Query() q: YearQuery,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<string> {
    res.header('Content-Type', 'text/csv; charset=utf-8');
    res.header('Content-Disposition', contentDisposition(`sus-${q.year}.csv`));
    return this.followUp.susCsv(ctx, programmeId, q.year);
  }
}
