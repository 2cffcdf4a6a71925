import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type {
  AttendanceGridResponse,
  CalendarResponse,
  GroupResponse,
  SessionResponse,
} from '@stegvis/contracts';
import type { FastifyReply } from 'fastify';
import { Ctx, type UserContext } from '../../common/context/request-context';
import { ApiProblems } from '../../common/openapi/api-problems';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { Allow } from '../auth/auth.decorators';
import {
  AttendanceGridDto,
  CalendarDto,
  CreateGroupDto,
  CreateSessionDto,
  GroupDto,
  GroupQuery,
  SaveAttendanceDto,
  SessionDto,
  UpdateGroupDto,
  UpdateSessionDto,
} from './dto/group.dto';
import { GroupsService } from './groups.service';

@ApiTags('groups')
@ApiCookieAuth()
@Controller()
export class GroupsController {
  constructor(private readonly groups: GroupsService) {}

  @Get('groups')
  @Allow('group.read')
  @ApiOperation({ summary: 'Groups of a programme, by number' })
  @ApiOkResponse({ type: [GroupDto] })
  @ApiProblems(400, 401, 403, 404)
  list(@Ctx() ctx: UserContext, @Query() q: GroupQuery): Promise<GroupResponse[]> {
    return this.groups.findGroups(ctx, q.programmeId);
  }

  @Post('groups')
  @Allow('group.manage')
  @ApiOperation({
    summary:
      'Start a group; with a template, its session calendar is generated (no sessions on Swedish public holidays)',
  })
  @ApiCreatedResponse({ type: GroupDto })
  @ApiProblems(400, 401, 403, 404, 409)
  create(
    @Ctx() ctx: UserContext,
    @Body() body: CreateGroupDto,
  ): Promise<GroupResponse & { calendar: CalendarResponse | null }> {
    return this.groups.createGroup(ctx, body);
  }

  @Get('groups/:id')
  @Allow('group.read')
  @ApiOperation({ summary: 'One group' })
  @ApiOkResponse({ type: GroupDto })
  @ApiProblems(400, 401, 403, 404)
  get(@Ctx() ctx: UserContext, @Param('id', new UuidPipe('id')) id: string): Promise<GroupResponse> {
    return this.groups.getGroup(ctx, id);
  }

  @Patch('groups/:id')
  @Allow('group.manage')
  @ApiOperation({
    summary:
      'Change dates, capacity, delivery mode, place or group staff; send the version you read. New dates must hold the scheduled sessions and enrolments (400 naming the date). Only the programme lead or an admin changes the staff (403)',
  })
  @ApiOkResponse({ type: GroupDto })
  @ApiProblems(400, 401, 403, 404, 409)
  update(
    @Ctx() ctx: UserContext,
    @Param('id', new UuidPipe('id')) id: string,
    @Body() body: UpdateGroupDto,
  ): Promise<GroupResponse> {
    return this.groups.updateGroup(ctx, id, body);
  }

  @Get('groups/:id/sessions')
  @Allow('group.read')
  @ApiOperation({
    summary: "The group's calendar: lectures, computer days, study visits (cancelled ones included)",
  })
  @ApiOkResponse({ type: CalendarDto })
  @ApiProblems(400, 401, 403, 404)
  calendar(@Ctx() ctx: UserContext, @Param('id', new UuidPipe('id')) id: string): Promise<CalendarResponse> {
    return this.groups.getCalendar(ctx, id);
  }

  @Post('groups/:id/sessions')
  @Allow('session.manage')
  @ApiOperation({ summary: 'Add a session or study visit' })
  @ApiCreatedResponse({ type: SessionDto })
  @ApiProblems(400, 401, 403, 404)
  addSession(
    @Ctx() ctx: UserContext,
    @Param('id', new UuidPipe('id')) id: string,
    @Body() body: CreateSessionDto,
  ): Promise<SessionResponse> {
    return this.groups.createSession(ctx, id, body);
  }

  @Patch('sessions/:id')
  @Allow('session.manage')
  @ApiOperation({
    summary: 'Move or cancel a session, change presenter, mark the presenter absent and assign a substitute',
  })
  @ApiOkResponse({ type: SessionDto })
  @ApiProblems(400, 401, 403, 404, 409)
  updateSession(
    @Ctx() ctx: UserContext,
    @Param('id', new UuidPipe('id')) id: string,
    @Body() body: UpdateSessionDto,
  ): Promise<SessionResponse> {
    return this.groups.updateSession(ctx, id, body);
  }

  @Get('groups/:id/attendance')
  @Allow('attendance.read')
  @ApiOperation({
    summary: 'Attendance grid: enrolled participants × sessions, with rates against the programme goal',
  })
  @ApiOkResponse({ type: AttendanceGridDto })
  @ApiProblems(400, 401, 403, 404)
  attendance(
    @Ctx() ctx: UserContext,
    @Param('id', new UuidPipe('id')) id: string,
  ): Promise<AttendanceGridResponse> {
    return this.groups.getAttendance(ctx, id);
  }

  @Put('groups/:id/attendance')
  @Allow('attendance.write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Save attendance marks (e.g. a whole week) in one idempotent request' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    description: 'A repeat with the same key returns the first answer and stores nothing',
  })
  @ApiOkResponse({ schema: { type: 'object', properties: { saved: { type: 'number' } } } })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  async saveAttendance(
    @Ctx() ctx: UserContext,
    @Param('id', new UuidPipe('id')) id: string,
    @Body() body: SaveAttendanceDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<{ saved: number }> {
    const r = await this.groups.saveAttendance(ctx, id, body, key);
    if (r.replayed) res.header('Idempotent-Replayed', 'true');
    return r.body;
  }
}
