import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DECISIONS,
  type Decision,
  type DecisionRequest,
  type MeetingRequest,
  type MeetingResponse,
  MEETING_STATUSES,
  type MeetingStatus,
  type ActionItem,
  type CarriedActionItem,
  type MinutesSent,
} from '@stegvis/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { RatioDto } from '../../groups/dto/group.dto';
import { ReferralResponseDto } from '../../referrals/dto/referral.dto';
import { IsIsoDate } from '../../../common/validation/is-iso-date';

export class MeetingDto implements MeetingRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() programmeId: string;
  @ApiProperty() @IsIsoDate() date: string;
  @ApiProperty({ type: [String], description: 'Users invited (members of the analysis group)' })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  invitedUserIds: string[];
}

export class DecisionDto implements DecisionRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() referralId: string;
  @ApiProperty({ enum: DECISIONS }) @IsIn(DECISIONS) decision: Decision;
  @ApiPropertyOptional({ format: 'uuid', description: 'Required when accepting' })
  @ValidateIf((o: DecisionDto) => o.decision === 'accept')
  @IsUUID('all', { message: 'groupId is required when accepting' })
  groupId?: string;
  @ApiPropertyOptional({ description: 'Required when declining' })
  @ValidateIf((o: DecisionDto) => o.decision === 'decline' || o.reason !== undefined)
  @MaxLength(2000)
  @MinLength(1, { message: 'reason is required when declining' })
  @IsString({ message: 'reason is required when declining' })
  reason?: string;
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class DecisionsDto {
  @ApiProperty({ type: [DecisionDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => DecisionDto)
  decisions: DecisionDto[];
}

export class AttendanceDto {
  @ApiProperty({ type: [String], description: 'Invited users who came; the others are recorded absent' })
  @IsArray()
  @ArrayUnique()
  @IsUUID('all', { each: true })
  presentUserIds: string[];
}

export class NotesDto {
  @ApiProperty({ description: 'Case discussions and inflow notes (no health data)' })
  @IsString()
  @MaxLength(20000)
  caseNotes: string;
  @ApiPropertyOptional({
    description:
      'The meeting version the notes were written on; an older one is refused with 409 (stale_version)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class ActionItemDto implements Omit<ActionItem, 'id' | 'done'> {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(1000) text: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) owner: string;
  @ApiProperty() @IsIsoDate() dueDate: string;
}

export class ActionItemUpdateDto {
  @ApiProperty({ description: 'true: done; false: open again' }) @IsBoolean() done: boolean;
}

export class MeetingQuery {
  @ApiProperty({ format: 'uuid' }) @IsUUID() programmeId: string;
}

export class StatsQuery {
  @ApiPropertyOptional() @IsOptional() @IsIsoDate() from?: string;
  @ApiPropertyOptional() @IsOptional() @IsIsoDate() to?: string;
}

export class InviteeDto {
  @ApiProperty() userId: string;
  @ApiProperty() name: string;
  @ApiProperty() organisationName: string;
  @ApiProperty({ nullable: true, type: Boolean, description: 'null until attendance is taken' })
  present: boolean | null;
}

export class ActionItemResponseDto extends ActionItemDto implements ActionItem {
  @ApiProperty() id: string;
  @ApiProperty() done: boolean;
}

export class MeetingDecisionDto {
  @ApiProperty() referralId: string;
  @ApiProperty({ enum: DECISIONS }) decision: Decision;
  @ApiProperty() reason: string;
  @ApiProperty({ nullable: true, type: String }) groupId: string | null;
}

export class CarriedActionItemDto extends ActionItemResponseDto implements CarriedActionItem {
  @ApiProperty({ description: 'The earlier meeting the item was set at' }) meetingId: string;
  @ApiProperty() meetingDate: string;
}

export class MinutesRecipientDto {
  @ApiProperty() userId: string;
  @ApiProperty() name: string;
  @ApiProperty() organisationName: string;
}

export class MinutesSentDto implements MinutesSent {
  @ApiProperty({ description: 'When the latest minutes were sent' }) sentAt: string;
  @ApiProperty() sentBy: string;
  @ApiProperty({ type: [MinutesRecipientDto], description: 'Who they went to' })
  recipients: MinutesRecipientDto[];
}

export class MeetingResponseDto implements MeetingResponse {
  @ApiProperty() id: string;
  @ApiProperty() programmeId: string;
  @ApiProperty() date: string;
  @ApiProperty({ enum: MEETING_STATUSES }) status: MeetingStatus;
  @ApiProperty({ type: [InviteeDto] }) invited: InviteeDto[];
  @ApiProperty({ type: [ReferralResponseDto] }) agenda: ReferralResponseDto[];
  @ApiProperty({
    description:
      'Case discussions: only for the programme’s staff and the analysis members invited to this meeting (empty for others, see caseNotesReadable); never in the minutes',
  })
  caseNotes: string;
  @ApiProperty({ description: 'Whether the reader may read and write the case discussions' })
  caseNotesReadable: boolean;
  @ApiProperty({ type: [ActionItemResponseDto] }) actionItems: ActionItemResponseDto[];
  @ApiProperty({
    type: [CarriedActionItemDto],
    description: 'Open action items of the programme’s earlier meetings, carried to this agenda',
  })
  carriedActionItems: CarriedActionItemDto[];
  @ApiProperty({ type: [MeetingDecisionDto] }) decisions: MeetingDecisionDto[];
  @ApiProperty({ type: MinutesSentDto, nullable: true, description: 'The latest sending of the minutes' })
  minutesSent: MinutesSentDto | null;
  @ApiProperty({ description: 'Send it back with the case notes: an older one is refused (409)' })
  version: number;
}

/** A meeting as answered: the contracts' MeetingResponse. */
export type MeetingDetail = MeetingResponse;

export const INVITEE_SOURCES = ['analysis', 'staff'] as const;

export class InviteeCandidateDto {
  @ApiProperty({ nullable: true, type: String, description: 'null: the member has no account to invite' })
  userId: string | null;
  @ApiProperty() name: string;
  @ApiProperty() organisationName: string;
  @ApiProperty({ description: 'Role in the analysis group, or empty' }) roleTitle: string;
  @ApiProperty({
    enum: INVITEE_SOURCES,
    description: 'analysis: a current member of the analysis group; staff: the programme’s staff',
  })
  source: (typeof INVITEE_SOURCES)[number];
  @ApiProperty({ description: 'Checked when planning: the analysis group with an account in the programme' })
  invitedByDefault: boolean;
  @ApiProperty({
    enum: ['no_account', 'not_in_programme'],
    nullable: true,
    type: String,
    description: 'Why the member cannot be invited, or null',
  })
  unavailable: 'no_account' | 'not_in_programme' | null;
}

export class InflowDto {
  @ApiProperty({
    type: 'array',
    items: {
      type: 'object',
      properties: {
        tertial: { type: 'string' },
        organisationName: { type: 'string' },
        referrals: { type: 'number' },
      },
    },
  })
  byTertial: { tertial: string; organisationName: string; referrals: number }[];
  @ApiProperty({
    type: 'object',
    properties: {
      decided: { type: 'number' },
      medianDays: { type: 'number', nullable: true },
      meanDays: { type: 'number', nullable: true },
    },
  })
  daysToDecision: { decided: number; medianDays: number | null; meanDays: number | null };
}

export class AbsenceDto {
  @ApiProperty({
    type: 'array',
    items: {
      type: 'object',
      properties: {
        organisationName: { type: 'string' },
        invited: { type: 'number' },
        present: { type: 'number' },
        absent: { type: 'number' },
      },
      required: ['organisationName', 'invited', 'present', 'absent'],
    },
  })
  byOrganisation: { organisationName: string; invited: number; present: number; absent: number }[];
  @ApiProperty({
    description: 'The same per meeting, oldest first: absence over time',
    type: 'array',
    items: {
      type: 'object',
      properties: {
        meetingId: { type: 'string' },
        date: { type: 'string' },
        organisationName: { type: 'string' },
        invited: { type: 'number' },
        present: { type: 'number' },
        absent: { type: 'number' },
      },
      required: ['meetingId', 'date', 'organisationName', 'invited', 'present', 'absent'],
    },
  })
  byMeeting: {
    meetingId: string;
    date: string;
    organisationName: string;
    invited: number;
    present: number;
    absent: number;
  }[];
}

export class IntakeGroupDto {
  @ApiProperty() groupId: string;
  @ApiProperty() name: string;
  @ApiProperty() startDate: string;
  @ApiProperty() capacity: number;
  @ApiProperty({ description: 'Referrals accepted into this group' }) accepted: number;
  @ApiProperty({ description: 'Referrals of the programme not yet accepted anywhere' }) queued: number;
  @ApiProperty({ description: 'Extra places so the group is still full after the usual early leavers' })
  suggestedOverIntake: number;
}

export class IntakeDto {
  @ApiProperty({ type: [IntakeGroupDto] }) groups: IntakeGroupDto[];
  @ApiProperty({ type: RatioDto }) earlyLeaverRate: RatioDto;
}
