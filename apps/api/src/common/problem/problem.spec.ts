import { PROBLEM_CODES } from '@stegvis/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
  validate,
} from 'class-validator';
import { IsIsoDate } from '../validation/is-iso-date';
import { Problem, problemBody } from './problem';
import { codeForConstraint, flattenValidationErrors } from './validation';

class GoalDto {
  @IsInt() @Min(0) @Max(100) targetValue: number;
}

class SampleDto {
  @IsString() @MaxLength(5) name: string;
  @IsUUID() programmeId: string;
  @IsEmail() email: string;
  @IsIn(['woman', 'man', 'other']) gender: string;
  @IsIsoDate() startDate: string;
  @IsOptional() @ArrayMaxSize(2) tags?: string[];
  @ValidateNested({ each: true }) @Type(() => GoalDto) goals: GoalDto[];
}

async function fieldErrors(body: Record<string, unknown>) {
  const dto = Object.assign(new SampleDto(), body, {
    goals: (body.goals as object[]).map((g) => Object.assign(new GoalDto(), g)),
  });
  return flattenValidationErrors(await validate(dto, { stopAtFirstError: true }));
}

describe('problem+json bodies carry a code and its parameters', () => {
  it('writes the code and params beside the English detail', () => {
    const p = Problem.field('endDate', 'endDate must not be before startDate', {
      code: 'end_before_start',
      params: { start: 'startDate' },
    });
    expect(problemBody(p.getStatus(), p.message, p.errors, p.coded)).toEqual({
      type: 'https://stegvis.se/problems/validation',
      title: 'Bad request',
      status: 400,
      detail: 'endDate: endDate must not be before startDate',
      code: 'end_before_start',
      params: { start: 'startDate' },
      errors: [
        {
          field: 'endDate',
          message: 'endDate must not be before startDate',
          code: 'end_before_start',
          params: { start: 'startDate' },
        },
      ],
    });
  });

  it('gives a problem thrown without a code the generic code of its status, without empty params', () => {
    expect(problemBody(409, 'x')).toMatchObject({ code: 'conflict' });
    expect(problemBody(409, 'x')).not.toHaveProperty('params');
    expect(problemBody(401, 'x').code).toBe('not_signed_in');
    expect(problemBody(403, 'x').code).toBe('forbidden');
    expect(problemBody(429, 'x').code).toBe('too_many_requests');
    expect(problemBody(500, 'x').code).toBe('internal_error');
    const stale = Problem.stale('The programme was changed by someone else');
    expect(problemBody(stale.getStatus(), stale.message, undefined, stale.coded)).toMatchObject({
      status: 409,
      code: 'stale_version',
    });
    const missing = Problem.notFound('programme');
    expect(problemBody(404, missing.message, undefined, missing.coded)).toMatchObject({
      code: 'not_found',
      params: { entity: 'programme' },
    });
  });
});

describe('class-validator rules map to codes with their arguments', () => {
  it('codes every field error of a DTO, with max, allowed and nested paths', async () => {
    const errors = await fieldErrors({
      name: 'far too long',
      programmeId: 'nope',
      email: 'not-an-address',
      gender: 'robot',
      startDate: '2021-02-30',
      tags: ['a', 'b', 'c'],
      goals: [{ targetValue: 120 }],
    });
    expect(errors.map(({ field, code, params }) => ({ field, code, params }))).toEqual([
      { field: 'name', code: 'too_long', params: { max: 5 } },
      { field: 'programmeId', code: 'invalid_uuid', params: undefined },
      { field: 'email', code: 'invalid_email', params: undefined },
      { field: 'gender', code: 'not_allowed', params: { allowed: ['woman', 'man', 'other'] } },
      { field: 'startDate', code: 'invalid_date', params: undefined },
      { field: 'tags', code: 'too_many_items', params: { max: 2 } },
      { field: 'goals.0.targetValue', code: 'too_large', params: { max: 100 } },
    ]);
    expect(errors[0].message).toBe('name must be shorter than or equal to 5 characters');
  });

  it('calls a field left out "required", whichever rule noticed it', async () => {
    const errors = await fieldErrors({
      name: null,
      programmeId: '5f0c5b8e-3f55-4c0e-9d8e-1a2b3c4d5e6f',
      email: 'a@b.se',
      gender: 'woman',
      goals: [],
    });
    expect(errors.map(({ field, code }) => ({ field, code }))).toEqual([
      { field: 'name', code: 'required' },
      { field: 'startDate', code: 'required' },
    ]);
  });

  it('maps the rules the DTOs use, and an unknown field', () => {
    expect(codeForConstraint('isNotEmpty', [])).toEqual({ code: 'required' });
    expect(codeForConstraint('whitelistValidation', [])).toEqual({ code: 'unknown_field' });
    expect(codeForConstraint('min', [1])).toEqual({ code: 'too_small', params: { min: 1 } });
    expect(codeForConstraint('minLength', [12])).toEqual({ code: 'too_short', params: { min: 12 } });
    expect(codeForConstraint('arrayMinSize', [1])).toEqual({ code: 'too_few_items', params: { min: 1 } });
    for (const rule of [
      'isInt',
      'isBoolean',
      'isArray',
      'matches',
      'arrayUnique',
      'isUrl',
      'isObject',
      'isNumber',
    ])
      expect(codeForConstraint(rule, []).code).not.toBe('invalid_value');
  });

  it('only ever answers codes of the catalogue', () => {
    const rules = [
      'isNotEmpty',
      'isUuid',
      'max',
      'isIn',
      'isEnum',
      'isLength',
      'nestedValidation',
      'somethingNew',
    ];
    for (const rule of rules)
      expect(Object.keys(PROBLEM_CODES)).toContain(codeForConstraint(rule, [1, 2]).code);
  });
});
