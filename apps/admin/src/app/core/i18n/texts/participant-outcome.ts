import type { Texts } from './texts';

/** Texts of outcomes and follow-ups. */
export const PARTICIPANT_OUTCOME_TEXTS = {} as const satisfies Texts;
