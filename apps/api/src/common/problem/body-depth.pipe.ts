import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { Problem } from './problem';

/** No request of ours nests deeper than a few levels; 32 leaves room and stops a hostile body early. */
export const MAX_BODY_DEPTH = 32;

/**
 * How deep a parsed JSON value nests, counted without recursion, stopping as soon as it passes `limit`: a body
 * nested thousands deep would otherwise overflow the stack of class-transformer (and of any recursive check).
 */
export function depthExceeds(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > limit) return true;
    for (const child of Object.values(v as Record<string, unknown>)) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * Runs before the ValidationPipe, so a deeply nested body is a 400 before class-transformer walks it (it answered
 * 500, unauthenticated, on login and the survey session).
 */
@Injectable()
export class BodyDepthPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'body' && depthExceeds(value, MAX_BODY_DEPTH)) {
      throw Problem.badRequest(
        `The request body is nested more than ${MAX_BODY_DEPTH} levels deep`,
        undefined,
        {
          code: 'body_too_deep',
          params: { max: MAX_BODY_DEPTH },
        },
      );
    }
    return value;
  }
}
