import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Ctx, type UserContext } from '../../common/context/request-context';
import { ApiProblems } from '../../common/openapi/api-problems';
import { Allow } from '../auth/auth.decorators';
import { AuditLogService } from './audit-log.service';
import { AuditLogFilterQuery, AuditLogPageDto, AuditLogQuery } from './dto/audit-log.dto';

@ApiTags('audit')
@ApiCookieAuth()
@Controller('audit-events')
export class AuditLogController {
  constructor(private readonly auditLog: AuditLogService) {}

  @Get()
  @Allow('audit.read')
  @ApiOperation({
    summary:
      'The audit log, newest first, filtered by person, user, action and Swedish days; protected persons by pseudonym',
  })
  @ApiOkResponse({ type: AuditLogPageDto })
  @ApiProblems(400, 401, 403)
  list(@Ctx() ctx: UserContext, @Query() query: AuditLogQuery): Promise<AuditLogPageDto> {
    return this.auditLog.findEvents(ctx, query, query.after, query.limit ?? 50);
  }

  @Get('export.csv')
  @Allow('audit.read')
  @ApiOperation({ summary: 'The filtered audit log as CSV in Swedish (the export is audited too)' })
  @ApiProduces('text/csv')
  @ApiProblems(400, 401, 403)
  async exportCsv(
    @Ctx() ctx: UserContext,
    @Query() query: AuditLogFilterQuery,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<string> {
    const csv = await this.auditLog.exportCsv(ctx, query);
    res.header('Content-Type', 'text/csv; charset=utf-8');
    res.header('Content-Disposition', 'attachment; filename="granskningslogg.csv"');
    return csv;
  }
}
