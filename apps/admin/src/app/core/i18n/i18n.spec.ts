import {
  ASSESSMENT_DIMENSIONS,
  DELIVERY_MODES,
  EMPLOYER_SECTORS,
  INTERNSHIP_RESULTS,
  STAFF_ROLES,
} from '@stegvis/contracts';
import { TEXTS } from './i18n';

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

  it('has a text for every value the screens look up by a built key', () => {
    const keys = [
      ...INTERNSHIP_RESULTS.map((r) => `in.result.${r}`),
      ...DELIVERY_MODES.map((m) => `mode.${m}`),
      ...EMPLOYER_SECTORS.map((s) => `sector.${s}`),
      ...STAFF_ROLES.map((r) => `role.${r}`),
      ...ASSESSMENT_DIMENSIONS.map((d) => `dim.${d}`),
      ...['start', 'middle', 'end'].map((s) => `p.stage.${s}`),
    ];
    expect(keys.filter((k) => !(k in TEXTS))).toEqual([]);
  });
});
