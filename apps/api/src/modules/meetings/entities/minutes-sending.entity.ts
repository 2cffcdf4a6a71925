import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Meeting } from './meeting.entity';

/**
 * One person the minutes were sent to, by one sending: the meeting page shows who got the latest minutes. The
 * e-mail itself is in the outbox; this keeps who and when, not the address.
 */
@Entity('meeting_minutes_sending')
@Index('ix_meeting_minutes_sending_meeting_id', ['meetingId'])
export class MinutesSending {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  meetingId: string;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Relation<Meeting>;

  @Column({ type: 'uuid' })
  userId: string;

  @Column({ type: 'timestamptz' })
  sentAt: Date;

  @Column({ type: 'uuid' })
  sentBy: string;
}
