import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ApiClient } from './api-client';
import { demoPasswords, startApi } from './server';

/**
 * Lighthouse (mobile preset) on the survey site's first screen and questionnaire page, next to a bare SurveyJS
 * page built from the same questionnaire (apps/survey/bench), in one run. Appends to docs/benchmarks.md.
 * Run: npm run bench:survey -w @stegvis/e2e (after npm run build).
 */
const root = join(__dirname, '../../..');
const SECTION_HEADING = '\n## Survey site, Lighthouse mobile\n';
/** Runs per page (LIGHTHOUSE_RUNS): the figures are their medians. */
const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 5));
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

function serveBaseline(port: number) {
  const dir = join(root, 'apps/survey/dist-baseline');
  const server = createServer((req, res) => {
    const path = normalize(
      join(dir, (req.url ?? '/').split('?')[0] === '/' ? 'index.html' : (req.url ?? '').split('?')[0]),
    );
    if (!path.startsWith(dir)) return void res.writeHead(404).end();
    try {
      // Gzipped like the api serves the real site, so the comparison is fair.
      const body = gzipSync(readFileSync(path));
      res
        .writeHead(200, {
          'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
          'content-encoding': 'gzip',
        })
        .end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise<typeof server>((r) => server.listen(port, '127.0.0.1', () => r(server)));
}

/** The document with this benchmark's section replaced (or added at the end); other benchmarks' sections stay. */
function withSection(doc: string, section: string): string {
  const start = doc.indexOf(SECTION_HEADING);
  if (start === -1) return doc.trimEnd() + '\n' + section;
  // The section ends where the next heading or marked block begins.
  const rest = doc.slice(start + SECTION_HEADING.length);
  const end = rest.search(/\n(## |<!-- )/);
  return doc.slice(0, start) + section + (end === -1 ? '' : rest.slice(end));
}

interface Result {
  page: string;
  score: number;
  lcp: number;
  tbt: number;
  cls: number;
  js: number;
}

/** A run in which Lighthouse itself failed (its report's runtimeError, e.g. NO_NAVSTART); its score is no measurement. */
class FailedRun extends Error {}

async function audit(url: string, page: string, run: number): Promise<Result> {
  const { default: lighthouse } = (await import('lighthouse')) as unknown as {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the report is read by audit id below
    default: (url: string, flags: object) => Promise<{ lhr: any }>;
  };
  const chromeLauncher = (await import('chrome-launcher')) as unknown as {
    launch: (o: object) => Promise<{ port: number; kill: () => Promise<void> }>;
  };
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const { lhr } = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      onlyCategories: ['performance'],
      formFactor: 'mobile',
      logLevel: 'error',
    });
    // The whole report, for finding out what a figure is made of (LIGHTHOUSE_DUMP=/some/folder).
    if (process.env.LIGHTHOUSE_DUMP)
      writeFileSync(
        join(process.env.LIGHTHOUSE_DUMP, `${page.replace(/[^a-z]+/gi, '-').toLowerCase()}-${run + 1}.json`),
        JSON.stringify(lhr, null, 1),
      );
    // Lighthouse scores such a run 0 and asks to run it again; as a 0 it dragged a median of three down by points.
    if (lhr.runtimeError) throw new FailedRun(`${page}: ${lhr.runtimeError.code}`);
    const a = lhr.audits;
    const js = (a['network-requests'].details.items as { resourceType: string; transferSize: number }[])
      .filter((i) => i.resourceType === 'Script')
      .reduce((s, i) => s + i.transferSize, 0);
    return {
      page,
      score: Math.round(lhr.categories.performance.score * 100),
      lcp: a['largest-contentful-paint'].numericValue,
      tbt: a['total-blocking-time'].numericValue,
      cls: a['cumulative-layout-shift'].numericValue,
      js,
    };
  } finally {
    await chrome.kill();
  }
}

async function main(): Promise<void> {
  const load = loadavg()[0].toFixed(1);
  const api = await startApi('lighthouse', 3340, { STEGVIS_DEMO_SEED: 'true' });
  const baseline = await serveBaseline(3341);
  try {
    const { staff } = await demoPasswords(api);
    const c = await new ApiClient(api.url).signIn(staff.email, staff.password);
    const programme = (await c.call('GET', '/api/programmes')).items[0];
    const group = await c.call('POST', '/api/groups', {
      programmeId: programme.id,
      municipalityId: programme.ownerMunicipality.id,
      number: 9,
      startDate: '2020-01-06',
      endDate: '2020-04-03',
      capacity: 10,
      overIntake: 0,
      deliveryMode: 'on_site',
    });
    const p = await c.call('POST', '/api/participants', {
      programmeId: programme.id,
      firstName: 'Bench',
      lastName: 'Person',
      gender: 'woman',
    });
    await c.call('POST', `/api/participants/${p.id}/enrolments`, {
      groupId: group.id,
      startDate: '2020-01-06',
    });
    const round = await c.call('POST', '/api/survey-rounds', {
      groupId: group.id,
      questionnaireId: 'end-of-group',
      opensAt: new Date(Date.now() - 60_000).toISOString(),
      closesAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    const token = round.codes[0].token as string;
    const pages: [string, string][] = [
      [`${api.url}/s/?t=${token}`, 'Survey site: first screen (language choice)'],
      [`${api.url}/s/?t=${token}&lang=sv`, 'Survey site: questionnaire page'],
      ['http://127.0.0.1:3341/', 'Baseline: bare SurveyJS page, same questionnaire'],
    ];
    // One Lighthouse run on a shared 2-core machine swings by 15 points and more (TBT is CPU time scaled up), so
    // each page is measured RUNS times, the pages taking turns so that a busy minute falls on all of them alike.
    const runs: Result[][] = pages.map(() => []);
    const failed: string[] = [];
    for (let i = 0; i < RUNS; i++)
      for (const [n, [url, page]] of pages.entries())
        for (let attempt = 1; ; attempt++) {
          try {
            runs[n].push(await audit(url, page, i));
            break;
          } catch (err) {
            if (!(err instanceof FailedRun) || attempt === 3) throw err;
            failed.push(err.message);
            process.stderr.write(`Lighthouse failed, running again: ${err.message}\n`);
          }
        }
    const median = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    };
    const rows = runs.map((r) => {
      const scores = r.map((x) => x.score);
      const range = RUNS > 1 ? ` (${Math.min(...scores)}–${Math.max(...scores)})` : '';
      return (
        `| ${r[0].page} | ${Math.round(median(scores))}${range} | ${Math.round(median(r.map((x) => x.lcp)))} | ` +
        `${Math.round(median(r.map((x) => x.tbt)))} | ${median(r.map((x) => x.cls)).toFixed(3)} | ` +
        `${(median(r.map((x) => x.js)) / 1024).toFixed(1)} |`
      );
    });
    const section =
      `${SECTION_HEADING}\nMeasured by \`npm run bench:survey -w @stegvis/e2e\` (Lighthouse 13, mobile preset with simulated throttling, Debian\n` +
      `chromium), each page ${RUNS} times in one run on ${new Date().toISOString().slice(0, 10)}, the pages taking turns; load average ${load} on ${cpus().length} cores\n` +
      `at the start. Each figure is the median of the runs, the score's lowest and highest in brackets: simulated\n` +
      `throttling multiplies the CPU time tasks took here, so TBT and the score swing with the machine's load (the\n` +
      `baseline row shows it). ${failed.length ? `Runs that Lighthouse itself failed and that were run again: ${failed.join('; ')}. ` : ''}` +
      `Targets: first screen ≥ 95, questionnaire page ≥ 90, CLS ≤ 0.1, TBT ≤ 200 ms.\n\n` +
      `| page | score | LCP (ms) | TBT (ms) | CLS | JS transferred (KiB) |\n|---|---|---|---|---|---|\n${rows.join('\n')}\n`;
    const docPath = join(root, 'docs/benchmarks.md');
    writeFileSync(docPath, withSection(readFileSync(docPath, 'utf8'), section));
    process.stdout.write(section);
  } finally {
    baseline.close();
    await api.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
