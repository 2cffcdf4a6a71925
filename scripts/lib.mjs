import { existsSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
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

/** Counts from the closing lines of Jest, Vitest and node:test (tap or spec reporter). */
export function parseCounts(out) {
  const clean = stripVTControlCharacters(out);
  let passed = 0;
  let failed = 0;
  let found = false;
  for (const line of clean.split('\n')) {
    let m;
    if ((m = line.match(/^Tests:\s+(.*)$/))) {
      // Jest: "Tests:       1 failed, 36 passed, 37 total"
      found = true;
      passed += Number(m[1].match(/(\d+) passed/)?.[1] ?? 0);
      failed += Number(m[1].match(/(\d+) failed/)?.[1] ?? 0);
    } else if ((m = line.match(/^\s*Tests\s+(.*)\(\d+\)\s*$/))) {
      // Vitest: "      Tests  2 failed | 10 passed (12)"
      found = true;
      passed += Number(m[1].match(/(\d+) passed/)?.[1] ?? 0);
      failed += Number(m[1].match(/(\d+) failed/)?.[1] ?? 0);
    } else if ((m = line.match(/^(?:#|ℹ) pass (\d+)\s*$/))) {
      found = true;
      passed += Number(m[1]);
    } else if ((m = line.match(/^(?:#|ℹ) fail (\d+)\s*$/))) {
      found = true;
      failed += Number(m[1]);
    }
  }
  return { passed, failed, found };
}

/** Wall time as a person reads it: "48s", "6m 12s", "1h 3m 0s". */
export function duration(ms) {
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h) return `${h}h ${m}m ${s}s`;
  return m ? `${m}m ${s}s` : `${s}s`;
}

const onPath = (cmd) => (process.env.PATH ?? '').split(delimiter).some((d) => d && existsSync(join(d, cmd)));

/**
 * What the browser journeys' system packages call for: `install` lists what apt-get must add (none: all present),
 * `stop` is the one line to print when they cannot be installed from here.
 */
export function browserPlan({ chrome, chromeFromEnv, chromeExists, fontsExist, canApt }) {
  if (!chromeExists && chromeFromEnv)
    return { stop: `Browser journeys need chromium at CHROME_BIN=${chrome}, which does not exist.` };
  const missing = [...(chromeExists ? [] : ['chromium']), ...(fontsExist ? [] : ['fonts-noto-core'])];
  if (!missing.length || canApt) return { install: missing };
  const orChrome = chromeExists ? '' : ', or set CHROME_BIN';
  return {
    stop: `Browser journeys need Debian's ${missing.join(' and ')}: run \`sudo apt-get install -y ${missing.join(' ')}\`${orChrome}`,
  };
}

/**
 * The browser journeys drive Debian's chromium and need the Noto fonts for the survey's scripts. Missing ones are
 * installed with apt-get when this runs as root (a fresh CI machine); otherwise one line names the command. Either
 * way a missing browser is a failure, never a silent skip. Returns whether the journeys can run.
 */
export function ensureBrowser() {
  const chrome = process.env.CHROME_BIN ?? '/usr/bin/chromium';
  const plan = browserPlan({
    chrome,
    chromeFromEnv: Boolean(process.env.CHROME_BIN),
    chromeExists: existsSync(chrome),
    fontsExist: existsSync('/usr/share/fonts/truetype/noto'),
    canApt: process.getuid?.() === 0 && onPath('apt-get'),
  });
  if (plan.stop) {
    console.log(plan.stop);
    return false;
  }
  if (!plan.install.length) return true;
  process.stdout.write(
    `Installing Debian's ${plan.install.join(' and ')} for the browser journeys (apt-get)…`,
  );
  const t = Date.now();
  const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', ...plan.install],
  ]) {
    const r = spawnSync('apt-get', args, { env: aptEnv, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) {
      console.log(' failed');
      process.stdout.write(`${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}\n`);
      console.log(`apt-get ${args.join(' ')} failed (exit ${r.status})`);
      return false;
    }
  }
  console.log(` done in ${duration(Date.now() - t)}`);
  if (existsSync(chrome)) return true;
  console.log(`apt-get installed chromium, yet ${chrome} is missing.`);
  return false;
}
