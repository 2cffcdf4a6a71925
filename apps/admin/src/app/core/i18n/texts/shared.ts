import type { Texts } from './texts';

/** Texts of the shared list, detail and form patterns, the not-found page and the shell. */
export const SHARED_TEXTS = {} as const satisfies Texts;
