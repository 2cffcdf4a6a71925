import { asProblem } from '../core/errors/problem-form';
import type { I18n } from '../core/i18n/i18n';

/**
 * What a failed load says to the user: the api's problem in their language, or the generic load failure; '' when
 * there is no error. Takes a resource's `error()`, an HttpErrorResponse or a ready text.
 */
export function loadErrorText(err: unknown, i18n: I18n): string {
  if (err === undefined || err === null || err === '' || err === false) return '';
  if (typeof err === 'string') return err;
  // A resource wraps a thrown value that does not look like an Error; the http error is then its cause.
  const cause: unknown = err instanceof Error && err.cause !== undefined ? err.cause : err;
  const problem = asProblem(cause, i18n.lang()) ?? asProblem(err, i18n.lang());
  return problem?.detail && problem.status !== 401 ? problem.detail : i18n.t('shared.loadFailed');
}
