import { PROBLEM_CODES, type ProblemCode, type ProblemParamKind } from '@stegvis/contracts';
import { PROBLEM_TEXTS, problemText } from './problem-texts';

/** Sample parameters of the kinds the catalogue names, to call every text with. */
function sample(code: ProblemCode): Record<string, unknown> {
  const kinds = PROBLEM_CODES[code] as Record<string, ProblemParamKind>;
  return Object.fromEntries(
    Object.entries(kinds).map(([name, kind]) => [
      name,
      kind === 'number'
        ? 42
        : kind === 'string[]'
          ? ['alfa', 'beta']
          : // A moment (opensAt) is an ISO timestamp; any other text will do.
            name.endsWith('At')
            ? '2026-03-02T07:30:00.000Z'
            : `värde-${name}`,
    ]),
  );
}

describe('the texts of the api error and warning codes', () => {
  const codes = Object.keys(PROBLEM_CODES) as ProblemCode[];

  it('has a Swedish and an English text for every code in the catalogue, and none for codes that are not', () => {
    const missing = codes.filter((c) => typeof PROBLEM_TEXTS[c]?.sv !== 'function' || !PROBLEM_TEXTS[c]?.en);
    expect(missing).toEqual([]);
    expect(Object.keys(PROBLEM_TEXTS).filter((c) => !codes.includes(c as ProblemCode))).toEqual([]);
  });

  it('words every code with its parameters in both languages, differently', () => {
    const empty: string[] = [];
    const same: string[] = [];
    for (const code of codes) {
      const sv = problemText('sv', code, sample(code));
      const en = problemText('en', code, sample(code));
      if (!sv?.trim() || !en?.trim()) empty.push(code);
      else if (sv === en && !/\d/.test(sv)) same.push(code);
    }
    expect(empty).toEqual([]);
    expect(same).toEqual([]);
  });

  it('puts the parameters a person needs into the text', () => {
    expect(problemText('sv', 'too_large', { max: 100 })).toBe('Högst 100.');
    expect(problemText('en', 'too_large', { max: 100 })).toBe('At most 100.');
    expect(problemText('sv', 'end_before_start', { start: 'startDate' })).toBe(
      'Får inte vara före startdatumet.',
    );
    expect(problemText('en', 'not_allowed', { allowed: ['woman', 'man'] })).toBe(
      'Choose one of: woman, man.',
    );
    expect(problemText('sv', 'over_allocated', { name: 'Lena Ledare', percent: 120 })).toBe(
      'Lena Ledare är allokerad 120 % (över 100 %) under perioden.',
    );
    expect(problemText('en', 'fewer_than_k', { k: 5 })).toBe('fewer than 5 answers');
    expect(problemText('sv', 'round_not_open', { opensAt: '2026-03-02T07:30:00.000Z' })).toContain('08:30');
    expect(problemText('sv', 'screening_swedish_level', { level: 'sfi_b', min: 'sfi_c' })).toBe(
      'Svenskanivå SFI B (kravet är minst SFI C)',
    );
    expect(problemText('sv', 'duplicate_personal_number')).toBe(
      'Det finns redan en deltagare med det personnumret.',
    );
  });

  it('answers null for a code it does not know or parameters it cannot use, so the api text is shown', () => {
    expect(problemText('sv', 'brand_new_code', {})).toBeNull();
    expect(problemText('sv', undefined)).toBeNull();
    expect(problemText('sv', 'not_allowed', {})).toBeNull();
  });
});
