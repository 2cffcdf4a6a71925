import type { PipeTransform } from '@nestjs/common';
import { Problem } from '../../common/problem/problem';

/** A questionnaire version in the path: a positive whole number, else a 400 naming `version`. */
export class VersionPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    if (!/^[1-9][0-9]{0,5}$/.test(value))
      throw Problem.field('version', 'version must be a positive whole number', { code: 'invalid_value' });
    return Number(value);
  }
}
