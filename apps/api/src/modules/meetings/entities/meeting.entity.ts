import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  VersionColumn,
} from 'typeorm';
import { Programme } from '../../programmes/entities/programme.entity';

/** An analysis-group meeting: who was invited and came, the agenda, decisions, action items and minutes. */
@Entity('meeting')
@Index('ix_meeting_programme_date', ['programmeId', 'date'])
export class Meeting {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => Programme, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programme_id' })
  programme?: Relation<Programme>;

  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'text', default: 'planned' })
  status: 'planned' | 'held';

  @Column({ type: 'text', default: '' })
  caseNotes: string;

  @Column({ type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @VersionColumn()
  version: number;
}
