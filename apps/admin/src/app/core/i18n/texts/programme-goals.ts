import type { Texts } from './texts';

/** Texts of a programme's goals, chosen from the list the reports measure. */
export const PROGRAMME_GOALS_TEXTS = {
  'goals.intro': {
    sv: 'Välj målen ur listan: det är de mål som delrapporterna mäter. Målvärdet anges i hela procent.',
    en: 'Choose the goals from the list: they are the goals the progress reports measure. Targets are whole per cent.',
  },
  'goals.key': { sv: 'Mål', en: 'Goal' },
  'goals.target': { sv: 'Målvärde (%)', en: 'Target (%)' },
  'goals.note': { sv: 'Kommentar (valfri)', en: 'Note (optional)' },
  'goals.whole': { sv: 'Ange hela procent', en: 'Enter whole per cent' },
  'goals.allChosen': { sv: 'Alla mål i listan är valda.', en: 'Every goal in the list is chosen.' },
  'goals.unmappedTitle': { sv: 'Mål att åtgärda', en: 'Goals to fix' },
  'goals.unmappedIntro': {
    sv: 'De här målen skrevs in som fritext innan målen blev en lista, och kunde inte tolkas. Rapporterna visar dem inte. Lägg in det som motsvarar dem som mål ovan, ta sedan bort dem här och spara.',
    en: 'These goals were typed as free text before goals became a list, and could not be read. Reports do not show them. Enter what matches them as goals above, then remove them here and save.',
  },
  'goals.unmappedRow': {
    sv: '”{key}”: {description} – {target} {unit}',
    en: '“{key}”: {description} – {target} {unit}',
  },
  'goals.dismiss': { sv: 'Ta bort', en: 'Remove' },
  'goals.dismissLabel': { sv: 'Ta bort målet ”{key}”', en: 'Remove the goal “{key}”' },
  'goals.toFix': { sv: 'Mål att åtgärda', en: 'Goals to fix' },
} as const satisfies Texts;
