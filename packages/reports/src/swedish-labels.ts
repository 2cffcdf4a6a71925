import type { Gender, Industry, OutcomeCategory } from '@stegvis/contracts';
import type { GoalKey, GroupStatus } from './programme-report.js';

// The words users see in exported files; the admin can reuse them so a screen and a file say the same thing.

export const OUTCOME_LABELS: Record<OutcomeCategory, string> = {
  work: 'Arbete',
  studies: 'Studier',
  plan: 'Planering mot arbete eller studier',
  health: 'Ohälsa som hinder',
  other: 'Annat',
  none: 'Varken arbete, studier eller planering',
};

export const NO_OUTCOME_YET_LABEL = 'Inget resultat ännu';

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

export const INDUSTRY_LABELS: Record<Industry, string> = {
  'pre-school/school': 'Förskola/skola',
  retail: 'Butik/handel',
  care: 'Vård/omsorg',
  'bakery/café': 'Bageri/café',
  'production/warehouse': 'Produktion/lager',
  'hotel/restaurant': 'Hotell/restaurang',
  'hair/beauty': 'Frisör/skönhet',
  cleaning: 'Lokalvård',
  'language café': 'Språkcafé',
  other: 'Övrigt',
};

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
