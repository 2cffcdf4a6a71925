import { type Gender, type OutcomeCategory, type OutcomeDetailCode, svLabels } from '@stegvis/contracts';
import type { GoalKey, GroupStatus } from './programme-report.js';

// The words users see in exported files. Labels of the contracts' enumerations come from their one table
// (packages/contracts/src/labels.ts), which the admin's screens use too, so a screen and a file say the same thing.

export const OUTCOME_LABELS = svLabels('outcomeCategory');

export const NO_OUTCOME_YET_LABEL = 'Inget resultat ännu';

/** Early leavers without a recorded outcome: their own line, never "no result yet" (docs/evaluators.md). */
export const LEFT_EARLY_WITHOUT_OUTCOME_LABEL = 'Avbrott utan registrerat resultat';

export const OUTCOME_DETAIL_LABELS = svLabels('outcomeDetail');

export const LEFT_REASON_LABELS = svLabels('leftReason');

/** An early leaver whose reason was not recorded. */
export const NO_LEFT_REASON_LABEL = 'Orsak ej angiven';

/** Groups given without a municipality. */
export const NO_MUNICIPALITY_LABEL = 'Kommun ej angiven';

/** "Arbete – varav introduktionsjobb"; a category's outcomes without a code are "okodad" until a worker codes them. */
export function detailRowLabel(category: OutcomeCategory, code: OutcomeDetailCode | null): string {
  const label = code === null ? 'okodad' : lowerFirst(OUTCOME_DETAIL_LABELS[code]);
  return `${OUTCOME_LABELS[category]} – varav ${label}`;
}

/** "introduktionsjobb", but "SFI" and "GRUV" stay as they are. */
function lowerFirst(s: string): string {
  return /^\p{Lu}\p{Ll}/u.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

export function municipalityLabel(m: string | null): string {
  return m ?? NO_MUNICIPALITY_LABEL;
}

/** "3 månader efter avslut". */
export function followUpLabel(months: number): string {
  return `${months} månader efter avslut`;
}

/** "T1 2021". */
export function tertialLabel(t: { year: number; index: number }): string {
  return `T${t.index} ${t.year}`;
}

// Row headings of counts by gender ("Kvinnor", "Män"), the plural the progress reports print; the label of one
// person's gender is LABELS.gender.
export const GENDER_LABELS: Record<Gender, string> = {
  woman: 'Kvinnor',
  man: 'Män',
  other: 'Annat',
};

export const GROUP_STATUS_LABELS: Record<GroupStatus, string> = {
  planned: 'Planerad',
  active: 'Pågående',
  completed: 'Avslutad',
};

export const INDUSTRY_LABELS = svLabels('industry');

export const GOAL_LABELS: Record<GoalKey, string> = svLabels('goalKey');

/** "Grupp 4"; with its municipality ("Grupp 4, Klippan") when the report has groups in more than one. */
export function groupLabel(n: number, municipality?: string | null): string {
  return municipality ? `Grupp ${n}, ${municipality}` : `Grupp ${n}`;
}

/** "Grupp 1–3" for a run, "Grupp 1, 3, 5" otherwise. */
export function groupSetLabel(groups: readonly number[]): string {
  if (groups.length === 0) return 'Inga grupper';
  if (groups.length === 1) return groupLabel(groups[0]);
  const run = groups.every((g, i) => i === 0 || g === groups[i - 1] + 1);
  return run ? `Grupp ${groups[0]}–${groups[groups.length - 1]}` : `Grupp ${groups.join(', ')}`;
}
