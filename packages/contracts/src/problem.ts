import type { Coded, ProblemCode, ProblemParamValues } from './problem-codes.js';

/** One field's error: its JSON path, the English message, and the code (problem-codes.ts) a client words. */
export type FieldError = { field: string; message: string } & Coded;

/** RFC 9457 problem details, as every API error is returned. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** What went wrong as a stable code (problem-codes.ts); `detail` says it in English. */
  code?: ProblemCode;
  /** The code's parameters (`ProblemParams<code>`). */
  params?: ProblemParamValues;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
