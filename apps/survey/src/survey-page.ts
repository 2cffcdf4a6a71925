// Loaded only after the first screen (survey-loader.ts): survey-core is heavy and must not delay it.
import 'survey-core/survey-core.fontless.min.css';
import { DEFAULT_LOCALE, LANGUAGES, type LanguageCode } from '@stegvis/questionnaires';
import { Model, QuestionRatingModel, surveyLocalization } from 'survey-core';
import { renderSurvey } from 'survey-js-ui';
import './locales';
import './survey-theme.css';
import { ui } from './ui-texts';

surveyLocalization.defaultLocale = DEFAULT_LOCALE;
// SurveyJS 2.5 works out the smiley colours again after every render of every rating question (it means to do it
// once, but sets its "done" flag on the question instead of the class): a canvas, a forced style recalculation and
// a second render of the question each time. Our ratings are numbers, which have no colours.
(QuestionRatingModel as unknown as { colorsCalculated: boolean }).colorsCalculated = true;

/** SurveyJS's `--sd-mobile-width`: narrower than this, it lays questions out for a phone. */
const MOBILE_WIDTH = 600;

export interface SurveyOptions {
  json: object;
  lang: LanguageCode;
  onComplete: (answers: Record<string, unknown>) => void;
}

export function createSurvey(o: SurveyOptions): Model {
  const model = new Model(o.json);
  model.locale = o.lang;
  model.rtl = LANGUAGES.find((l) => l.code === o.lang)?.dir === 'rtl';
  model.showCompletedPage = false;
  // The page shows the title and description itself, before SurveyJS has loaded (boot.ts).
  model.showTitle = false;
  model.onAfterRenderQuestion.add((_, opt) => addReadAloud(opt.question.title, opt.htmlElement, o.lang));
  model.onComplete.add((sender) => o.onComplete({ ...(sender.data as Record<string, unknown>) }));
  return model;
}

export function mountSurvey(model: Model, root: HTMLElement): void {
  // SurveyJS learns it is on a phone from a ResizeObserver after its first paint, then lays everything out again
  // a frame later: the whole questionnaire jumped (CLS 0.22). Told beforehand, it draws the phone layout at once.
  model.setIsMobile(root.clientWidth < MOBILE_WIDTH);
  renderSurvey(model, root);
}

/** Reads the question out with the browser's own voice, where one exists for the language. */
function addReadAloud(text: string, el: HTMLElement, lang: LanguageCode): void {
  if (!('speechSynthesis' in window)) return;
  const langTag = lang === 'sv-easy' ? 'sv' : lang;
  const voice = () => speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().startsWith(langTag));
  if (!voice() || el.querySelector('.read-aloud')) return;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'read-aloud';
  button.textContent = `🔊 ${ui('readAloud', lang)}`;
  button.addEventListener('click', () => {
    speechSynthesis.cancel();
    const u = new SpeechSynthesisUtterance(text);
    u.voice = voice() ?? null;
    u.lang = langTag;
    speechSynthesis.speak(u);
  });
  el.prepend(button);
}
