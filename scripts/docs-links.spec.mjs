// Docs that stay true: every relative link in README, CONTRIBUTING and docs/ reaches a file (and, for a
// Markdown heading anchor, that heading), and every doc file a code comment names exists in the repo. A
// comment that cites a file outside the repo sends the next engineer nowhere.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tracked = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
  cwd: root,
  encoding: 'utf8',
})
  .split('\n')
  .filter((f) => f && existsSync(join(root, f)));

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens; letters like å ä ö stay. */
export function slug(heading) {
  return heading
    .trim()
    .toLowerCase()
    .replace(/<[^>]+>/g, '')
    .replace(/[`*_~]/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(file) {
  const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
  return new Set([...text.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)].map((m) => slug(m[1])));
}

/** Relative link targets of a Markdown file: [text](target), ![alt](target) and <img src="target">. */
export function linksOf(markdown) {
  const text = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  const targets = [
    ...[...text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]),
    ...[...text.matchAll(/<img\s[^>]*src="([^"]+)"/g)].map((m) => m[1]),
  ];
  return targets.filter((t) => !/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(t));
}

export function brokenLinks(file, markdown) {
  const broken = [];
  for (const target of linksOf(markdown)) {
    const [path, anchor] = target.split('#');
    const dest = path ? resolve(dirname(file), decodeURIComponent(path)) : file;
    if (!existsSync(dest)) {
      broken.push(`${target} (no such file)`);
    } else if (anchor && dest.endsWith('.md') && statSync(dest).isFile() && !anchorsOf(dest).has(anchor)) {
      broken.push(`${target} (no heading "#${anchor}")`);
    }
  }
  return broken;
}

const SOURCE = /\.(?:ts|tsx|mts|cts|js|mjs|cjs|html|scss|css|sh|ya?ml)$/;
/** A doc file named in a comment: a bare file name or a path, ending in the Markdown extension. */
const DOC_NAME = /(?<![\w./-])((?:\.{0,2}\/)?[\w.-]+(?:\/[\w.-]+)*\.md)\b/g;

/** Where a named doc may be: a path from the repo root or from the file, or a bare name at the root or in docs/. */
export function docExists(fromFile, name) {
  const candidates = [join(root, name), resolve(dirname(fromFile), name)];
  if (!name.includes('/')) candidates.push(join(root, 'docs', name));
  return candidates.some((c) => existsSync(c));
}

function commentsOf(text) {
  return [
    ...[...text.matchAll(/\/\*[\s\S]*?\*\//g)].map((m) => m[0]),
    ...[...text.matchAll(/(?:^|[^:])\/\/[^\n]*/g)].map((m) => m[0]),
    ...[...text.matchAll(/<!--[\s\S]*?-->/g)].map((m) => m[0]),
    ...[...text.matchAll(/^\s*#[^\n]*/gm)].map((m) => m[0]),
  ];
}

describe('docs that stay true', () => {
  it('every relative link in README, CONTRIBUTING and docs/ points at a file and heading that exist', () => {
    const docs = tracked.filter(
      (f) => f === 'README.md' || f === 'CONTRIBUTING.md' || /^docs\/.*\.md$/.test(f),
    );
    assert.ok(docs.length >= 10, `expected the docs set, found ${docs.length} files`);
    const broken = docs.flatMap((f) =>
      brokenLinks(join(root, f), readFileSync(join(root, f), 'utf8')).map((b) => `${f}: ${b}`),
    );
    assert.deepEqual(broken, []);
  });

  it('every doc file a code comment names exists in the repo', () => {
    const sources = tracked.filter(
      (f) => SOURCE.test(f) && !/(^|\/)(node_modules|dist|dist-test)\//.test(f) && !f.endsWith('.d.ts'),
    );
    const missing = [];
    for (const f of sources) {
      const file = join(root, f);
      for (const comment of commentsOf(readFileSync(file, 'utf8'))) {
        for (const m of comment.matchAll(DOC_NAME)) {
          if (!docExists(file, m[1])) missing.push(`${relative(root, file)}: ${m[1]}`);
        }
      }
    }
    assert.deepEqual(missing, []);
  });

  it('the checks themselves catch a dead link, a missing heading and a doc outside the repo', () => {
    const readme = join(root, 'README.md');
    assert.deepEqual(
      brokenLinks(readme, '[a](docs/nowhere.md) [b](docs/security.md) [c](https://x.se/y.md)'),
      ['docs/nowhere.md (no such file)'],
    );
    assert.deepEqual(brokenLinks(readme, '[a](CONTRIBUTING.md#no-such-heading)'), [
      'CONTRIBUTING.md#no-such-heading (no heading "#no-such-heading")',
    ]);
    assert.equal(docExists(join(root, 'apps/api/src/main.ts'), 'DOMAIN.md'), false);
    assert.equal(docExists(join(root, 'apps/api/src/main.ts'), 'domain.md'), true);
    assert.equal(docExists(join(root, 'apps/api/src/main.ts'), 'docs/security.md'), true);
    assert.equal(slug('Known traps'), 'known-traps');
    assert.equal(slug('Två kommandon: `npm test`'), 'två-kommandon-npm-test');
  });
});
