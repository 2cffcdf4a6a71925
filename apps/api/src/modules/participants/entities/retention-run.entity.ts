import type { AuditOutcome } from '@stegvis/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One run of the retention job, so the admin can see when it last ran and with what result (docs/security.md,
 * "Retention"). The audit log names each person pseudonymised; a run that found nobody leaves only this row.
 */
@Entity('retention_run')
@Index('ix_retention_run_at', ['at'])
export class RetentionRun {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  /** success, or failure when the job stopped on an error and its transaction was rolled back. */
  @Column({ type: 'text' })
  outcome: AuditOutcome;

  @Column({ type: 'int', default: 0 })
  pseudonymised: number;

  /** Enrolments ended before this day were past retention. */
  @Column({ type: 'date' })
  cutoff: string;

  @Column({ type: 'text', default: '' })
  error: string;
}
