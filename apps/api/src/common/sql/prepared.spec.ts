import { prepared } from './prepared';

describe('prepared', () => {
  it('names a statement by its text: the same text the same name, another text another name, values passed on', () => {
    const a = prepared('SELECT 1 WHERE $1::int > 0', [1]);
    const b = prepared('SELECT 1 WHERE $1::int > 0', [2]);
    const c = prepared('SELECT 2 WHERE $1::int > 0', [1]);
    expect(a.name).toMatch(/^stegvis_[0-9a-f]{16}$/);
    expect([b.name, b.text, b.values]).toEqual([a.name, 'SELECT 1 WHERE $1::int > 0', [2]]);
    expect(c.name).not.toBe(a.name);
  });
});
