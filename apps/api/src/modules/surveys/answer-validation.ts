import type { FieldError } from '@stegvis/contracts';
import { type Question, Model } from 'survey-core';

const MAX_TEXT = 2000;

interface ChoiceLike {
  value: unknown;
}

/**
 * Checks a submission against its questionnaire version with survey-core itself: known questions only,
 * required (visible) questions answered, ratings inside their scale, choices from their list, text of sane length.
 * survey-core's own hasErrors() misses ranges and choice lists, hence the rest.
 */
export function validateAnswers(json: object, answers: Record<string, unknown>): FieldError[] {
  const model = new Model(json);
  const errors: FieldError[] = [];
  const byName = new Map(model.getAllQuestions().map((q) => [q.name, q] as const));
  for (const key of Object.keys(answers)) {
    if (!byName.has(key)) errors.push({ field: `answers.${key}`, message: `${key} is not a question of this questionnaire` });
  }
  model.data = Object.fromEntries(Object.entries(answers).filter(([k]) => byName.has(k)));
  for (const q of byName.values()) {
    const value = answers[q.name];
    const field = `answers.${q.name}`;
    if (value === undefined || value === null || value === '') {
      if (q.isVisible && q.isRequired) errors.push({ field, message: `${q.name} is required` });
      continue;
    }
    if (!q.isVisible) {
      errors.push({ field, message: `${q.name} does not apply to the other answers` });
      continue;
    }
    const message = checkValue(q, value);
    if (message) errors.push({ field, message });
  }
  return errors;
}

function checkValue(q: Question, value: unknown): string | null {
  const type = q.getType();
  const values = (list: ChoiceLike[] | undefined) => (list ?? []).map((c) => c.value);
  switch (type) {
    case 'rating': {
      const allowed = values((q as unknown as { visibleRateValues: ChoiceLike[] }).visibleRateValues);
      return allowed.includes(value) ? null : `${q.name} must be one of ${allowed.join(', ')}`;
    }
    case 'radiogroup':
    case 'dropdown': {
      const allowed = values((q as unknown as { choices: ChoiceLike[] }).choices);
      const other = (q as unknown as { hasOther: boolean }).hasOther;
      return allowed.includes(value) || (other && value === 'other') ? null : `${q.name} must be one of the listed choices`;
    }
    case 'checkbox': {
      const allowed = values((q as unknown as { choices: ChoiceLike[] }).choices);
      return Array.isArray(value) && value.length <= allowed.length + 1 && value.every((v) => allowed.includes(v) || v === 'other') ? null : `${q.name} must be a list of the listed choices`;
    }
    case 'boolean':
      return typeof value === 'boolean' ? null : `${q.name} must be yes or no`;
    case 'text':
    case 'comment':
      return typeof value === 'string' && value.length <= MAX_TEXT ? null : `${q.name} must be text of at most ${MAX_TEXT} characters`;
    default:
      return `${q.name} cannot be answered here`;
  }
}

/** The free-text questions of a questionnaire, whose answers need staff review before evaluators see them. */
export function freeTextQuestions(json: object): string[] {
  return new Model(json).getAllQuestions().filter((q) => ['comment', 'text'].includes(q.getType())).map((q) => q.name);
}
