import { TEXT_SOURCES, TEXTS } from './i18n';

describe('the UI text table', () => {
  const entries = Object.entries(TEXTS) as [string, { sv: string; en: string }][];

  it('has a Swedish and an English text for every key', () => {
    const missing = entries.filter(([, v]) => !v.sv.trim() || !v.en.trim()).map(([k]) => k);
    expect(missing).toEqual([]);
  });

  it('uses the same {placeholders} in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const differing = entries.filter(([, v]) => names(v.sv).join() !== names(v.en).join()).map(([k]) => k);
    expect(differing).toEqual([]);
  });

  // Labels of enumerated values are not UI texts: they live in the label tables (labels.spec.ts).
  it('has no key built from an enumerated value', () => {
    const built = entries
      .map(([k]) => k)
      .filter((k) =>
        /^(role|mode|att|reason|status|outcome|gender|dim|p\.stage|sector|in\.result|kind|unit)\.[a-z_]+$/.test(
          k,
        ),
      )
      .filter((k) => k !== 'att.reason');
    expect(built).toEqual([]);
  });

  it('defines each key in one file only', () => {
    const keys = TEXT_SOURCES.flatMap((s) => Object.keys(s));
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });
});
