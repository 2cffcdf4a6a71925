import { setupLocale, surveyLocalization } from 'survey-core';

import 'survey-core/i18n/arabic';
import 'survey-core/i18n/persian';
import 'survey-core/i18n/swedish';

/**
 * SurveyJS ships Swedish and Arabic UI strings. Somali, Tigrinya and Dari it lacks: these are ours (machine-drafted,
 * to be reviewed by native speakers, like the questionnaire texts). Dari starts from SurveyJS's Iranian Persian and
 * replaces what a participant reads with Dari words; plain Swedish replaces them with easy-read Swedish.
 */
setupLocale({
  localeCode: 'so',
  strings: {
    pagePrevText: 'Dib u noqo',
    pageNextText: 'Xiga',
    completeText: 'Dir',
    requiredError: 'Fadlan ka jawaab su’aashan.',
    otherItemText: 'Kale',
    noneItemText: 'Midna',
    selectAllItemText: 'Dooro dhammaan',
    progressText: 'Bogga {0} ee {1}',
    completingSurvey: 'Mahadsanid!',
    loadingSurvey: 'Waa la soo rarayaa …',
  },
  nativeName: 'Soomaali',
  englishName: 'Somali',
});

setupLocale({
  localeCode: 'ti',
  strings: {
    pagePrevText: 'ንድሕሪት',
    pageNextText: 'ቀጻሊ',
    completeText: 'ስደድ',
    requiredError: 'በጃኹም ነዚ ሕቶ መልሱ።',
    otherItemText: 'ካልእ',
    noneItemText: 'ሓደ እኳ',
    selectAllItemText: 'ኩሉ ምረጹ',
    progressText: 'ገጽ {0} ካብ {1}',
    completingSurvey: 'የቐንየልና!',
    loadingSurvey: 'ይጽዓን ኣሎ …',
  },
  nativeName: 'ትግርኛ',
  englishName: 'Tigrinya',
});

// The strings SurveyJS registered for Iranian Persian and Swedish (its i18n modules ship no types).
const shipped = surveyLocalization.locales as Record<string, Record<string, string>>;

setupLocale({
  localeCode: 'prs',
  strings: {
    ...shipped.fa,
    pagePrevText: 'قبلی',
    pageNextText: 'بعدی',
    completeText: 'فرستادن',
    requiredError: 'لطفاً به این سوال جواب بدهید.',
    otherItemText: 'دیگر',
    noneItemText: 'هیچکدام',
    selectAllItemText: 'همه را انتخاب کنید',
    commentText: 'لطفاً نظر تان را بنویسید',
    progressText: 'صفحه {0} از {1}',
    completingSurvey: 'تشکر که جواب دادید!',
    loadingSurvey: 'لطفاً صبر کنید …',
    placeholder: 'انتخاب کنید …',
    textMaxLength: 'لطفاً کمتر از {0} حرف بنویسید.',
  },
  nativeName: 'دری',
  englishName: 'Dari',
  rtl: true,
});

// Lätt svenska: short everyday words for what the participant reads and taps (SurveyJS's Swedish says "Slutför"
// and "Svar krävs").
setupLocale({
  localeCode: 'sv-easy',
  strings: {
    ...shipped.sv,
    pagePrevText: 'Tillbaka',
    pageNextText: 'Nästa',
    completeText: 'Skicka',
    requiredError: 'Svara på frågan.',
    otherItemText: 'Något annat',
    noneItemText: 'Inget',
    selectAllItemText: 'Välj alla',
    commentText: 'Skriv här',
    progressText: 'Sida {0} av {1}',
    completingSurvey: 'Tack!',
    loadingSurvey: 'Vänta …',
    placeholder: 'Välj …',
    textMaxLength: 'Skriv kortare. Högst {0} tecken.',
  },
  nativeName: 'Lätt svenska',
  englishName: 'Plain Swedish',
});
