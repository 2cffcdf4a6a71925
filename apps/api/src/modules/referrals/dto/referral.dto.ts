import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  GENDERS,
  type Gender,
  PRIORITIES,
  type Priority,
  REFERRAL_STATUS_CHANGES,
  REFERRAL_STATUSES,
  type ReferralRequest,
  type ReferralStatusChange,
  type ReferralStatusRequest,
  type ReferralStatus,
  SWEDISH_LEVELS,
  type SwedishLevel,
  type ReferralResponse,
  type ScreeningFlag,
} from '@stegvis/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
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
import { PageQuery } from '../../../common/pagination/keyset';
import { IsIsoDate } from '../../../common/validation/is-iso-date';
import { PersonName } from '../../../common/validation/person-name';

export class ReferralDto implements ReferralRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() programmeId: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) @PersonName() firstName: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) @PersonName() lastName: string;
  @ApiProperty({ enum: GENDERS }) @IsIn(GENDERS) gender: Gender;
  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  personalNumber?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() protectedIdentity?: boolean;
  @ApiPropertyOptional({ enum: SWEDISH_LEVELS, nullable: true })
  @IsOptional()
  @IsIn(SWEDISH_LEVELS)
  swedishLevel?: SwedishLevel | null;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  languages?: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) phone?: string;
  @ApiProperty({ format: 'uuid', description: 'The referring organisation' })
  @IsUUID()
  organisationId: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) @PersonName() referrerName: string;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsIsoDate() wishedStart?:
    string | null;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(4000) reason: string;
  @ApiPropertyOptional({ nullable: true, type: Boolean }) @IsOptional() @IsBoolean() foreignBorn?:
    boolean | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) @IsOptional() @IsInt() @Min(15) @Max(80) age?:
    number | null;
  @ApiPropertyOptional({ nullable: true, type: Boolean }) @IsOptional() @IsBoolean() registeredAtAf?:
    boolean | null;
  @ApiProperty({ description: 'The candidate agrees that the analysis group shares information about them' })
  @IsBoolean()
  consentToShare: boolean;
  @ApiPropertyOptional({ enum: PRIORITIES }) @IsOptional() @IsIn(PRIORITIES) priority?: Priority;
}

export class QueueQuery extends PageQuery {
  @ApiProperty({ format: 'uuid' }) @IsUUID() programmeId: string;
  @ApiPropertyOptional({ enum: REFERRAL_STATUSES })
  @IsOptional()
  @IsIn(REFERRAL_STATUSES)
  status?: ReferralStatus;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() organisationId?: string;
  @ApiPropertyOptional({ enum: SWEDISH_LEVELS })
  @IsOptional()
  @IsIn(SWEDISH_LEVELS)
  swedishLevel?: SwedishLevel;
  @ApiPropertyOptional({ description: 'Wished start on or before this date' })
  @IsOptional()
  @IsIsoDate()
  wishedStartBefore?: string;
}

export class TransitionDto implements ReferralStatusRequest {
  @ApiProperty({
    enum: REFERRAL_STATUS_CHANGES,
    description:
      'screened (with a note), wait_listed and withdrawn (each with a reason), or received/screened to re-open; ' +
      'which may follow which is REFERRAL_TRANSITIONS (422 otherwise)',
  })
  @IsIn(REFERRAL_STATUS_CHANGES)
  status: ReferralStatusChange;
  @ApiPropertyOptional({ description: 'Why; required to wait-list or withdraw. The note when screened.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) version: number;
}

class ScreeningFlagDto extends ProblemNoticeSchema {
  @ApiProperty() criterion: string;
  @ApiProperty() ok: boolean;
}

class HistoryDto {
  @ApiProperty() at: string;
  @ApiProperty() by: string;
  @ApiProperty({ nullable: true, enum: REFERRAL_STATUSES, type: String }) from: ReferralStatus | null;
  @ApiProperty({ enum: REFERRAL_STATUSES }) to: ReferralStatus;
  @ApiProperty() reason: string;
  @ApiProperty({ nullable: true, type: String }) meetingId: string | null;
}

export class ReferralResponseDto implements ReferralResponse {
  @ApiProperty() id: string;
  @ApiProperty() programmeId: string;
  @ApiProperty() candidateName: string;
  @ApiProperty({ enum: SWEDISH_LEVELS, nullable: true }) swedishLevel: SwedishLevel | null;
  @ApiProperty({ type: [String] }) languages: string[];
  @ApiProperty() organisationId: string;
  @ApiProperty() organisationName: string;
  @ApiProperty() referrerName: string;
  @ApiProperty({ nullable: true, type: String }) wishedStart: string | null;
  @ApiProperty() reason: string;
  @ApiProperty() receivedAt: string;
  @ApiProperty({ enum: PRIORITIES }) priority: Priority;
  @ApiProperty({ enum: REFERRAL_STATUSES }) status: ReferralStatus;
  @ApiProperty() declineReason: string;
  @ApiProperty({ nullable: true, type: String }) groupId: string | null;
  @ApiProperty({ nullable: true, type: String }) participantId: string | null;
  @ApiProperty({ type: [ScreeningFlagDto] }) screening: ScreeningFlag[];
  @ApiProperty() version: number;
  @ApiPropertyOptional({ type: [HistoryDto] }) history?: HistoryDto[];
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description:
      'Read alone: the participant of the programme with the same personal number, when the reader may see her',
  })
  existingParticipantId?: string | null;
}

export class QueuePageDto {
  @ApiProperty({ type: [ReferralResponseDto] }) items: ReferralResponseDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
