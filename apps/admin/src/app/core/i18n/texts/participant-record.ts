import type { Texts } from './texts';

/** Texts of the participant record: registration, edit, search, consents, audit trail, extract and erasure. */
export const PARTICIPANT_RECORD_TEXTS = {} as const satisfies Texts;
