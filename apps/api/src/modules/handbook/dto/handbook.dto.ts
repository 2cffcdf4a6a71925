import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  HANDBOOK_MODULES,
  type HandbookEntryRequest,
  type HandbookModule,
  type HandbookLink,
  type HandbookEntryUpdate,
  type HandbookFileResponse,
  type HandbookWarning,
  type HandbookEntryResponse,
  type HandbookVersionResponse,
  type HandbookSearchHit,
  type SessionMaterialResponse,
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
  IsUrl,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

export class HandbookLinkDto implements HandbookLink {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) title: string;
  @ApiProperty({ example: 'https://www.arbetsformedlingen.se/' })
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true },
    { message: 'url must be an http(s) address' },
  )
  @MaxLength(2000)
  url: string;
}

export class HandbookEntryDto implements HandbookEntryRequest {
  @ApiProperty({ example: 'CV-träning: skriv ditt första CV' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;
  @ApiProperty({ description: 'Markdown; rendered without scripts' })
  @IsString()
  @MaxLength(100_000)
  body: string;
  @ApiProperty({ enum: HANDBOOK_MODULES }) @IsIn(HANDBOOK_MODULES) module: HandbookModule;
  @ApiProperty({ nullable: true, type: Number, minimum: 1, maximum: 52 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(52)
  week: number | null;
  @ApiProperty({ example: 'CV-träning' }) @IsString() @MaxLength(200) theme: string;
  @ApiProperty({ nullable: true, format: 'uuid', type: String }) @IsOptional() @IsUUID() templateId:
    string | null;
  @ApiProperty({ example: 'Lättläst svenska' }) @IsString() @MaxLength(200) alternative: string;
  @ApiProperty({ example: 'När gruppen mest har SFI A–B' }) @IsString() @MaxLength(2000) whenToUse: string;
  @ApiProperty({ type: [HandbookLinkDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => HandbookLinkDto)
  links: HandbookLinkDto[];
}

export class UpdateHandbookEntryDto extends HandbookEntryDto implements HandbookEntryUpdate {
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class HandbookFileResponseDto implements HandbookFileResponse {
  @ApiProperty() id: string;
  @ApiProperty() fileName: string;
  @ApiProperty() contentType: string;
  @ApiProperty() size: number;
  @ApiProperty() uploadedAt: string;
}

class PersonalNumberParams {
  @ApiProperty({ example: '850709' }) excerpt: string;
}

export class HandbookWarningDto implements HandbookWarning {
  @ApiProperty() field: string;
  @ApiProperty() message: string;
  @ApiProperty({ enum: ['personal_number_in_text'] }) code: 'personal_number_in_text';
  @ApiProperty() params: PersonalNumberParams;
}

export class HandbookEntryResponseDto extends HandbookEntryDto implements HandbookEntryResponse {
  @ApiProperty() id: string;
  @ApiProperty() bodyHtml: string;
  @ApiProperty() version: number;
  @ApiProperty({ type: [HandbookFileResponseDto] }) files: HandbookFileResponseDto[];
  @ApiProperty() updatedAt: string;
  @ApiProperty() updatedBy: string;
  @ApiProperty({ nullable: true, type: String }) reviewedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) reviewedBy: string | null;
  @ApiProperty() stale: boolean;
  @ApiProperty({ type: [HandbookWarningDto] }) warnings: HandbookWarningDto[];
}

export class HandbookVersionResponseDto implements HandbookVersionResponse {
  @ApiProperty() version: number;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty() alternative: string;
  @ApiProperty() whenToUse: string;
  @ApiProperty({ type: [HandbookLinkDto] }) links: HandbookLinkDto[];
  @ApiProperty() changedAt: string;
  @ApiProperty() changedBy: string;
}

export class HandbookSearchHitDto implements HandbookSearchHit {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: HANDBOOK_MODULES }) module: HandbookModule;
  @ApiProperty({ nullable: true, type: Number }) week: number | null;
  @ApiProperty() theme: string;
  @ApiProperty() alternative: string;
  @ApiProperty({ description: 'Text around the hits; hits between « and »' }) excerpt: string;
}

export class SessionMaterialResponseDto implements SessionMaterialResponse {
  @ApiProperty() sessionId: string;
  @ApiProperty() theme: string;
  @ApiProperty({ type: [HandbookEntryResponseDto] }) entries: HandbookEntryResponseDto[];
  @ApiProperty({ nullable: true, type: String }) chosenEntryId: string | null;
}

export class HandbookQuery {
  @ApiPropertyOptional({ enum: HANDBOOK_MODULES })
  @IsOptional()
  @IsIn(HANDBOOK_MODULES)
  module?: HandbookModule;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(52) week?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) theme?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() templateId?: string;
}

export class HandbookSearchQuery {
  @ApiProperty({ description: 'Words, in Swedish; "quoted phrases" and -excluded words work' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  q: string;
}

export class HandbookExportQuery {
  @ApiPropertyOptional({
    enum: HANDBOOK_MODULES,
    description: 'One module only; the whole handbook without it',
  })
  @IsOptional()
  @IsIn(HANDBOOK_MODULES)
  module?: HandbookModule;
}

export class ChooseMaterialDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() entryId: string;
}

export class HandbookEditorDto {
  @ApiProperty() @IsBoolean() editor: boolean;
}

export class HandbookEditorRowDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty() email: string;
  @ApiProperty({ description: 'Has the editor right' }) editor: boolean;
}

export class HandbookMeResponseDto {
  @ApiProperty() editor: boolean;
  @ApiProperty({ description: 'Largest file accepted, bytes' }) maxFileBytes: number;
  @ApiProperty() reviewMonths: number;
}

export class HandbookPreviewDto {
  @ApiProperty({ description: 'Markdown' }) @IsString() @MaxLength(100_000) body: string;
}

export class HandbookPreviewResponseDto {
  @ApiProperty() html: string;
  @ApiProperty({ type: [HandbookWarningDto] }) warnings: HandbookWarningDto[];
}
