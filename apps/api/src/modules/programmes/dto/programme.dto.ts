import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  type CreateProgrammeRequest,
  GOAL_KEYS,
  type GoalKey,
  type ProgrammeGoal,
  type ProgrammeGoalRequest,
  type UnmappedGoal,
  type ProgrammeResponse,
  type UpdateProgrammeRequest,
} from '@stegvis/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsIsoDate } from '../../../common/validation/is-iso-date';
import { MunicipalityDto, OrganisationDto } from '../../organisations/dto/directory.dto';

export class ProgrammeGoalDto implements ProgrammeGoalRequest {
  @ApiProperty({ enum: GOAL_KEYS, description: 'One of the goals the reports measure' })
  @IsIn(GOAL_KEYS)
  key: GoalKey;

  // At most 100 is the service's rule (percent_over_100), with its own message.
  @ApiProperty({ example: 80, minimum: 0, maximum: 100, description: 'Whole per cent' })
  @IsInt()
  @Min(0)
  targetValue: number;

  @ApiPropertyOptional({ example: 'Som i ansökan till samordningsförbundet', maxLength: 300 })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  description?: string;
}

export class ProgrammeGoalResponseDto implements ProgrammeGoal {
  @ApiProperty({ enum: GOAL_KEYS }) key: GoalKey;
  @ApiProperty() targetValue: number;
  @ApiProperty() description: string;
}

export class UnmappedGoalDto implements UnmappedGoal {
  @ApiProperty() @IsString() @MaxLength(300) key: string;
  @ApiProperty() @IsString() @MaxLength(300) description: string;
  @ApiProperty() @IsNumber({ allowNaN: false, allowInfinity: false }) targetValue: number;
  @ApiProperty() @IsString() @MaxLength(40) unit: string;
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

  // No `default` in the schema: openapi-typescript would make the field required in the admin's types.
  @ApiPropertyOptional({
    description:
      'Erbjud ogranskade översättningar: whether the survey site offers machine-drafted languages nobody has ' +
      'reviewed; absent on create: true',
  })
  @IsOptional()
  @IsBoolean()
  allowUnreviewedTranslations?: boolean;
}

export class UpdateProgrammeDto extends PartialType(CreateProgrammeDto) implements UpdateProgrammeRequest {
  @ApiPropertyOptional({
    type: [UnmappedGoalDto],
    description: 'The unmapped goals to keep (a sub-list of the stored ones); those left out are dismissed',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => UnmappedGoalDto)
  unmappedGoals?: UnmappedGoalDto[];

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
  @ApiProperty({ type: [ProgrammeGoalResponseDto] }) goals: ProgrammeGoalResponseDto[];
  @ApiProperty({ type: [UnmappedGoalDto] }) unmappedGoals: UnmappedGoalDto[];
  @ApiProperty() allowUnreviewedTranslations: boolean;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class ProgrammePageDto {
  @ApiProperty({ type: [ProgrammeDto] }) items: ProgrammeDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
