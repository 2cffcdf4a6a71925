import type { EnrolmentStatus, LeftReason, MoveReason } from '@stegvis/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Group } from '../../groups/entities/group.entity';
import { Participant } from './participant.entity';

/** A participant's place in a group; moving to another group ends one enrolment and starts another. */
@Entity('enrolment')
@Index('ix_enrolment_group_id', ['groupId'])
@Index('ix_enrolment_participant_id', ['participantId'])
// A participant is active in at most one group of a programme at a time (docs/domain.md); the database holds it,
// so two requests racing cannot both enrol her.
@Index('ix_enrolment_one_active_per_programme', ['participantId', 'programmeId'], {
  unique: true,
  where: "status = 'active'",
})
export class Enrolment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  participantId: string;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id' })
  participant?: Relation<Participant>;

  @Column({ type: 'uuid' })
  groupId: string;

  // Only for the foreign key: the groups module owns the group table.
  @ManyToOne(() => Group, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'group_id' })
  group?: Relation<Group>;

  /**
   * The group's programme, copied by a trigger on insert (and on a change of group) so that the index above can
   * name it; groups never change programme. Never written by the api.
   */
  @Column({ type: 'uuid', insert: false, update: false })
  programmeId: string;

  @Column({ type: 'date' })
  startDate: string;

  @Column({ type: 'date', nullable: true })
  endDate: string | null;

  @Column({ type: 'text', default: 'active' })
  status: EnrolmentStatus;

  @Column({ type: 'text', nullable: true })
  leftReason: LeftReason | null;

  /** Why she moved into this group from another one (a coded reason: no free text about her here). */
  @Column({ type: 'text', nullable: true })
  moveReason: MoveReason | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
