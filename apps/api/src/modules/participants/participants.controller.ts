import { Body, Controller, Param, Patch, Post } from '@nestjs/common';
import { ApiCookieAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EnrolmentResponse } from '@stegvis/contracts';
import { Ctx, type UserContext } from '../../common/context/request-context';
import { ApiProblems } from '../../common/openapi/api-problems';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { Allow } from '../auth/auth.decorators';
import { CreateParticipantDto, EnrolDto, EnrolmentDto, ParticipantDto, UpdateEnrolmentDto } from './dto/participant.dto';
import { ParticipantsService } from './participants.service';

@ApiTags('participants')
@ApiCookieAuth()
@Controller()
export class ParticipantsController {
  constructor(private readonly participants: ParticipantsService) {}

  @Post('participants')
  @Allow('participant.write')
  @ApiOperation({ summary: 'Register a participant' })
  @ApiCreatedResponse({ type: ParticipantDto })
  @ApiProblems(400, 401, 403)
  create(@Ctx() ctx: UserContext, @Body() body: CreateParticipantDto): Promise<ParticipantDto> {
    return this.participants.createParticipant(ctx, body);
  }

  @Post('participants/:id/enrolments')
  @Allow('participant.write')
  @ApiOperation({ summary: 'Enrol a participant in a group' })
  @ApiCreatedResponse({ type: EnrolmentDto })
  @ApiProblems(400, 401, 403, 404, 409)
  enrol(@Ctx() ctx: UserContext, @Param('id', new UuidPipe('id')) id: string, @Body() body: EnrolDto): Promise<EnrolmentResponse> {
    return this.participants.enrol(ctx, id, body.groupId, body.startDate);
  }

  @Patch('enrolments/:id')
  @Allow('participant.write')
  @ApiOperation({ summary: 'Complete an enrolment, or record that the participant left early and why' })
  @ApiOkResponse({ type: EnrolmentDto })
  @ApiProblems(400, 401, 403, 404)
  update(@Ctx() ctx: UserContext, @Param('id', new UuidPipe('id')) id: string, @Body() body: UpdateEnrolmentDto): Promise<EnrolmentResponse> {
    return this.participants.updateEnrolment(ctx, id, body);
  }
}
