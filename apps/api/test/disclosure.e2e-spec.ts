import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DISCLOSURE_TABLES, disclosureLedger } from '@stegvis/reports';
import { DisclosureService } from '../src/common/disclosure/disclosure.service';
import { UsersService } from '../src/modules/users/users.service';
import { loadReferenceProgramme } from './support/reference-programme';
import {
  type Client,
  PASSWORD,
  seedWorld,
  signIn,
  startTestApp,
  type TestApp,
  type World,
} from './support/test-app';

/**
 * Numbers that count nobody: a group's number, a year, a version, a goal's target, weeks of a template, k … A
 * number under any other key in an answer that registered no table with the disclosure engine is a count that
 * reached an aggregate-only reader unregistered.
 */
const NOT_COUNTS = new Set([
  'number',
  'year',
  'version',
  'questionnaireVersion',
  'targetValue',
  'weeks',
  'capacity',
  'k',
  'percent',
  'status',
  'months',
  'periodNumber',
  'order',
  'week',
  'lecture',
  'module',
  'sortOrder',
  'size',
  'byteSize',
  'amount',
  'approved',
  'invoiced',
  'forecast',
  // A group's planned over-intake (a setting), lectures of a template or calendar, staffing per cent, the
  // handbook's limits.
  'overIntake',
  'lectureCount',
  'lecturesShort',
  'lectureWeekdays',
  'totalWeeks',
  'totalPercent',
  'maxFileBytes',
  'reviewMonths',
]);

/**
 * Answers with numbers that are no report figure. Retention (the admin's Gallring): the rule's years and how many
 * records across the whole association are due for pseudonymisation, now and on the next day some fall due —
 * totals of ended enrolments by date, with no programme, group or category, so nothing hidden can be worked out.
 */
const NOT_REPORT_PATHS = new Set(['/api/retention']);

/** The numeric leaves of a JSON answer, with the key each sits under. */
function numbers(value: unknown, key = '', out: { key: string; value: number }[] = []) {
  if (typeof value === 'number') out.push({ key, value });
  else if (Array.isArray(value)) for (const v of value) numbers(v, key, out);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) numbers(v, k, out);
  return out;
}

describe('every count an aggregate-only reader can obtain comes through the disclosure engine (e2e)', () => {
  let t: TestApp;
  let w: World;
  let staff: Client;

  beforeAll(async () => {
    t = await startTestApp('disclosure');
    w = await seedWorld(t);
    staff = await signIn(t, w.users.staffA.email);
    await t.app.get(UsersService).setAllocation(w.users.staffA.id, w.programmeA, true, async () => {});
    await loadReferenceProgramme(staff, w);
  }, 300_000);
  afterAll(() => t?.close());

  it('the reference programme is audited, not fallen back', async () => {
    const d = await t.app.get(DisclosureService).decide(w.programmeA, 5);
    expect([d.status, d.reason]).toEqual(['audited', null]);
  });

  it('walks every GET endpoint as the evaluator, steering and the admin', async () => {
    const openapi = JSON.parse(readFileSync(join(__dirname, '../../../docs/api/openapi.json'), 'utf8')) as {
      paths: Record<string, { get?: unknown }>;
    };
    const groups = (await staff.get(`/api/groups?programmeId=${w.programmeA}`)).body as { id: string }[];
    const rounds = (
      await Promise.all(groups.map(async (g) => (await staff.get(`/api/groups/${g.id}/survey-rounds`)).body))
    ).flat() as { id: string }[];
    expect(groups.length).toBe(5);
    expect(rounds.length).toBeGreaterThan(0);
    const idsFor = (path: string): string[] =>
      path.startsWith('/api/groups/')
        ? groups.map((g) => g.id)
        : path.startsWith('/api/survey-rounds/')
          ? rounds.map((r) => r.id)
          : path.includes('{')
            ? [w.programmeA]
            : [''];
    const unregistered: string[] = [];
    const registered = new Set<string>();
    for (const who of ['evaluatorA', 'steeringA', 'admin'] as const) {
      const c = await signIn(t, w.users[who].email, PASSWORD);
      for (const [path, ops] of Object.entries(openapi.paths)) {
        if (!ops.get || /\.(pdf|docx|xlsx|csv)$/.test(path)) continue;
        for (const id of idsFor(path)) {
          const url = path.replace(/\{[^}]+\}/g, id) + (path.endsWith('/finsam') ? '?year=2020' : '');
          disclosureLedger.clear();
          const res = await c.get(url);
          if (res.status !== 200 || !res.type.includes('json')) continue;
          expect(disclosureLedger.unregistered).toEqual([]);
          expect(disclosureLedger.inconsistent).toEqual([]);
          if (disclosureLedger.tables.size > 0) {
            for (const table of disclosureLedger.tables.keys()) {
              expect(Object.keys(DISCLOSURE_TABLES)).toContain(table);
              registered.add(table);
            }
            continue;
          }
          if (NOT_REPORT_PATHS.has(path)) continue;
          for (const n of numbers(res.body))
            if (!NOT_COUNTS.has(n.key)) unregistered.push(`${who} ${path}: ${n.key} = ${n.value}`);
        }
      }
    }
    expect([...new Set(unregistered)]).toEqual([]);
    expect([...registered].sort()).toEqual([
      'assessment-summary',
      'attendance',
      'by-gender',
      'by-municipality',
      'clear-plan',
      'early-leavers',
      'economy',
      'employers',
      'enrolled',
      'finsam',
      'finsam-association',
      'follow-ups',
      'goals',
      'group',
      'inflow',
      'internship-industries',
      'internship-summary',
      'internships',
      'internships-by-group',
      'meeting-attendance',
      'outcome-details',
      'outcomes',
      'outcomes-by-group',
      'report',
      'survey-round',
      'surveys',
      'tertials',
      'work-or-studies',
    ]);
  }, 600_000);
});
