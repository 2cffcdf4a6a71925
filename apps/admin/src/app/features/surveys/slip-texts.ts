/**
 * What a code slip tells the participant, in each language of the survey site. The words are the survey site's
 * own, copied verbatim, never translated anew: the language names from packages/questionnaires (LANGUAGES), "type
 * your code" and "the code is on your slip" from packages/questionnaires/src/site-messages.ts (typeCode, codeHint:
 * the survey site's code screen), and the promise of anonymity from the end-of-group questionnaire's description
 * (packages/questionnaires). The copy is checked against those files by packages/e2e/src/survey-rounds.e2e.ts.
 */
export interface SlipLanguage {
  code: 'sv' | 'sv-easy' | 'en' | 'ar' | 'prs' | 'so' | 'ti';
  /** The BCP 47 tag for `lang`: plain Swedish is Swedish to a screen reader, Dari is Persian. */
  lang: string;
  dir: 'ltr' | 'rtl';
  name: string;
  typeCode: string;
  codeHint: string;
  anonymous: string;
}

export const SLIP_LANGUAGES: readonly SlipLanguage[] = [
  {
    code: 'sv',
    lang: 'sv',
    dir: 'ltr',
    name: 'Svenska',
    typeCode: 'Skriv din kod',
    codeHint: 'Koden står på din lapp',
    anonymous: 'Dina svar är anonyma. Ingen kan se vad just du har svarat.',
  },
  {
    code: 'sv-easy',
    lang: 'sv',
    dir: 'ltr',
    name: 'Lätt svenska',
    typeCode: 'Skriv koden',
    codeHint: 'Koden finns på lappen',
    anonymous: 'Ingen vet vad du svarar.',
  },
  {
    code: 'en',
    lang: 'en',
    dir: 'ltr',
    name: 'English',
    typeCode: 'Type your code',
    codeHint: 'The code is on your slip',
    anonymous: 'Your answers are anonymous. Nobody can see what you answered.',
  },
  {
    code: 'ar',
    lang: 'ar',
    dir: 'rtl',
    name: 'العربية',
    typeCode: 'إدخال الرمز',
    codeHint: 'الرمز مكتوب على ورقتك',
    anonymous: 'إجاباتك مجهولة الهوية. لا أحد يستطيع أن يرى ما أجبت.',
  },
  {
    code: 'prs',
    lang: 'prs',
    dir: 'rtl',
    name: 'دری',
    typeCode: 'کد خود را بنویسید',
    codeHint: 'کد روی کاغذ شما است',
    anonymous: 'جواب های شما بی نام است. هیچ کس نمی تواند ببیند شما چه جواب داده اید.',
  },
  {
    code: 'so',
    lang: 'so',
    dir: 'ltr',
    name: 'Soomaali',
    typeCode: 'Qor koodhkaaga',
    codeHint: 'Koodhku wuxuu ku qoran yahay warqaddaada',
    anonymous: 'Jawaabahaagu waa qarsoodi. Cidna ma arki karto waxaad ka jawaabtay.',
  },
  {
    code: 'ti',
    lang: 'ti',
    dir: 'ltr',
    name: 'ትግርኛ',
    typeCode: 'ኮድኩም ጽሓፉ',
    codeHint: 'ኮድ ኣብ ወረቐትኩም ኣሎ',
    anonymous: 'መልስታትኩም ስም ዘይብሎም እዮም። ዝመለስኩምዎ ዝርኢ ሰብ የለን።',
  },
];
