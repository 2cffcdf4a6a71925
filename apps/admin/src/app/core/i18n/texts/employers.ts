import type { Texts } from './texts';

/** Texts of employers, contacts, places and internship results. */
export const EMPLOYERS_TEXTS = {} as const satisfies Texts;
