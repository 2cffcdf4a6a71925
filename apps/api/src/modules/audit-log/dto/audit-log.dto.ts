import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { AUDIT_ACTIONS, type AuditAction, type AuditLogEntry, type AuditLogPage } from '@stegvis/contracts';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PageQuery } from '../../../common/pagination/keyset';
import { IsIsoDate } from '../../../common/validation/is-iso-date';

/** The filters of the audit log and its export; the dates are Swedish calendar days, both inclusive. */
export class AuditLogFilterQuery {
  @ApiPropertyOptional({
    description:
      'A participant by name or pseudonym (a protected identity by her pseudonym only), part of it is enough',
  })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  person?: string;

  @ApiPropertyOptional({ description: 'One participant by id' })
  @IsOptional()
  @IsUUID()
  subjectId?: string;

  @ApiPropertyOptional({ description: 'The user who acted' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ enum: AUDIT_ACTIONS, enumName: 'AuditAction' })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS)
  action?: AuditAction;

  @ApiPropertyOptional({ description: 'First day, YYYY-MM-DD in Swedish time' })
  @IsOptional()
  @IsIsoDate()
  from?: string;

  @ApiPropertyOptional({ description: 'Last day, YYYY-MM-DD in Swedish time (inclusive)' })
  @IsOptional()
  @IsIsoDate()
  to?: string;
}

export class AuditLogQuery extends IntersectionType(AuditLogFilterQuery, PageQuery) {}

export class AuditLogEntryDto implements AuditLogEntry {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'UTC' }) at: string;
  @ApiProperty({ type: String, nullable: true }) actorId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'null: the system’s own job' })
  actorName: string | null;
  @ApiProperty({ type: String, nullable: true }) actorRole: string | null;
  @ApiProperty({ description: 'An AUDIT_ACTIONS value (labels in packages/contracts)' }) action: string;
  @ApiProperty() entityType: string;
  @ApiProperty({ type: String, nullable: true }) entityId: string | null;
  @ApiProperty({ type: String, nullable: true }) subjectId: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The participant’s name, or her pseudonym when her identity is protected',
  })
  subjectName: string | null;
  @ApiProperty() outcome: string;
}

export class AuditLogPageDto implements AuditLogPage {
  @ApiProperty({ type: [AuditLogEntryDto] }) items: AuditLogEntryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
