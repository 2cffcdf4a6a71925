import type { LanguageCode } from '@stegvis/questionnaires';

/** The site's own words (around the questionnaire), in every participant language. */
export const UI = {
  chooseLanguage: {
    sv: 'Välj språk',
    'sv-easy': 'Välj språk',
    en: 'Choose your language',
    ar: 'اختر لغتك',
    fa: 'زبان خود را انتخاب کنید',
    so: 'Dooro luqaddaada',
    ti: 'ቋንቋኻ ምረጽ',
  },
  typeCode: {
    sv: 'Skriv din kod',
    'sv-easy': 'Skriv koden',
    en: 'Type your code',
    ar: 'اكتب رمزك',
    fa: 'کد خود را بنویسید',
    so: 'Qor koodhkaaga',
    ti: 'ኮድካ ጽሓፍ',
  },
  codeHint: {
    sv: 'Koden står på din lapp',
    'sv-easy': 'Koden finns på lappen',
    en: 'The code is on your slip',
    ar: 'الرمز مكتوب على ورقتك',
    fa: 'کد روی کاغذ شما است',
    so: 'Koodhku wuxuu ku qoran yahay warqaddaada',
    ti: 'ኮድ ኣብ ወረቐትካ ኣሎ',
  },
  next: {
    sv: 'Fortsätt',
    'sv-easy': 'Gå vidare',
    en: 'Continue',
    ar: 'متابعة',
    fa: 'ادامه',
    so: 'Sii wad',
    ti: 'ቀጽል',
  },
  unknown: {
    sv: 'Koden finns inte. Kontrollera den och försök igen.',
    'sv-easy': 'Fel kod. Försök igen.',
    en: 'That code does not exist. Check it and try again.',
    ar: 'هذا الرمز غير موجود. تحقق منه وحاول مرة أخرى.',
    fa: 'این کد وجود ندارد. آن را بررسی کنید و دوباره امتحان کنید.',
    so: 'Koodhkaas ma jiro. Hubi oo isku day mar kale.',
    ti: 'እዚ ኮድ የለን። ኣረጋግጽካ እንደገና ፈትን።',
  },
  used: {
    sv: 'Den här koden har redan använts. Tack för ditt svar!',
    'sv-easy': 'Du har redan svarat. Tack!',
    en: 'This code has already been used. Thank you for answering!',
    ar: 'تم استخدام هذا الرمز من قبل. شكرًا على إجابتك!',
    fa: 'این کد قبلاً استفاده شده است. از پاسخ شما متشکریم!',
    so: 'Koodhkan horay ayaa loo isticmaalay. Waad ku mahadsan tahay jawaabtaada!',
    ti: 'እዚ ኮድ ቅድሚ ሕጂ ተጠቒምካሉ። ስለ መልስኻ የቐንየልና!',
  },
  closed: {
    sv: 'Enkäten är stängd.',
    'sv-easy': 'Enkäten är slut.',
    en: 'The survey is closed.',
    ar: 'الاستبيان مغلق.',
    fa: 'نظرسنجی بسته شده است.',
    so: 'Sahanka waa la xiray.',
    ti: 'እቲ መጠይቕ ተዓጽዩ።',
  },
  tooMany: {
    sv: 'För många försök. Vänta tio minuter.',
    'sv-easy': 'Vänta en stund.',
    en: 'Too many tries. Wait ten minutes.',
    ar: 'محاولات كثيرة. انتظر عشر دقائق.',
    fa: 'تلاش های زیاد. ده دقیقه صبر کنید.',
    so: 'Isku day badan. Sug toban daqiiqo.',
    ti: 'ብዙሕ ፈተነታት። ዓሰርተ ደቒቕ ተጸበ።',
  },
  thanks: {
    sv: 'Tack! Ditt svar är sparat.',
    'sv-easy': 'Tack! Vi har fått ditt svar.',
    en: 'Thank you! Your answer is saved.',
    ar: 'شكرًا! تم حفظ إجابتك.',
    fa: 'متشکریم! پاسخ شما ذخیره شد.',
    so: 'Mahadsanid! Jawaabtaada waa la keydiyay.',
    ti: 'የቐንየልና! መልስኻ ተዓቂቡ።',
  },
  sending: {
    sv: 'Skickar ditt svar …',
    'sv-easy': 'Skickar …',
    en: 'Sending your answer …',
    ar: 'جارٍ إرسال إجابتك …',
    fa: 'در حال ارسال پاسخ شما …',
    so: 'Waa la dirayaa jawaabtaada …',
    ti: 'መልስኻ ይለኣኽ ኣሎ …',
  },
  offline: {
    sv: 'Ingen kontakt. Stäng inte sidan – vi försöker igen.',
    'sv-easy': 'Ingen internet. Vänta. Stäng inte.',
    en: 'No connection. Do not close the page – we keep trying.',
    ar: 'لا يوجد اتصال. لا تغلق الصفحة – سنحاول مرة أخرى.',
    fa: 'اتصال وجود ندارد. صفحه را نبندید – دوباره تلاش می کنیم.',
    so: 'Xiriir ma jiro. Ha xirin bogga – waan isku dayeynaa.',
    ti: 'ርክብ የለን። ነቲ ገጽ ኣይትዕጸዎ – ክንፍትን ኢና።',
  },
  readAloud: {
    sv: 'Läs upp',
    'sv-easy': 'Lyssna',
    en: 'Read aloud',
    ar: 'اقرأ بصوت عالٍ',
    fa: 'بلند بخوان',
    so: 'Kor u akhri',
    ti: 'ኣንብብ',
  },
} satisfies Record<string, Record<LanguageCode, string>>;

export type UiKey = keyof typeof UI;

export function ui(key: UiKey, lang: LanguageCode): string {
  return UI[key][lang];
}
