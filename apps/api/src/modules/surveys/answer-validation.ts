import type { Coded, FieldError } from '@stegvis/contracts';
import { ConditionRunner, type Question, Model } from 'survey-core';

const MAX_TEXT = 2000;

interface Rule {
  name: string;
  type: string;
  required: boolean;
  /** False when the question, its panel or its page is hidden for good (`visible: false`, no visibleIf). */
  visible: boolean;
  /** The visibleIf conditions of the question and of every panel and page around it; all must hold. */
  conditions: ConditionRunner[];
  /** Rating values or choice values; null for types without a list. */
  allowed: unknown[] | null;
  other: boolean;
}

/**
 * Building a survey-core Model from a questionnaire's JSON takes tens of milliseconds, and setting its data a few
 * more: per submission, that was nearly all of its cost (issue 8: 23 submissions/s). So survey-core reads each
 * questionnaire version once, into plain rules with its own parsed conditions, and every check after that is plain
 * JavaScript over the rules, with no shared state.
 */
const compiled = new WeakMap<object, Rule[]>();

function rulesOf(json: object): Rule[] {
  let rules = compiled.get(json);
  if (!rules) {
    rules = new Model(json).getAllQuestions().map(toRule);
    compiled.set(json, rules);
  }
  return rules;
}

interface Element {
  visible: boolean;
  visibleIf?: string;
  parent?: Element | null;
}

function toRule(q: Question): Rule {
  const conditions: ConditionRunner[] = [];
  let visible = true;
  for (let el: Element | null | undefined = q as unknown as Element; el; el = el.parent) {
    // With a visibleIf, `visible` is only the condition's result on the empty model: the condition decides.
    if (el.visibleIf) conditions.push(new ConditionRunner(el.visibleIf));
    else visible &&= el.visible;
  }
  const type = q.getType();
  const values = (list: { value: unknown }[] | undefined) => (list ?? []).map((c) => c.value);
  const withList = q as unknown as {
    visibleRateValues: { value: unknown }[];
    choices: { value: unknown }[];
    hasOther: boolean;
  };
  const allowed =
    type === 'rating'
      ? values(withList.visibleRateValues)
      : ['radiogroup', 'dropdown', 'checkbox'].includes(type)
        ? values(withList.choices)
        : null;
  return {
    name: q.name,
    type,
    required: q.isRequired,
    visible,
    conditions,
    allowed,
    other: Boolean(withList.hasOther),
  };
}

/**
 * Checks a submission against its questionnaire version with survey-core itself: known questions only,
 * required (visible) questions answered, ratings inside their scale, choices from their list, text of sane length.
 * survey-core's own hasErrors() misses ranges and choice lists, hence the rest.
 */
export function validateAnswers(json: object, answers: Record<string, unknown>): FieldError[] {
  const rules = rulesOf(json);
  const names = new Set(rules.map((r) => r.name));
  const errors: FieldError[] = [];
  for (const key of Object.keys(answers)) {
    if (!names.has(key))
      errors.push({
        field: `answers.${key}`,
        message: `${key} is not a question of this questionnaire`,
        code: 'unknown_field',
      });
  }
  const known = Object.fromEntries(Object.entries(answers).filter(([k]) => names.has(k)));
  for (const rule of rules) {
    const value = answers[rule.name];
    const field = `answers.${rule.name}`;
    const isVisible = rule.visible && rule.conditions.every((c) => c.runValues(known));
    if (value === undefined || value === null || value === '') {
      if (isVisible && rule.required)
        errors.push({ field, message: `${rule.name} is required`, code: 'required' });
      continue;
    }
    if (!isVisible) {
      errors.push({
        field,
        message: `${rule.name} does not apply to the other answers`,
        code: 'answer_not_applicable',
      });
      continue;
    }
    const wrong = checkValue(rule, value);
    if (wrong) errors.push({ field, ...wrong });
  }
  return errors;
}

function checkValue(rule: Rule, value: unknown): ({ message: string } & Coded) | null {
  const allowed = rule.allowed ?? [];
  switch (rule.type) {
    case 'rating':
      return allowed.includes(value)
        ? null
        : {
            message: `${rule.name} must be one of ${allowed.join(', ')}`,
            code: 'not_allowed',
            params: { allowed: allowed.map(String) },
          };
    case 'radiogroup':
    case 'dropdown':
      return allowed.includes(value) || (rule.other && value === 'other')
        ? null
        : { message: `${rule.name} must be one of the listed choices`, code: 'not_a_choice' };
    case 'checkbox':
      // Each choice once, and "other" only where the question offers it: a repeated or made-up value would count
      // one person several times in the choice counts.
      return Array.isArray(value) &&
        new Set(value).size === value.length &&
        value.every((v) => allowed.includes(v) || (rule.other && v === 'other'))
        ? null
        : { message: `${rule.name} must be a list of the listed choices, each once`, code: 'not_a_choice' };
    case 'boolean':
      return typeof value === 'boolean'
        ? null
        : { message: `${rule.name} must be yes or no`, code: 'not_boolean' };
    case 'text':
    case 'comment':
      if (typeof value === 'string' && !storableText(value))
        return {
          message: `${rule.name} holds a character that cannot be stored (NUL or a lone surrogate)`,
          code: 'invalid_characters',
        };
      return typeof value === 'string' && value.length <= MAX_TEXT
        ? null
        : {
            message: `${rule.name} must be text of at most ${MAX_TEXT} characters`,
            code: 'too_long',
            params: { max: MAX_TEXT },
          };
    default:
      return { message: `${rule.name} cannot be answered here`, code: 'not_answerable' };
  }
}

/**
 * Text PostgreSQL can store: no NUL, and no half of a surrogate pair, which a broken keyboard or a cut-off paste
 * leaves behind; the database refuses both, which would otherwise be a 500 after the code was looked up.
 */
function storableText(text: string): boolean {
  return (
    !text.includes('\u0000') &&
    !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text)
  );
}

/** The free-text questions of a questionnaire, whose answers need staff review before evaluators see them. */
export function freeTextQuestions(json: object): string[] {
  return rulesOf(json)
    .filter((r) => ['comment', 'text'].includes(r.type))
    .map((r) => r.name);
}
