import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Meeting } from './meeting.entity';

/** An invited member; `present` is null until attendance is recorded. */
@Entity('meeting_member')
export class MeetingMember {
  @PrimaryColumn({ type: 'uuid' })
  meetingId: string;

  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Relation<Meeting>;

  @Column({ type: 'uuid', nullable: true })
  organisationId: string | null;

  @Column({ type: 'boolean', nullable: true })
  present: boolean | null;
}
