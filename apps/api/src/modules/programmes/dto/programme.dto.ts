import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  type CreateProgrammeRequest,
  GOAL_UNITS,
  type GoalUnit,
  type ProgrammeGoal,
  type ProgrammeResponse,
  type UpdateProgrammeRequest,
} from '@stegvis/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsIsoDate } from '../../../common/validation/is-iso-date';
import { MunicipalityDto, OrganisationDto } from '../../organisations/dto/directory.dto';

export class ProgrammeGoalDto implements ProgrammeGoal {
  @ApiProperty({ example: 'attendance', description: 'Stable key, lower-case letters, digits and _' })
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{0,39}$/, { message: 'key must be lower-case letters, digits or _ (at most 40)' })
  key: string;

  @ApiProperty({ example: 'Närvaro minst 80 %' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  description: string;

  @ApiProperty({ example: 80, minimum: 0 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  targetValue: number;

  @ApiProperty({ enum: GOAL_UNITS })
  @IsIn(GOAL_UNITS)
  unit: GoalUnit;
}

export class CreateProgrammeDto implements CreateProgrammeRequest {
  @ApiProperty({ example: 'Nästa Steg', maxLength: 200 })
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200)
  name: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'ownerMunicipalityId must be a municipality id' })
  ownerMunicipalityId: string;

  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'municipalityIds must be municipality ids' })
  municipalityIds: string[];

  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'partnerOrganisationIds must be organisation ids' })
  partnerOrganisationIds: string[];

  @ApiProperty({ example: '2019-09-03' })
  @IsIsoDate()
  startDate: string;

  @ApiProperty({ example: '2021-12-31' })
  @IsIsoDate()
  endDate: string;

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  targetGroup?: string;

  @ApiProperty({ type: [ProgrammeGoalDto] })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => ProgrammeGoalDto)
  goals: ProgrammeGoalDto[];
}

export class UpdateProgrammeDto extends PartialType(CreateProgrammeDto) implements UpdateProgrammeRequest {
  @ApiProperty({ description: 'The version you read; a stale version gives 409' })
  @IsInt()
  @Min(1)
  version: number;
}

export class ProgrammeDto implements ProgrammeResponse {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: MunicipalityDto }) ownerMunicipality: MunicipalityDto;
  @ApiProperty({ type: [MunicipalityDto] }) municipalities: MunicipalityDto[];
  @ApiProperty({ type: [OrganisationDto] }) partnerOrganisations: OrganisationDto[];
  @ApiProperty() startDate: string;
  @ApiProperty() endDate: string;
  @ApiProperty() targetGroup: string;
  @ApiProperty({ type: [ProgrammeGoalDto] }) goals: ProgrammeGoalDto[];
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class ProgrammePageDto {
  @ApiProperty({ type: [ProgrammeDto] }) items: ProgrammeDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
