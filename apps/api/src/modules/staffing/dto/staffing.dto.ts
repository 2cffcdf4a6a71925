import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type AllocationRequest,
  COMMITTEE_KINDS,
  type CommitteeKind,
  type CommitteeMemberRequest,
  STAFF_ROLES,
  type StaffMemberRequest,
  type StaffRole,
  type StaffMemberResponse,
  type AllocationResponse,
  type ProgrammeStaffingResponse,
  type PersonStaffingResponse,
  type CommitteeMemberResponse,
  type EndCommitteeMembershipRequest,
  type ProblemNotice,
} from '@stegvis/contracts';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { ProblemNoticeSchema } from '../../../common/openapi/api-problems';
import { IsIsoDate } from '../../../common/validation/is-iso-date';
import { PersonName } from '../../../common/validation/person-name';

export class StaffMemberDto implements StaffMemberRequest {
  @ApiProperty({ example: 'Sara Processledare' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @PersonName()
  name: string;
  @ApiProperty({ enum: STAFF_ROLES }) @IsIn(STAFF_ROLES) staffRole: StaffRole;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsUUID() organisationId?:
    string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'The user account, when the person logs in',
  })
  @IsOptional()
  @IsUUID()
  userId?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(254) email?: string;
}

export class StaffMemberResponseDto extends StaffMemberDto implements StaffMemberResponse {
  @ApiProperty({ nullable: true, type: String }) override organisationId: string | null;
  @ApiProperty({ nullable: true, type: String }) override userId: string | null;
  @ApiProperty() override email: string;
  @ApiProperty() id: string;
}

export class AllocationDto implements AllocationRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() staffMemberId: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() programmeId: string;
  @ApiProperty({ example: 50, description: 'Per cent of full time' })
  @IsInt()
  @Min(1)
  @Max(100)
  percent: number;
  @ApiProperty() @IsIsoDate() startDate: string;
  @ApiProperty() @IsIsoDate() endDate: string;
}

export class AllocationResponseDto extends AllocationDto implements AllocationResponse {
  @ApiProperty() id: string;
  @ApiProperty() staffName: string;
  @ApiProperty({ enum: STAFF_ROLES }) staffRole: StaffRole;
  @ApiProperty() overAllocated: boolean;
  @ApiProperty({
    type: [ProblemNoticeSchema],
    description: 'over_allocated when above full time in the period',
  })
  warnings: ProblemNotice<'over_allocated'>[];
}

export class OverviewQuery {
  @ApiPropertyOptional({ description: 'The day to sum allocations on (default today)' })
  @IsOptional()
  @IsIsoDate()
  date?: string;
}

export class ProgrammeStaffingDto implements ProgrammeStaffingResponse {
  @ApiProperty() programmeId: string;
  @ApiProperty() date: string;
  @ApiProperty() totalPercent: number;
  @ApiProperty({ type: [AllocationResponseDto] }) allocations: AllocationResponseDto[];
}

export class PersonStaffingDto implements PersonStaffingResponse {
  @ApiProperty() staffMemberId: string;
  @ApiProperty() date: string;
  @ApiProperty() totalPercent: number;
  @ApiProperty() overAllocated: boolean;
  @ApiProperty({ type: [AllocationResponseDto] }) allocations: AllocationResponseDto[];
}

export class CommitteeMemberDto implements CommitteeMemberRequest {
  @ApiProperty({ enum: COMMITTEE_KINDS }) @IsIn(COMMITTEE_KINDS) kind: CommitteeKind;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) @PersonName() name: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() organisationId: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) roleTitle?: string;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsUUID() userId?: string | null;
}

export class CommitteeMemberResponseDto extends CommitteeMemberDto implements CommitteeMemberResponse {
  @ApiProperty() id: string;
  @ApiProperty() programmeId: string;
  @ApiProperty() override roleTitle: string;
  @ApiProperty({ nullable: true, type: String }) override userId: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The day the membership ended; null while it lasts',
  })
  endedOn: string | null;
}

export class EndCommitteeMembershipDto implements EndCommitteeMembershipRequest {
  @ApiPropertyOptional({ description: 'The day the membership ended, not after today (default today)' })
  @IsOptional()
  @IsIsoDate()
  endedOn?: string;
}

export class CommitteeQuery {
  @ApiPropertyOptional({ description: 'Also former members (ended memberships), each with its end day' })
  @IsOptional()
  @IsIn(['true', 'false'])
  includeEnded?: 'true' | 'false';
}
