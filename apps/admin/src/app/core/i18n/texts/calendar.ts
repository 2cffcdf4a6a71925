import type { Texts } from './texts';

/** Texts of a group's calendar, sessions and the attendance grid. */
export const CALENDAR_TEXTS = {} as const satisfies Texts;
