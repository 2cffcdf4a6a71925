import { DEFAULT_LOCALE, END_OF_GROUP_V1 } from '@stegvis/questionnaires';
import { Model, surveyLocalization, SvgRegistry } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { inLanguage } from './questionnaire-text';
import { createSurvey, mountSurvey, reopenWithErrors } from './survey-page';

const options = {
  lang: 'sv' as const,
  defaultLocale: DEFAULT_LOCALE,
  rtl: false,
  readAloud: () => document.createElement('button'),
  progress: (n: number, total: number) => `Fråga ${n} av ${total}`,
  scaleName: (n: number, total: number, meaning: string | null) =>
    meaning ? `${n} av ${total}, ${meaning}` : `${n} av ${total}`,
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

describe('answers kept in the tab, and answers the api refused', () => {
  it('starts from the kept answers, on their page, conditions following them; reports every change', async () => {
    const json = inLanguage(END_OF_GROUP_V1, 'sv');
    const changes: [Record<string, unknown>, number][] = [];
    const model = await createSurvey(
      {
        ...options,
        json,
        initial: { data: { overall: 4, lectures: 3, talks: 5, internship: 'yes' }, page: 1 },
        onChange: (data, page) => changes.push([data, page]),
      },
      nextTask,
    );
    expect(model.currentPage.name).toBe(model.visiblePages[1].name);
    expect(model.getQuestionByName('internship_rating').isVisible).toBe(true);
    model.setValue('internship_rating', 5);
    model.nextPage();
    expect(changes.at(-2)).toEqual([
      { overall: 4, lectures: 3, talks: 5, internship: 'yes', internship_rating: 5 },
      1,
    ]);
    expect(changes.at(-1)?.[1]).toBe(2);
  });

  it('comes back after a refusal with the answers, on the page of the first question to fix, marked', async () => {
    const json = inLanguage(END_OF_GROUP_V1, 'sv');
    const done: Record<string, unknown>[] = [];
    const model = await createSurvey({ ...options, json, onComplete: (a) => done.push(a) }, nextTask);
    model.data = {
      overall: 4,
      lectures: 3,
      talks: 5,
      internship: 'no',
      time: 'right',
      wants: ['digital_skills'],
      next: 'work',
    };
    model.currentPage = model.visiblePages.at(-1);
    model.completeLastPage();
    expect([model.state, done.length]).toEqual(['completed', 1]);
    expect(reopenWithErrors(model, ['wants', 'not_a_question'], 'Ändra det.')).toBe(1);
    expect(model.state).toBe('running');
    expect(model.currentPage.name).toBe(model.getQuestionByName('wants').page.name);
    expect(model.getQuestionByName('wants').errors.map((e) => e.text)).toEqual(['Ändra det.']);
    expect(model.data).toMatchObject({ overall: 4, wants: ['digital_skills'], next: 'work' });
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

describe('the 1–5 scale', () => {
  it('names each radio by its value and the meaning of its end, with the end labels below the buttons', async () => {
    const json = inLanguage(END_OF_GROUP_V1, 'sv');
    // jsdom has no layout, so no ResizeObserver; SurveyJS only uses it to choose between buttons and a dropdown.
    globalThis.ResizeObserver ??= class {
      observe() {}
      unobserve() {}
      disconnect() {}
    };
    const model = await createSurvey({ ...options, json }, nextTask);
    const root = document.createElement('div');
    document.body.append(root);
    await mountSurvey(model, root, nextTask);
    await new Promise((r) => setTimeout(r, 0));
    const names = (question: string) =>
      [...root.querySelectorAll(`[data-name="${question}"] input[type="radio"]`)].map((i) =>
        i.getAttribute('aria-label'),
      );
    expect(names('overall')).toEqual([
      '1 av 5, Inte alls nöjd',
      '2 av 5',
      '3 av 5',
      '4 av 5',
      '5 av 5, Mycket nöjd',
    ]);
    // "How good were the lectures" ends in good and bad, not in satisfied.
    expect(names('lectures')[0]).toBe('1 av 5, Inte alls bra');
    expect(names('lectures')[4]).toBe('5 av 5, Mycket bra');
    expect(model.getQuestionByName('lectures').rateDescriptionLocation).toBe('bottom');
    root.remove();
  });
});
