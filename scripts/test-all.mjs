// `npm test`: builds, then runs every workspace's tests one after another (two cores: parallel runs would fight
// over CPU and the database), and ends with one line "N passed, N failed" summed over every runner.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureInstalled, root, run, withRepoPath } from './lib.mjs';

ensureInstalled();
run(join(root, 'node_modules/.bin/turbo'), ['run', 'build'], { env: withRepoPath() });

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

/** Counts from the closing lines of Jest, Vitest and node:test (tap or spec reporter). */
export function parseCounts(out) {
  const clean = out.replace(/\x1b\[[0-9;]*m/g, '');
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

function runTests(ws) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', 'test', '--workspace', ws, '--if-present'], {
      cwd: root,
      env: { ...withRepoPath(), FORCE_COLOR: '0' },
    });
    let out = '';
    child.stdout.on('data', (d) => (process.stdout.write(d), (out += d)));
    child.stderr.on('data', (d) => (process.stderr.write(d), (out += d)));
    child.on('exit', (code) => resolve({ code: code ?? 1, out }));
  });
}

let passed = 0;
let failed = 0;
const broken = [];
for (const ws of workspaces) {
  if (only.length && !only.some((o) => ws.includes(o))) continue;
  console.log(`\n===== ${ws} =====`);
  const { code, out } = await runTests(ws);
  const c = parseCounts(out);
  passed += c.passed;
  failed += c.failed;
  if (code !== 0 && c.failed === 0) {
    // The runner died before it could count: that is a failure too.
    failed += 1;
    broken.push(ws);
  }
  console.log(`----- ${ws}: ${c.passed} passed, ${c.failed} failed (exit ${code})`);
}
if (broken.length) console.log(`\nRunners that failed without a count: ${broken.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
