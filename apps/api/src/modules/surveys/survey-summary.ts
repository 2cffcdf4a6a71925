import { DEFAULT_SMALL_CELL_THRESHOLD, type ProblemNotice, checkThreshold, ratio } from '@stegvis/contracts';
import { Model, type Question } from 'survey-core';

export interface ChoiceCount {
  value: string | number | boolean;
  /** The choice's words in Swedish, as the questionnaire gives them: screens show this, never the value. */
  text: string;
  count: number | null;
  percent: number | null;
}

export interface QuestionSummary {
  name: string;
  type: string;
  title: string;
  answered: number | null;
  /** Set instead of the figures when fewer than k people answered (Swedish text). */
  suppressed: string | null;
  /** The same as a code (`fewer_than_k` with `k`), for a client to word in its language. */
  suppression: ProblemNotice<'fewer_than_k'> | null;
  choices?: ChoiceCount[];
  mean?: number | null;
  texts?: string[];
}

/** What a suppressed question shows instead of its figures. */
function fewerThanK(k: number): Pick<QuestionSummary, 'answered' | 'suppressed' | 'suppression'> {
  const message = `färre än ${k} svar`;
  return {
    answered: null,
    suppressed: message,
    suppression: { code: 'fewer_than_k', params: { k }, message },
  };
}

/**
 * Counts and percentages per choice, means for ratings. With suppression on (aggregate-only readers), a
 * question answered by fewer than k people shows only "fewer than k answers", so one person's answer cannot be
 * read out of a small group. Free text appears only as reviewed (approved or redacted) by staff.
 */
export function summariseAnswers(
  json: object,
  answers: Record<string, unknown>[],
  opts: { suppress: boolean; k?: number; reviewedTexts?: Map<string, string[]> },
): QuestionSummary[] {
  const k = checkThreshold(opts.k ?? DEFAULT_SMALL_CELL_THRESHOLD);
  const model = new Model(json);
  model.locale = 'sv';
  return model.getAllQuestions().map((q) => {
    const type = q.getType();
    const given = answers.map((a) => a[q.name]).filter((v) => v !== undefined && v !== null && v !== '');
    const base = { name: q.name, type, title: q.title };
    if (type === 'comment' || type === 'text') {
      // Free text is no distribution: aggregate readers see what staff reviewed (approved or redacted), nothing else.
      const texts = opts.suppress ? (opts.reviewedTexts?.get(q.name) ?? []) : (given as string[]);
      return { ...base, answered: texts.length, suppressed: null, suppression: null, texts };
    }
    if (opts.suppress && given.length < k) return { ...base, ...fewerThanK(k) };
    const flat = given.flatMap((v): unknown[] => (Array.isArray(v) ? v : [v]));
    const choices = offered(q).map(({ value, text }) => {
      const count = flat.filter((v) => v === value).length;
      return { value, text, count, percent: ratio(count, given.length).percent };
    });
    const mean =
      type === 'rating' && given.length
        ? Math.round(((given as number[]).reduce((s, v) => s + v, 0) / given.length) * 10) / 10
        : undefined;
    return {
      ...base,
      answered: given.length,
      suppressed: null,
      suppression: null,
      choices,
      ...(type === 'rating' ? { mean: mean ?? null } : {}),
    };
  });
}

/** Answer counts as the database aggregates them: per question, how many answered, and how many gave each value. */
export interface AnswerCounts {
  answered: Map<string, number>;
  /** question → JSON text of the value → count */
  values: Map<string, Map<string, number>>;
  /** question → sum of numeric answers (ratings), for the mean */
  sums: Map<string, number>;
  texts: Map<string, string[]>;
}

/**
 * The same summary as summariseAnswers, from counts the database computed, so a million answers never travel
 * into the process. Suppression, percentages and means follow the same rules.
 */
export function summariseCounts(
  json: object,
  counts: AnswerCounts,
  opts: { suppress: boolean; k?: number; reviewedTexts?: Map<string, string[]> },
): QuestionSummary[] {
  const k = checkThreshold(opts.k ?? DEFAULT_SMALL_CELL_THRESHOLD);
  const model = new Model(json);
  model.locale = 'sv';
  return model.getAllQuestions().map((q) => {
    const type = q.getType();
    const base = { name: q.name, type, title: q.title };
    const answered = counts.answered.get(q.name) ?? 0;
    if (type === 'comment' || type === 'text') {
      const texts = opts.suppress
        ? (opts.reviewedTexts?.get(q.name) ?? [])
        : (counts.texts.get(q.name) ?? []);
      return {
        ...base,
        answered: opts.suppress ? texts.length : answered,
        suppressed: null,
        suppression: null,
        texts,
      };
    }
    if (opts.suppress && answered < k) return { ...base, ...fewerThanK(k) };
    const byValue = counts.values.get(q.name) ?? new Map<string, number>();
    const choices = offered(q).map(({ value, text }) => {
      const count = byValue.get(JSON.stringify(value)) ?? 0;
      return { value, text, count, percent: ratio(count, answered).percent };
    });
    const mean =
      type === 'rating' && answered
        ? Math.round(((counts.sums.get(q.name) ?? 0) / answered) * 10) / 10
        : undefined;
    return {
      ...base,
      answered,
      suppressed: null,
      suppression: null,
      choices,
      ...(type === 'rating' ? { mean: mean ?? null } : {}),
    };
  });
}

/** The values a question offers, in its order, with their words in the model's locale (Swedish). */
function offered(q: Question): { value: string | number | boolean; text: string }[] {
  const type = q.getType();
  if (type === 'rating')
    return (q as unknown as { visibleRateValues: { value: number; text: string }[] }).visibleRateValues.map(
      (v) => ({ value: v.value, text: v.text || String(v.value) }),
    );
  if (type === 'boolean')
    return [
      { value: true, text: 'Ja' },
      { value: false, text: 'Nej' },
    ];
  return (q as unknown as { choices: { value: string; text: string }[] }).choices.map((c) => ({
    value: c.value,
    text: c.text,
  }));
}
