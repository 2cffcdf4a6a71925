import type { Texts } from './texts';

/** Texts of the translation review statuses of a survey round's questionnaire, and the programme's setting. */
export const TRANSLATIONS_TEXTS = {
  'tr.title': { sv: 'Översättningar', en: 'Translations' },
  'tr.intro': {
    sv: 'Enkätens språk och vem som står för texterna. En maskinöversättning ska granskas av någon med språket som modersmål innan deltagare svarar på den.',
    en: "The questionnaire's languages and who stands behind the texts. A native speaker should review a machine translation before participants answer it.",
  },
  'tr.language': { sv: 'Språk', en: 'Language' },
  'tr.status': { sv: 'Status', en: 'Status' },
  'tr.reviewedBy': { sv: 'Granskad av {name} {time}', en: 'Reviewed by {name} {time}' },
  'tr.mark': { sv: 'Markera som granskad', en: 'Mark as reviewed' },
  'tr.markFor': { sv: 'Markera {language} som granskad', en: 'Mark {language} as reviewed' },
  'tr.confirmTitle': { sv: 'Markera {language} som granskad?', en: 'Mark {language} as reviewed?' },
  'tr.confirmMessage': {
    sv: 'Du intygar att någon med {language} som modersmål har läst och rättat alla texter i enkäten. Ditt namn visas som granskare.',
    en: 'You confirm that a native speaker of {language} has read and corrected every text of the questionnaire. Your name is shown as the reviewer.',
  },
  'tr.confirm': { sv: 'Ja, texterna är granskade', en: 'Yes, the texts are reviewed' },
  'tr.cancel': { sv: 'Avbryt', en: 'Cancel' },
  'tr.marked': { sv: '{language} är markerad som granskad.', en: '{language} is marked as reviewed.' },
  'tr.allowUnreviewed': { sv: 'Erbjud ogranskade översättningar', en: 'Offer unreviewed translations' },
  'tr.allowUnreviewedHelp': {
    sv: 'Av: deltagarna kan bara välja språk som är original eller granskade av någon med språket som modersmål.',
    en: 'Off: participants can choose only languages that are original or reviewed by a native speaker.',
  },
} as const satisfies Texts;
