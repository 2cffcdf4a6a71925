import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type {
  AssessmentResponse,
  AuditTrailEntry,
  ConsentResponse,
  GroupAssessmentSummary,
  NeedResponse,
  OutcomeResponse,
  TalkResponse,
} from '@stegvis/contracts';
import type { FastifyReply } from 'fastify';
import { Ctx, type UserContext } from '../../common/context/request-context';
import { ApiProblems } from '../../common/openapi/api-problems';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { Allow } from '../auth/auth.decorators';
import { AuditTrailService } from './audit-trail.service';
import { AuditTrailQuery } from './dto/audit-trail.dto';
import { ConsentsService } from './consents.service';
import {
  AssessmentDto,
  AssessmentResponseDto,
  AssessmentSummaryDto,
  AuditTrailEntryDto,
  ConsentDto,
  ConsentResponseDto,
  FollowUpDto,
  NeedDto,
  NeedResponseDto,
  OutcomeDto,
  OutcomeResponseDto,
  ShareDto,
  TalkDto,
  TalkResponseDto,
} from './dto/participant.dto';
import { MappingService } from './mapping.service';
import { OutcomesService } from './outcomes.service';
import { ProgressService } from './progress.service';
import { RetentionService } from './retention.service';

const id = new UuidPipe('id');

/** Consents, mapping (health), progress, outcomes, erasure and the data-subject extract of one participant. */
@ApiTags('participants')
@ApiCookieAuth()
@Controller()
export class ParticipantCareController {
  constructor(
    private readonly consents: ConsentsService,
    private readonly mapping: MappingService,
    private readonly progress: ProgressService,
    private readonly outcomes: OutcomesService,
    private readonly retention: RetentionService,
    private readonly trail: AuditTrailService,
  ) {}

  @Get('participants/:id/consents')
  @Allow('participant.read')
  @ApiOperation({ summary: 'Consents given and withdrawn' })
  @ApiOkResponse({ type: [ConsentResponseDto] })
  @ApiProblems(400, 401, 403, 404)
  listConsents(@Ctx() ctx: UserContext, @Param('id', id) participantId: string): Promise<ConsentResponse[]> {
    return this.consents.findConsents(ctx, participantId);
  }

  @Post('participants/:id/consents')
  @Allow('consent.write')
  @ApiOperation({ summary: 'Record a consent for a purpose' })
  @ApiCreatedResponse({ type: ConsentResponseDto })
  @ApiProblems(400, 401, 403, 404)
  addConsent(
    @Ctx() ctx: UserContext,
    @Param('id', id) participantId: string,
    @Body() body: ConsentDto,
  ): Promise<ConsentResponse> {
    return this.consents.addConsent(ctx, participantId, body);
  }

  @Post('consents/:id/withdraw')
  @Allow('consent.write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw a consent; what it covered is refused from now on' })
  @ApiOkResponse({ type: ConsentResponseDto })
  @ApiProblems(400, 401, 403, 404, 422)
  withdraw(@Ctx() ctx: UserContext, @Param('id', id) consentId: string): Promise<ConsentResponse> {
    return this.consents.withdraw(ctx, consentId);
  }

  @Post('participants/:id/shares')
  @Allow('participant.write')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Share referral facts with a partner organisation; needs a consent in force (else 422)',
  })
  @ApiOkResponse({
    schema: {
      type: 'object',
      properties: {
        organisationId: { type: 'string' },
        shared: { type: 'array', items: { type: 'string' } },
      },
    },
  })
  @ApiProblems(400, 401, 403, 404, 422)
  share(@Ctx() ctx: UserContext, @Param('id', id) participantId: string, @Body() body: ShareDto) {
    return this.consents.share(ctx, participantId, body);
  }

  // No role check in the guard: for health data every refusal must be a 404, decided in the service.
  @Get('participants/:id/needs')
  @ApiOperation({ summary: 'Needs from mapping (health data: allocated staff only, read audited)' })
  @ApiOkResponse({ type: [NeedResponseDto] })
  @ApiProblems(400, 401, 403, 404)
  needs(@Ctx() ctx: UserContext, @Param('id', id) participantId: string): Promise<NeedResponse[]> {
    return this.mapping.findNeeds(ctx, participantId);
  }

  @Post('participants/:id/needs')
  @ApiOperation({ summary: 'Record a need found in mapping' })
  @ApiCreatedResponse({ type: NeedResponseDto })
  @ApiProblems(400, 401, 403, 404)
  addNeed(
    @Ctx() ctx: UserContext,
    @Param('id', id) participantId: string,
    @Body() body: NeedDto,
  ): Promise<NeedResponse> {
    return this.mapping.addNeed(ctx, participantId, body);
  }

  @Get('participants/:id/talks')
  @ApiOperation({ summary: 'Individual talks and notes (allocated staff only, read audited)' })
  @ApiOkResponse({ type: [TalkResponseDto] })
  @ApiProblems(400, 401, 403, 404)
  talks(@Ctx() ctx: UserContext, @Param('id', id) participantId: string): Promise<TalkResponse[]> {
    return this.mapping.findTalks(ctx, participantId);
  }

  @Post('participants/:id/talks')
  @ApiOperation({ summary: 'Record an individual talk' })
  @ApiCreatedResponse({ type: TalkResponseDto })
  @ApiProblems(400, 401, 403, 404)
  addTalk(
    @Ctx() ctx: UserContext,
    @Param('id', id) participantId: string,
    @Body() body: TalkDto,
  ): Promise<TalkResponse> {
    return this.mapping.addTalk(ctx, participantId, body);
  }

  @Get('participants/:id/assessments')
  @Allow('participant.read')
  @ApiOperation({ summary: 'Progress assessments at start, middle and end' })
  @ApiOkResponse({ type: [AssessmentResponseDto] })
  @ApiProblems(400, 401, 403, 404)
  assessments(
    @Ctx() ctx: UserContext,
    @Param('id', id) participantId: string,
  ): Promise<AssessmentResponse[]> {
    return this.progress.findAssessments(ctx, participantId);
  }

  @Put('participants/:id/assessments')
  @Allow('participant.write')
  @ApiOperation({ summary: 'Record the assessment of a stage (replaces an earlier one of the same stage)' })
  @ApiOkResponse({ type: AssessmentResponseDto })
  @ApiProblems(400, 401, 403, 404)
  saveAssessment(
    @Ctx() ctx: UserContext,
    @Param('id', id) participantId: string,
    @Body() body: AssessmentDto,
  ): Promise<AssessmentResponse> {
    return this.progress.saveAssessment(ctx, participantId, body);
  }

  @Get('groups/:id/assessment-summary')
  @Allow('assessment.summary')
  @ApiOperation({
    summary: "The group's mean change per dimension (aggregate; suppressed below k for aggregate-only roles)",
  })
  @ApiOkResponse({ type: AssessmentSummaryDto })
  @ApiProblems(400, 401, 403, 404)
  assessmentSummary(
    @Ctx() ctx: UserContext,
    @Param('id', id) groupId: string,
  ): Promise<GroupAssessmentSummary> {
    return this.progress.groupSummary(ctx, groupId);
  }

  @Get('participants/:id/outcomes')
  @Allow('participant.read')
  @ApiOperation({ summary: 'Outcomes and follow-ups of each enrolment' })
  @ApiOkResponse({ type: [OutcomeResponseDto] })
  @ApiProblems(400, 401, 403, 404)
  listOutcomes(@Ctx() ctx: UserContext, @Param('id', id) participantId: string): Promise<OutcomeResponse[]> {
    return this.outcomes.findOutcomes(ctx, participantId);
  }

  @Put('enrolments/:id/outcome')
  @Allow('outcome.write')
  @ApiOperation({
    summary: 'Record where the participant went at the end (work, studies, plan, health, other, none)',
  })
  @ApiOkResponse({ type: OutcomeResponseDto })
  @ApiProblems(400, 401, 403, 404)
  setOutcome(
    @Ctx() ctx: UserContext,
    @Param('id', id) enrolmentId: string,
    @Body() body: OutcomeDto,
  ): Promise<OutcomeResponse> {
    return this.outcomes.setOutcome(ctx, enrolmentId, body);
  }

  @Post('enrolments/:id/follow-ups')
  @Allow('outcome.write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the follow-up at 3, 6 or 12 months' })
  @ApiOkResponse({ type: OutcomeResponseDto })
  @ApiProblems(400, 401, 403, 404, 422)
  followUp(
    @Ctx() ctx: UserContext,
    @Param('id', id) enrolmentId: string,
    @Body() body: FollowUpDto,
  ): Promise<OutcomeResponse> {
    return this.outcomes.addFollowUp(ctx, enrolmentId, body);
  }

  @Post('participants/:id/erase')
  @Allow('participant.erase')
  @HttpCode(204)
  @ApiOperation({ summary: 'Erasure on request: pseudonymise now, keeping the anonymous statistics' })
  @ApiProblems(400, 401, 403, 404)
  erase(@Ctx() ctx: UserContext, @Param('id', id) participantId: string): Promise<void> {
    return this.retention.erase(ctx, participantId);
  }

  @Get('participants/:id/audit-trail')
  @Allow('audit.subject')
  @ApiOperation({
    summary: '"Who has seen my data": every read and change of this participant, with actor and time',
  })
  @ApiExtraModels(AuditTrailEntryDto)
  @ApiOkResponse({
    description: 'JSON by default; ?format=csv a CSV file, ?format=pdf an A4 PDF, both in Swedish words',
    content: {
      'application/json': { schema: { type: 'array', items: { $ref: getSchemaPath(AuditTrailEntryDto) } } },
      'text/csv': { schema: { type: 'string' } },
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiProblems(400, 401, 403, 404)
  async auditTrail(
    @Ctx() ctx: UserContext,
    @Param('id', id) participantId: string,
    @Query() q: AuditTrailQuery,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<AuditTrailEntry[] | string | Buffer> {
    const entries = await this.trail.extract(ctx, participantId);
    if (q.format === 'csv') {
      res.header('Content-Type', 'text/csv; charset=utf-8');
      res.header('Content-Disposition', `attachment; filename="granskningslogg-${participantId}.csv"`);
      return this.trail.toCsv(entries);
    }
    if (q.format === 'pdf') {
      res.header('Content-Type', 'application/pdf');
      res.header('Content-Disposition', `attachment; filename="granskningslogg-${participantId}.pdf"`);
      return this.trail.toPdf(participantId, entries);
    }
    return entries;
  }
}
