import type { LanguageCode } from './languages.js';

/**
 * "Fråga 2 av 9": the survey site's progress above each question and the paper questionnaire's numbering. Its own
 * export, so that the survey site's first screen takes this text and not the paper's others.
 */
export const QUESTION_OF: Record<LanguageCode, string> = {
  sv: 'Fråga {n} av {total}',
  'sv-easy': 'Fråga {n} av {total}',
  en: 'Question {n} of {total}',
  ar: 'السؤال {n} من {total}',
  prs: 'سوال {n} از {total}',
  so: 'Su’aal {n} ee {total}',
  ti: 'ሕቶ {n} ካብ {total}',
};

/**
 * The words of the printed questionnaire around the questions (packages/reports/src/paper-questionnaire.ts), in
 * every participant language: one record per text, so a language missing from any of them fails the build.
 * `questionOf` is QUESTION_OF, above.
 *
 * Arabic and Tigrinya speak to no one as a man: Arabic uses "يُرجى" with a verbal noun (as the survey site's
 * "اختيار اللغة"), Tigrinya the polite plural. Dari is Dari (کارمندان, تشکر), not Iranian Persian. The translations
 * other than Swedish and English are machine drafts, like the questionnaire's (REVIEW_STATUS). Arabic and Dari write
 * the cross as a bare X: "(X)" in a right-to-left line prints its brackets the wrong way round in the PDF.
 */
export const PAPER_TEXTS = {
  /** Above the instructions; the page's own heading is the questionnaire's title. */
  instructionsHeading: {
    sv: 'Så här fyller du i enkäten',
    'sv-easy': 'Så gör du',
    en: 'How to fill in the form',
    ar: 'طريقة تعبئة الاستمارة',
    prs: 'طریقه پر کردن این فورم',
    so: 'Sida loo buuxiyo foomka',
    ti: 'ከመይ ጌርኩም ነዚ ቅጥዒ ትመልእዎ',
  },
  markOne: {
    sv: 'Sätt ett kryss (X) i en ruta för varje fråga, om inget annat står vid frågan.',
    'sv-easy': 'Sätt ett kryss (X) i en ruta för varje fråga.',
    en: 'Put a cross (X) in one box for each question, unless the question says otherwise.',
    ar: 'يُرجى وضع علامة X في مربع واحد لكل سؤال، ما لم يُذكر غير ذلك عند السؤال.',
    prs: 'لطفاً برای هر سوال در یک خانه علامت X بگذارید، مگر این که در کنار سوال چیز دیگری نوشته شده باشد.',
    so: 'Calaamad (X) ku dhig hal sanduuq su’aal kasta, haddii aan su’aasha si kale lagu qorin.',
    ti: 'ንነፍሲ ወከፍ ሕቶ ኣብ ሓንቲ ሳጹን ምልክት (X) ግበሩ፣ ኣብቲ ሕቶ ካልእ እንተዘይተጻሒፉ።',
  },
  anonymous: {
    sv: 'Dina svar är anonyma. Skriv inte ditt namn på enkäten.',
    'sv-easy': 'Ingen vet vad du svarar. Skriv inte ditt namn.',
    en: 'Your answers are anonymous. Do not write your name on the form.',
    ar: 'الإجابات مجهولة الهوية. يُرجى عدم كتابة الاسم على الاستمارة.',
    prs: 'جواب های شما بی نام است. لطفاً نام خود را روی این فورم ننویسید.',
    so: 'Jawaabahaagu waa qarsoodi. Ha ku qorin magacaaga foomka.',
    ti: 'መልስታትኩም ስም ዘይብሎም እዮም። ስምኩም ኣብዚ ቅጥዒ ኣይትጽሓፉ።',
  },
  copyCode: {
    sv: 'Skriv koden från din lapp i rutorna, en bokstav eller siffra i varje ruta.',
    'sv-easy': 'Skriv koden från lappen i rutorna. En bokstav eller siffra i varje ruta.',
    en: 'Copy the code from your slip into the boxes, one letter or digit in each box.',
    ar: 'يُرجى نقل الرمز من الورقة إلى المربعات، حرف أو رقم واحد في كل مربع.',
    prs: 'کد را از روی کاغذ خود در خانه ها بنویسید، در هر خانه یک حرف یا یک عدد.',
    so: 'Koodhka warqaddaada ku qor sanduuqyada, hal xaraf ama hal lambar sanduuq kasta.',
    ti: 'ነቲ ኣብ ወረቐትኩም ዘሎ ኮድ ኣብተን ሳጹናት ጽሓፉ፣ ኣብ ነፍሲ ወከፍ ሳጹን ሓደ ፊደል ወይ ቁጽሪ።',
  },
  handBack: {
    sv: 'Lämna enkäten till personalen eller lägg den i lådan senast {date}.',
    'sv-easy': 'Ge enkäten till personalen eller lägg den i lådan. Senast {date}.',
    en: 'Hand the form to the staff or put it in the box by {date} at the latest.',
    ar: 'يُرجى تسليم الاستمارة إلى الموظفين أو وضعها في الصندوق في موعد أقصاه {date}.',
    prs: 'لطفاً این فورم را تا {date} به کارمندان بدهید یا در صندوق بیندازید.',
    so: 'Foomka u dhiib shaqaalaha ama ku rid sanduuqa ugu dambeyn {date}.',
    ti: 'ነዚ ቅጥዒ ክሳብ {date} ናብ ሰራሕተኛታት ሃቡ ወይ ኣብቲ ሳጹን ኣእትዉ።',
  },
  codeLabel: {
    sv: 'Kod från lappen',
    'sv-easy': 'Kod från lappen',
    en: 'Code from the slip',
    ar: 'الرمز من الورقة',
    prs: 'کد از روی کاغذ',
    so: 'Koodhka warqadda',
    ti: 'ኮድ ካብ ወረቐት',
  },
  questionOf: QUESTION_OF,
  chooseOne: {
    sv: 'Välj ett svar',
    'sv-easy': 'Välj ett svar',
    en: 'Choose one answer',
    ar: 'اختيار إجابة واحدة',
    prs: 'یک جواب را انتخاب کنید',
    so: 'Dooro hal jawaab',
    ti: 'ሓደ መልሲ ምረጹ',
  },
  chooseMany: {
    sv: 'Välj ett eller flera',
    'sv-easy': 'Välj ett eller flera',
    en: 'Choose one or more',
    ar: 'اختيار إجابة واحدة أو أكثر',
    prs: 'یک یا چند جواب را انتخاب کنید',
    so: 'Dooro hal ama dhowr',
    ti: 'ሓደ ወይ ካብኡ ንላዕሊ ምረጹ',
  },
  writeHere: {
    sv: 'Skriv ditt svar på raderna',
    'sv-easy': 'Skriv på raderna',
    en: 'Write your answer on the lines',
    ar: 'كتابة الإجابة على الأسطر',
    prs: 'جواب خود را روی خط ها بنویسید',
    so: 'Jawaabtaada ku qor xariiqyada',
    ti: 'መልስኹም ኣብተን መስመራት ጽሓፉ',
  },
  /** Under a question shown only after a given answer to an earlier one (SurveyJS `visibleIf`). */
  onlyIf: {
    sv: 'Svara bara om du svarade ”{choice}” på fråga {n}.',
    'sv-easy': 'Svara bara om du svarade ”{choice}” på fråga {n}.',
    en: 'Answer only if you answered “{choice}” to question {n}.',
    ar: 'الإجابة فقط في حال اختيار «{choice}» في السؤال {n}.',
    prs: 'فقط در صورتی جواب بدهید که در سوال {n} «{choice}» را انتخاب کرده باشید.',
    so: 'Ka jawaab oo keliya haddii aad su’aal {n} ka dooratay “{choice}”.',
    ti: 'ኣብ ሕቶ {n} «{choice}» እንተመሪጽኩም ጥራይ መልሱ።',
  },
  /** An "Other" choice without a text of its own in the questionnaire. */
  other: {
    sv: 'Annat',
    'sv-easy': 'Annat',
    en: 'Other',
    ar: 'غير ذلك',
    prs: 'دیگر',
    so: 'Wax kale',
    ti: 'ካልእ',
  },
  thanks: {
    sv: 'Tack!',
    'sv-easy': 'Tack!',
    en: 'Thank you!',
    ar: 'شكرًا!',
    prs: 'تشکر!',
    so: 'Mahadsanid!',
    ti: 'የቐንየልና!',
  },
} satisfies Record<string, Record<LanguageCode, string>>;

export type PaperTextKey = keyof typeof PAPER_TEXTS;

/** The paper texts of one language, `{name}` placeholders left for the caller. */
export function paperTexts(lang: LanguageCode): Record<PaperTextKey, string> {
  return Object.fromEntries(Object.entries(PAPER_TEXTS).map(([k, v]) => [k, v[lang]])) as Record<
    PaperTextKey,
    string
  >;
}
