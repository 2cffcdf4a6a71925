import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Failed code look-ups per IP, for the rate limit on guessing (kept in the database: replicas share it). */
@Entity('survey_code_attempt')
@Index('ix_survey_code_attempt_ip_at', ['ip', 'at'])
export class CodeAttempt {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ type: 'text' })
  ip: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;
}
