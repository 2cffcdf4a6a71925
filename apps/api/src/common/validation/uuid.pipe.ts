import type { PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { Problem } from '../problem/problem';

/** A path id that is not a UUID is a 400 naming the parameter, not a database error. */
export class UuidPipe implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}
  transform(value: string): string {
    if (!isUUID(value))
      throw Problem.field(this.name, `${this.name} must be a UUID`, { code: 'invalid_uuid' });
    return value;
  }
}
