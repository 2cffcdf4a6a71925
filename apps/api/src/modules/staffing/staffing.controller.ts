import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  AllocationResponse,
  CommitteeMemberResponse,
  PersonStaffingResponse,
  ProgrammeStaffingResponse,
  StaffMemberResponse,
} from '@stegvis/contracts';
import { Ctx, type UserContext } from '../../common/context/request-context';
import { ApiProblems } from '../../common/openapi/api-problems';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { Allow } from '../auth/auth.decorators';
import {
  AllocationDto,
  AllocationResponseDto,
  CommitteeMemberDto,
  CommitteeMemberResponseDto,
  CommitteeQuery,
  EndCommitteeMembershipDto,
  OverviewQuery,
  PersonStaffingDto,
  ProgrammeStaffingDto,
  StaffMemberDto,
  StaffMemberResponseDto,
} from './dto/staffing.dto';
import { StaffingService } from './staffing.service';

@ApiTags('staffing')
@ApiCookieAuth()
@Controller()
export class StaffingController {
  constructor(private readonly staffing: StaffingService) {}

  @Get('staff-members')
  @Allow('staffing.read')
  @ApiOperation({ summary: 'Programme staff of the association' })
  @ApiOkResponse({ type: [StaffMemberResponseDto] })
  @ApiProblems(401, 403)
  listStaff(): Promise<StaffMemberResponse[]> {
    return this.staffing.findStaffMembers();
  }

  @Post('staff-members')
  @Allow('staffing.manage')
  @ApiOperation({ summary: 'Add a staff member (programme lead, programme worker, career counsellor)' })
  @ApiCreatedResponse({ type: StaffMemberResponseDto })
  @ApiProblems(400, 401, 403, 409)
  createStaff(@Ctx() ctx: UserContext, @Body() body: StaffMemberDto): Promise<StaffMemberResponse> {
    return this.staffing.createStaffMember(ctx, body);
  }

  @Post('staff-allocations')
  @Allow('staffing.manage')
  @ApiOperation({ summary: 'Allocate per cent of full time to a programme for a period; warns above 100 %' })
  @ApiCreatedResponse({ type: AllocationResponseDto })
  @ApiProblems(400, 401, 403, 404)
  allocate(@Ctx() ctx: UserContext, @Body() body: AllocationDto): Promise<AllocationResponse> {
    return this.staffing.createAllocation(ctx, body);
  }

  @Get('programmes/:id/staffing')
  @Allow('staffing.read')
  @ApiOperation({
    summary: 'Staffing of a programme on a day: who, how much, and the total (e.g. 100 % + 50 % = 150 %)',
  })
  @ApiOkResponse({ type: ProgrammeStaffingDto })
  @ApiProblems(400, 401, 403, 404)
  programme(
    @Ctx() ctx: UserContext,
    @Param('id', new UuidPipe('id')) id: string,
    @Query() q: OverviewQuery,
  ): Promise<ProgrammeStaffingResponse> {
    return this.staffing.programmeOverview(ctx, id, q.date);
  }

  @Get('staff-members/:id/staffing')
  @Allow('staffing.read')
  @ApiOperation({ summary: "A person's allocations on a day, with a warning above 100 %" })
  @ApiOkResponse({ type: PersonStaffingDto })
  @ApiProblems(400, 401, 403, 404)
  person(
    @Ctx() ctx: UserContext,
    @Param('id', new UuidPipe('id')) id: string,
    @Query() q: OverviewQuery,
  ): Promise<PersonStaffingResponse> {
    return this.staffing.personOverview(ctx, id, q.date);
  }

  @Get('programmes/:id/committees')
  @Allow('committee.read')
  @ApiOperation({
    summary:
      'Steering-group and analysis-group members of a programme: the current ones, or all with includeEnded',
  })
  @ApiOkResponse({ type: [CommitteeMemberResponseDto] })
  @ApiProblems(400, 401, 403, 404)
  committee(
    @Ctx() ctx: UserContext,
    @Param('id', new UuidPipe('id')) id: string,
    @Query() q: CommitteeQuery,
  ): Promise<CommitteeMemberResponse[]> {
    return this.staffing.findCommittee(ctx, id, undefined, q.includeEnded === 'true');
  }

  @Post('programmes/:id/committees')
  @Allow('staffing.manage')
  @ApiOperation({
    summary:
      'Add a member to the steering group or the analysis group (409 already_committee_member: the same name and organisation is a current member)',
  })
  @ApiCreatedResponse({ type: CommitteeMemberResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  addMember(
    @Ctx() ctx: UserContext,
    @Param('id', new UuidPipe('id')) id: string,
    @Body() body: CommitteeMemberDto,
  ): Promise<CommitteeMemberResponse> {
    return this.staffing.addCommitteeMember(ctx, id, body);
  }

  @Post('programmes/:id/committees/:memberId/end')
  @Allow('staffing.manage')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'End a membership of the steering or analysis group: kept with the day it ended (default today, not later); 409 committee_membership_ended when it already has',
  })
  @ApiOkResponse({ type: CommitteeMemberResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  endMembership(
    @Ctx() ctx: UserContext,
    @Param('id', new UuidPipe('id')) id: string,
    @Param('memberId', new UuidPipe('memberId')) memberId: string,
    @Body() body: EndCommitteeMembershipDto,
  ): Promise<CommitteeMemberResponse> {
    return this.staffing.endCommitteeMembership(ctx, id, memberId, body);
  }
}
