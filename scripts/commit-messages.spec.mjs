// Commit messages as CONTRIBUTING.md asks: a subject of at most 72 characters that says what changed, then a
// blank line and the why. Checked from the commit that introduced the rule on, so history is not rewritten.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The Prettier pass that started the enforced conventions; older subjects were written before the rule. */
const SINCE = 'ef9411f';

const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' });

export function problemsOf(message) {
  const [subject = '', second, ...rest] = message.replace(/\n+$/, '').split('\n');
  const problems = [];
  if (subject.length > 72) problems.push(`subject is ${subject.length} characters (at most 72)`);
  if (!subject.trim()) problems.push('empty subject');
  if (second !== undefined && second.trim() !== '') problems.push('no blank line after the subject');
  else if (second !== undefined && rest.join('').trim() === '') problems.push('blank line but no body');
  return problems;
}

function commits() {
  let range = `${SINCE}..HEAD`;
  try {
    git('cat-file', '-e', `${SINCE}^{commit}`);
  } catch {
    range = '-1'; // a shallow clone without the starting commit: check the newest one only
  }
  return git('log', '--no-merges', '--format=%H%x00%B%x01', range)
    .split('\x01')
    .map((c) => c.trim())
    .filter(Boolean)
    .map((c) => {
      const [hash, message] = c.split('\x00');
      return { hash: hash.slice(0, 7), message };
    });
}

describe('commit messages', () => {
  it('every commit since the rule has a subject of at most 72 characters and a body after a blank line', () => {
    const bad = commits().flatMap(({ hash, message }) => problemsOf(message).map((p) => `${hash}: ${p}`));
    assert.deepEqual(bad, []);
  });

  it('the check refuses a long subject, a missing blank line and a subject-only message is fine', () => {
    assert.deepEqual(problemsOf(`${'x'.repeat(73)}\n\nwhy`), ['subject is 73 characters (at most 72)']);
    assert.deepEqual(problemsOf('Fix a thing\nwhy'), ['no blank line after the subject']);
    assert.deepEqual(problemsOf('Fix a thing\n\nBecause.\n'), []);
    assert.deepEqual(problemsOf('Fix a thing\n'), []);
  });
});
