import type { AbsenceReason, AttendanceStatus } from '@stegvis/contracts';
import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import { Enrolment } from '../../participants/entities/enrolment.entity';
import { GroupSession } from './session.entity';

/** Presence of one enrolled participant at one session. */
@Entity('attendance')
@Index('ix_attendance_enrolment_id', ['enrolmentId'])
export class Attendance {
  @PrimaryColumn({ type: 'uuid' })
  sessionId: string;

  @PrimaryColumn({ type: 'uuid' })
  enrolmentId: string;

  @ManyToOne(() => GroupSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: Relation<GroupSession>;

  // Only for the foreign key: the participants module owns enrolments.
  @ManyToOne(() => Enrolment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'enrolment_id' })
  enrolment?: Relation<Enrolment>;

  @Column({ type: 'text' })
  status: AttendanceStatus;

  @Column({ type: 'text', nullable: true })
  reason: AbsenceReason | null;

  @Column({ type: 'uuid', nullable: true })
  recordedBy: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  /** Bumped on every save: a save based on an older read answers 409 (two workers on one week). */
  @Column({ type: 'integer', default: 1 })
  version: number;
}
