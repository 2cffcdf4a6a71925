import type { LanguageCode } from './languages.js';

/**
 * The survey site's own words that staff can record like the questions, since a participant whose phone has no voice
 * for the language should hear them too: the code screen, what a code that cannot be used means, and whether a sent
 * answer was saved or which answers to change. apps/survey's ui-texts.ts takes them from here.
 */
export const SITE_MESSAGES = {
  typeCode: {
    sv: 'Skriv din kod',
    'sv-easy': 'Skriv koden',
    en: 'Type your code',
    ar: 'إدخال الرمز',
    prs: 'کد خود را بنویسید',
    so: 'Qor koodhkaaga',
    ti: 'ኮድኩም ጽሓፉ',
  },
  codeHint: {
    sv: 'Koden står på din lapp',
    'sv-easy': 'Koden finns på lappen',
    en: 'The code is on your slip',
    ar: 'الرمز مكتوب على ورقتك',
    prs: 'کد روی کاغذ شما است',
    so: 'Koodhku wuxuu ku qoran yahay warqaddaada',
    ti: 'ኮድ ኣብ ወረቐትኩም ኣሎ',
  },
  unknown: {
    sv: 'Koden finns inte. Kontrollera den och försök igen.',
    'sv-easy': 'Fel kod. Försök igen.',
    en: 'That code does not exist. Check it and try again.',
    ar: 'هذا الرمز غير موجود. يُرجى التحقق منه والمحاولة مرة أخرى.',
    prs: 'این کد وجود ندارد. آن را بررسی کنید و دوباره امتحان کنید.',
    so: 'Koodhkaas ma jiro. Hubi oo isku day mar kale.',
    ti: 'እዚ ኮድ የለን። ኣረጋጊጽኩም እንደገና ፈትኑ።',
  },
  used: {
    sv: 'Den här koden har redan använts. Tack för ditt svar!',
    'sv-easy': 'Du har redan svarat. Tack!',
    en: 'This code has already been used. Thank you for answering!',
    ar: 'تم استخدام هذا الرمز من قبل. شكرًا على إجابتك!',
    prs: 'این کد قبلاً استفاده شده است. از پاسخ شما متشکریم!',
    so: 'Koodhkan horay ayaa loo isticmaalay. Waad ku mahadsan tahay jawaabtaada!',
    ti: 'እዚ ኮድ ቅድሚ ሕጂ ተጠቒምኩምሉ። ስለ መልስኹም የቐንየልና!',
  },
  closed: {
    sv: 'Enkäten är stängd.',
    'sv-easy': 'Enkäten är slut.',
    en: 'The survey is closed.',
    ar: 'الاستبيان مغلق.',
    prs: 'نظرسنجی بسته شده است.',
    so: 'Sahanka waa la xiray.',
    ti: 'እቲ መጠይቕ ተዓጽዩ።',
  },
  thanks: {
    sv: 'Tack! Ditt svar är sparat.',
    'sv-easy': 'Tack! Vi har fått ditt svar.',
    en: 'Thank you! Your answer is saved.',
    ar: 'شكرًا! تم حفظ إجابتك.',
    prs: 'متشکریم! پاسخ شما ذخیره شد.',
    so: 'Mahadsanid! Jawaabtaada waa la keydiyay.',
    ti: 'የቐንየልና! መልስኹም ተዓቂቡ።',
  },
  serverError: {
    sv: 'Något gick fel.',
    'sv-easy': 'Det blev fel.',
    en: 'Something went wrong.',
    ar: 'حدث خطأ ما.',
    prs: 'مشکلی پیش آمد.',
    so: 'Wax baa khaldamay.',
    ti: 'ገለ ነገር ተጋግዩ።',
  },
  tryLater: {
    sv: 'Svaret kunde inte sparas just nu. Dina svar finns kvar på sidan. Försök igen om en stund.',
    'sv-easy': 'Vi kunde inte spara. Dina svar finns kvar. Försök igen senare.',
    en: 'Your answer could not be saved just now. Your answers are kept on this page. Try again in a while.',
    ar: 'تعذّر حفظ الإجابة الآن. الإجابات محفوظة في هذه الصفحة. يُرجى المحاولة مرة أخرى بعد قليل.',
    prs: 'پاسخ اکنون ذخیره نشد. پاسخ\u200cها در این صفحه حفظ شده\u200cاند. لطفاً کمی بعد دوباره کوشش کنید.',
    so: 'Jawaabta hadda lama keydin karin. Jawaabaha boggan way ku jiraan. Mar kale isku day wax yar kadib.',
    ti: 'እቲ መልሲ ሕጂ ክዕቀብ ኣይከኣለን። እቶም መልስታት ኣብዚ ገጽ ተዓቂቦም ኣለዉ። ድሕሪ ቁሩብ እንደገና ምፍታን ይከኣል።',
  },
  fixAnswers: {
    sv: 'Några svar kunde inte tas emot. Ändra de markerade svaren och skicka igen. Dina andra svar finns kvar.',
    'sv-easy': 'Något svar blev fel. Ändra svaren med röd text. Skicka igen. De andra svaren finns kvar.',
    en: 'Some answers could not be accepted. Change the marked answers and send again. Your other answers are kept.',
    ar: 'تعذّر قبول بعض الإجابات. يُرجى تعديل الإجابات المُشار إليها ثم الإرسال مرة أخرى. الإجابات الأخرى محفوظة.',
    prs: 'بعضی پاسخ\u200cها پذیرفته نشد. لطفاً پاسخ\u200cهای نشانی\u200cشده را تغییر دهید و دوباره بفرستید. پاسخ\u200cهای دیگر حفظ شده\u200cاند.',
    so: 'Jawaabaha qaar lama aqbalin. Beddel jawaabaha la calaamadeeyay oo mar kale dir. Jawaabaha kale waa la hayaa.',
    ti: 'ገለ መልስታት ኣይተቐበሉን። እቶም ዝተመልከቱ መልስታት ተቐይሮም እንደገና ይለኣኹ። እቶም ካልኦት መልስታት ተዓቂቦም ኣለዉ።',
  },
} satisfies Record<string, Record<LanguageCode, string>>;

/** The recordable messages, each as the site shows it: its title, then its text (a refusal, above the questionnaire). */
export const MESSAGE_AUDIO = {
  thanks: ['thanks'],
  serverError: ['serverError', 'tryLater'],
  fixAnswers: ['fixAnswers'],
  code: ['typeCode', 'codeHint'],
  unknown: ['unknown'],
  used: ['used'],
  closed: ['closed'],
} as const satisfies Record<string, readonly (keyof typeof SITE_MESSAGES)[]>;

export type MessageAudioId = keyof typeof MESSAGE_AUDIO;

export const messageAudioKey = (id: MessageAudioId): string => `message:${id}`;

/**
 * The recordable texts shown before a round is known (the code screen; a code that does not exist, is used or is
 * closed): the site finds them in the recordings of SITE_AUDIO_QUESTIONNAIRE's latest version, not of a round's.
 */
export const BEFORE_ROUND_AUDIO = [
  'code',
  'unknown',
  'used',
  'closed',
] as const satisfies readonly MessageAudioId[];

/** The questionnaire participants answer on the survey site, whose recordings also read the site's own screens. */
export const SITE_AUDIO_QUESTIONNAIRE = 'end-of-group';
