/**
 * Words that suggest health details in a case discussion. A reminder, not a guard: the list misses most ways of
 * writing about health and catches a few innocent sentences, so the admin warns and never refuses on it; the rule
 * text by the field and who may read the notes are what keep health details out.
 * "vård" is left out on purpose: referrals often name care work as the candidate's goal.
 */
const HEALTH_WORDS = [
  'diagnos',
  'sjukdom',
  'sjukskriv',
  'sjukskrivning',
  'sjukpenning',
  'depression',
  'deprimerad',
  'ångest',
  'utbränd',
  'utmattning',
  'psykisk',
  'psykiatri',
  'psykos',
  'ptsd',
  'trauma',
  'medicin',
  'läkemedel',
  'läkare',
  'missbruk',
  'beroende',
  'gravid',
  'adhd',
  'autism',
  'funktionsnedsättning',
  'cancer',
  'diabetes',
  'epilepsi',
  'smärta',
  'rehabilitering',
];

/** The health words found in a text, each once, as written in the list. */
export function healthWordsIn(text: string): string[] {
  const lower = text.toLocaleLowerCase('sv');
  return HEALTH_WORDS.filter((w) => new RegExp(`(^|[^\\p{L}])${w}`, 'u').test(lower)).filter(
    (w, _, all) => !all.some((o) => o !== w && w.startsWith(o)),
  );
}
