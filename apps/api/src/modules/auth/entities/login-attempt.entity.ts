import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Failed logins, kept in the database so that throttling holds across restarts and replicas. */
@Entity('login_attempt')
@Index('ix_login_attempt_email_at', ['email', 'at'])
@Index('ix_login_attempt_ip_at', ['ip', 'at'])
export class LoginAttempt {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  ip: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;
}
