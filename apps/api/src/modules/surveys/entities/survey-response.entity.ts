import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { SurveyRound } from './survey-round.entity';

/**
 * An anonymous answer: the round and the answers only. No participant, no code, no time (as LimeSurvey's
 * anonymised mode); a test checks the table's columns.
 */
@Entity('survey_response')
@Index('ix_survey_response_round_id', ['roundId'])
export class SurveyResponse {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  roundId: string;

  @ManyToOne(() => SurveyRound, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: Relation<SurveyRound>;

  @Column({ type: 'text' })
  language: string;

  /** 'link', 'kiosk' or 'paper' (typed in by staff). */
  @Column({ type: 'text' })
  channel: string;

  @Column({ type: 'jsonb' })
  answers: Record<string, unknown>;
}
