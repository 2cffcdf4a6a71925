import fc from 'fast-check';
import { freeTextQuestions, validateAnswers } from './answer-validation';
import { propertyRuns } from '../../../test/support/property';

const json = {
  pages: [
    {
      elements: [
        { type: 'rating', name: 'overall', isRequired: true, rateMin: 1, rateMax: 5 },
        { type: 'radiogroup', name: 'internship', isRequired: true, choices: ['yes', 'no'] },
        {
          type: 'rating',
          name: 'internship_rating',
          visibleIf: "{internship} = 'yes'",
          rateMin: 1,
          rateMax: 5,
        },
        { type: 'checkbox', name: 'wants', choices: ['language_support', 'study_visits'] },
        { type: 'comment', name: 'comment' },
      ],
    },
  ],
};

describe('validateAnswers', () => {
  const wantsError = {
    field: 'answers.wants',
    message: 'wants must be a list of the listed choices, each once',
    code: 'not_a_choice',
  };
  const base = { overall: 4, internship: 'no' };

  it('refuses a checkbox answer that repeats a choice or names one the question does not offer', () => {
    expect(validateAnswers(json, { ...base, wants: ['study_visits', 'study_visits'] })).toEqual([wantsError]);
    // "other" only where the question has an other-choice: this one has none.
    expect(validateAnswers(json, { ...base, wants: ['other'] })).toEqual([wantsError]);
    expect(validateAnswers(json, { ...base, wants: ['language_support', 'study_visits'] })).toEqual([]);
  });

  it('refuses text with NUL or a lone surrogate, which the database cannot store, and keeps emoji', () => {
    const bad = {
      field: 'answers.comment',
      message: 'comment holds a character that cannot be stored (NUL or a lone surrogate)',
      code: 'invalid_characters',
    };
    expect(validateAnswers(json, { ...base, comment: 'Bra\u0000' })).toEqual([bad]);
    expect(validateAnswers(json, { ...base, comment: 'Bra \uD83D' })).toEqual([bad]);
    expect(validateAnswers(json, { ...base, comment: '\uDE00 bra' })).toEqual([bad]);
    expect(validateAnswers(json, { ...base, comment: 'Bra 😀 tack' })).toEqual([]);
  });

  it('accepts a complete, well-formed answer', () => {
    expect(
      validateAnswers(json, {
        overall: 4,
        internship: 'yes',
        internship_rating: 5,
        wants: ['study_visits'],
        comment: 'Bra!',
      }),
    ).toEqual([]);
  });

  it('names every field that is missing, out of range, not listed, unknown or not applicable', () => {
    expect(validateAnswers(json, { overall: 9, internship: 'maybe', wants: ['cake'], extra: 1 })).toEqual([
      {
        field: 'answers.extra',
        message: 'extra is not a question of this questionnaire',
        code: 'unknown_field',
      },
      {
        field: 'answers.overall',
        message: 'overall must be one of 1, 2, 3, 4, 5',
        code: 'not_allowed',
        params: { allowed: ['1', '2', '3', '4', '5'] },
      },
      {
        field: 'answers.internship',
        message: 'internship must be one of the listed choices',
        code: 'not_a_choice',
      },
      {
        field: 'answers.wants',
        message: 'wants must be a list of the listed choices, each once',
        code: 'not_a_choice',
      },
    ]);
    expect(validateAnswers(json, { internship: 'no', internship_rating: 3 })).toEqual([
      { field: 'answers.overall', message: 'overall is required', code: 'required' },
      {
        field: 'answers.internship_rating',
        message: 'internship_rating does not apply to the other answers',
        code: 'answer_not_applicable',
      },
    ]);
  });

  it('judges each answer on its own: the rules read once from the questionnaire keep nothing from the answer before', () => {
    expect(
      validateAnswers(json, { overall: 4, internship: 'yes', internship_rating: 5, comment: 'Bra!' }),
    ).toEqual([]);
    expect(validateAnswers(json, { internship: 'no' })).toEqual([
      { field: 'answers.overall', message: 'overall is required', code: 'required' },
    ]);
    expect(validateAnswers(json, { overall: 2, internship: 'no', internship_rating: 4 })).toEqual([
      {
        field: 'answers.internship_rating',
        message: 'internship_rating does not apply to the other answers',
        code: 'answer_not_applicable',
      },
    ]);
    expect(validateAnswers(json, { overall: 2, internship: 'yes', internship_rating: 4 })).toEqual([]);
  });

  it('a page shown only on a condition, and a question hidden for good, take answers only when shown', () => {
    const paged = {
      pages: [
        {
          elements: [
            { type: 'radiogroup', name: 'worked', isRequired: true, choices: ['yes', 'no'] },
            { type: 'comment', name: 'internal', visible: false },
          ],
        },
        {
          visibleIf: "{worked} = 'yes'",
          elements: [{ type: 'rating', name: 'job', isRequired: true, rateMin: 1, rateMax: 3 }],
        },
      ],
    };
    expect(validateAnswers(paged, { worked: 'yes' })).toEqual([
      { field: 'answers.job', message: 'job is required', code: 'required' },
    ]);
    expect(validateAnswers(paged, { worked: 'yes', job: 3 })).toEqual([]);
    expect(validateAnswers(paged, { worked: 'no', job: 3, internal: 'x' })).toEqual([
      {
        field: 'answers.internal',
        message: 'internal does not apply to the other answers',
        code: 'answer_not_applicable',
      },
      {
        field: 'answers.job',
        message: 'job does not apply to the other answers',
        code: 'answer_not_applicable',
      },
    ]);
  });

  it('never throws, whatever it is given (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 })), (answers) => {
        const errors = validateAnswers(json, answers as Record<string, unknown>);
        expect(Array.isArray(errors)).toBe(true);
      }),
      propertyRuns(500),
    );
  });

  it('lists the free-text questions', () => {
    expect(freeTextQuestions(json)).toEqual(['comment']);
  });
});
