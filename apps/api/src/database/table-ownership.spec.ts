import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import * as ts from 'typescript';
import { getMetadataArgsStorage } from 'typeorm';
import { SnakeNamingStrategy } from './naming-strategy';

/**
 * Every table has one owner (docs/architecture.md, "Data and ownership"): the module whose folder holds its entity.
 * .dependency-cruiser.cjs keeps entities inside their module; this test does the same for what an import graph
 * cannot see: table names in SQL text and query-builder targets. Ownership comes from the entities themselves,
 * and the doc's tables must say the same.
 */

const SRC = join(__dirname, '..');
const DOC = join(SRC, '../../../docs/architecture.md');
/** This file: its scanner tests hold SQL on purpose. */
const SELF = 'database/table-ownership.spec.ts';
/** The registry of every entity for the migration CLI and the schema test; it names them, it reads nothing. */
const REGISTRY = 'database/entities.ts';

/**
 * The only code that reads other modules' tables, with the exact tables. Both read, never write; both are named
 * in the doc, and an entry nobody reads any more fails too, so the lists stay true.
 */
const CROSS_MODULE_READERS: Record<string, readonly string[]> = {
  // Access decisions: a group's programme and staff, a participant's groups and programmes.
  'common/policy': ['enrolment', 'participant', 'programme_group', 'staff_member'],
  // The disclosure audit: a programme's data at person level (no names or numbers), read in one pass per data
  // version, so that what aggregate-only readers see is decided on everything they can obtain.
  'common/disclosure': [
    'attendance',
    'enrolment',
    'follow_up',
    'group_session',
    'internship',
    'municipality',
    'outcome',
    'participant',
    'programme',
    'programme_group',
    'progress_assessment',
    'survey_round',
  ],
  // Report figures are aggregates over many owners' rows in one query each (report-queries.ts,
  // national-followup.service.ts); going through eight services would move the joins into memory.
  reports: [
    'attendance',
    'consent',
    'employer',
    'enrolment',
    'follow_up',
    'group_session',
    'internship',
    'outcome',
    'participant',
    'programme',
    'programme_group',
    'survey_response',
    'survey_round',
  ],
};

interface EntityInfo {
  file: string;
  className: string;
  table: string;
  owner: string;
}

interface Loaded {
  entities: EntityInfo[];
  byClass: Map<unknown, EntityInfo>;
}

interface Finding {
  file: string;
  table: string;
  via: string;
  write: boolean;
}

/** `meetings` for modules/meetings/…, `common/audit` for common/audit/…, null for the rest of src. */
function ownerOf(file: string): string | null {
  const m = /^(?:modules\/([^/]+)|(common\/[^/]+))\//.exec(file);
  return m ? (m[1] ?? m[2]) : null;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return tsFiles(path);
    return d.name.endsWith('.ts') && !d.name.endsWith('.d.ts') ? [path] : [];
  });
}

const rel = (path: string) => relative(SRC, path).split('\\').join('/');
const SOURCES = tsFiles(SRC)
  .map(rel)
  .filter((f) => !f.startsWith('database/migrations/') && f !== SELF)
  .sort();
const ENTITY_FILES = SOURCES.filter((f) => f.endsWith('.entity.ts'));

type Constructor = abstract new (...args: never[]) => unknown;
const isClass = (x: unknown): x is Constructor => typeof x === 'function';

/** Entities and their tables as TypeORM sees them: `@Entity('name')`, or the naming strategy's name for the class. */
async function loadEntities(): Promise<Loaded> {
  const naming = new SnakeNamingStrategy();
  const storage = getMetadataArgsStorage();
  const found: Loaded = { entities: [], byClass: new Map() };
  for (const file of ENTITY_FILES) {
    const exported = (await import(join(SRC, file))) as Record<string, unknown>;
    for (const value of Object.values(exported)) {
      if (!isClass(value)) continue;
      const args = storage.tables.find((t) => t.target === value);
      if (!args) continue;
      const owner = ownerOf(file);
      if (!owner) throw new Error(`${file}: an entity outside modules/<m>/ or common/<c>/ has no owner`);
      const entity = { file, className: value.name, table: naming.tableName(value.name, args.name), owner };
      found.entities.push(entity);
      found.byClass.set(value, entity);
    }
  }
  return found;
}

/** Relations of one entity class whose target is an entity of another owner: property → target. */
function foreignRelations(byClass: Map<unknown, EntityInfo>) {
  const out = new Map<string, Map<string, EntityInfo>>();
  for (const r of getMetadataArgsStorage().relations) {
    const source = byClass.get(r.target);
    const type: unknown = r.type;
    if (!source || typeof type !== 'function') continue;
    // `() => Target` (an arrow function has no prototype), as every relation here is written; or the class itself.
    const target = byClass.get(type.prototype ? type : (type as () => unknown)());
    if (!target || target.owner === source.owner) continue;
    const props = out.get(source.owner) ?? new Map<string, EntityInfo>();
    props.set(r.propertyName, target);
    out.set(source.owner, props);
  }
  return out;
}

const SQL_TEXT = /\b(SELECT|INSERT|UPDATE|DELETE|FROM|JOIN)\b/;
const TABLE_AFTER =
  /\b(FROM|JOIN|INTO|UPDATE|TABLE|TRUNCATE)\s+(?:ONLY\s+)?((?:"?public"?\.)?"?[a-z_][a-z0-9_]*"?)/gi;
const COMMA_TABLE =
  /^\s*(?:(?:AS\s+)?(?!WHERE\b|JOIN\b|LEFT\b|INNER\b|ON\b|GROUP\b|ORDER\b)[a-z_][a-z0-9_]*\s*)?,\s*((?:"?public"?\.)?"?[a-z_][a-z0-9_]*"?)/i;
const bare = (name: string) =>
  name
    .replace(/"/g, '')
    .replace(/^public\./i, '')
    .toLowerCase();

/** Table names in one SQL text, with whether the statement writes that table. */
function tablesInSql(sql: string): { table: string; write: boolean }[] {
  if (!SQL_TEXT.test(sql)) return [];
  const out: { table: string; write: boolean }[] = [];
  for (const m of sql.matchAll(TABLE_AFTER)) {
    const keyword = m[1].toUpperCase();
    const deleteFrom = keyword === 'FROM' && /\bDELETE\s+$/i.test(sql.slice(0, m.index));
    const write = deleteFrom || ['INTO', 'UPDATE', 'TRUNCATE', 'TABLE'].includes(keyword);
    out.push({ table: bare(m[2]), write });
    if (keyword !== 'FROM') continue;
    // FROM a x, b y: the comma list after the first table.
    let rest = sql.slice(m.index + m[0].length);
    for (let c = COMMA_TABLE.exec(rest); c; c = COMMA_TABLE.exec(rest)) {
      out.push({ table: bare(c[1]), write: false });
      rest = rest.slice(c.index + c[0].length);
    }
  }
  return out;
}

/** Query-builder and repository methods whose first argument names a table, an entity or `alias.relation`. */
const TARGET_METHODS = new Set([
  'from',
  'into',
  'update',
  'delete',
  'getRepository',
  'createQueryBuilder',
  'leftJoin',
  'leftJoinAndSelect',
  'leftJoinAndMapOne',
  'leftJoinAndMapMany',
  'innerJoin',
  'innerJoinAndSelect',
  'innerJoinAndMapOne',
  'innerJoinAndMapMany',
]);
const WRITE_METHODS = new Set([
  'into',
  'update',
  'delete',
  'insert',
  'save',
  'upsert',
  'remove',
  'increment',
]);

interface Known {
  tables: Map<string, EntityInfo>;
  classes: Map<string, EntityInfo>;
  /** `file#ExportName` → entity. */
  exports: Map<string, EntityInfo>;
  foreign: Map<string, Map<string, EntityInfo>>;
}

/** What one source file names: SQL tables, query-builder targets, entity classes it uses, relations it joins. */
function scanSource(file: string, text: string, known: Known): Finding[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const owner = ownerOf(file);
  const findings: Finding[] = [];
  const add = (table: string, via: string, write: boolean) => findings.push({ file, table, via, write });
  const imported = new Map<string, EntityInfo>();
  const isEntityFile = file.endsWith('.entity.ts');

  const literalText = (n: ts.Node): string | null => {
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) return n.text;
    if (ts.isTemplateExpression(n))
      return n.head.text + n.templateSpans.map((s) => ` ? ${s.literal.text}`).join('');
    return null;
  };

  const visit = (n: ts.Node): void => {
    if (ts.isImportDeclaration(n)) {
      const spec = (n.moduleSpecifier as ts.StringLiteral).text;
      const bindings = n.importClause?.namedBindings;
      if (spec.startsWith('.') && spec.endsWith('.entity') && bindings && ts.isNamedImports(bindings)) {
        const target = rel(join(SRC, dirname(file), `${spec}.ts`));
        for (const el of bindings.elements) {
          const e = known.exports.get(`${target}#${(el.propertyName ?? el.name).text}`);
          if (e) imported.set(el.name.text, e);
        }
      }
      return;
    }
    const sql = literalText(n);
    if (sql !== null) {
      for (const t of tablesInSql(sql)) if (known.tables.has(t.table)) add(t.table, 'SQL', t.write);
    }
    if (!isEntityFile && file !== REGISTRY && ts.isIdentifier(n)) {
      const e = imported.get(n.text);
      if (e) add(e.table, `entity ${e.className}`, false);
    }
    if (ts.isCallExpression(n)) {
      const callee = n.expression;
      const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : null;
      const first = n.arguments[0];
      const target = method === 'createQueryBuilder' && n.arguments.length < 2 ? undefined : first;
      const name =
        target && (ts.isStringLiteral(target) || ts.isNoSubstitutionTemplateLiteral(target))
          ? target.text
          : null;
      if (method && TARGET_METHODS.has(method) && name !== null) {
        const write = WRITE_METHODS.has(method);
        const byName = known.tables.get(bare(name)) ?? known.classes.get(name);
        if (byName) add(byName.table, `${method}('${name}')`, write);
        const relation = /^[A-Za-z_]\w*\.(\w+)$/.exec(name);
        const joined = relation && owner ? known.foreign.get(owner)?.get(relation[1]) : undefined;
        if (joined) add(joined.table, `${method}('${name}')`, false);
      }
    }
    // find options: relations: { x: true } or relations: ['x'] on a relation to another owner's entity.
    if (ts.isPropertyAssignment(n) && ts.isIdentifier(n.name) && n.name.text === 'relations' && owner) {
      const init = n.initializer;
      const props = ts.isObjectLiteralExpression(init)
        ? init.properties.map((p) => (p.name && ts.isIdentifier(p.name) ? p.name.text : ''))
        : ts.isArrayLiteralExpression(init)
          ? init.elements.map((el) => (ts.isStringLiteral(el) ? el.text.split('.')[0] : ''))
          : [];
      for (const p of props) {
        const joined = known.foreign.get(owner)?.get(p);
        if (joined) add(joined.table, `relations.${p}`, false);
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return findings;
}

/** The rule: a file of module M names only M's tables (or, for a listed reader, reads its listed ones). */
function violations(findings: Finding[], known: Known): string[] {
  const out = new Set<string>();
  for (const f of findings) {
    const entity = known.tables.get(f.table)!;
    const owner = ownerOf(f.file);
    if (owner === entity.owner) continue;
    const reads = owner ? CROSS_MODULE_READERS[owner] : undefined;
    if (reads?.includes(f.table) && !f.write) continue;
    const who = owner ? `module ${owner}` : 'a file outside the modules';
    const what = f.write ? 'writes' : 'names';
    out.add(`${f.file}: ${who} ${what} table ${f.table} (${f.via}), owned by ${entity.owner}`);
  }
  return [...out];
}

/** Markdown tables of the doc's "Data and ownership" section: rows of backticked names per cell. */
function docTables(): { header: string; rows: string[][][] }[] {
  const doc = readFileSync(DOC, 'utf8');
  const start = doc.indexOf('## Data and ownership');
  const section = doc.slice(start, doc.indexOf('\n## ', start + 1));
  const tables: { header: string; rows: string[][][] }[] = [];
  let current: { header: string; rows: string[][][] } | null = null;
  for (const line of section.split('\n')) {
    if (!line.startsWith('|')) {
      current = null;
      continue;
    }
    const cells = line.split('|').slice(1, -1);
    if (!current) {
      current = { header: cells.join('|').toLowerCase(), rows: [] };
      tables.push(current);
    } else if (!/^[\s|:-]+$/.test(line)) {
      current.rows.push(cells.map((c) => [...c.matchAll(/`([^`]+)`/g)].map((m) => m[1])));
    }
  }
  return tables;
}

describe('table ownership', () => {
  let entities: EntityInfo[];
  let known: Known;
  let findings: Finding[];

  beforeAll(async () => {
    const loaded = await loadEntities();
    entities = loaded.entities;
    known = {
      tables: new Map(entities.map((e) => [e.table, e])),
      classes: new Map(entities.map((e) => [e.className, e])),
      exports: new Map(entities.map((e) => [`${e.file}#${e.className}`, e])),
      foreign: foreignRelations(loaded.byClass),
    };
    findings = SOURCES.flatMap((f) => scanSource(f, readFileSync(join(SRC, f), 'utf8'), known));
  });

  it('finds the entities, each table in one place', () => {
    expect(entities.length).toBeGreaterThanOrEqual(50);
    const tables = entities.map((e) => e.table);
    expect(tables.filter((t, i) => tables.indexOf(t) !== i)).toEqual([]);
    // A join table would be a table with no entity file; none exists, and this test would not see its owner.
    expect(getMetadataArgsStorage().joinTables).toEqual([]);
  });

  it('every file of a module names only tables its module owns', () => {
    expect(violations(findings, known)).toEqual([]);
  });

  it('the cross-module readers read exactly their listed tables, and only those', () => {
    const read = (reader: string) =>
      [
        ...new Set(
          findings
            .filter((f) => ownerOf(f.file) === reader && known.tables.get(f.table)!.owner !== reader)
            .map((f) => f.table),
        ),
      ].sort();
    for (const [reader, tables] of Object.entries(CROSS_MODULE_READERS))
      expect({ reader, tables: read(reader) }).toEqual({ reader, tables: [...tables].sort() });
  });

  it('docs/architecture.md "Data and ownership" lists the owners and the readers as they are', () => {
    const tables = docTables();
    const owners = tables.find((t) => t.header.includes('tables it owns'));
    const readers = tables.find((t) => t.header.includes('reads'));
    if (!owners || !readers) throw new Error('architecture.md: the owners and readers tables are missing');

    const documented: Record<string, string[]> = {};
    for (const [modules, ownedTables] of owners.rows)
      for (const m of modules) documented[m] = [...(documented[m] ?? []), ...ownedTables].sort();
    const actual: Record<string, string[]> = {};
    for (const e of entities) actual[e.owner] = [...(actual[e.owner] ?? []), e.table].sort();
    // Modules the doc lists as owning nothing must own nothing; every owner must be listed with its tables.
    for (const m of Object.keys(documented)) actual[m] ??= [];
    expect(documented).toEqual(actual);

    const documentedReaders = Object.fromEntries(readers.rows.map(([r, t]) => [r[0], [...t].sort()]));
    const listed = Object.fromEntries(
      Object.entries(CROSS_MODULE_READERS).map(([r, t]) => [r, [...t].sort()]),
    );
    expect(documentedReaders).toEqual(listed);
  });
});

describe('the table scanner', () => {
  const entity = (table: string, owner: string, className: string): EntityInfo => ({
    file: `modules/${owner}/entities/${table}.entity.ts`,
    className,
    table,
    owner,
  });
  const participant = entity('participant', 'participants', 'Participant');
  const meeting = entity('meeting', 'meetings', 'Meeting');
  const programme = entity('programme', 'programmes', 'Programme');
  const known: Known = {
    tables: new Map([participant, meeting, programme].map((e) => [e.table, e])),
    classes: new Map([participant, meeting, programme].map((e) => [e.className, e])),
    exports: new Map([participant, meeting, programme].map((e) => [`${e.file}#${e.className}`, e])),
    foreign: new Map([['meetings', new Map([['programme', programme]])]]),
  };
  const check = (file: string, text: string) => violations(scanSource(file, text, known), known);

  it('names the file, the table and its owner for plain SQL', () => {
    expect(check('modules/meetings/meetings.service.ts', 'const q = `SELECT * FROM participant`;')).toEqual([
      'modules/meetings/meetings.service.ts: module meetings names table participant (SQL), owned by participants',
    ]);
  });

  it('sees comma joins, schema prefixes, JOINs and writes', () => {
    const text = `q('SELECT 1 FROM meeting m, participant p'); q("UPDATE public.participant SET x = 1");
      q(\`SELECT 1 FROM meeting m LEFT JOIN "programme" r ON r.id = m.programme_id WHERE m.id = \${id}\`);`;
    expect(check('modules/meetings/x.ts', text)).toEqual([
      'modules/meetings/x.ts: module meetings names table participant (SQL), owned by participants',
      'modules/meetings/x.ts: module meetings writes table participant (SQL), owned by participants',
      'modules/meetings/x.ts: module meetings names table programme (SQL), owned by programmes',
    ]);
  });

  it('sees query-builder targets, entity classes and joined relations', () => {
    const text = `import { Participant } from '../participants/entities/participant.entity';
      qb.from('participant', 'p'); repo.createQueryBuilder('m').leftJoin('m.programme', 'r');
      ds.getRepository(Participant); this.meetings.find({ relations: { programme: true } });`;
    expect(check('modules/meetings/x.ts', text)).toEqual([
      "modules/meetings/x.ts: module meetings names table participant (from('participant')), owned by participants",
      "modules/meetings/x.ts: module meetings names table programme (leftJoin('m.programme')), owned by programmes",
      'modules/meetings/x.ts: module meetings names table participant (entity Participant), owned by participants',
      'modules/meetings/x.ts: module meetings names table programme (relations.programme), owned by programmes',
    ]);
  });

  it('lets a module use its own tables, and ignores prose and aliases', () => {
    const text = `q('SELECT m.id FROM meeting m WHERE m.status = $1'); repo.createQueryBuilder('participant');
      const note = 'Deltagare från programmet'; const s = 'a participant from programme';`;
    expect(check('modules/meetings/x.ts', text)).toEqual([]);
  });

  it('lets a listed reader read, never write, its listed tables', () => {
    expect(check('modules/reports/x.ts', `q('SELECT 1 FROM participant p')`)).toEqual([]);
    expect(check('modules/reports/x.ts', `q('DELETE FROM participant')`)).toEqual([
      'modules/reports/x.ts: module reports writes table participant (SQL), owned by participants',
    ]);
    expect(check('modules/reports/x.ts', `q('SELECT 1 FROM meeting')`)).toEqual([
      'modules/reports/x.ts: module reports names table meeting (SQL), owned by meetings',
    ]);
  });
});
