// Loaded only after the first screen (survey-loader.ts): survey-core is heavy and must not delay it.
// It imports nothing of the first screen's own code (boot.ts passes what it needs), so the first screen stays one
// script: survey-core evaluates with top-level awaits (vite.config.ts), and the bundler moves any module that
// such a chunk shares with the entry into a chunk of its own.
import 'survey-core/survey-core.fontless.min.css';
import type { LanguageCode } from '@stegvis/questionnaires';
import {
  Model,
  type PageModel,
  type Question,
  QuestionRatingModel,
  surveyLocalization,
  SvgRegistry,
} from 'survey-core';
import {
  createElement,
  RatingItem,
  ReactElementFactory,
  renderSurvey,
  unmountComponentAtNode,
} from 'survey-js-ui';
import './locales';
import './survey-theme.css';

// SurveyJS 2.5 works out the smiley colours again after every render of every rating question (it means to do it
// once, but sets its "done" flag on the question instead of the class): a canvas, a forced style recalculation and
// a second render of the question each time. Our ratings are numbers, which have no colours.
(QuestionRatingModel as unknown as { colorsCalculated: boolean }).colorsCalculated = true;

// The page's Content-Security-Policy allows no inline style (issue 16): a `style="…"` in markup is blocked, and the
// e2e journeys fail on the violation. SurveyJS writes its icon sprite as markup, and its timer icon carries one (a
// stroke from CSS variables); the survey has no timer, so the attribute goes. Styles SurveyJS sets from script
// (CSSOM) are not inline styles to CSP.
withoutInlineStyles(SvgRegistry);

/** Takes every `style` attribute out of the icons SurveyJS renders as markup; exported for its test. */
export function withoutInlineStyles(registry: Pick<typeof SvgRegistry, 'icons' | 'updateMarkup'>): void {
  let changed = false;
  for (const [id, symbol] of Object.entries(registry.icons)) {
    const plain = symbol.replace(/\s+style=("[^"]*"|'[^']*')/g, '');
    if (plain !== symbol) {
      registry.icons[id] = plain;
      changed = true;
    }
  }
  if (changed) registry.updateMarkup();
}

/** The scale buttons' accessible names of the survey on the page (createSurvey sets it). */
let scaleName: SurveyOptions['scaleName'] | null = null;

/**
 * A scale button whose radio is named by its value and meaning ("1 av 5, inte alls nöjd"): SurveyJS names all five
 * radios with the question's title, so a screen reader heard the title five times and never which end is which.
 */
class NamedRatingItem extends RatingItem {
  override render() {
    const label = super.render() as unknown as {
      props: { children: { props: Record<string, unknown> }[] };
    } | null;
    const input = label?.props.children[0];
    if (input && scaleName) {
      const q = this.question;
      const n = Number((this.item as unknown as { value: unknown }).value);
      const ends: Record<number, string> = {
        [q.rateMin]: q.minRateDescription,
        [q.rateMax]: q.maxRateDescription,
      };
      input.props['aria-label'] = scaleName(n, q.rateMax - q.rateMin + 1, ends[n] || null);
    }
    return label as ReturnType<RatingItem['render']>;
  }
}
// survey-js-ui re-exports preact's createElement, whose types it does not ship.
const h = createElement as unknown as (
  type: typeof NamedRatingItem,
  props: unknown,
) => NonNullable<ReturnType<RatingItem['render']>>;
ReactElementFactory.Instance.registerElement('sv-rating-item', (props) => h(NamedRatingItem, props));

/** SurveyJS's `--sd-mobile-width`: narrower than this, it lays questions out for a phone. */
const MOBILE_WIDTH = 600;

export interface SurveyOptions {
  json: object;
  lang: LanguageCode;
  /** The questionnaire's `default` language (DEFAULT_LOCALE). */
  defaultLocale: string;
  rtl: boolean;
  /** A read-aloud button for a question (read-aloud.ts, which stays with the first screen's code). */
  readAloud: (question: HTMLElement, name: string) => HTMLElement;
  /** A scale button's accessible name in `lang`: "1 av 5, inte alls nöjd", or "3 av 5" between the ends. */
  scaleName: (n: number, total: number, meaning: string | null) => string;
  /** "Question n of total" in `lang`, e.g. "Fråga 2 av 9". */
  progress: (n: number, total: number) => string;
  /** Answers kept in the tab from before a reload (visit.ts): the model starts with them, on their page. */
  initial?: { data: Record<string, unknown>; page: number };
  /** Every change of an answer or of the page, for the tab to keep (visit.ts). */
  onChange?: (data: Record<string, unknown>, page: number) => void;
  onComplete: (answers: Record<string, unknown>) => void;
}

/**
 * Builds the model a page per task: the whole questionnaire in one go was one task of about 15 ms (60 ms on a phone
 * four times slower). The pages after the first are added to the model before it is drawn; then the conditions
 * (visibleIf) run over them, as they do when a model loads all its pages at once. `nextTask` is survey-loader's.
 */
export async function createSurvey(o: SurveyOptions, nextTask: () => Promise<void>): Promise<Model> {
  surveyLocalization.defaultLocale = o.defaultLocale;
  scaleName = o.scaleName;
  const { pages, ...rest } = o.json as { pages?: object[] };
  const model = new Model(Array.isArray(pages) ? { ...rest, pages: pages.slice(0, 1) } : o.json);
  for (const page of Array.isArray(pages) ? pages.slice(1) : []) {
    await nextTask();
    model.addNewPage().fromJSON(page);
  }
  await nextTask();
  model.runExpressions();
  model.locale = o.lang;
  model.rtl = o.rtl;
  model.showCompletedPage = false;
  // The page shows the title and description itself, before SurveyJS has loaded (boot.ts).
  model.showTitle = false;
  if (o.initial) {
    model.data = o.initial.data;
    // Conditions (visibleIf) follow the restored answers before the page is chosen.
    model.runExpressions();
    const page = model.visiblePages[o.initial.page];
    if (page) model.currentPage = page;
  }
  const progress = numberQuestions(model, o.progress);
  model.onAfterRenderQuestion.add((_, opt) => {
    // SurveyJS draws a question again after a change: it keeps its one button.
    if (!opt.htmlElement.querySelector('.read-aloud'))
      opt.htmlElement.prepend(o.readAloud(opt.htmlElement, opt.question.name));
    progress(opt.question, opt.htmlElement);
  });
  const changed = () => o.onChange?.({ ...(model.data as Record<string, unknown>) }, model.currentPageNo);
  model.onValueChanged.add(changed);
  model.onCurrentPageChanged.add(changed);
  model.onComplete.add((sender) => o.onComplete({ ...(sender.data as Record<string, unknown>) }));
  return model;
}

/**
 * Draws the survey. The first page's questions after the first are drawn one task each (hidden, then shown one by
 * one): drawn at once, the first page was one task of about 25 ms, 100 ms on a phone four times slower. The
 * buttons below stay invisible until the last one is in (survey-theme.css), so nothing visible moves (CLS) and nobody
 * taps "Next" on a half-drawn page. Resolves once the page is complete.
 */
/** Takes a drawn questionnaire off the page, so the next one can be drawn in the same element (paper slips). */
export function unmountSurvey(root: HTMLElement): void {
  // survey-js-ui re-exports preact's unmountComponentAtNode without its types (as createElement above).
  (unmountComponentAtNode as unknown as (el: HTMLElement) => boolean)(root);
}

export async function mountSurvey(
  model: Model,
  root: HTMLElement,
  nextTask: () => Promise<void>,
): Promise<void> {
  // SurveyJS learns it is on a phone from a ResizeObserver after its first paint, then lays everything out again
  // a frame later: the whole questionnaire jumped (CLS 0.22). Told beforehand, it draws the phone layout at once.
  model.setIsMobile(root.clientWidth < MOBILE_WIDTH);
  // survey-core types currentPage as any; before the first render it is the first page, or none.
  const page = model.currentPage as PageModel | undefined;
  // Questions with a condition keep what the condition says.
  const later = page ? page.questions.slice(1).filter((q: Question) => q.isVisible && !q.visibleIf) : [];
  if (later.length) {
    // Shown one by one, they would otherwise slide in (SurveyJS animates questions that appear).
    page?.blockAnimations();
    for (const q of later) q.visible = false;
    root.classList.add('drawing');
  }
  // What SurveyJS would otherwise make during its first render (the navigation bar, progress and table of contents
  // models around the page), made in a task of its own: the first render was the longest task left.
  for (const container of [
    'header',
    'footer',
    'contentTop',
    'contentBottom',
    'left',
    'right',
    'center',
  ] as const) {
    model.getContainerContent(container);
  }
  await nextTask();
  renderSurvey(model, root);
  if (!later.length) return;
  for (const q of later) {
    await nextTask();
    q.visible = true;
  }
  page?.releaseAnimations();
  root.classList.remove('drawing');
}

/**
 * "Fråga 2 av 9" above each question: its place among the questions shown, which changes when a condition shows
 * or hides one (the internship rating after "yes"). Returns the hook for SurveyJS's onAfterRenderQuestion.
 */
function numberQuestions(
  model: Model,
  text: (n: number, total: number) => string,
): (q: Question, el: HTMLElement) => void {
  const labels = new Map<Question, HTMLElement>();
  const renumber = () => {
    const shown = model.getAllQuestions(true);
    for (const [q, label] of labels) {
      const i = shown.indexOf(q);
      label.textContent = i < 0 ? '' : text(i + 1, shown.length);
    }
  };
  model.onQuestionVisibleChanged.add(renumber);
  return (q, el) => {
    let label = labels.get(q);
    if (!label || !el.contains(label)) {
      label = document.createElement('p');
      label.className = 'question-number';
      el.prepend(label);
      labels.set(q, label);
    }
    renumber();
  };
}

/**
 * After the api refused the answers (400), the questionnaire comes back, answers kept, on the page of the first
 * question to fix, each such question marked with `text`. Returns how many of the refused questions it found.
 */
export function reopenWithErrors(model: Model, names: string[], text: string): number {
  model.clear(false, false);
  const questions = names.map((n) => model.getQuestionByName(n) as Question | null).filter((q) => q !== null);
  const first = questions[0];
  if (first?.page) model.currentPage = first.page;
  for (const q of questions) q.addError(text);
  return questions.length;
}
