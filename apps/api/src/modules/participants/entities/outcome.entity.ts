import type { OutcomeCategory, OutcomeDetailCode, SupportKind } from '@stegvis/contracts';
import {
  Column,
  Entity,
  JoinColumn,
  OneToOne,
  PrimaryColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import { Enrolment } from './enrolment.entity';

/** Where a participant went at the end of an enrolment, with status before and after for follow-up reports. */
@Entity('outcome')
export class Outcome {
  @PrimaryColumn({ type: 'uuid' })
  enrolmentId: string;

  @OneToOne(() => Enrolment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'enrolment_id' })
  enrolment?: Relation<Enrolment>;

  @Column({ type: 'text' })
  category: OutcomeCategory;

  /** The coded sub-category (DETAIL_CODES_OF_CATEGORY); null while only the free text says it ("okodad"). */
  @Column({ type: 'text', nullable: true })
  detailCode: OutcomeDetailCode | null;

  /** Free text: the occupation, the course. */
  @Column({ type: 'text', default: '' })
  detail: string;

  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'text', default: '' })
  employmentBefore: string;

  @Column({ type: 'text', default: '' })
  employmentAfter: string;

  @Column({ type: 'text', nullable: true })
  supportBefore: SupportKind | null;

  @Column({ type: 'text', nullable: true })
  supportAfter: SupportKind | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
