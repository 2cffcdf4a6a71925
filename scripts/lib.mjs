import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const env = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: '1',
  SCARF_ANALYTICS: 'false',
  NEXT_TELEMETRY_DISABLED: '1',
};

/** Installs on a fresh clone; the repo's own Node 22 (root devDependency "node") is then in node_modules/.bin. */
export function ensureInstalled() {
  if (existsSync(join(root, 'node_modules/.bin/turbo')) && existsSync(join(root, 'node_modules/.bin/node')))
    return;
  console.log('Installing dependencies (npm ci)…');
  run('npm', ['ci']);
}

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...env, ...opts.env }, ...opts });
  if (r.status !== 0) {
    console.error(`\n${cmd} ${args.join(' ')} failed with exit code ${r.status}`);
    process.exit(r.status ?? 1);
  }
}

/** Node 22 from the repo (Angular 22 refuses Node < 22.22; the machine's default may be older). */
export function node22() {
  const local = join(root, 'node_modules/.bin/node');
  return existsSync(local) ? local : process.execPath;
}

export function withRepoPath() {
  return { ...env, PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH}` };
}
