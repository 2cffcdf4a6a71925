import type { Role } from '@stegvis/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { UserProgramme } from './user-programme.entity';

@Entity('app_user')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-case, so that login and uniqueness ignore case. */
  @Index('ix_app_user_email', { unique: true })
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  displayName: string;

  @Column({ type: 'text' })
  role: Role;

  /** argon2id, PHC string format. */
  @Column({ type: 'text' })
  passwordHash: string;

  /** The partner organisation an analysis-group member works for (their referrals come from it). */
  @Column({ type: 'uuid', nullable: true })
  organisationId: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /**
   * The password is one the admin was shown (a new account, a reset): until the user picks their own, their
   * sessions may only change it.
   */
  @Column({ type: 'boolean', default: false })
  mustChangePassword: boolean;

  /** Base32 TOTP secret; set at setup, trusted once a first code has confirmed it. */
  @Column({ type: 'text', nullable: true })
  totpSecret: string | null;

  @Column({ type: 'boolean', default: false })
  totpEnabled: boolean;

  /** The 30-second step of the last code accepted: a code is good once (RFC 6238, 5.2), even within its window. */
  @Column({ type: 'bigint', nullable: true })
  totpLastStep: string | null;

  @OneToMany(() => UserProgramme, (a) => a.user, { cascade: true })
  programmes: Relation<UserProgramme[]>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
