import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Failed code look-ups per address and code prefix, for the guard on guessing (../code-guard.ts); kept in the
 * database, so replicas share it.
 */
@Entity('survey_code_attempt')
@Index('ix_survey_code_attempt_ip_at', ['ip', 'at'])
@Index('ix_survey_code_attempt_prefix_at', ['prefix', 'at'])
export class CodeAttempt {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ type: 'text' })
  ip: string;

  /** The first characters of a typed short code (code-guard.ts); null for a link token. */
  @Column({ type: 'text', nullable: true })
  prefix: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;
}
