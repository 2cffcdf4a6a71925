import type { Gender, Priority, ReferralStatus, SwedishLevel } from '@stegvis/contracts';
import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  VersionColumn,
} from 'typeorm';
import { Programme } from '../../programmes/entities/programme.entity';

/** A proposal that a person joins a programme, from a referring organisation. */
@Entity('referral')
@Index('ix_referral_queue', ['programmeId', 'status', 'priority', 'receivedAt', 'id'])
@Index('ix_referral_organisation', ['programmeId', 'organisationId'])
export class Referral {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => Programme, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programme_id' })
  programme?: Relation<Programme>;

  @Column({ type: 'text' })
  firstName: string;

  @Column({ type: 'text' })
  lastName: string;

  @Column({ type: 'text' })
  gender: Gender;

  @Column({ type: 'text', nullable: true })
  personalNumber: string | null;

  @Column({ type: 'boolean', default: false })
  protectedIdentity: boolean;

  @Column({ type: 'text' })
  pseudonym: string;

  @Column({ type: 'text', nullable: true })
  swedishLevel: SwedishLevel | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  languages: string[];

  @Column({ type: 'text', default: '' })
  phone: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'text' })
  referrerName: string;

  @Column({ type: 'uuid' })
  createdBy: string;

  @Column({ type: 'date', nullable: true })
  wishedStart: string | null;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'boolean', nullable: true })
  foreignBorn: boolean | null;

  @Column({ type: 'int', nullable: true })
  age: number | null;

  @Column({ type: 'boolean', nullable: true })
  registeredAtAf: boolean | null;

  @Column({ type: 'boolean' })
  consentToShare: boolean;

  /** 'high' sorts before 'normal' (the queue orders by it descending). */
  @Column({ type: 'text', default: 'normal' })
  priority: Priority;

  @Column({ type: 'text', default: 'received' })
  status: ReferralStatus;

  @Column({ type: 'text', default: '' })
  declineReason: string;

  @Column({ type: 'uuid', nullable: true })
  groupId: string | null;

  @Column({ type: 'uuid', nullable: true })
  participantId: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  receivedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @VersionColumn()
  version: number;
}
