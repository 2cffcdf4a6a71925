import type { LanguageCode } from './languages.js';

/**
 * The survey site's messages once a questionnaire has been answered: whether the answer was saved. They are the
 * site's own words (apps/survey's ui-texts.ts takes them from here), and staff can record them like the questions,
 * since a participant whose phone has no voice for the language should hear the truth of the outcome too.
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
} satisfies Record<string, Record<LanguageCode, string>>;

/** The recordable messages, each as the message screen shows it: its title, then its text. */
export const MESSAGE_AUDIO = {
  thanks: ['thanks'],
  serverError: ['serverError', 'tryLater'],
} as const satisfies Record<string, readonly (keyof typeof SITE_MESSAGES)[]>;

export type MessageAudioId = keyof typeof MESSAGE_AUDIO;

export const messageAudioKey = (id: MessageAudioId): string => `message:${id}`;
