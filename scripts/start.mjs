// `npm start`: install if needed, build everything, then run the api, which migrates, serves the admin at /
// and the survey site at /s/, and seeds demo data into an empty database.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ensureInstalled, node22, root, run, withRepoPath } from './lib.mjs';

ensureInstalled();
run(join(root, 'node_modules/.bin/turbo'), ['run', 'build'], { env: withRepoPath() });

const { apiRuntimeEnv } = createRequire(import.meta.url)('../apps/api/runtime-env.cjs');
const api = spawn(node22(), [join(root, 'apps/api/dist/main.js')], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...withRepoPath(),
    ...apiRuntimeEnv(),
    STEGVIS_ROOT: root,
    STEGVIS_ADMIN_DIST: join(root, 'apps/admin/dist/admin/browser'),
    STEGVIS_SURVEY_DIST: join(root, 'apps/survey/dist'),
    STEGVIS_DEMO_SEED: process.env.STEGVIS_DEMO_SEED ?? 'true',
  },
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => api.kill(sig));
api.on('exit', (code) => process.exit(code ?? 0));
