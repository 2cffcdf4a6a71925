import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type FieldError,
  IMPORT_ROW_FATES,
  type ImportCounts,
  type ImportDryRunResponse,
  type ImportDryRunRow,
  type ImportRowFate,
} from '@stegvis/contracts';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { FieldErrorSchema } from '../../../common/openapi/api-problems';

export class ImportDto {
  @ApiProperty({ description: 'The CSV file’s text (docs/import.md)' })
  @IsString()
  @MinLength(1)
  @MaxLength(900_000)
  content: string;
}

/** The confirming upload may name the dry run it confirms, so a file changed in between is refused. */
export class ImportConfirmQuery {
  @ApiPropertyOptional({
    description:
      'The fileHash of the dry run this upload confirms; when given, a file that differs from the checked one is refused (409 file_changed_since_dry_run)',
    pattern: '^[0-9a-f]{64}$',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9a-f]{64}$/)
  checkedHash?: string;
}

export class ImportCountsDto implements ImportCounts {
  @ApiProperty() groups: number;
  @ApiProperty() enrolments: number;
  @ApiProperty() outcomes: number;
  @ApiProperty() internships: number;
}

export class ImportDryRunRowDto implements ImportDryRunRow {
  @ApiProperty({ description: 'The row as the file numbers it (the header is row 1)' }) row: number;
  @ApiProperty({ description: 'The grupp cell as typed' }) group: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty({ description: 'The inskrivning_start cell as typed' }) enrolmentStart: string;
  @ApiProperty({ enum: IMPORT_ROW_FATES, enumName: 'ImportRowFate' }) fate: ImportRowFate;
}

export class ImportDryRunResponseDto implements ImportDryRunResponse {
  @ApiProperty({ description: 'SHA-256 (hex) of the file as sent; pass it as checkedHash to confirm' })
  fileHash: string;
  @ApiProperty({ type: [ImportDryRunRowDto] }) rows: ImportDryRunRowDto[];
  @ApiProperty({
    type: [FieldErrorSchema],
    description: 'Every error, in Swedish, naming the sheet, row and column',
  })
  errors: FieldError[];
  @ApiProperty({
    type: ImportCountsDto,
    description: 'What confirming would write; zeros while there are errors',
  })
  counts: ImportCountsDto;
}
