import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EnrolmentResponse, ParticipantListItem, ParticipantResponse } from '@stegvis/contracts';
import { Ctx, type UserContext } from '../../common/context/request-context';
import { ApiProblems } from '../../common/openapi/api-problems';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { Allow } from '../auth/auth.decorators';
import {
  CreateParticipantDto,
  EnrolDto,
  EnrolmentDto,
  MoveEnrolmentDto,
  ParticipantDto,
  ParticipantListItemDto,
  ParticipantQuery,
  UpdateEnrolmentDto,
  UpdateParticipantDto,
} from './dto/participant.dto';
import { ParticipantsService } from './participants.service';

const id = new UuidPipe('id');

@ApiTags('participants')
@ApiCookieAuth()
@Controller()
export class ParticipantsController {
  constructor(private readonly participants: ParticipantsService) {}

  @Get('participants')
  @Allow('participant.read')
  @ApiOperation({
    summary:
      'Participants of a programme; protected identities appear as pseudonyms unless you are staff of their group',
  })
  @ApiOkResponse({ type: [ParticipantListItemDto] })
  @ApiProblems(400, 401, 403, 404)
  list(@Ctx() ctx: UserContext, @Query() q: ParticipantQuery): Promise<ParticipantListItem[]> {
    return this.participants.findParticipants(ctx, q);
  }

  @Post('participants')
  @Allow('participant.write')
  @ApiOperation({
    summary: 'Register a participant (personnummer/samordningsnummer checked; a duplicate gives 409)',
  })
  @ApiCreatedResponse({ type: ParticipantDto })
  @ApiProblems(400, 401, 403, 404, 409)
  create(@Ctx() ctx: UserContext, @Body() body: CreateParticipantDto): Promise<ParticipantResponse> {
    return this.participants.createParticipant(ctx, body);
  }

  @Get('participants/:id')
  @Allow('participant.read')
  @ApiOperation({ summary: 'One participant (read audited)' })
  @ApiOkResponse({ type: ParticipantDto })
  @ApiProblems(400, 401, 403, 404)
  get(@Ctx() ctx: UserContext, @Param('id', id) participantId: string): Promise<ParticipantResponse> {
    return this.participants.getParticipant(ctx, participantId);
  }

  @Patch('participants/:id')
  @Allow('participant.write')
  @ApiOperation({ summary: 'Change a participant; send the version you read' })
  @ApiOkResponse({ type: ParticipantDto })
  @ApiProblems(400, 401, 403, 404, 409)
  update(
    @Ctx() ctx: UserContext,
    @Param('id', id) participantId: string,
    @Body() body: UpdateParticipantDto,
  ): Promise<ParticipantResponse> {
    return this.participants.updateParticipant(ctx, participantId, body);
  }

  @Get('participants/:id/enrolments')
  @Allow('participant.read')
  @ApiOperation({ summary: "A participant's enrolments, history included" })
  @ApiOkResponse({ type: [EnrolmentDto] })
  @ApiProblems(400, 401, 403, 404)
  enrolments(@Ctx() ctx: UserContext, @Param('id', id) participantId: string): Promise<EnrolmentResponse[]> {
    return this.participants.findParticipantEnrolments(ctx, participantId);
  }

  @Post('participants/:id/enrolments')
  @Allow('participant.write')
  @ApiOperation({ summary: 'Enrol a participant in a group' })
  @ApiCreatedResponse({ type: EnrolmentDto })
  @ApiProblems(400, 401, 403, 404, 409)
  enrol(
    @Ctx() ctx: UserContext,
    @Param('id', id) participantId: string,
    @Body() body: EnrolDto,
  ): Promise<EnrolmentResponse> {
    return this.participants.enrol(ctx, participantId, body.groupId, body.startDate);
  }

  @Patch('enrolments/:id')
  @Allow('participant.write')
  @ApiOperation({ summary: 'Complete an enrolment, or record that the participant left early and why' })
  @ApiOkResponse({ type: EnrolmentDto })
  @ApiProblems(400, 401, 403, 404)
  updateEnrolment(
    @Ctx() ctx: UserContext,
    @Param('id', id) enrolmentId: string,
    @Body() body: UpdateEnrolmentDto,
  ): Promise<EnrolmentResponse> {
    return this.participants.updateEnrolment(ctx, enrolmentId, body);
  }

  @Post('enrolments/:id/move')
  @Allow('participant.write')
  @HttpCode(201)
  @ApiOperation({ summary: 'Move a participant to another group; the old enrolment stays in the history' })
  @ApiCreatedResponse({ type: EnrolmentDto })
  @ApiProblems(400, 401, 403, 404, 422)
  move(
    @Ctx() ctx: UserContext,
    @Param('id', id) enrolmentId: string,
    @Body() body: MoveEnrolmentDto,
  ): Promise<EnrolmentResponse> {
    return this.participants.moveEnrolment(ctx, enrolmentId, body);
  }
}
