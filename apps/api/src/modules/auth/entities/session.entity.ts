import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import { User } from '../../users/entities/user.entity';

/** A login session. The cookie carries the raw id; only its SHA-256 is stored, so a leaked table opens nothing. */
@Entity('session')
export class Session {
  @PrimaryColumn({ type: 'char', length: 64 })
  idHash: string;

  @Index('ix_session_user_id')
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  /** Double-submit CSRF token bound to this session. */
  @Column({ type: 'char', length: 43 })
  csrfToken: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  lastSeenAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  /** Signed in with the password only, by a role that must use two factors: only TOTP setup is allowed. */
  @Column({ type: 'boolean', default: false })
  mfaPending: boolean;

  /** Signed in with a one-time password the admin was shown: only changing it is allowed. */
  @Column({ type: 'boolean', default: false })
  passwordChangePending: boolean;

  /**
   * A new TOTP secret started on this session and not yet confirmed by a code. The account's own secret (and
   * whether two factors are on) changes only at the confirmation, so an abandoned setup weakens nothing.
   */
  @Column({ type: 'text', nullable: true })
  totpPendingSecret: string | null;
}
