import { defineConfig } from 'vite';

// Served by the api at /s/ (same origin as /api, so the survey cookie and CSP need no exceptions).
export default defineConfig({
  base: '/s/',
  build: { outDir: 'dist', target: 'es2020', sourcemap: false, chunkSizeWarningLimit: 1200 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
  test: { environment: 'jsdom' },
});
