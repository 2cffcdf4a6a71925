import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Model, surveyLocalization } from 'survey-core';
import {
  DEFAULT_LOCALE,
  END_OF_GROUP_V1,
  getQuestionnaire,
  LANGUAGES,
  listQuestionnaires,
  missingTranslations,
  REVIEW_STATUS,
} from './index.js';

// Our texts keep Swedish under `default`: every SurveyJS consumer sets Swedish as the default locale.
surveyLocalization.defaultLocale = DEFAULT_LOCALE;

describe('questionnaires', () => {
  it('every string of every questionnaire exists in every language', () => {
    for (const q of listQuestionnaires()) assert.deepEqual(missingTranslations(q.json), [], q.id);
  });

  it('the check fails when a language misses a string', () => {
    const broken = structuredClone(END_OF_GROUP_V1) as {
      pages: { elements: { title: Record<string, string> }[] }[];
    };
    delete broken.pages[0].elements[1].title.ti;
    broken.pages[0].elements[0].title.ar = ' ';
    assert.deepEqual(missingTranslations(broken), [
      { language: 'ar', path: 'pages[0].elements[0].title' },
      { language: 'ti', path: 'pages[0].elements[1].title' },
    ]);
  });

  it('loads in survey-core in every language, with the translated title', () => {
    const q = getQuestionnaire('end-of-group')!;
    assert.equal(q.version, 1);
    for (const { code } of LANGUAGES) {
      const model = new Model(q.json);
      model.locale = code;
      assert.equal(model.getAllQuestions().length, 9);
      const title = model.getQuestionByName('internship').title;
      assert.ok(title.length > 0);
      if (code === 'ar') assert.equal(title, 'هل حصلت على تدريب عملي؟');
      if (code === 'en') assert.equal(title, 'Did you get an internship?');
    }
  });

  it('marks machine-drafted translations as needing a native reviewer', () => {
    assert.equal(REVIEW_STATUS.ar, 'machine-draft');
    assert.equal(REVIEW_STATUS.sv, 'original');
    assert.equal(getQuestionnaire('end-of-group', 2), null);
  });
});
