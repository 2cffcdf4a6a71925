import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  AF_STATUSES,
  type AfStatus,
  ASSESSMENT_DIMENSIONS,
  ASSESSMENT_STAGES,
  type AssessmentDimension,
  type AssessmentStage,
  CONSENT_PURPOSES,
  type ConsentPurpose,
  EDUCATION_LEVELS,
  type EducationLevel,
  ENROLMENT_STATUSES,
  type EnrolmentStatus,
  FOLLOW_UP_MONTHS,
  type FollowUpMonths,
  GENDERS,
  type Gender,
  LEFT_REASONS,
  type LeftReason,
  MOVE_REASONS,
  type MoveReason,
  NEED_KINDS,
  type NeedKind,
  OUTCOME_CATEGORIES,
  OUTCOME_DETAIL_CODES,
  type OutcomeCategory,
  type OutcomeDetailCode,
  type ParticipantRecord,
  SUPPORT_KINDS,
  type SupportKind,
  SWEDISH_LEVELS,
  type SwedishLevel,
  type ParticipantResponse,
  type ParticipantListItem,
  type EnrolmentResponse,
  type ConsentRequest,
  type ConsentResponse,
  type NeedRequest,
  type NeedResponse,
  type TalkRequest,
  type TalkResponse,
  type AssessmentRequest,
  type AssessmentResponse,
  type GroupAssessmentSummary,
  type OutcomeRequest,
  type FollowUpRequest,
  type FollowUpResponse,
  type OutcomeResponse,
  type AuditTrailEntry,
} from '@stegvis/contracts';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { IsIsoDate } from '../../../common/validation/is-iso-date';
import { PersonName } from '../../../common/validation/person-name';

export class ParticipantRecordDto implements ParticipantRecord {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) @PersonName() firstName: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) @PersonName() lastName: string;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: '19811218-9876',
    description: 'Personnummer or samordningsnummer',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  personalNumber?: string | null;
  @ApiProperty({ enum: GENDERS }) @IsIn(GENDERS) gender: Gender;
  @ApiPropertyOptional({ nullable: true, type: Number })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(2100)
  birthYear?: number | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) countryOfBirth?: string;
  @ApiPropertyOptional({ nullable: true, type: Number })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(2100)
  yearOfArrival?: number | null;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  languages?: string[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() interpreterNeeded?: boolean;
  @ApiPropertyOptional({ enum: SWEDISH_LEVELS, nullable: true })
  @IsOptional()
  @IsIn(SWEDISH_LEVELS)
  swedishLevel?: SwedishLevel | null;
  @ApiPropertyOptional({ enum: EDUCATION_LEVELS, nullable: true })
  @IsOptional()
  @IsIn(EDUCATION_LEVELS)
  educationLevel?: EducationLevel | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) educationField?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) workExperience?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() drivingLicence?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() computerAtHome?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() incomeSupport?: boolean;
  @ApiPropertyOptional({ enum: AF_STATUSES, nullable: true })
  @IsOptional()
  @IsIn(AF_STATUSES)
  afStatus?: AfStatus | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) phone?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @ValidateIf((o: ParticipantRecordDto) => o.email !== '')
  @IsEmail()
  @MaxLength(254)
  email?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) address?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() protectedIdentity?: boolean;
}

export class CreateParticipantDto extends ParticipantRecordDto {
  @ApiProperty({ format: 'uuid', description: 'The programme registering the person' })
  @IsUUID()
  programmeId: string;
}

export class UpdateParticipantDto extends PartialType(ParticipantRecordDto) {
  @ApiProperty() @IsInt() @Min(1) version: number;
}

/** The answer carries every field, masked or empty, so none is optional here (unlike the request). */
export class ParticipantDto implements ParticipantResponse {
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'YYYYMMDD-NNNN, or null when not given or hidden',
  })
  personalNumber: string | null;
  @ApiProperty({ enum: GENDERS }) gender: Gender;
  @ApiProperty({ nullable: true, type: Number }) birthYear: number | null;
  @ApiProperty() countryOfBirth: string;
  @ApiProperty({ nullable: true, type: Number }) yearOfArrival: number | null;
  @ApiProperty({ type: [String] }) languages: string[];
  @ApiProperty() interpreterNeeded: boolean;
  @ApiProperty({ enum: SWEDISH_LEVELS, nullable: true }) swedishLevel: SwedishLevel | null;
  @ApiProperty({ enum: EDUCATION_LEVELS, nullable: true }) educationLevel: EducationLevel | null;
  @ApiProperty() educationField: string;
  @ApiProperty() workExperience: string;
  @ApiProperty() drivingLicence: boolean;
  @ApiProperty() computerAtHome: boolean;
  @ApiProperty() incomeSupport: boolean;
  @ApiProperty({ enum: AF_STATUSES, nullable: true }) afStatus: AfStatus | null;
  @ApiProperty() phone: string;
  @ApiProperty() email: string;
  @ApiProperty() address: string;
  @ApiProperty() protectedIdentity: boolean;
  @ApiProperty() id: string;
  @ApiProperty() displayName: string;
  @ApiProperty() isCoordinationNumber: boolean;
  @ApiProperty() pseudonym: string;
  @ApiProperty() masked: boolean;
  @ApiProperty() version: number;
}

export class ParticipantQuery {
  @ApiProperty({ format: 'uuid' }) @IsUUID() programmeId: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() groupId?: string;
  @ApiPropertyOptional({
    description:
      'Name or pseudonym, or a personnummer/samordningsnummer in any common form (YYYYMMDD-NNNN, YYMMDD-NNNN, with or without the dash); a number matches only records whose identity you see',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
  @ApiPropertyOptional({ enum: SWEDISH_LEVELS })
  @IsOptional()
  @IsIn(SWEDISH_LEVELS)
  swedishLevel?: SwedishLevel;
}

export class ParticipantListItemDto implements ParticipantListItem {
  @ApiProperty() id: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: GENDERS }) gender: Gender;
  @ApiProperty({ nullable: true, type: Number }) birthYear: number | null;
  @ApiProperty({ enum: SWEDISH_LEVELS, nullable: true }) swedishLevel: SwedishLevel | null;
  @ApiProperty() protectedIdentity: boolean;
  @ApiProperty({
    type: 'array',
    items: { type: 'object', properties: { groupId: { type: 'string' }, status: { type: 'string' } } },
  })
  groups: { groupId: string; status: EnrolmentStatus }[];
}

export class EnrolDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() groupId: string;
  @ApiProperty({ example: '2020-08-24' }) @IsIsoDate() startDate: string;
}

export class UpdateEnrolmentDto {
  @ApiProperty({ enum: ENROLMENT_STATUSES }) @IsIn(ENROLMENT_STATUSES) status: EnrolmentStatus;
  @ApiPropertyOptional()
  @ValidateIf((o: UpdateEnrolmentDto) => o.status !== 'active')
  @IsIsoDate()
  endDate?: string;
  @ApiPropertyOptional({ enum: LEFT_REASONS })
  @ValidateIf((o: UpdateEnrolmentDto) => o.status === 'left_early')
  @IsIn(LEFT_REASONS, { message: 'leftReason is required when the participant left early' })
  leftReason?: LeftReason;
}

export class MoveEnrolmentDto {
  @ApiProperty({ format: 'uuid', description: 'The group to move to' }) @IsUUID() toGroupId: string;
  @ApiProperty() @IsIsoDate() date: string;
  @ApiProperty({ enum: MOVE_REASONS, description: 'Why she moves; kept on the new enrolment' })
  @IsIn(MOVE_REASONS)
  reason: MoveReason;
}

export class EnrolmentDto implements EnrolmentResponse {
  @ApiProperty() id: string;
  @ApiProperty() participantId: string;
  @ApiProperty() groupId: string;
  @ApiProperty() startDate: string;
  @ApiProperty({ nullable: true, type: String }) endDate: string | null;
  @ApiProperty({ enum: ENROLMENT_STATUSES }) status: EnrolmentStatus;
  @ApiProperty({ enum: LEFT_REASONS, nullable: true }) leftReason: LeftReason | null;
  @ApiProperty({ enum: MOVE_REASONS, nullable: true }) moveReason: MoveReason | null;
  @ApiProperty() displayName: string;
}

export class ConsentDto implements ConsentRequest {
  @ApiProperty({ enum: CONSENT_PURPOSES }) @IsIn(CONSENT_PURPOSES) purpose: ConsentPurpose;
  @ApiPropertyOptional({ nullable: true, type: String })
  @ValidateIf((o: ConsentDto) => o.purpose === 'share_with_partner')
  @IsUUID('all', { message: 'organisationId is required for consent to share with a partner' })
  organisationId?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) scope?: string;
  @ApiProperty() @IsIsoDate() givenOn: string;
}

export class ConsentResponseDto extends ConsentDto implements ConsentResponse {
  @ApiProperty({ nullable: true, type: String }) override organisationId: string | null;
  @ApiProperty() override scope: string;
  @ApiProperty() id: string;
  @ApiProperty() participantId: string;
  @ApiProperty() recordedBy: string;
  @ApiProperty({ nullable: true, type: String }) withdrawnAt: string | null;
}

export class ShareDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() organisationId: string;
  @ApiProperty({ description: 'Why the information is shared' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  purpose: string;
}

export class NeedDto implements NeedRequest {
  @ApiProperty({ enum: NEED_KINDS }) @IsIn(NEED_KINDS) kind: NeedKind;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) careContact?: string;
}

export class NeedResponseDto extends NeedDto implements NeedResponse {
  @ApiProperty() override note: string;
  @ApiProperty() override careContact: string;
  @ApiProperty() id: string;
  @ApiProperty() participantId: string;
  @ApiProperty() recordedAt: string;
}

export class TalkDto implements TalkRequest {
  @ApiProperty() @IsIsoDate() date: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(10000) notes: string;
}

export class TalkResponseDto extends TalkDto implements TalkResponse {
  @ApiProperty() id: string;
  @ApiProperty() participantId: string;
  @ApiProperty() recordedBy: string;
}

export class AssessmentDto implements AssessmentRequest {
  @ApiProperty({ enum: ASSESSMENT_STAGES }) @IsIn(ASSESSMENT_STAGES) stage: AssessmentStage;
  @ApiProperty() @IsIsoDate() date: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer', minimum: 1, maximum: 5 },
    example: Object.fromEntries(ASSESSMENT_DIMENSIONS.map((d) => [d, 3])),
  })
  @IsObject()
  ratings: Record<AssessmentDimension, number>;
}

export class AssessmentResponseDto extends AssessmentDto implements AssessmentResponse {
  @ApiProperty() id: string;
  @ApiProperty() participantId: string;
}

export class AssessmentSummaryDto implements GroupAssessmentSummary {
  @ApiProperty() groupId: string;
  @ApiProperty({ nullable: true, type: Number, description: 'null when fewer than k (suppressed)' })
  participants: number | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number', nullable: true } })
  meanChange: Record<AssessmentDimension, number | null>;
}

export class OutcomeDto implements OutcomeRequest {
  @ApiProperty({ enum: OUTCOME_CATEGORIES }) @IsIn(OUTCOME_CATEGORIES) category: OutcomeCategory;
  @ApiPropertyOptional({
    enum: OUTCOME_DETAIL_CODES,
    enumName: 'OutcomeDetailCode',
    nullable: true,
    example: 'introduction_job',
    description:
      'The coded sub-category; it must be one of the category’s codes (DETAIL_CODES_OF_CATEGORY in @stegvis/contracts), else 400 detail_code_not_in_category. Null or absent: uncoded.',
  })
  @IsOptional()
  @IsIn(OUTCOME_DETAIL_CODES)
  detailCode?: OutcomeDetailCode | null;
  @ApiPropertyOptional({
    example: 'timanställning, bageri',
    description: 'Free text: the occupation, the course',
  })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  detail?: string;
  @ApiProperty() @IsIsoDate() date: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) employmentBefore?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) employmentAfter?: string;
  @ApiPropertyOptional({ enum: SUPPORT_KINDS, nullable: true })
  @IsOptional()
  @IsIn(SUPPORT_KINDS)
  supportBefore?: SupportKind | null;
  @ApiPropertyOptional({ enum: SUPPORT_KINDS, nullable: true })
  @IsOptional()
  @IsIn(SUPPORT_KINDS)
  supportAfter?: SupportKind | null;
}

export class FollowUpDto implements FollowUpRequest {
  @ApiProperty({ enum: FOLLOW_UP_MONTHS }) @IsIn(FOLLOW_UP_MONTHS) months: FollowUpMonths;
  @ApiProperty({
    example: '2031-02-10',
    description:
      'It falls due `months` after the outcome date (followUpDueDate in @stegvis/contracts); a date before its window opens, one month earlier, is 400 follow_up_before_window.',
  })
  @IsIsoDate()
  date: string;
  @ApiProperty({ enum: OUTCOME_CATEGORIES }) @IsIn(OUTCOME_CATEGORIES) category: OutcomeCategory;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) detail?: string;
}

export class FollowUpResponseDto extends FollowUpDto implements FollowUpResponse {
  @ApiProperty() override detail: string;
  @ApiProperty() id: string;
}

export class OutcomeResponseDto extends OutcomeDto implements OutcomeResponse {
  @ApiProperty({ enum: OUTCOME_DETAIL_CODES, enumName: 'OutcomeDetailCode', nullable: true })
  override detailCode: OutcomeDetailCode | null;
  @ApiProperty() override detail: string;
  @ApiProperty() override employmentBefore: string;
  @ApiProperty() override employmentAfter: string;
  @ApiProperty({ enum: SUPPORT_KINDS, nullable: true }) override supportBefore: SupportKind | null;
  @ApiProperty({ enum: SUPPORT_KINDS, nullable: true }) override supportAfter: SupportKind | null;
  @ApiProperty() enrolmentId: string;
  @ApiProperty() participantId: string;
  @ApiProperty({ type: [FollowUpResponseDto] }) followUps: FollowUpResponseDto[];
}

export class AuditTrailEntryDto implements AuditTrailEntry {
  @ApiProperty() at: string;
  @ApiProperty() actor: string;
  @ApiProperty({ nullable: true, type: String }) actorRole: string | null;
  @ApiProperty() action: string;
  @ApiProperty() entityType: string;
  @ApiProperty() outcome: string;
}
