import type { OutcomeCategory } from '@stegvis/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Enrolment } from './enrolment.entity';

/** Where the participant is 3, 6 or 12 months after the programme. */
@Entity('follow_up')
@Index('ix_follow_up_enrolment_months', ['enrolmentId', 'months'], { unique: true })
export class FollowUp {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  enrolmentId: string;

  @ManyToOne(() => Enrolment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'enrolment_id' })
  enrolment?: Relation<Enrolment>;

  @Column({ type: 'int' })
  months: number;

  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'text' })
  category: OutcomeCategory;

  @Column({ type: 'text', default: '' })
  detail: string;
}
