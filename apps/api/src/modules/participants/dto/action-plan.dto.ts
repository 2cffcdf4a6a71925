import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  ActionPlanStepRequest,
  ActionPlanStepResponse,
  UpdateActionPlanStepRequest,
} from '@stegvis/contracts';
import { IsBoolean, IsInt, IsOptional, IsString, MaxLength, Min, MinLength } from 'class-validator';
import { IsIsoDate } from '../../../common/validation/is-iso-date';

export class ActionPlanStepDto implements ActionPlanStepRequest {
  @ApiProperty({ description: 'What is to be done', minLength: 1, maxLength: 500 })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  text: string;

  @ApiProperty({ description: 'Who carries it out, e.g. "Deltagaren", "SYV"', minLength: 1, maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  owner: string;

  @ApiProperty({ description: 'By when, YYYY-MM-DD', format: 'date' })
  @IsIsoDate()
  dueDate: string;
}

export class UpdateActionPlanStepDto implements UpdateActionPlanStepRequest {
  @ApiProperty({ description: 'The version you read; a stale one is a 409' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ minLength: 1, maxLength: 500 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  text?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  owner?: string;

  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @IsIsoDate() dueDate?: string;

  @ApiPropertyOptional({ description: 'Marks the step done (true) or not done again (false)' })
  @IsOptional()
  @IsBoolean()
  done?: boolean;
}

export class ActionPlanStepResponseDto extends ActionPlanStepDto implements ActionPlanStepResponse {
  @ApiProperty() id: string;
  @ApiProperty() enrolmentId: string;
  @ApiProperty() participantId: string;
  @ApiProperty() done: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) doneAt: string | null;
  @ApiProperty() version: number;
}
