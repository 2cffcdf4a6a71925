// `npm run bench:disclosure -w @stegvis/api` (and part of `npm run bench`): the disclosure audit's property test
// (packages/reports test/disclosure-property.spec.ts) on 1,000 random programmes instead of `npm test`'s 200 small
// ones — up to three groups of up to 14 people over up to ten months. Each programme: the engine's decision, then
// every hidden health cell audited afresh against everything shown (every fixed period, every endpoint), and every
// report table of every period placed and checked. Prints the time per programme; exits 1 on a counterexample,
// with its seed. DISCLOSURE_RUNS and PROPERTY_SEED change the hunt.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../../..');
const require = createRequire(import.meta.url);
const reports = join(root, 'packages/reports');

// The reports package's test support, compiled as its `npm test` compiles it.
execFileSync(
  process.execPath,
  [require.resolve('typescript/bin/tsc'), '-p', join(reports, 'tsconfig.test.json')],
  {
    stdio: 'inherit',
  },
);
const support = require(join(reports, 'dist-test/test/disclosure-support.js'));
const fc = require('fast-check');

const runs = Number(process.env.DISCLOSURE_RUNS ?? 1000);
const seed = Number(process.env.PROPERTY_SEED ?? 20261206);
const programmes = fc.sample(support.programmeArbitrary({ maxGroups: 3, maxPeople: 14, maxDays: 300 }), {
  numRuns: runs,
  seed,
});

const times = [];
const statuses = new Map();
let audited = 0;
const started = Date.now();
for (const [i, p] of programmes.entries()) {
  const t0 = Date.now();
  try {
    const { decision, intervals } = await support.checkProgramme(p, { timeLimitMs: 120_000 });
    const key = decision.status === 'audited' ? 'audited' : `fallback: ${decision.reason}`;
    statuses.set(key, (statuses.get(key) ?? 0) + 1);
    audited += intervals.length;
  } catch (err) {
    console.error(`Counterexample ${i} of seed ${seed}:\n${err.message}\n${JSON.stringify(p)}`);
    process.exit(1);
  }
  times.push(Date.now() - t0);
  if ((i + 1) % 100 === 0) console.log(`${i + 1} programmes, ${Math.round((Date.now() - started) / 1000)} s`);
}
const sorted = [...times].sort((a, b) => a - b);
const pct = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
console.log(
  `Disclosure audit: ${runs} programmes (seed ${seed}), ${audited} hidden health cells proved safe; ` +
    `per programme median ${pct(50)} ms, p95 ${pct(95)} ms, max ${pct(100)} ms; ` +
    `${[...statuses].map(([k, n]) => `${n} ${k}`).join(', ')}`,
);
