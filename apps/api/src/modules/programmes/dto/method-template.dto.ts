import { ApiProperty } from '@nestjs/swagger';
import {
  type MethodTemplateRequest,
  type MethodTemplateResponse,
  PHASE_KINDS,
  type UpdateMethodTemplateRequest,
  type PhaseKind,
  type TemplatePhase,
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
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export class TemplatePhaseDto implements TemplatePhase {
  @ApiProperty({ enum: PHASE_KINDS }) @IsIn(PHASE_KINDS) kind: PhaseKind;
  @ApiProperty({ minimum: 1, maximum: 52 }) @IsInt() @Min(1) @Max(52) weeks: number;
  @ApiProperty() @IsBoolean() lectures: boolean;
}

export class MethodTemplateDto implements MethodTemplateRequest {
  @ApiProperty({ example: '13 veckor' }) @IsString() @MinLength(1) @MaxLength(100) name: string;

  @ApiProperty({ type: [TemplatePhaseDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => TemplatePhaseDto)
  phases: TemplatePhaseDto[];

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  themes: string[];

  @ApiProperty({ example: 31 }) @IsInt() @Min(0) @Max(500) lectureCount: number;

  @ApiProperty({ type: [Number], example: [1, 2, 3, 4] })
  @IsArray()
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  lectureWeekdays: number[];

  @ApiProperty({ example: '13:00' })
  @Matches(TIME, { message: 'lectureStart must be HH:MM' })
  lectureStart: string;
  @ApiProperty({ example: '15:30' })
  @Matches(TIME, { message: 'lectureEnd must be HH:MM' })
  lectureEnd: string;

  @ApiProperty({ nullable: true, type: Number, example: 5 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(7)
  computerDayWeekday: number | null;
}

export class UpdateMethodTemplateDto extends MethodTemplateDto implements UpdateMethodTemplateRequest {
  @ApiProperty({ description: 'The version you read; a newer one answers 409 template_superseded' })
  @IsInt()
  @Min(1)
  version: number;
}

export class MethodTemplateResponseDto extends MethodTemplateDto implements MethodTemplateResponse {
  @ApiProperty({ description: "This version's id; a group keeps the id of the version it was started from" })
  id: string;
  @ApiProperty() programmeId: string;
  @ApiProperty({ description: "The first version's id, shared by all versions" }) lineageId: string;
  @ApiProperty({ example: 1 }) version: number;
  @ApiProperty({ nullable: true, type: String, description: 'When a newer version replaced this one' })
  supersededAt: string | null;
  @ApiProperty() totalWeeks: number;
}
