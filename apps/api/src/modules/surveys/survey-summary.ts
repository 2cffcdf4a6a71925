import { DEFAULT_SMALL_CELL_THRESHOLD, checkThreshold, ratio } from '@stegvis/contracts';
import { Model } from 'survey-core';

export interface ChoiceCount {
  value: string | number | boolean;
  count: number | null;
  percent: number | null;
}

export interface QuestionSummary {
  name: string;
  type: string;
  title: string;
  answered: number | null;
  /** Set instead of the figures when fewer than k people answered. */
  suppressed: string | null;
  choices?: ChoiceCount[];
  mean?: number | null;
  texts?: string[];
}

/**
 * Counts and percentages per choice, means for ratings. With suppression on (aggregate-only readers), a
 * question answered by fewer than k people shows only "fewer than k answers", so one person's answer cannot be
 * read out of a small group. Free text appears only as reviewed (approved or redacted) by staff.
 */
export function summariseAnswers(json: object, answers: Record<string, unknown>[], opts: { suppress: boolean; k?: number; reviewedTexts?: Map<string, string[]> }): QuestionSummary[] {
  const k = checkThreshold(opts.k ?? DEFAULT_SMALL_CELL_THRESHOLD);
  const model = new Model(json);
  model.locale = 'sv';
  return model.getAllQuestions().map((q) => {
    const type = q.getType();
    const given = answers.map((a) => a[q.name]).filter((v) => v !== undefined && v !== null && v !== '');
    const base = { name: q.name, type, title: q.title };
    if (type === 'comment' || type === 'text') {
      // Free text is no distribution: aggregate readers see what staff reviewed (approved or redacted), nothing else.
      const texts = opts.suppress ? opts.reviewedTexts?.get(q.name) ?? [] : (given as string[]);
      return { ...base, answered: texts.length, suppressed: null, texts };
    }
    if (opts.suppress && given.length < k) return { ...base, answered: null, suppressed: `färre än ${k} svar` };
    const values: (string | number | boolean)[] =
      type === 'rating'
        ? (q as unknown as { visibleRateValues: { value: number }[] }).visibleRateValues.map((v) => v.value)
        : type === 'boolean'
          ? [true, false]
          : (q as unknown as { choices: { value: string }[] }).choices.map((c) => c.value);
    const flat = given.flatMap((v) => (Array.isArray(v) ? v : [v]));
    const choices = values.map((value) => {
      const count = flat.filter((v) => v === value).length;
      return { value, count, percent: ratio(count, given.length).percent };
    });
    const mean = type === 'rating' && given.length ? Math.round(((given as number[]).reduce((s, v) => s + v, 0) / given.length) * 10) / 10 : undefined;
    return { ...base, answered: given.length, suppressed: null, choices, ...(type === 'rating' ? { mean: mean ?? null } : {}) };
  });
}
