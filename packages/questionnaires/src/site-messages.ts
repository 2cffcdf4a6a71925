import type { LanguageCode } from './languages.js';

/**
 * The survey site's messages once a questionnaire has been sent: whether the answer was saved, or which answers to
 * change. They are the site's own words (apps/survey's ui-texts.ts takes them from here), and staff can record them
 * like the questions, since a participant whose phone has no voice for the language should hear the truth of the
 * outcome too.
 */
export const SITE_MESSAGES = {
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
} as const satisfies Record<string, readonly (keyof typeof SITE_MESSAGES)[]>;

export type MessageAudioId = keyof typeof MESSAGE_AUDIO;

export const messageAudioKey = (id: MessageAudioId): string => `message:${id}`;
