/**
 * The repo's boundaries as rules (docs/architecture.md, "Data and ownership"). Run from the root:
 *   npx depcruise apps packages --config .dependency-cruiser.cjs
 * Table names in SQL are beyond an import graph: apps/api/src/database/table-ownership.spec.ts checks those.
 */

const API = '^apps/api/src/';
/** An owner of tables: a feature module (modules/<m>) or a shared part with tables (common/<c>). Group 1 names it. */
const OWNER = `${API}((?:modules|common)/[^/]+)/`;
const ENTITY = `${API}.+[.]entity[.]ts$`;

const esc = (s) => s.replace(/[.]/g, '[.]');

/**
 * TypeORM relations between entities of different modules: the foreign keys of the schema (`@ManyToOne` with
 * `Relation<X>`), nothing else. Each pair is one relation's entity file → its target's entity file, under
 * apps/api/src/modules/. A new pair belongs here only for a new foreign key; the code that reads the other
 * module's rows still goes through that module's service.
 */
const TYPEORM_RELATIONS = {
  'auth/entities/session.entity.ts': ['users/entities/user.entity.ts'],
  'employers/entities/internship.entity.ts': ['participants/entities/enrolment.entity.ts'],
  'groups/entities/attendance.entity.ts': ['participants/entities/enrolment.entity.ts'],
  'groups/entities/group.entity.ts': [
    'organisations/entities/municipality.entity.ts',
    'programmes/entities/method-template.entity.ts',
    'programmes/entities/programme.entity.ts',
  ],
  'handbook/entities/handbook-editor.entity.ts': ['users/entities/user.entity.ts'],
  'handbook/entities/handbook-entry.entity.ts': ['programmes/entities/method-template.entity.ts'],
  'handbook/entities/session-material.entity.ts': ['groups/entities/session.entity.ts'],
  'meetings/entities/meeting.entity.ts': ['programmes/entities/programme.entity.ts'],
  'participants/entities/enrolment.entity.ts': ['groups/entities/group.entity.ts'],
  'participants/entities/participant.entity.ts': ['programmes/entities/programme.entity.ts'],
  'programmes/entities/programme.entity.ts': ['organisations/entities/municipality.entity.ts'],
  'programmes/entities/programme-municipality.entity.ts': ['organisations/entities/municipality.entity.ts'],
  'programmes/entities/programme-partner.entity.ts': ['organisations/entities/organisation.entity.ts'],
  'referrals/entities/referral.entity.ts': ['programmes/entities/programme.entity.ts'],
  'staffing/entities/committee-member.entity.ts': ['programmes/entities/programme.entity.ts'],
  'staffing/entities/staff-allocation.entity.ts': ['programmes/entities/programme.entity.ts'],
  'statistics/entities/budget.entity.ts': ['programmes/entities/programme.entity.ts'],
  'statistics/entities/target-group-stat.entity.ts': ['organisations/entities/municipality.entity.ts'],
  'surveys/entities/survey-round.entity.ts': ['groups/entities/group.entity.ts'],
  'users/entities/user-programme.entity.ts': ['programmes/entities/programme.entity.ts'],
};
const relationSources = Object.keys(TYPEORM_RELATIONS).map((f) => `${API}modules/${esc(f)}$`);

module.exports = {
  forbidden: [
    {
      name: 'app-imports-other-app',
      comment:
        'An app is built and deployed on its own; what two apps share lives in packages/ (contracts for types and ' +
        'rules), so apps/X never imports apps/Y.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'site-imports-api',
      comment:
        'The admin and survey sites run in the browser and talk to the api over HTTP only: importing api code ' +
        'would ship server code (and its secrets handling) in a bundle. Narrower twin of app-imports-other-app, ' +
        'kept so the message says what went wrong.',
      severity: 'error',
      from: { path: '^apps/(admin|survey)/' },
      to: { path: '^apps/api/' },
    },
    {
      name: 'entity-of-another-owner',
      comment:
        'Every table has one owner (docs/architecture.md): an entity is used only inside the module (or common/ ' +
        'part) whose folder holds it. Other modules call the owner’s service. The only exceptions are the ' +
        'TypeORM relations in TYPEORM_RELATIONS (next rules), which are foreign keys, not reads.',
      severity: 'error',
      from: { path: OWNER, pathNot: relationSources },
      to: { path: ENTITY, pathNot: `${API}$1/` },
    },
    ...Object.entries(TYPEORM_RELATIONS).map(([source, targets]) => ({
      name: 'entity-of-another-owner',
      comment: `TypeORM relations of modules/${source}: only to ${targets.join(', ')} (foreign keys).`,
      severity: 'error',
      from: { path: `${API}(modules/${source.split('/')[0]})/${esc(source.replace(/^[^/]+\//, ''))}$` },
      to: {
        path: ENTITY,
        pathNot: [`${API}$1/`, ...targets.map((t) => `${API}modules/${esc(t)}$`)],
      },
    })),
    {
      name: 'entity-outside-its-owner',
      comment:
        'Outside the modules only src/database/entities.ts imports entities (the list the migration CLI and the ' +
        'schema test give TypeORM, which has no Nest container). Migrations and seeds do not: a migration is ' +
        'plain SQL frozen at its date and must not change when an entity does, and the demo seed writes through ' +
        'the services so it obeys the same rules as a request. Tests and benchmarks go through the HTTP api.',
      severity: 'error',
      from: { pathNot: [OWNER, `${API}database/entities[.]ts$`] },
      to: { path: ENTITY },
    },
    {
      name: 'contracts-imports-ours',
      comment:
        'packages/contracts is the bottom of the graph: the api, the admin, the survey and the other packages ' +
        'import it, so it imports nothing of ours (no @stegvis/*, no apps) or it would drag them into every bundle.',
      severity: 'error',
      from: { path: '^packages/contracts/' },
      to: { path: '^(apps|packages)/', pathNot: '^packages/contracts/' },
    },
    {
      name: 'package-imports-app',
      comment:
        'Packages are shared by the apps; an app is never a library. (packages/e2e starts the built api as a process.)',
      severity: 'error',
      from: { path: '^packages/' },
      to: { path: '^apps/' },
    },
    {
      name: 'not-resolvable',
      comment:
        'An import that resolves to nothing would slip past every rule above (a typo, or @stegvis/x missing from ' +
        'tsconfig.depcruise.json).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: '(^|/)node_modules/' },
    exclude: { path: '(^|/)(node_modules|dist|dist-test|dist-baseline|[.]angular|coverage)/' },
    tsPreCompilationDeps: true,
    // Maps @stegvis/* to their sources, so the graph does not depend on a build of the packages.
    tsConfig: { fileName: 'tsconfig.depcruise.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
  },
};
