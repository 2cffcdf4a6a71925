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

/** A questionnaire version opened for a group for a time. */
@Entity('survey_round')
@Index('ix_survey_round_group_id', ['groupId'])
export class SurveyRound {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  groupId: string;

  // Only for the foreign key: the groups module owns groups.
  @ManyToOne(() => Group, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'group_id' })
  group?: Relation<Group>;

  @Column({ type: 'uuid' })
  programmeId: string;

  @Column({ type: 'text' })
  questionnaireId: string;

  @Column({ type: 'int' })
  questionnaireVersion: number;

  @Column({ type: 'timestamptz' })
  opensAt: Date;

  @Column({ type: 'timestamptz' })
  closesAt: Date;

  /** Participants enrolled (and not left) when the round opened: the response rate's denominator. */
  @Column({ type: 'int' })
  enrolledAtOpen: number;

  @Column({ type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
