// `npm run bench`: measures the api against the bare SQL it runs, in the same run, on this machine.
// Each benchmark seeds its own database, so the figures are repeatable. Results go to docs/benchmarks.md.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../../..');
const SERVER = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PORT = 3290;
const N = Number(process.env.BENCH_REQUESTS ?? 300);

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const ms = (ns) => Number(ns) / 1e6;

async function withDatabase(name, fn) {
  const admin = new pg.Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  try {
    return await fn(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

async function startApi(databaseUrl) {
  const child = spawn(process.execPath, [join(root, 'apps/api/dist/main.js')], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(PORT), LOG_LEVEL: 'error', STEGVIS_ADMIN_EMAIL: 'bench@stegvis.local', STEGVIS_ADMIN_PASSWORD: 'bench-password-123', RETENTION_SCHEDULE: 'false' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/api/health`)).ok) return child;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('api did not start');
}

async function login(email, password) {
  const r = await fetch(`http://127.0.0.1:${PORT}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  const body = await r.json();
  return { cookie: r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), csrf: body.csrfToken };
}

async function call(session, method, path, body) {
  const r = await fetch(`http://127.0.0.1:${PORT}${path}`, { method, headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
  return r.json();
}

/** Issue 5: the referral queue with filters over 100 000 referrals, against the same SQL run bare. */
async function referralQueue() {
  return withDatabase('stegvis_bench_queue', async (url) => {
    const api = await startApi(url);
    try {
      const admin = await login('bench@stegvis.local', 'bench-password-123');
      const db = new pg.Client({ connectionString: url });
      await db.connect();
      const m = (await db.query("INSERT INTO municipality (name, code) VALUES ('Ängelholm', '1292') RETURNING id")).rows[0].id;
      const af = (await db.query("INSERT INTO organisation (name, kind) VALUES ('Arbetsförmedlingen', 'employment_service') RETURNING id")).rows[0].id;
      const p = await call(admin, 'POST', '/api/programmes', { name: 'Nästa Steg', ownerMunicipalityId: m, municipalityIds: [m], partnerOrganisationIds: [af], startDate: '2019-09-03', endDate: '2021-12-31', goals: [] });
      const staffPw = 'bench-staff-password';
      await call(admin, 'POST', '/api/users', { email: 'staff@bench.local', displayName: 'Staff', role: 'staff', password: staffPw, programmeIds: [p.id] });
      const t0 = process.hrtime.bigint();
      await db.query(
        `INSERT INTO referral (id, programme_id, first_name, last_name, gender, pseudonym, swedish_level, organisation_id, referrer_name, created_by, reason, consent_to_share, priority, status, received_at, version)
         SELECT gen_random_uuid(), $1, 'Namn' || i, 'Efternamn', CASE WHEN i % 2 = 0 THEN 'woman' ELSE 'man' END, 'Deltagare ' || i,
                (ARRAY['sfi_b','sfi_c','sfi_d','gruv'])[1 + i % 4], $2, 'Handläggare', $3, 'Behöver stöd', true,
                CASE WHEN i % 10 = 0 THEN 'high' ELSE 'normal' END,
                (ARRAY['received','screened','on_agenda','accepted','declined'])[1 + i % 5],
                now() - (i || ' minutes')::interval, 1
           FROM generate_series(1, 100000) AS i`,
        [p.id, af, randomUUID()],
      );
      await db.query('ANALYZE referral');
      const seeded = ms(process.hrtime.bigint() - t0);
      const staff = await login('staff@bench.local', staffPw);
      const path = `/api/referrals?programmeId=${p.id}&status=screened&swedishLevel=sfi_c&limit=50`;
      const sql = `SELECT * FROM referral r WHERE r.programme_id = $1 AND r.status = 'screened' AND r.swedish_level = 'sfi_c'
                    ORDER BY r.priority ASC, r.received_at ASC, r.id ASC LIMIT 51`;
      for (let i = 0; i < 30; i++) {
        await call(staff, 'GET', path);
        await db.query(sql, [p.id]);
      }
      const apiTimes = [];
      const sqlTimes = [];
      for (let i = 0; i < N; i++) {
        let s = process.hrtime.bigint();
        const page = await call(staff, 'GET', path);
        apiTimes.push(ms(process.hrtime.bigint() - s));
        if (page.items.length !== 50) throw new Error('unexpected page size');
        s = process.hrtime.bigint();
        await db.query(sql, [p.id]);
        sqlTimes.push(ms(process.hrtime.bigint() - s));
      }
      await db.end();
      return { name: 'Referral queue, filters, 100 000 referrals (GET /api/referrals, 50 per page)', seededMs: seeded, api: { p50: pct(apiTimes, 50), p95: pct(apiTimes, 95) }, sql: { p50: pct(sqlTimes, 50), p95: pct(sqlTimes, 95) } };
    } finally {
      api.kill('SIGTERM');
    }
  });
}

const results = [await referralQueue()];
const f = (x) => x.toFixed(2);
const rows = results.map((r) => {
  const target = Math.max(1.5 * r.sql.p95, r.sql.p95 + 10);
  return `| ${r.name} | ${f(r.api.p50)} | ${f(r.api.p95)} | ${f(r.sql.p50)} | ${f(r.sql.p95)} | ${f(r.api.p95 / r.sql.p95)}× | ${r.api.p95 <= target ? 'met' : 'missed'} (p95 ≤ ${f(target)} ms) |`;
});
const doc = `# Benchmarks

Measured by \`npm run bench\` (apps/api/bench/run.mjs) on the development machine (2 cores), the api and its
baseline in the same run, ${N} requests after 30 warm-up requests each. Times in milliseconds, measured at the
client over loopback: the api's figure includes HTTP, authentication, the policy check, the audit-free read and
JSON; the baseline is the same SQL sent bare with \`pg\`.

| benchmark | api p50 | api p95 | bare SQL p50 | bare SQL p95 | ratio (p95) | target: p95 within 1.5× bare SQL or bare + 10 ms |
|---|---|---|---|---|---|---|
${rows.join('\n')}

Run on ${new Date().toISOString().slice(0, 10)}; re-run after changing the queue query or its index
(\`ix_referral_queue\`: programme, status, priority, received_at, id).

Not yet measured (open issues): survey submission and faults (issue 8), the survey summary over 1 000 000 answers,
the progress report over 100 000 participants and the 100 000-row XLSX export (issue 7), Lighthouse scores of
the survey site (issue 6).
`;
writeFileSync(join(root, 'docs/benchmarks.md'), doc);
process.stdout.write(doc);
