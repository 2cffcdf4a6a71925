import type { DeliveryMode, SessionKind, SessionStatus } from '@stegvis/contracts';
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
import { Group } from './group.entity';

/** A lecture, computer day or study visit of a group. Cancelled sessions stay, so the calendar shows why. */
@Entity('group_session')
@Index('ix_group_session_group_date', ['groupId', 'date'])
export class GroupSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  groupId: string;

  @ManyToOne(() => Group, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: Relation<Group>;

  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'time' })
  startTime: string;

  @Column({ type: 'time' })
  endTime: string;

  @Column({ type: 'text' })
  kind: SessionKind;

  @Column({ type: 'text', default: '' })
  theme: string;

  @Column({ type: 'text', default: 'on_site' })
  mode: DeliveryMode;

  @Column({ type: 'uuid', nullable: true })
  presenterStaffId: string | null;

  @Column({ type: 'boolean', default: false })
  presenterAbsent: boolean;

  @Column({ type: 'uuid', nullable: true })
  substituteStaffId: string | null;

  @Column({ type: 'text', default: 'scheduled' })
  status: SessionStatus;

  @Column({ type: 'text', default: '' })
  note: string;

  /** The day it was first planned for, once it has been moved to another; the calendar says so. */
  @Column({ type: 'date', nullable: true })
  movedFrom: string | null;

  @VersionColumn()
  version: number;
}
