import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { SurveyResponse } from './survey-response.entity';

/** Staff review of a free-text answer before any evaluator sees it: approved as is, or redacted. */
@Entity('free_text_review')
export class FreeTextReview {
  @PrimaryColumn({ type: 'uuid' })
  responseId: string;

  @PrimaryColumn({ type: 'text' })
  question: string;

  @ManyToOne(() => SurveyResponse, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'response_id' })
  response?: Relation<SurveyResponse>;

  @Column({ type: 'text' })
  status: 'approved' | 'redacted';

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'uuid' })
  reviewedBy: string;
}
