import { ApiProperty } from '@nestjs/swagger';
import { AUDIT_OUTCOMES, type AuditOutcome, type RetentionStatus } from '@stegvis/contracts';

export class RetentionRunDto {
  @ApiProperty({ description: 'UTC' }) at: string;
  @ApiProperty({ enum: AUDIT_OUTCOMES, enumName: 'AuditOutcome' }) outcome: AuditOutcome;
  @ApiProperty() pseudonymised: number;
  @ApiProperty({ description: 'Enrolments ended before this day (YYYY-MM-DD) were past retention' })
  cutoff: string;
}

export class RetentionNextDueDto {
  @ApiProperty({ description: 'YYYY-MM-DD, Swedish time' }) date: string;
  @ApiProperty() count: number;
}

export class RetentionStatusDto implements RetentionStatus {
  @ApiProperty({ description: 'RETENTION_YEARS' }) years: number;
  @ApiProperty({ description: 'Whether the daily job runs here (RETENTION_SCHEDULE)' }) scheduled: boolean;
  @ApiProperty({ type: RetentionRunDto, nullable: true }) lastRun: RetentionRunDto | null;
  @ApiProperty({ type: String, nullable: true, description: 'UTC; null when not scheduled' })
  nextRunAt: string | null;
  @ApiProperty({ description: 'Participants past retention now: the next run pseudonymises them' })
  dueNow: number;
  @ApiProperty({ type: RetentionNextDueDto, nullable: true }) nextDue: RetentionNextDueDto | null;
}
