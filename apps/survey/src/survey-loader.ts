type Yielding = { scheduler?: { yield?: () => Promise<void> } };

/**
 * Resolves in a new task: the work before and after it become two shorter tasks instead of one long one.
 * scheduler.yield() where the browser has it (the rest runs before other queued work); else a message, which,
 * unlike setTimeout, is not held back 4 ms once timeouts nest five deep.
 */
export const nextTask = (): Promise<void> => {
  const scheduler = (globalThis as Yielding).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
};

/** Resolves once the browser has painted what is on the page now. */
export const afterPaint = (): Promise<void> =>
  new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** The built SurveyJS files (vite.config.ts writes them in); the placeholder stays in the dev server. */
const SURVEY_FILES = '__SURVEY_FILES__';

function preload(href: string): Promise<void> {
  return new Promise((resolve) => {
    const link = document.createElement('link');
    if (href.endsWith('.css')) {
      link.rel = 'preload';
      link.as = 'style';
    } else {
      link.rel = 'modulepreload';
    }
    link.crossOrigin = '';
    link.href = href;
    link.onload = link.onerror = () => resolve();
    document.head.append(link);
  });
}

let preloading: Promise<void> | undefined;

/**
 * Downloads SurveyJS and has Chrome compile it (on a background thread) without running it: the first screen
 * calls this once it is drawn, so neither its paint nor a tap on it waits for SurveyJS.
 */
export function preloadSurvey(): Promise<void> {
  preloading ??= SURVEY_FILES.startsWith('__')
    ? Promise.resolve()
    : Promise.all(SURVEY_FILES.split(' ').map(preload)).then(() => undefined);
  return preloading;
}

/**
 * Runs a preloaded module through a script element: Chrome links it in one task and runs it in the next, where
 * import() does both in one (with Lighthouse's tracing, linking survey-core alone costs as much as running it).
 * Most of that first task, in a Lighthouse trace, is V8 copying the chunk's 1.2 MB of source into the trace
 * (ScriptCatchup / LargeScriptCatchup events, 20–35 ms here): it grows with the size of one script file, and
 * happens only while tracing.
 */
function run(name: string): Promise<void> {
  const src = SURVEY_FILES.split(' ').find((f) => f.includes(`/${name}-`) && f.endsWith('.js'));
  if (!src) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.type = 'module';
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`${name} did not load`));
    document.head.append(script);
  });
}

let loading: Promise<typeof import('./survey-page')> | undefined;

/**
 * SurveyJS in steps, each in a task of its own: compiled, survey-core run, survey-js-ui run, then our page code
 * (import() finds both already run). All in one go they were one task of about a second on a throttled phone.
 */
export function loadSurveyPage(): Promise<typeof import('./survey-page')> {
  loading ??= preloadSurvey()
    .then(nextTask)
    .then(() => run('survey-core'))
    .then(nextTask)
    .then(() => run('survey-js-ui'))
    .then(nextTask)
    .then(() => import('./survey-page'));
  return loading;
}
