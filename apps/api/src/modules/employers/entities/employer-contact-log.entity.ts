import type { ContactOutcome, NoReason } from '@stegvis/contracts';
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
import { Employer } from './employer.entity';

@Entity('employer_contact_log')
@Index('ix_employer_contact_log_employer_id', ['employerId'])
export class EmployerContactLog {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  employerId: string;

  @ManyToOne(() => Employer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employer_id' })
  employer?: Relation<Employer>;

  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'text' })
  outcome: ContactOutcome;

  @Column({ type: 'text', nullable: true })
  reason: NoReason | null;

  @Column({ type: 'text', default: '' })
  note: string;

  @Column({ type: 'uuid' })
  recordedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
