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
import { Enrolment } from './enrolment.entity';

/** One step of an enrolment's action plan (handlingsplan): what, who carries it out, by when, and whether done. */
@Entity('action_plan_step')
@Index('ix_action_plan_step_enrolment_id', ['enrolmentId'])
export class ActionPlanStep {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  enrolmentId: string;

  @ManyToOne(() => Enrolment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'enrolment_id' })
  enrolment?: Relation<Enrolment>;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'text' })
  owner: string;

  @Column({ type: 'date' })
  dueDate: string;

  @Column({ type: 'timestamptz', nullable: true })
  doneAt: Date | null;

  @Column({ type: 'uuid' })
  recordedBy: string;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
