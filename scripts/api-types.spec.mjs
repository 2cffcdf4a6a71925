// The admin's API types are generated from docs/api/openapi.json and committed
// (apps/admin/src/app/core/api/schema.d.ts). A changed endpoint or DTO regenerates openapi.json; unless the types
// follow, the admin compiles against an api that no longer exists. This generates them again in memory, with the
// options of the admin's `api-types` script (none: openapi-typescript's defaults), and compares.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const spec = resolve(root, 'docs/api/openapi.json');
const committed = resolve(root, 'apps/admin/src/app/core/api/schema.d.ts');

/** What `npm run api-types -w @stegvis/admin` writes: the CLI puts COMMENT_HEADER before the printed AST. */
export async function generate(source = pathToFileURL(spec)) {
  return COMMENT_HEADER + astToString(await openapiTS(source, { silent: true }));
}

describe('admin API types', () => {
  it('schema.d.ts is what openapi-typescript makes of docs/api/openapi.json', async () => {
    const fresh = await generate();
    const current = readFileSync(committed, 'utf8');
    if (fresh === current) return;
    // The whole file would drown the message: name the first line that differs.
    const a = current.split('\n');
    const b = fresh.split('\n');
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    assert.fail(
      `apps/admin/src/app/core/api/schema.d.ts is stale (docs/api/openapi.json changed; line ${i + 1} is ` +
        `${JSON.stringify(a[i] ?? '(end of file)')}, expected ${JSON.stringify(b[i] ?? '(end of file)')}): ` +
        'run npm run api-types -w @stegvis/admin and commit the file',
    );
  });

  it('notices a changed API: a new path gives different types', async () => {
    const changed = JSON.parse(readFileSync(spec, 'utf8'));
    changed.paths['/api/staleness-probe'] = {
      get: { operationId: 'stalenessProbe', responses: { 204: { description: 'nothing' } } },
    };
    const fresh = await generate(changed);
    assert.match(fresh, /"\/api\/staleness-probe": \{/);
    assert.notEqual(fresh, readFileSync(committed, 'utf8'));
  });
});
