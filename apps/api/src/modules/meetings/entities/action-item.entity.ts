import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Meeting } from './meeting.entity';

@Entity('action_item')
@Index('ix_action_item_meeting_id', ['meetingId'])
export class ActionItem {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  meetingId: string;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Relation<Meeting>;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'text' })
  owner: string;

  @Column({ type: 'date' })
  dueDate: string;

  @Column({ type: 'boolean', default: false })
  done: boolean;
}
