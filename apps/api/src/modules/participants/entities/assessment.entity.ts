import type { AssessmentDimension, AssessmentStage } from '@stegvis/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Participant } from './participant.entity';

/** A progress assessment (skattning): each dimension rated 1–5 at start, middle or end. */
@Entity('progress_assessment')
@Index('ix_progress_assessment_participant_stage', ['participantId', 'stage'], { unique: true })
export class Assessment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  participantId: string;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id' })
  participant?: Relation<Participant>;

  @Column({ type: 'text' })
  stage: AssessmentStage;

  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'jsonb' })
  ratings: Record<AssessmentDimension, number>;
}
