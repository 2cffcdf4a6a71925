/** Resolves in a new task: the work before and after it become two shorter tasks instead of one long one. */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** survey-core's built chunk (vite.config.ts writes it in); the placeholder stays in the dev server. */
const SURVEY_CORE_CHUNK = '__SURVEY_CORE_CHUNK__';

/**
 * Fetches and compiles survey-core without running it. Chrome compiles it on a background thread as it arrives;
 * asked to run it before that is done (a fast line, a kiosk tablet on wifi), the main thread waits for the
 * compiler inside the same long task.
 */
function compiled(href: string): Promise<void> {
  if (href.startsWith('__')) return Promise.resolve();
  return new Promise((resolve) => {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.crossOrigin = '';
    link.href = href;
    link.onload = link.onerror = () => resolve();
    document.head.append(link);
  });
}

let loading: Promise<typeof import('./survey-page')> | undefined;

/**
 * SurveyJS in steps, each evaluated in a task of its own: survey-core first, then survey-js-ui with our page code.
 * Evaluated together they were one task of about a second on a throttled phone, during which a tap went unanswered.
 */
export function loadSurveyPage(): Promise<typeof import('./survey-page')> {
  loading ??= compiled(SURVEY_CORE_CHUNK)
    .then(nextTask)
    .then(() => import('survey-core'))
    .then(nextTask)
    .then(() => import('./survey-page'));
  return loading;
}
