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
import { User } from './user.entity';

/**
 * A one-time recovery code, for signing in when the authenticator app is lost. Shown once when two-factor login is
 * switched on; only its SHA-256 is kept (the codes carry 80 random bits, so a slow hash adds nothing).
 */
@Entity('user_recovery_code')
export class RecoveryCode {
  @PrimaryColumn({ type: 'char', length: 64 })
  codeHash: string;

  @Index('ix_user_recovery_code_user_id')
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
