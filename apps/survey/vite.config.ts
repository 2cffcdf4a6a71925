import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/** The SurveyJS chunks, loaded after the first screen. */
const SURVEY_CHUNKS = /^(survey-core|survey-js-ui)$/;

/** Writes survey-core's chunk address where survey-loader.ts has the placeholder (known only once hashed). */
function surveyCoreAddress(base: string): Plugin {
  return {
    name: 'survey-core-address',
    apply: 'build',
    generateBundle(_options, bundle) {
      const core = Object.values(bundle).find((c) => c.type === 'chunk' && c.name === 'survey-core');
      if (!core) throw new Error('no survey-core chunk');
      for (const c of Object.values(bundle)) if (c.type === 'chunk') c.code = c.code.replaceAll('__SURVEY_CORE_CHUNK__', `${base}${core.fileName}`);
    },
  };
}

// Served by the api at /s/ (same origin as /api, so the survey cookie and CSP need no exceptions).
export default defineConfig({
  base: '/s/',
  plugins: [surveyCoreAddress('/s/')],
  build: {
    outDir: 'dist',
    target: 'es2020',
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
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
