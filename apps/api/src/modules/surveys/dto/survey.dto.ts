import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, MinLength } from 'class-validator';

export class CreateRoundDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() groupId: string;
  @ApiProperty({ example: 'end-of-group' }) @IsString() @MaxLength(50) questionnaireId: string;
  @ApiPropertyOptional({ description: 'Defaults to the latest version' }) @IsOptional() @IsInt() @Min(1) questionnaireVersion?: number;
  @ApiProperty({ example: '2020-11-16T08:00:00Z' }) @IsString() @Matches(/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/, { message: 'opensAt must be an ISO date-time' }) opensAt: string;
  @ApiProperty({ example: '2020-11-30T20:00:00Z' }) @IsString() @Matches(/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/, { message: 'closesAt must be an ISO date-time' }) closesAt: string;
}

export class SubmitDto {
  @ApiProperty({ example: 'sv' }) @IsString() @MinLength(2) @MaxLength(10) language: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) @IsObject() answers: Record<string, unknown>;
}

export class PaperSubmitDto extends SubmitDto {
  @ApiProperty({ description: 'The short code printed on the participant’s slip' }) @IsString() @MinLength(4) @MaxLength(20) code: string;
}

export class StartDto {
  @ApiProperty({ description: 'The token from the link or QR code, or a short code typed in' }) @IsString() @MinLength(4) @MaxLength(100) token: string;
}

export class ReviewDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() responseId: string;
  @ApiProperty() @IsString() @MaxLength(100) question: string;
  @ApiProperty({ enum: ['approved', 'redacted'] }) @IsIn(['approved', 'redacted']) status: 'approved' | 'redacted';
  @ApiPropertyOptional({ description: 'The redacted text (for status redacted)' }) @IsOptional() @IsString() @MaxLength(2000) text?: string;
}

export class SummaryQuery {
  @ApiPropertyOptional({ description: 'Small-cell threshold k (≥ 3, default 5)' }) @IsOptional() @IsInt() @Min(3) k?: number;
}

export class RoundDto {
  @ApiProperty() id: string;
  @ApiProperty() groupId: string;
  @ApiProperty() questionnaireId: string;
  @ApiProperty() questionnaireVersion: number;
  @ApiProperty() opensAt: string;
  @ApiProperty() closesAt: string;
  @ApiProperty({ type: 'object', properties: { count: { type: 'number' }, of: { type: 'number' }, percent: { type: 'number', nullable: true } } }) responseRate: { count: number; of: number; percent: number | null };
}
