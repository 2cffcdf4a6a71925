import { randomInt } from 'node:crypto';
import { type ProblemNotice, checkThreshold, ratio } from '@stegvis/contracts';
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

/** Answer counts as the database aggregates them: per question, how many answered, and how many gave each value. */
export interface AnswerCounts {
  answered: Map<string, number>;
  /** question → JSON text of the value → count */
  values: Map<string, Map<string, number>>;
  /** question → sum of numeric answers (ratings), for the mean */
  sums: Map<string, number>;
  texts: Map<string, string[]>;
}

/** A new order for every reader, from the system's random source: never the order the answers arrived in. */
export function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Counts and percentages per choice, means for ratings, from counts the database computed, so a million answers
 * never travel into the process. With suppression on (aggregate-only readers), a question answered by fewer than
 * k people shows only "fewer than k answers", so one person's answer cannot be read out of a small group, and
 * free text appears only as reviewed (approved or redacted) by staff. Free text comes in a random order.
 * `k` is the deployment's (AppConfig.smallCellK), never a caller's.
 */
export function summariseCounts(
  json: object,
  counts: AnswerCounts,
  opts: { suppress: boolean; k: number; reviewedTexts?: Map<string, string[]> },
): QuestionSummary[] {
  const k = checkThreshold(opts.k);
  const model = new Model(json);
  model.locale = 'sv';
  return model.getAllQuestions().map((q) => {
    const type = q.getType();
    const base = { name: q.name, type, title: q.title };
    const answered = counts.answered.get(q.name) ?? 0;
    if (type === 'comment' || type === 'text') {
      const texts = shuffled(
        opts.suppress ? (opts.reviewedTexts?.get(q.name) ?? []) : (counts.texts.get(q.name) ?? []),
      );
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
