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
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk' && /^(survey-|rolldown-runtime)/.test(c.name));
      if (!chunks.some((c) => c.name === 'survey-core')) throw new Error('no survey-core chunk');
      const files = new Set<string>();
      for (const c of chunks) {
        files.add(c.fileName);
        for (const css of (c as { viteMetadata?: { importedCss: Set<string> } }).viteMetadata?.importedCss ?? []) files.add(css);
      }
      const list = [...files].map((f) => `${base}${f}`).join(' ');
      for (const c of Object.values(bundle)) if (c.type === 'chunk') c.code = c.code.replaceAll('__SURVEY_FILES__', list);
    },
  };
}

// Served by the api at /s/ (same origin as /api, so the survey cookie and CSP need no exceptions).
export default defineConfig({
  base: '/s/',
  plugins: [surveyFiles('/s/')],
  build: {
    outDir: 'dist',
    target: 'es2020',
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
