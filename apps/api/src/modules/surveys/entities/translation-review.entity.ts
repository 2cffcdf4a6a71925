import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A native speaker's check of one language of one questionnaire version. Only machine drafts get a row: the
 * baseline is `REVIEW_STATUS` of packages/questionnaires, where original and already reviewed texts need none.
 */
@Entity('translation_review')
export class TranslationReview {
  @PrimaryColumn({ type: 'text' })
  questionnaireId: string;

  @PrimaryColumn({ type: 'int' })
  questionnaireVersion: number;

  @PrimaryColumn({ type: 'text' })
  language: string;

  /** A user (the users module's table); no foreign key, as free_text_review: accounts are deactivated, not deleted. */
  @Column({ type: 'uuid' })
  reviewedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  reviewedAt: Date;
}
