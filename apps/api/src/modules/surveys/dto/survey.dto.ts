import type { PipeTransform } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FieldError, ProblemNotice } from '@stegvis/contracts';
import { LANGUAGE_CODES, type LanguageCode } from '@stegvis/questionnaires';
import { ProblemNoticeSchema } from '../../../common/openapi/api-problems';
import { Problem } from '../../../common/problem/problem';
import { RatioDto } from '../../groups/dto/group.dto';
import type { ChoiceCount, QuestionSummary } from '../survey-summary';
import type { IssuedCode } from '../surveys.service';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

export class CreateRoundDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() groupId: string;
  @ApiProperty({ example: 'end-of-group' }) @IsString() @MaxLength(50) questionnaireId: string;
  @ApiPropertyOptional({ description: 'Defaults to the latest version' })
  @IsOptional()
  @IsInt()
  @Min(1)
  questionnaireVersion?: number;
  @ApiProperty({ example: '2020-11-16T08:00:00Z' })
  @IsString()
  @Matches(/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/, {
    message: 'opensAt must be an ISO date-time',
  })
  opensAt: string;
  @ApiProperty({ example: '2020-11-30T20:00:00Z' })
  @IsString()
  @Matches(/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/, {
    message: 'closesAt must be an ISO date-time',
  })
  closesAt: string;
}

/** Which language the printed paper questionnaire is in. */
export class PaperQuestionnaireQuery {
  @ApiProperty({
    enum: LANGUAGE_CODES,
    description: "One of the questionnaire's languages that the round's programme offers to participants",
  })
  @IsIn(LANGUAGE_CODES)
  language: LanguageCode;
}

/** Documentation of the body; the rule is SubmitBodyPipe below. */
export class SubmitDto {
  @ApiProperty({ example: 'sv', minLength: 2, maxLength: 10 }) language: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) answers: Record<string, unknown>;
}

export class PaperSubmitDto extends SubmitDto {
  @ApiProperty({
    description: 'The short code printed on the participant’s slip',
    minLength: 4,
    maxLength: 20,
  })
  code: string;
}

export interface SubmitBody {
  language: string;
  answers: Record<string, unknown>;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown, field: string, min: number, max: number): FieldError | null =>
  typeof v !== 'string'
    ? { field, message: `${field} must be a string`, code: 'not_string' }
    : v.length < min || v.length > max
      ? {
          field,
          message: `${field} must be ${min}–${max} characters`,
          code: 'length_between',
          params: { min, max },
        }
      : null;

/**
 * The submission's shape, checked by hand instead of by the global ValidationPipe: class-transformer copied the
 * whole answers object into a class instance on every submission, the largest cost of the request in the Nest
 * pipeline. The answers themselves are checked against the questionnaire (answer-validation.ts). Field names and
 * "not a known field" work as everywhere else.
 */
export class SubmitBodyPipe implements PipeTransform<unknown, SubmitBody> {
  constructor(private readonly withCode = false) {}

  transform(value: unknown): SubmitBody & { code?: string } {
    if (!isPlainObject(value))
      throw Problem.badRequest('The body must be a JSON object', [
        { field: 'body', message: 'the body must be a JSON object', code: 'not_object' },
      ]);
    const known = this.withCode ? ['language', 'answers', 'code'] : ['language', 'answers'];
    const errors: FieldError[] = Object.keys(value)
      .filter((k) => !known.includes(k))
      .map((k): FieldError => ({ field: k, message: `${k} is not a known field`, code: 'unknown_field' }));
    const language = text(value.language, 'language', 2, 10);
    if (language) errors.push(language);
    if (!isPlainObject(value.answers))
      errors.push({ field: 'answers', message: 'answers must be an object', code: 'not_object' });
    if (this.withCode) {
      const code = text(value.code, 'code', 4, 20);
      if (code) errors.push(code);
    }
    if (errors.length) throw Problem.badRequest(errors.map((e) => e.message).join('; '), errors);
    return value as unknown as SubmitBody & { code?: string };
  }
}

export class StartDto {
  @ApiProperty({ description: 'The token from the link or QR code, or a short code typed in' })
  @IsString()
  @MinLength(4)
  @MaxLength(100)
  token: string;
}

export class ReviewDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() responseId: string;
  @ApiProperty() @IsString() @MaxLength(100) question: string;
  @ApiProperty({ enum: ['approved', 'redacted'] }) @IsIn(['approved', 'redacted']) status:
    'approved' | 'redacted';
  @ApiPropertyOptional({ description: 'The redacted text (for status redacted)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  text?: string;
}

export class RoundDto {
  @ApiProperty() id: string;
  @ApiProperty() groupId: string;
  @ApiProperty() questionnaireId: string;
  @ApiProperty() questionnaireVersion: number;
  @ApiProperty() opensAt: string;
  @ApiProperty() closesAt: string;
  @ApiProperty({ type: RatioDto }) responseRate: RatioDto;
}

export class IssuedCodeDto implements IssuedCode {
  @ApiProperty() enrolmentId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ description: 'For the link and QR code' }) token: string;
  @ApiProperty({ description: 'For typing in by hand' }) shortCode: string;
}

export class OpenedRoundDto extends RoundDto {
  @ApiProperty({
    type: [IssuedCodeDto],
    description: 'One per participant; only in this answer, never again',
  })
  codes: IssuedCodeDto[];
}

export class PendingDto {
  @ApiProperty({ format: 'uuid', description: 'For giving the person a code' }) enrolmentId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ description: 'False for someone enrolled after the round opened, who has no code yet' })
  hasCode: boolean;
}

export class IssueCodesDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description:
      'Enrolments of the group: a first code for someone enrolled since the round opened, or a new code ' +
      'replacing an unused one (the old code stops working at once)',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  enrolmentIds: string[];
}

export class ChoiceCountDto implements ChoiceCount {
  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }],
    description: "The choice's code in the questionnaire, never shown",
  })
  value: string | number | boolean;
  @ApiProperty({ description: "The choice's words in Swedish, as the questionnaire gives them" })
  text: string;
  @ApiProperty({ nullable: true, type: Number }) count: number | null;
  @ApiProperty({ nullable: true, type: Number }) percent: number | null;
}

export class QuestionSummaryDto implements QuestionSummary {
  @ApiProperty() name: string;
  @ApiProperty({ description: 'The SurveyJS question type, e.g. radiogroup, rating, comment' }) type: string;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: Number }) answered: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'Swedish text, set instead of the figures' })
  suppressed: string | null;
  @ApiProperty({ nullable: true, type: ProblemNoticeSchema, description: '`fewer_than_k` with `k`' })
  suppression: ProblemNotice<'fewer_than_k'> | null;
  @ApiPropertyOptional({ type: [ChoiceCountDto] }) choices?: ChoiceCountDto[];
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Ratings only' }) mean?: number | null;
  @ApiPropertyOptional({ type: [String], description: 'Free-text questions only' }) texts?: string[];
}

export class SummaryDto {
  @ApiProperty({ type: RoundDto }) round: RoundDto;
  @ApiProperty({
    nullable: true,
    type: ProblemNoticeSchema,
    description:
      "`survey_results_not_ready` with `state` (open or closed), `answered` and the deployment's `k` until the " +
      'round has closed with at least k answers; then null',
  })
  withheld: ProblemNotice<'survey_results_not_ready'> | null;
  @ApiProperty({ type: [QuestionSummaryDto], description: 'Empty while `withheld` is set' })
  questions: QuestionSummaryDto[];
}

export class FreeTextAnswerDto {
  @ApiProperty({
    format: 'uuid',
    description: "The answer's random id, for a review; it says nothing of when the answer came",
  })
  responseId: string;
  @ApiProperty() question: string;
  @ApiProperty() text: string;
  @ApiProperty() reviewed: boolean;
}
