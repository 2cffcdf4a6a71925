import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { AUDIT_TRAIL_FORMATS, type AuditTrailFormat } from '../audit-trail.service';

/** `?format=`: JSON by default; anything else but csv or pdf is a 400 naming `format`, never a silent JSON. */
export class AuditTrailQuery {
  @ApiPropertyOptional({ enum: AUDIT_TRAIL_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(AUDIT_TRAIL_FORMATS)
  format?: AuditTrailFormat;
}
