import type { InternshipResult } from '@stegvis/contracts';
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
import { Enrolment } from '../../participants/entities/enrolment.entity';
import { Employer } from './employer.entity';

/** A participant's work placement at an employer, in period 1, 2, … of their group. */
@Entity('internship')
@Index('ix_internship_enrolment_id', ['enrolmentId'])
@Index('ix_internship_employer_id', ['employerId'])
export class Internship {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  enrolmentId: string;

  // Only for the foreign key: the participants module owns enrolments.
  @ManyToOne(() => Enrolment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'enrolment_id' })
  enrolment?: Relation<Enrolment>;

  @Column({ type: 'uuid' })
  employerId: string;

  @ManyToOne(() => Employer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'employer_id' })
  employer?: Relation<Employer>;

  @Column({ type: 'int' })
  periodNumber: number;

  @Column({ type: 'date' })
  startDate: string;

  @Column({ type: 'date' })
  endDate: string;

  @Column({ type: 'text', default: '' })
  workplace: string;

  @Column({ type: 'text', default: '' })
  supervisor: string;

  @Column({ type: 'boolean' })
  wishedSector: boolean;

  @Column({ type: 'text', default: 'ongoing' })
  result: InternshipResult;

  @VersionColumn()
  version: number;
}
