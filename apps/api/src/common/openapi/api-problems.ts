import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';
import { PROBLEM_CODES, type ProblemCode, type ProblemParamValues } from '@stegvis/contracts';

const CODES = Object.keys(PROBLEM_CODES);
const PARAMS = {
  type: 'object',
  additionalProperties: true,
  description:
    'The code\'s parameters, e.g. `{ "max": 100 }` for too_large (packages/contracts/src/problem-codes.ts)',
} as const;

/** A warning or flag in a response: a stable code and its parameters for the client to word, and a text. */
export class ProblemNoticeSchema {
  @ApiProperty({ enum: CODES, enumName: 'ProblemCode', example: 'over_allocated' }) code: ProblemCode;
  @ApiPropertyOptional(PARAMS) params?: ProblemParamValues;
  @ApiProperty() message: string;
}

export class FieldErrorSchema {
  @ApiProperty({ example: 'goals.0.targetValue' }) field: string;
  @ApiProperty({ example: 'targetValue must not be less than 0' }) message: string;
  @ApiProperty({ enum: CODES, enumName: 'ProblemCode', example: 'too_small' }) code: ProblemCode;
  @ApiPropertyOptional({ ...PARAMS, example: { min: 0 } }) params?: ProblemParamValues;
}

export class ProblemSchema {
  @ApiProperty({ example: 'about:blank' }) type: string;
  @ApiProperty({ example: 'Not found' }) title: string;
  @ApiProperty({ example: 404 }) status: number;
  @ApiPropertyOptional() detail?: string;
  @ApiProperty({
    enum: CODES,
    enumName: 'ProblemCode',
    example: 'not_found',
    description: 'What went wrong as a stable code; `detail` says it in English',
  })
  code: ProblemCode;
  @ApiPropertyOptional(PARAMS) params?: ProblemParamValues;
  @ApiPropertyOptional() instance?: string;
  @ApiPropertyOptional() requestId?: string;
  @ApiPropertyOptional({ type: [FieldErrorSchema] }) errors?: FieldErrorSchema[];
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input; `errors` names each field',
  401: 'Not signed in, or the session has ended',
  403: 'Your role may not do this, or the CSRF token is missing',
  404: 'Not found, or not yours to see',
  409: 'Conflict: stale version or duplicate',
  413: 'Too large',
  415: 'Unsupported media type',
  422: 'A rule of the domain is not met',
  429: 'Too many requests; try again later',
};

/** Documents the problem+json responses an endpoint can give. */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Error',
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemSchema' } } },
      }),
    ),
  );
}
