import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { SurveyRound } from './survey-round.entity';

/**
 * One single-use code per enrolled participant. It knows who has answered (for reminders), never what: the
 * answer is stored apart, with no link back. Only the SHA-256 of the code is kept; the day it was used, not the time.
 */
@Entity('survey_code')
@Index('ix_survey_code_round_enrolment', ['roundId', 'enrolmentId'], { unique: true })
export class SurveyCode {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  roundId: string;

  @ManyToOne(() => SurveyRound, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: Relation<SurveyRound>;

  @Column({ type: 'uuid' })
  enrolmentId: string;

  @Index('ix_survey_code_hash', { unique: true })
  @Column({ type: 'char', length: 64 })
  codeHash: string;

  /** A short code for paper slips and kiosk entry (8 characters); its hash is what is stored. */
  @Index('ix_survey_code_short_hash', { unique: true })
  @Column({ type: 'char', length: 64 })
  shortHash: string;

  @Column({ type: 'date', nullable: true })
  usedOn: string | null;
}
