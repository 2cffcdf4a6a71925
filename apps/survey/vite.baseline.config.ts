import { defineConfig } from 'vite';

/** Builds bench/index.html, the bare SurveyJS page the Lighthouse benchmark compares against (never deployed). */
export default defineConfig({
  root: 'bench',
  base: '/',
  build: { outDir: '../dist-baseline', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
});
