import type { ReferralStatus } from '@stegvis/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Referral } from './referral.entity';

/** Every status change of a referral: who, when, why, and in which meeting. */
@Entity('referral_event')
@Index('ix_referral_event_referral_id', ['referralId', 'at'])
export class ReferralEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  referralId: string;

  @ManyToOne(() => Referral, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'referral_id' })
  referral?: Relation<Referral>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  @Column({ type: 'uuid' })
  byUserId: string;

  @Column({ type: 'text', nullable: true })
  fromStatus: ReferralStatus | null;

  @Column({ type: 'text' })
  toStatus: ReferralStatus;

  @Column({ type: 'text', default: '' })
  reason: string;

  @Column({ type: 'uuid', nullable: true })
  meetingId: string | null;
}
