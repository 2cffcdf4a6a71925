// `npm test`: builds, runs the repo-wide checks (lint, typecheck, the scripts' own node:test specs), then every
// workspace's tests one after another (two cores: parallel runs would fight over CPU and the database). Each step
// prints its wall time; the run ends with the total and then one line "N passed, N failed" summed over every runner.
// `npm test -- api lint` runs only the steps whose names contain one of the words (build always runs).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { duration, ensureBrowser, ensureInstalled, node22, parseCounts, root, withRepoPath } from './lib.mjs';

const started = Date.now();
ensureInstalled();

// Dependencies first, browser journeys last; a folder without a package.json is not a workspace.
const ORDER = [
  'packages/contracts',
  'packages/reports',
  'packages/questionnaires',
  'apps/api',
  'apps/admin',
  'apps/survey',
  'packages/e2e',
];
const workspaces = ORDER.filter((ws) => existsSync(join(root, ws, 'package.json')));
const only = process.argv.slice(2);
const selected = (name) => !only.length || only.some((o) => name.includes(o));

let passed = 0;
let failed = 0;
const broken = [];

/** Runs a command with its output shown as it comes, and kept for counting. */
function runStep(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env: { ...withRepoPath(), FORCE_COLOR: '0' } });
    let out = '';
    child.stdout.on('data', (d) => (process.stdout.write(d), (out += d)));
    child.stderr.on('data', (d) => (process.stderr.write(d), (out += d)));
    child.on('error', (e) => (out += String(e)));
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

/** A step that passes or fails as a whole (build, lint, typecheck): a failure counts as one, named. */
async function wholeStep(name, cmd, args) {
  console.log(`\n===== ${name} =====`);
  const t = Date.now();
  const { code } = await runStep(cmd, args);
  if (code !== 0) {
    failed += 1;
    broken.push(name);
  }
  console.log(`----- ${name}: ${code === 0 ? 'ok' : 'FAILED'} (exit ${code}) in ${duration(Date.now() - t)}`);
  return code === 0;
}

/** A step whose runner counts its tests (node:test, Jest, Vitest). */
async function countedStep(name, cmd, args) {
  console.log(`\n===== ${name} =====`);
  const t = Date.now();
  const { code, out } = await runStep(cmd, args);
  const c = parseCounts(out);
  passed += c.passed;
  failed += c.failed;
  if (code !== 0 && c.failed === 0) {
    // The runner died before it could count: that is a failure too.
    failed += 1;
    broken.push(name);
  }
  console.log(
    `----- ${name}: ${c.passed} passed, ${c.failed} failed (exit ${code}) in ${duration(Date.now() - t)}`,
  );
}

const built = await wholeStep('build', join(root, 'node_modules/.bin/turbo'), ['run', 'build']);

if (built) {
  if (selected('lint')) await wholeStep('lint', 'npm', ['run', 'lint']);
  if (selected('typecheck')) await wholeStep('typecheck', 'npm', ['run', 'typecheck']);
  if (selected('scripts')) {
    const specs = readdirSync(join(root, 'scripts'), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.spec.mjs') && !f.split(/[\\/]/).includes('node_modules'))
      .sort()
      .map((f) => join('scripts', f));
    if (specs.length) await countedStep('scripts', node22(), ['--test', ...specs]);
  }

  for (const ws of workspaces) {
    if (!selected(ws)) continue;
    if (ws === 'packages/e2e' && !ensureBrowser()) {
      failed += 1;
      broken.push(`${ws} (no browser)`);
      continue;
    }
    await countedStep(ws, 'npm', ['run', 'test', '--workspace', ws, '--if-present']);
  }
}

if (broken.length) console.log(`\nFailed without a count of tests: ${broken.join(', ')}`);
console.log(`\nTotal wall time: ${duration(Date.now() - started)}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
