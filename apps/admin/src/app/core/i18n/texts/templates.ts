import type { Texts } from './texts';

/** Texts of method templates. */
export const TEMPLATES_TEXTS = {} as const satisfies Texts;
