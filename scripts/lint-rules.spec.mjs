// The conventions eslint.config.mjs enforces, checked on virtual files at real paths of the repo: if a glob or
// an ignore pattern drifts, the rule silently stops applying and only these tests notice.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The virtual files belong to no TypeScript program, so the type-aware rules are switched off for them (none of
// the rules under test needs types); every glob and ignore of the real config still applies.
const eslint = new ESLint({
  cwd: root,
  overrideConfig: { ...tseslint.configs.disableTypeChecked, files: ['**/*.ts'] },
});

/** Rule ids reported for `code` as if it were the file at `file`, sorted; fatal parse errors fail the test. */
async function ruleIds(file, code) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  const fatal = result.messages.filter((m) => m.fatal);
  assert.deepEqual(fatal, [], `${file} did not parse`);
  return result.messages.map((m) => m.ruleId).sort();
}

async function messages(file, code) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages.map((m) => m.message);
}

const HTTP_VIEW = `import { Component, inject } from '@angular/core';
import { HttpClient } from '@angular/common/http';

@Component({ selector: 'app-some-view', template: '<p>{{ title }}</p>' })
export class SomeView {
  private readonly http = inject(HttpClient);
  readonly title = String(this.http);
}
`;

const HTTP_API = `import { Injectable, inject } from '@angular/core';
import { HttpClient } from '@angular/common/http';

@Injectable({ providedIn: 'root' })
export class SomeApi {
  private readonly http = inject(HttpClient);
  list() {
    return this.http.get<string[]>('/api/some');
  }
}
`;

describe('eslint.config.mjs', () => {
  it('reports an unused variable in a test file', async () => {
    assert.deepEqual(
      await ruleIds('packages/reports/test/unused.spec.ts', 'const unused = 1;\nexport const used = 2;\n'),
      ['@typescript-eslint/no-unused-vars'],
    );
  });

  it('reports an import of apps/api from the admin, by relative path and by package name', async () => {
    const file = 'apps/admin/src/app/features/groups/some-view.ts';
    const code =
      "import { Problem } from '../../../../../api/src/common/problem/problem';\n" +
      "import type { AppConfig } from '@stegvis/api/src/config/app-config';\n" +
      'export const used: [unknown, AppConfig | null] = [Problem, null];\n';
    assert.deepEqual(await ruleIds(file, code), ['stegvis/no-api-imports', 'stegvis/no-api-imports']);
    assert.match(
      (await messages(file, code))[0],
      /^'\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/api\/src\/common\/problem\/problem' reaches into apps\/api\./,
    );
  });

  it('reports an import of apps/api from the survey site', async () => {
    const code =
      "import { Problem } from '../../api/src/common/problem/problem';\nexport const used = Problem;\n";
    assert.deepEqual(await ruleIds('apps/survey/src/some-page.ts', code), ['stegvis/no-api-imports']);
  });

  it("leaves the admin's own folders named api alone", async () => {
    const code = "import { something } from '../api/api-client';\nexport const used = something;\n";
    assert.deepEqual(await ruleIds('apps/admin/src/app/core/http/some-interceptor.ts', code), []);
  });

  it('reports HttpClient injected in an admin component', async () => {
    const file = 'apps/admin/src/app/features/groups/some-view.ts';
    assert.deepEqual(await ruleIds(file, HTTP_VIEW), ['no-restricted-imports']);
    assert.match(
      (await messages(file, HTTP_VIEW))[0],
      /Components call their feature's \*-api\.ts; HTTP lives only there\./,
    );
  });

  it("checks a component's inline template with the template and accessibility rules", async () => {
    const code = `import { Component } from '@angular/core';

@Component({ selector: 'app-some-view', template: '<img src="logo.png" />' })
export class SomeView {}
`;
    assert.deepEqual(await ruleIds('apps/admin/src/app/features/groups/some-view.ts', code), [
      '@angular-eslint/template/alt-text',
    ]);
  });

  it("allows HttpClient in a feature's *-api.ts and in core", async () => {
    assert.deepEqual(await ruleIds('apps/admin/src/app/features/groups/some-api.ts', HTTP_API), []);
    assert.deepEqual(await ruleIds('apps/admin/src/app/core/api/some-client.ts', HTTP_API), []);
  });
});
