import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import {
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { Ctx, type UserContext } from '../../common/context/request-context';
import { ApiProblems } from '../../common/openapi/api-problems';
import { IsIsoDate } from '../../common/validation/is-iso-date';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { Allow } from '../auth/auth.decorators';
import {
  AbsenceDto,
  ActionItemDto,
  ActionItemUpdateDto,
  AttendanceDto,
  DecisionsDto,
  InflowDto,
  IntakeDto,
  InviteeCandidateDto,
  type MeetingDetail,
  MeetingDto,
  MeetingQuery,
  MeetingResponseDto,
  NotesDto,
} from './dto/meeting.dto';
import { MeetingsService } from './meetings.service';

const id = new UuidPipe('id');

class IntakeQuery {
  @ApiProperty({ description: 'Groups starting on or after this day' }) @IsIsoDate() from: string;
}

@ApiTags('meetings')
@ApiCookieAuth()
@Controller()
export class MeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  @Get('meetings')
  @Allow('meeting.read')
  @ApiOperation({ summary: "A programme's analysis-group meetings, newest first" })
  @ApiOkResponse({ type: [MeetingResponseDto] })
  @ApiProblems(400, 401, 403, 404)
  list(@Ctx() ctx: UserContext, @Query() q: MeetingQuery) {
    return this.meetings.findMeetings(ctx, q.programmeId);
  }

  @Post('meetings')
  @Allow('meeting.manage')
  @ApiOperation({
    summary: 'Plan a meeting; the agenda is drawn from the queue (screened and wait-listed referrals)',
  })
  @ApiCreatedResponse({ type: MeetingResponseDto })
  @ApiProblems(400, 401, 403, 404)
  create(@Ctx() ctx: UserContext, @Body() body: MeetingDto): Promise<MeetingDetail> {
    return this.meetings.createMeeting(ctx, body);
  }

  @Get('meetings/:id')
  @Allow('meeting.read')
  @ApiOperation({ summary: 'A meeting: invited and present, agenda, decisions, action items' })
  @ApiOkResponse({ type: MeetingResponseDto })
  @ApiProblems(400, 401, 403, 404)
  get(@Ctx() ctx: UserContext, @Param('id', id) meetingId: string): Promise<MeetingDetail> {
    return this.meetings.getMeeting(ctx, meetingId);
  }

  @Get('programmes/:id/meeting-invitees')
  @Allow('meeting.manage')
  @ApiOperation({
    summary:
      'Whom a new meeting may invite: the current analysis-group members (checked by default) and the programme staff',
  })
  @ApiOkResponse({ type: [InviteeCandidateDto] })
  @ApiProblems(400, 401, 403, 404)
  invitees(@Ctx() ctx: UserContext, @Param('id', id) programmeId: string): Promise<InviteeCandidateDto[]> {
    return this.meetings.invitees(ctx, programmeId);
  }

  @Post('meetings/:id/decisions')
  @Allow('meeting.manage')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Record the meeting’s decisions (accept into a group, wait-list, decline with reason) in one transaction',
  })
  @ApiOkResponse({ type: MeetingResponseDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  decide(
    @Ctx() ctx: UserContext,
    @Param('id', id) meetingId: string,
    @Body() body: DecisionsDto,
  ): Promise<MeetingDetail> {
    return this.meetings.decide(ctx, meetingId, body);
  }

  @Post('meetings/:id/attendance')
  @Allow('meeting.manage')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record who came' })
  @ApiOkResponse({ type: MeetingResponseDto })
  @ApiProblems(400, 401, 403, 404)
  attendance(
    @Ctx() ctx: UserContext,
    @Param('id', id) meetingId: string,
    @Body() body: AttendanceDto,
  ): Promise<MeetingDetail> {
    return this.meetings.recordAttendance(ctx, meetingId, body.presentUserIds);
  }

  @Patch('meetings/:id/notes')
  @Allow('meeting.manage')
  @ApiOperation({
    summary:
      'Case discussions and inflow notes: never health details, never in the minutes; written and read by the programme’s staff and the analysis members invited to the meeting',
  })
  @ApiOkResponse({ type: MeetingResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  notes(
    @Ctx() ctx: UserContext,
    @Param('id', id) meetingId: string,
    @Body() body: NotesDto,
  ): Promise<MeetingDetail> {
    return this.meetings.setNotes(ctx, meetingId, body.caseNotes, body.version);
  }

  @Post('meetings/:id/action-items')
  @Allow('meeting.manage')
  @ApiOperation({
    summary: 'Add an action item with owner and due date (not before the meeting); open until marked done',
  })
  @ApiCreatedResponse({ type: MeetingResponseDto })
  @ApiProblems(400, 401, 403, 404)
  addAction(
    @Ctx() ctx: UserContext,
    @Param('id', id) meetingId: string,
    @Body() body: ActionItemDto,
  ): Promise<MeetingDetail> {
    return this.meetings.addActionItem(ctx, meetingId, body);
  }

  @Patch('action-items/:id')
  @Allow('meeting.manage')
  @ApiOperation({
    summary: 'Mark an action item done (or open again); answers the meeting the item was set at',
  })
  @ApiOkResponse({ type: MeetingResponseDto })
  @ApiProblems(400, 401, 403, 404)
  updateAction(
    @Ctx() ctx: UserContext,
    @Param('id', id) itemId: string,
    @Body() body: ActionItemUpdateDto,
  ): Promise<MeetingDetail> {
    return this.meetings.setActionItemDone(ctx, itemId, body.done);
  }

  @Get('meetings/:id/minutes.pdf')
  @Allow('meeting.read')
  @ApiOperation({ summary: 'Minutes as PDF (protected identities as pseudonyms, no personal numbers)' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'PDF',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProblems(400, 401, 403, 404)
  async minutes(@Ctx() ctx: UserContext, @Param('id', id) meetingId: string): Promise<StreamableFile> {
    return new StreamableFile(await this.meetings.minutesPdf(ctx, meetingId), {
      type: 'application/pdf',
      disposition: 'attachment; filename="protokoll.pdf"',
    });
  }

  @Post('meetings/:id/minutes/send')
  @Allow('meeting.manage')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Send the minutes, through the e-mail outbox, to the invited who may read them: the analysis group and the programme staff',
  })
  @ApiOkResponse({ schema: { type: 'object', properties: { queued: { type: 'number' } } } })
  @ApiProblems(400, 401, 403, 404)
  send(@Ctx() ctx: UserContext, @Param('id', id) meetingId: string) {
    return this.meetings.sendMinutes(ctx, meetingId);
  }

  @Get('programmes/:id/inflow')
  @Allow('inflow.read')
  @ApiOperation({ summary: 'Referrals per organisation per tertial; days from referral to decision' })
  @ApiOkResponse({ type: InflowDto })
  @ApiProblems(400, 401, 403, 404)
  inflow(@Ctx() ctx: UserContext, @Param('id', id) programmeId: string) {
    return this.meetings.inflow(ctx, programmeId);
  }

  @Get('programmes/:id/meeting-attendance')
  @Allow('inflow.read')
  @ApiOperation({ summary: 'Analysis-group attendance per organisation over time' })
  @ApiOkResponse({ type: AbsenceDto })
  @ApiProblems(400, 401, 403, 404)
  absence(@Ctx() ctx: UserContext, @Param('id', id) programmeId: string) {
    return this.meetings.absence(ctx, programmeId);
  }

  @Get('programmes/:id/intake')
  @Allow('meeting.read')
  @ApiOperation({
    summary: 'Next group starts: capacity vs accepted and queued, with an over-intake suggestion',
  })
  @ApiOkResponse({ type: IntakeDto })
  @ApiProblems(400, 401, 403, 404)
  intake(@Ctx() ctx: UserContext, @Param('id', id) programmeId: string, @Query() q: IntakeQuery) {
    return this.meetings.intake(ctx, programmeId, q.from);
  }
}
