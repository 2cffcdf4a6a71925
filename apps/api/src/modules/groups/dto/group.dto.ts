import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ABSENCE_REASONS,
  type AbsenceReason,
  ATTENDANCE_STATUSES,
  type AttendanceStatus,
  type CreateGroupRequest,
  type CreateSessionRequest,
  DELIVERY_MODES,
  type DeliveryMode,
  SESSION_KINDS,
  SESSION_STATUSES,
  type SessionKind,
  type SessionStatus,
  type UpdateGroupRequest,
  type UpdateSessionRequest,
  type GroupResponse,
  type SessionResponse,
  type CalendarResponse,
  type AttendanceMark,
  type SaveAttendanceRequest,
  type AttendanceGridResponse,
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
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsIsoDate } from '../../../common/validation/is-iso-date';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export class CreateGroupDto implements CreateGroupRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() programmeId: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() municipalityId: string;
  @ApiProperty({ example: 3 }) @IsInt() @Min(1) @Max(999) number: number;
  @ApiProperty({ example: '2020-08-24' }) @IsIsoDate() startDate: string;
  @ApiPropertyOptional({ description: 'Defaults to the end of the template' })
  @IsOptional()
  @IsIsoDate()
  endDate?: string;
  @ApiProperty({ example: 10 }) @IsInt() @Min(1) @Max(100) capacity: number;
  @ApiProperty({ example: 2 }) @IsInt() @Min(0) @Max(50) overIntake: number;
  @ApiProperty({ enum: DELIVERY_MODES }) @IsIn(DELIVERY_MODES) deliveryMode: DeliveryMode;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) place?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Generates the session calendar' })
  @IsOptional()
  @IsUUID()
  templateId?: string;
  @ApiPropertyOptional({
    type: [String],
    description: 'Group staff: only the programme lead or an admin may name them (403 otherwise)',
  })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsUUID('all', { each: true })
  staffMemberIds?: string[];
}

export class UpdateGroupDto implements UpdateGroupRequest {
  @ApiProperty({ description: 'The version you read' }) @IsInt() @Min(1) version: number;
  @ApiPropertyOptional({
    example: '2020-08-24',
    description: 'Refused (400) while scheduled sessions or enrolments would fall outside the new period',
  })
  @IsOptional()
  @IsIsoDate()
  startDate?: string;
  @ApiPropertyOptional({ example: '2020-12-17', description: 'Not before startDate' })
  @IsOptional()
  @IsIsoDate()
  endDate?: string;
  @ApiPropertyOptional({ example: 10 }) @IsOptional() @IsInt() @Min(1) @Max(100) capacity?: number;
  @ApiPropertyOptional({ example: 2 }) @IsOptional() @IsInt() @Min(0) @Max(50) overIntake?: number;
  @ApiPropertyOptional({ enum: DELIVERY_MODES })
  @IsOptional()
  @IsIn(DELIVERY_MODES)
  deliveryMode?: DeliveryMode;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) place?: string;
  @ApiPropertyOptional({
    type: [String],
    description: 'Who is group staff: changed only by the programme lead or an admin (403 otherwise)',
  })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsUUID('all', { each: true })
  staffMemberIds?: string[];
}

export class GroupDto implements GroupResponse {
  @ApiProperty() id: string;
  @ApiProperty() programmeId: string;
  @ApiProperty() municipalityId: string;
  @ApiProperty() number: number;
  @ApiProperty({ example: 'Grupp 3' }) name: string;
  @ApiProperty() startDate: string;
  @ApiProperty() endDate: string;
  @ApiProperty() capacity: number;
  @ApiProperty() overIntake: number;
  @ApiProperty({ enum: DELIVERY_MODES }) deliveryMode: DeliveryMode;
  @ApiProperty() place: string;
  @ApiProperty({ nullable: true, type: String }) templateId: string | null;
  @ApiProperty({ type: [String] }) staffMemberIds: string[];
  @ApiProperty() enrolledCount: number;
  @ApiProperty() version: number;
}

export class GroupQuery {
  @ApiProperty({ format: 'uuid' }) @IsUUID() programmeId: string;
}

export class SessionDto implements SessionResponse {
  @ApiProperty() id: string;
  @ApiProperty() groupId: string;
  @ApiProperty() date: string;
  @ApiProperty() startTime: string;
  @ApiProperty() endTime: string;
  @ApiProperty({ enum: SESSION_KINDS }) kind: SessionKind;
  @ApiProperty() theme: string;
  @ApiProperty({ enum: DELIVERY_MODES }) mode: DeliveryMode;
  @ApiProperty({ nullable: true, type: String }) presenterStaffId: string | null;
  @ApiProperty() presenterAbsent: boolean;
  @ApiProperty({ nullable: true, type: String }) substituteStaffId: string | null;
  @ApiProperty({ enum: SESSION_STATUSES }) status: SessionStatus;
  @ApiProperty({
    nullable: true,
    type: String,
    description: "Why it was added, cancelled or moved; null without 'session.notes.read' (staff only)",
  })
  note: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The day it was first planned for, once moved to another day',
  })
  movedFrom: string | null;
  @ApiProperty() version: number;
}

export class CalendarDto implements CalendarResponse {
  @ApiProperty({ type: [SessionDto] }) sessions: SessionDto[];
  @ApiProperty() lectureCount: number;
  @ApiProperty() lecturesShort: number;
  @ApiProperty({
    type: 'array',
    items: { type: 'object', properties: { date: { type: 'string' }, name: { type: 'string' } } },
  })
  skippedHolidays: { date: string; name: string }[];
}

export class CreateSessionDto implements CreateSessionRequest {
  @ApiProperty() @IsIsoDate() date: string;
  @ApiProperty({ example: '13:00' }) @Matches(TIME, { message: 'startTime must be HH:MM' }) startTime: string;
  @ApiProperty({ example: '15:30' }) @Matches(TIME, { message: 'endTime must be HH:MM' }) endTime: string;
  @ApiProperty({ enum: SESSION_KINDS }) @IsIn(SESSION_KINDS) kind: SessionKind;
  @ApiProperty() @IsString() @MaxLength(200) theme: string;
  @ApiPropertyOptional({ enum: DELIVERY_MODES }) @IsOptional() @IsIn(DELIVERY_MODES) mode?: DeliveryMode;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsUUID() presenterStaffId?:
    string | null;
  @ApiPropertyOptional({ description: 'Why it is added, e.g. a study visit the group asked for' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class UpdateSessionDto implements UpdateSessionRequest {
  @ApiProperty() @IsInt() @Min(1) version: number;
  @ApiPropertyOptional() @IsOptional() @IsIsoDate() date?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(TIME, { message: 'startTime must be HH:MM' })
  startTime?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(TIME, { message: 'endTime must be HH:MM' }) endTime?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) theme?: string;
  @ApiPropertyOptional({ enum: DELIVERY_MODES }) @IsOptional() @IsIn(DELIVERY_MODES) mode?: DeliveryMode;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsUUID() presenterStaffId?:
    string | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() presenterAbsent?: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsUUID() substituteStaffId?:
    string | null;
  @ApiPropertyOptional({ enum: SESSION_STATUSES })
  @IsOptional()
  @IsIn(SESSION_STATUSES)
  status?: SessionStatus;
  @ApiPropertyOptional({
    description: 'Why it is cancelled or moved: required with status cancelled and with a new date or time',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class AttendanceMarkDto implements AttendanceMark {
  @ApiProperty({ format: 'uuid' }) @IsUUID() sessionId: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() enrolmentId: string;
  @ApiProperty({ enum: ATTENDANCE_STATUSES }) @IsIn(ATTENDANCE_STATUSES) status: AttendanceStatus;
  @ApiPropertyOptional({ enum: ABSENCE_REASONS, nullable: true })
  @ValidateIf((o: AttendanceMarkDto) => o.status === 'excused')
  @IsIn(ABSENCE_REASONS, { message: 'reason is required for an excused absence' })
  reason?: AbsenceReason | null;
  @ApiPropertyOptional({
    description:
      'Read: the stored version. Save: the version you read, 0 for a cell that was empty; a mark changed since answers 409 and nothing is stored. Left out: saved whatever is stored',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  version?: number;
}

export class SaveAttendanceDto implements SaveAttendanceRequest {
  @ApiProperty({ type: [AttendanceMarkDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => AttendanceMarkDto)
  marks: AttendanceMarkDto[];
}

export class RatioDto {
  @ApiProperty() count: number;
  @ApiProperty() of: number;
  @ApiProperty({ nullable: true, type: Number }) percent: number | null;
}

class AttendanceRowDto {
  @ApiProperty() enrolmentId: string;
  @ApiProperty() participantId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: RatioDto }) rate: RatioDto;
  @ApiProperty() excused: number;
  @ApiProperty() unexcused: number;
  @ApiProperty() meetsGoal: boolean;
}

export class AttendanceGridDto implements AttendanceGridResponse {
  @ApiProperty() groupId: string;
  @ApiProperty() goalPercent: number;
  @ApiProperty({ type: [SessionDto] }) sessions: SessionDto[];
  @ApiProperty({ type: [AttendanceRowDto] }) rows: AttendanceRowDto[];
  @ApiProperty({ type: [AttendanceMarkDto] }) marks: AttendanceMarkDto[];
  @ApiProperty({ type: RatioDto }) groupRate: RatioDto;
  @ApiProperty({ type: RatioDto }) meetingGoal: RatioDto;
}
