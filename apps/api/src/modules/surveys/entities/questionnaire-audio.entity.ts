import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * A recording of one text of a questionnaire version in one language (packages/questionnaires' audio texts),
 * uploaded by staff, played by the survey site where the phone has no voice for the language. The bytes live in the
 * files module's storage under `storageKey`. A new upload for the same text is a new row with a new id, so the
 * survey site may cache a recording by its id for ever.
 */
@Entity('questionnaire_audio')
@Unique('uq_questionnaire_audio_text', ['questionnaireId', 'questionnaireVersion', 'language', 'textKey'])
export class QuestionnaireAudio {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  questionnaireId: string;

  @Column({ type: 'int' })
  questionnaireVersion: number;

  @Column({ type: 'text' })
  language: string;

  /** `intro` or `question:<name>`. */
  @Column({ type: 'text' })
  textKey: string;

  @Column({ type: 'text' })
  storageKey: string;

  @Column({ type: 'text' })
  contentType: string;

  @Column({ type: 'int' })
  size: number;

  @Column({ type: 'text' })
  sha256: string;

  /** A user (the users module's table); no foreign key, as translation_review: accounts are deactivated, not deleted. */
  @Column({ type: 'uuid' })
  uploadedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  uploadedAt: Date;
}
