// Loaded only after the first screen: survey-core is heavy and must not delay it.
import 'survey-core/survey-core.fontless.min.css';
import { DEFAULT_LOCALE, LANGUAGES, type LanguageCode } from '@stegvis/questionnaires';
import { Model, surveyLocalization } from 'survey-core';
import { renderSurvey } from 'survey-js-ui';
import './locales';
import './survey-theme.css';
import { ui } from './ui-texts';

surveyLocalization.defaultLocale = DEFAULT_LOCALE;

export interface SurveyPageOptions {
  root: HTMLElement;
  json: object;
  lang: LanguageCode;
  onComplete: (answers: Record<string, unknown>) => void;
}

export function showSurvey(o: SurveyPageOptions): Model {
  const model = new Model(o.json);
  model.locale = o.lang;
  const rtl = LANGUAGES.find((l) => l.code === o.lang)?.dir === 'rtl';
  model.rtl = rtl;
  model.showCompletedPage = false;
  model.onAfterRenderQuestion.add((_, opt) => addReadAloud(opt.question.title, opt.htmlElement, o.lang));
  model.onComplete.add((sender) => o.onComplete({ ...(sender.data as Record<string, unknown>) }));
  renderSurvey(model, o.root);
  return model;
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
