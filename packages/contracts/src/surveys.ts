/**
 * The survey site's languages (packages/questionnaires' LANGUAGE_CODES, which a spec in the api keeps equal to
 * this list): here so that the admin can name them in Swedish.
 */
export const SURVEY_LANGUAGES = ['sv', 'sv-easy', 'en', 'ar', 'prs', 'so', 'ti'] as const;
export type SurveyLanguage = (typeof SURVEY_LANGUAGES)[number];

/**
 * Who stands behind a questionnaire version's texts in one language: written in that language (`original`),
 * checked by a native speaker (`reviewed`), or a machine draft nobody has checked yet.
 */
export const TRANSLATION_STATUSES = ['original', 'reviewed', 'machine-draft'] as const;
export type TranslationStatus = (typeof TRANSLATION_STATUSES)[number];

export interface TranslationStatusResponse {
  language: SurveyLanguage;
  status: TranslationStatus;
  /** Who marked the machine draft reviewed; null for texts reviewed before the questionnaire was released. */
  reviewedBy: { id: string; displayName: string } | null;
  /** UTC instant; null as `reviewedBy`. */
  reviewedAt: string | null;
}

export interface MarkTranslationReviewedRequest {
  language: string;
}

/** The recorded audio files the survey site plays (apps/api's questionnaire audio); by content, not name. */
export const AUDIO_FILE_TYPES = ['audio/mpeg', 'audio/mp4', 'audio/ogg', 'audio/webm', 'audio/wav'] as const;
export type AudioFileType = (typeof AUDIO_FILE_TYPES)[number];

/** One recordable text of a questionnaire version in one language, and its recording if staff uploaded one. */
export interface QuestionnaireAudioTextResponse {
  /** `intro` or `question:<name>` (packages/questionnaires' audio texts). */
  key: string;
  /** What to read aloud, in the language, one line per piece. */
  text: string;
  recording: {
    id: string;
    contentType: AudioFileType;
    size: number;
    uploadedBy: { id: string; displayName: string };
    /** UTC instant. */
    uploadedAt: string;
  } | null;
}
