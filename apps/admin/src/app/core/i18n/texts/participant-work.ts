import type { Texts } from './texts';

/** Texts of the work with a participant: mapping, talks, assessments, action plan, certificate. */
export const PARTICIPANT_WORK_TEXTS = {} as const satisfies Texts;
