import { type Gender, svLabels } from '@stegvis/contracts';
import type { GoalKey, GroupStatus } from './programme-report.js';

// The words users see in exported files. Labels of the contracts' enumerations come from their one table
// (packages/contracts/src/labels.ts), which the admin's screens use too, so a screen and a file say the same thing.

export const OUTCOME_LABELS = svLabels('outcomeCategory');

export const NO_OUTCOME_YET_LABEL = 'Inget resultat ännu';

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

export const GOAL_LABELS: Record<GoalKey, string> = {
  attendance: 'Närvaro',
  clear_plan: 'Tydlig plan mot arbete eller studier',
  work_or_studies: 'Till arbete eller studier',
};

export function groupLabel(n: number): string {
  return `Grupp ${n}`;
}

/** "Grupp 1–3" for a run, "Grupp 1, 3, 5" otherwise. */
export function groupSetLabel(groups: readonly number[]): string {
  if (groups.length === 0) return 'Inga grupper';
  if (groups.length === 1) return groupLabel(groups[0]);
  const run = groups.every((g, i) => i === 0 || g === groups[i - 1] + 1);
  return run ? `Grupp ${groups[0]}–${groups[groups.length - 1]}` : `Grupp ${groups.join(', ')}`;
}
