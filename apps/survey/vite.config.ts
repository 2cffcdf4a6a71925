import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/** The SurveyJS chunks, loaded after the first screen. */
const SURVEY_CHUNKS = /^(survey-core|survey-js-ui)$/;

/** Writes the built SurveyJS files (scripts and styles) where survey-loader.ts has the placeholder. */
function surveyFiles(base: string): Plugin {
  return {
    name: 'survey-files',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter(
        (c) => c.type === 'chunk' && /^(survey-|rolldown-runtime)/.test(c.name),
      );
      if (!chunks.some((c) => c.name === 'survey-core')) throw new Error('no survey-core chunk');
      const files = new Set<string>();
      for (const c of chunks) {
        files.add(c.fileName);
        for (const css of (c as { viteMetadata?: { importedCss: Set<string> } }).viteMetadata?.importedCss ??
          [])
          files.add(css);
      }
      const list = [...files].map((f) => `${base}${f}`).join(' ');
      for (const c of Object.values(bundle))
        if (c.type === 'chunk') c.code = c.code.replaceAll('__SURVEY_FILES__', list);
    },
  };
}

/**
 * Lets survey-core evaluate in slices of about 300 KB of its source, each in a task of its own: a top-level await
 * between two of its top-level statements (a class, a Serializer.addClass call, …) hands the main thread back to
 * the browser, and the module's scope is untouched. Evaluated in one go it was one task of 20–35 ms here (80–140 ms
 * under Lighthouse's 4× CPU slowdown). Importers wait for the whole module as usual, so nothing sees it half done.
 * Top-level await needs an ES2022 build target (Chrome 89, Safari 15, Firefox 89).
 */
function evaluateInSlices(test: RegExp, sliceBytes: number): Plugin {
  return {
    name: 'evaluate-in-slices',
    apply: 'build',
    transform(code, id) {
      if (!test.test(id)) return null;
      const cuts: number[] = [];
      let last = 0;
      for (const statement of this.parse(code).body) {
        if (/^(Import|Export)/.test(statement.type) || statement.end - last < sliceBytes) continue;
        cuts.push(statement.end);
        last = statement.end;
      }
      if (!cuts.length) throw new Error(`evaluate-in-slices: nothing to cut in ${id}`);
      let out = code;
      for (const cut of cuts.reverse()) out = `${out.slice(0, cut)}\nawait __nextSlice();\n${out.slice(cut)}`;
      // scheduler.yield() where there is one, else a message (a new task, without setTimeout's 4 ms clamp).
      const nextSlice =
        'const __nextSlice = () => globalThis.scheduler?.yield ? globalThis.scheduler.yield() : new Promise((resolve) => { ' +
        'const c = new MessageChannel(); c.port1.onmessage = () => resolve(); c.port2.postMessage(null); });';
      return { code: `${nextSlice}\n${out}`, map: null };
    },
  };
}

// Served by the api at /s/ (same origin as /api, so the survey cookie and CSP need no exceptions).
export default defineConfig({
  base: '/s/',
  plugins: [
    surveyFiles('/s/'),
    evaluateInSlices(/node_modules[\\/]survey-core[\\/]fesm[\\/]survey-core\.mjs$/, 300_000),
  ],
  build: {
    outDir: 'dist',
    // ES2022 for top-level await (evaluateInSlices).
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1300,
    rolldownOptions: {
      output: {
        // survey-core and survey-js-ui in chunks of their own, so each is evaluated in a task of its own
        // (survey-loader.ts): one 1.4 MB chunk was one long task that blocked the phone for a second.
        codeSplitting: {
          groups: [
            { name: 'survey-core', test: /node_modules[\\/]survey-core[\\/]/ },
            { name: 'survey-js-ui', test: /node_modules[\\/]survey-js-ui[\\/]/ },
          ],
        },
        // V8's explicit compile hint: Chrome compiles these eagerly on a background thread while they download,
        // instead of function by function on the main thread the first time each runs (Chrome 136+; others
        // ignore the comment). Added after minification, which would drop it.
        postBanner: (chunk) => (SURVEY_CHUNKS.test(chunk.name) ? '//# allFunctionsCalledOnLoad' : ''),
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
  test: { environment: 'jsdom' },
});
