import type { Texts } from './texts';

/** Texts of survey rounds on the staff side, slips and the handbook. */
export const SURVEY_ROUNDS_TEXTS = {} as const satisfies Texts;
