import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Failed logins per account and client address, kept in the database so that throttling holds across restarts and
 * replicas. One row per pair: a stranger's failures lock only the stranger's pair, never the owner's own address.
 */
@Entity('login_throttle')
@Index('ix_login_throttle_ip_updated_at', ['ip', 'updatedAt'])
export class LoginThrottle {
  /** The e-mail as typed (lower-cased), whether or not such an account exists. */
  @PrimaryColumn({ type: 'text' })
  email: string;

  @PrimaryColumn({ type: 'text' })
  ip: string;

  /** Attempts counted as failures since the pair was last quiet; an attempt counts until it proves right. */
  @Column({ type: 'integer' })
  failures: number;

  /** No attempt for the pair is checked before this time; each lock is twice the one before. */
  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
