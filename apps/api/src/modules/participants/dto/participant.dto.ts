import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ENROLMENT_STATUSES, type EnrolmentStatus, GENDERS, type Gender, LEFT_REASONS, type LeftReason } from '@stegvis/contracts';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { IsIsoDate } from '../../../common/validation/is-iso-date';

export class CreateParticipantDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) firstName: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) lastName: string;
  @ApiProperty({ enum: GENDERS }) @IsIn(GENDERS) gender: Gender;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1900) @Max(2100) birthYear?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() protectedIdentity?: boolean;
}

export class ParticipantDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'Real name, or a pseudonym for a protected identity you may not see' }) displayName: string;
  @ApiProperty({ enum: GENDERS }) gender: Gender;
  @ApiProperty({ nullable: true, type: Number }) birthYear: number | null;
  @ApiProperty() protectedIdentity: boolean;
  @ApiProperty() version: number;
}

export class EnrolDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() groupId: string;
  @ApiProperty({ example: '2020-08-24' }) @IsIsoDate() startDate: string;
}

export class UpdateEnrolmentDto {
  @ApiProperty({ enum: ENROLMENT_STATUSES }) @IsIn(ENROLMENT_STATUSES) status: EnrolmentStatus;
  @ApiPropertyOptional() @ValidateIf((o: UpdateEnrolmentDto) => o.status !== 'active') @IsIsoDate() endDate?: string;
  @ApiPropertyOptional({ enum: LEFT_REASONS })
  @ValidateIf((o: UpdateEnrolmentDto) => o.status === 'left_early')
  @IsIn(LEFT_REASONS, { message: 'leftReason is required when the participant left early' })
  leftReason?: LeftReason;
}

export class EnrolmentDto {
  @ApiProperty() id: string;
  @ApiProperty() participantId: string;
  @ApiProperty() groupId: string;
  @ApiProperty() startDate: string;
  @ApiProperty({ nullable: true, type: String }) endDate: string | null;
  @ApiProperty({ enum: ENROLMENT_STATUSES }) status: EnrolmentStatus;
  @ApiProperty({ enum: LEFT_REASONS, nullable: true }) leftReason: LeftReason | null;
  @ApiProperty() displayName: string;
}
