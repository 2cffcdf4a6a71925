import { setupLocale } from 'survey-core';
import 'survey-core/i18n/arabic';
import 'survey-core/i18n/persian';
import 'survey-core/i18n/swedish';

/**
 * SurveyJS ships Swedish, Arabic and Persian (used for Dari) UI strings. Somali and Tigrinya it lacks: these are
 * ours (machine-drafted, to be reviewed by native speakers, like the questionnaire texts). Plain Swedish reuses
 * Swedish.
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
    requiredError: 'በጃኻ ነዚ ሕቶ መልስ።',
    otherItemText: 'ካልእ',
    noneItemText: 'ሓደ እኳ',
    selectAllItemText: 'ኩሉ ምረጽ',
    progressText: 'ገጽ {0} ካብ {1}',
    completingSurvey: 'የቐንየልና!',
    loadingSurvey: 'ይጽዓን ኣሎ …',
  },
  nativeName: 'ትግርኛ',
  englishName: 'Tigrinya',
});

setupLocale({ localeCode: 'sv-easy', strings: {}, nativeName: 'Lätt svenska', englishName: 'Plain Swedish' });
