import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CONTACT_OUTCOMES,
  type ContactLogRequest,
  type ContactOutcome,
  EMPLOYER_SECTORS,
  type EmployerRequest,
  type EmployerSector,
  INDUSTRIES,
  type Industry,
  INTERNSHIP_RESULTS,
  type InternshipRequest,
  type InternshipResult,
  NO_REASONS,
  type NoReason,
  type PlacesOfferedRequest,
  type EmployerResponse,
  type ContactLogResponse,
  type InternshipResponse,
  type GroupInternshipSummary,
  type EmployerInternshipResponse,
  type PlacesOfferedResponse,
} from '@stegvis/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
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
  ValidateNested,
} from 'class-validator';
import { IsIsoDate } from '../../../common/validation/is-iso-date';
import { PersonName } from '../../../common/validation/person-name';

export class EmployerContactDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) @PersonName() name: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(254) email?: string;
}

export class EmployerDto implements EmployerRequest {
  @ApiProperty({ example: 'Bageriet i Ängelholm' }) @IsString() @MinLength(1) @MaxLength(200) name: string;
  @ApiProperty({ example: '556703-7485', description: 'Checked by its check digit' })
  @IsString()
  @MaxLength(20)
  organisationNumber: string;
  @ApiProperty({ enum: EMPLOYER_SECTORS }) @IsIn(EMPLOYER_SECTORS) sector: EmployerSector;
  @ApiProperty({ enum: INDUSTRIES }) @IsIn(INDUSTRIES) industry: Industry;
  @ApiProperty({ format: 'uuid' }) @IsUUID() municipalityId: string;
  @ApiPropertyOptional({ type: [EmployerContactDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => EmployerContactDto)
  contacts?: EmployerContactDto[];
}

export class UpdateEmployerDto extends EmployerDto {
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class EmployerResponseDto extends EmployerDto implements EmployerResponse {
  // Optional when sent, always present in the answer.
  @ApiProperty({ type: [EmployerContactDto] }) override contacts: EmployerContactDto[];
  @ApiProperty() id: string;
  @ApiProperty() internshipsHosted: number;
  @ApiProperty() hires: number;
  @ApiProperty() version: number;
}

export class EmployerQuery {
  @ApiPropertyOptional({ description: 'Words in the name or the organisation number' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
  @ApiPropertyOptional({ enum: EMPLOYER_SECTORS })
  @IsOptional()
  @IsIn(EMPLOYER_SECTORS)
  sector?: EmployerSector;
  @ApiPropertyOptional({ enum: INDUSTRIES }) @IsOptional() @IsIn(INDUSTRIES) industry?: Industry;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() municipalityId?: string;
}

export class ContactLogDto implements ContactLogRequest {
  @ApiProperty() @IsIsoDate() date: string;
  @ApiProperty({ enum: CONTACT_OUTCOMES }) @IsIn(CONTACT_OUTCOMES) outcome: ContactOutcome;
  // Required when the answer is no: the service says so with the code `required`, which the admin words at the
  // field; a rule here would answer with the raw list of reasons.
  @ApiPropertyOptional({ enum: NO_REASONS, nullable: true, description: 'Required when the answer is no' })
  @IsOptional()
  @IsIn(NO_REASONS)
  reason?: NoReason | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class ContactLogResponseDto extends ContactLogDto implements ContactLogResponse {
  @ApiProperty() id: string;
  @ApiProperty() employerId: string;
  @ApiProperty() recordedBy: string;
}

export class PlacesOfferedDto implements PlacesOfferedRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() programmeId: string;
  @ApiProperty() @IsIsoDate() periodStart: string;
  @ApiProperty() @IsIsoDate() periodEnd: string;
  @ApiProperty() @IsInt() @Min(1) @Max(100) places: number;
}

export class PlacesOfferedResponseDto extends PlacesOfferedDto implements PlacesOfferedResponse {
  @ApiProperty() id: string;
  @ApiProperty() employerId: string;
}

export class InternshipDto implements InternshipRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() enrolmentId: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() employerId: string;
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) @Max(5) periodNumber: number;
  @ApiProperty() @IsIsoDate() startDate: string;
  @ApiProperty() @IsIsoDate() endDate: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) workplace?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) supervisor?: string;
  @ApiProperty() @IsBoolean() wishedSector: boolean;
  @ApiPropertyOptional({ enum: INTERNSHIP_RESULTS })
  @IsOptional()
  @IsIn(INTERNSHIP_RESULTS)
  result?: InternshipResult;
}

export class UpdateInternshipDto {
  @ApiProperty() @IsInt() @Min(1) version: number;
  @ApiPropertyOptional() @IsOptional() @IsIsoDate() endDate?: string;
  @ApiPropertyOptional({ enum: INTERNSHIP_RESULTS })
  @IsOptional()
  @IsIn(INTERNSHIP_RESULTS)
  result?: InternshipResult;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) supervisor?: string;
}

export class InternshipResponseDto extends InternshipDto implements InternshipResponse {
  // Optional when sent (empty, or 'ongoing'), always present in the answer.
  @ApiProperty() override workplace: string;
  @ApiProperty() override supervisor: string;
  @ApiProperty({ enum: INTERNSHIP_RESULTS }) override result: InternshipResult;
  @ApiProperty() id: string;
  @ApiProperty() groupId: string;
  @ApiProperty() participantId: string;
  @ApiProperty() employerName: string;
  @ApiProperty({ enum: INDUSTRIES }) industry: Industry;
  @ApiProperty() version: number;
}

export class EmployerInternshipResponseDto
  extends InternshipResponseDto
  implements EmployerInternshipResponse
{
  @ApiProperty({ description: "The participant's name, or her pseudonym for those who may not see her" })
  displayName: string;
  @ApiProperty({ example: 'Grupp 3' }) groupName: string;
  @ApiProperty({ format: 'uuid' }) municipalityId: string;
}

export class GroupInternshipSummaryDto implements GroupInternshipSummary {
  @ApiProperty() groupId: string;
  @ApiProperty({
    type: 'object',
    properties: {
      count: { type: 'number' },
      of: { type: 'number' },
      percent: { type: 'number', nullable: true },
    },
  })
  withInternship: { count: number; of: number; percent: number | null };
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) byIndustry: Record<
    string,
    number
  >;
  @ApiProperty() ledToOffer: number;
}
