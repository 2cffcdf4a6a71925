/**
 * What this tab remembers of one person's visit, in sessionStorage: the answers not sent yet (so a reload in the
 * middle of the questionnaire loses nothing) and, on a kiosk tablet, when the person last touched the screen (so a
 * reload by the next person, after the idle time, does not land on the last person's code). Nothing outlives the
 * tab, and everything goes when the answer is stored, when a new code is given, on a kiosk reset and on "not me".
 */
export interface Draft {
  /** The language the person chose. */
  lang: string;
  /** SurveyJS's answers so far. */
  data: Record<string, unknown>;
  /** The page they were on (0-based, among the pages shown). */
  page: number;
}

const DRAFT = 'stegvis-survey-draft';
const SEEN = 'stegvis-survey-seen';

/** Storage can be off (a private window in an old Safari, a full quota): then the tab simply remembers nothing. */
function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function read(key: string): string | null {
  try {
    return storage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    storage()?.setItem(key, value);
  } catch {
    // Nothing kept: the answers still go out from memory.
  }
}

export function loadDraft(): Draft | null {
  try {
    const d = JSON.parse(read(DRAFT) ?? 'null') as Draft | null;
    if (!d || typeof d.lang !== 'string' || typeof d.data !== 'object' || d.data === null) return null;
    return { lang: d.lang, data: d.data, page: Number.isInteger(d.page) ? d.page : 0 };
  } catch {
    return null;
  }
}

export function saveDraft(d: Draft): void {
  write(DRAFT, JSON.stringify(d));
}

/** Forgets the answers and the last touch: the visit is over. */
export function forgetVisit(): void {
  try {
    storage()?.removeItem(DRAFT);
    storage()?.removeItem(SEEN);
  } catch {
    // Nothing to forget.
  }
}

/** The person touched the screen now (kiosk). */
export function touchVisit(now = Date.now()): void {
  write(SEEN, String(now));
}

/** Whether a kiosk visit in this tab is still going: someone touched the screen less than `idleMs` ago. */
export function visitAlive(idleMs: number, now = Date.now()): boolean {
  const seen = Number(read(SEEN));
  return seen > 0 && now - seen < idleMs;
}

/** The kiosk's idle time: `?idle=<seconds>` (5 s to 30 min, for tests and for staff), else three minutes. */
export function idleTime(param: string | null): number {
  const seconds = Number(param);
  if (!param || !Number.isFinite(seconds)) return 180_000;
  return Math.min(1800, Math.max(5, seconds)) * 1000;
}

/** The warning comes this long before the reset: half a minute, or half the idle time when it is short. */
export const warningTime = (idleMs: number): number => Math.min(30_000, idleMs / 2);
