import { DEFAULT_LOCALE, END_OF_GROUP_V1 } from '@stegvis/questionnaires';
import { Model, surveyLocalization, SvgRegistry } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { inLanguage } from './questionnaire-text';
import { createSurvey } from './survey-page';

const options = {
  lang: 'sv' as const,
  defaultLocale: DEFAULT_LOCALE,
  rtl: false,
  readAloud: 'Läs upp',
  onComplete: () => {},
};
const tasks = { count: 0 };
const nextTask = async () => void tasks.count++;
const shape = (m: Model) =>
  m.pages.map((p) => ({
    page: p.name,
    questions: p.questions.map((q) => ({ name: q.name, visible: q.isVisible, required: q.isRequired })),
  }));

describe('createSurvey (a page per task)', () => {
  it('builds the same survey as loading the whole questionnaire at once, conditions included', async () => {
    surveyLocalization.defaultLocale = DEFAULT_LOCALE;
    const json = inLanguage(END_OF_GROUP_V1, 'sv');
    tasks.count = 0;
    const split = await createSurvey({ ...options, json }, nextTask);
    const whole = new Model(json);
    // What createSurvey sets besides the questionnaire.
    whole.showCompletedPage = false;
    whole.showTitle = false;
    expect(tasks.count).toBe(whole.pages.length);
    expect(split.toJSON()).toEqual(whole.toJSON());
    expect(shape(split)).toEqual(shape(whole));
    // The question shown only after "yes" to an internship starts hidden, and follows the answer.
    expect(split.getQuestionByName('internship_rating').isVisible).toBe(false);
    split.setValue('internship', 'yes');
    expect(split.getQuestionByName('internship_rating').isVisible).toBe(true);
    expect(split.currentPage.name).toBe(whole.currentPage.name);
    expect(split.isLastPage).toBe(false);
  });
});

describe("SurveyJS's icons under the page's CSP (no inline style)", () => {
  it('renders its icon sprite without a style attribute, every icon still there', () => {
    const html = SvgRegistry.iconsRenderedHtml();
    expect(html.match(/style=/g)).toBeNull();
    expect(html).toContain('<symbol id="icon-timercircle"');
    expect(Object.keys(SvgRegistry.icons).length).toBeGreaterThan(50);
  });
});
