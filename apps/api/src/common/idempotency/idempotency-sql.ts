// The statements behind Idempotency-Key, apart from the service so that the benchmarks' bare baselines
// (bench/run.mjs, bench/submission.mjs) load the compiled file and send the very same SQL and hashes.
import { createHash } from 'node:crypto';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** What is stored instead of the key: keys never meet across scopes, and the key itself stays with the client. */
export const keyHash = (scope: string, key: string): string => sha256(`${scope}\n${key}`);

/**
 * What tells a repeat from a different request under the same key. Keyed by the client's key (not stored), so a
 * reader of the table cannot test guessed bodies (a survey's few choices) against it.
 */
export const requestHash = (key: string, body: unknown): string =>
  sha256(`${key}\n${sha256(JSON.stringify(body ?? null))}`);

/**
 * $1 scope, $2 key hash, $3 request hash. Returns a row when the claim is ours. The claim shares the work's
 * transaction, so an unanswered claim is never committed: a twin waits on the row lock, then finds the answer
 * (or, if the first rolled back, claims it itself).
 */
export const CLAIM_SQL = `INSERT INTO idempotency_key (scope, key_hash, request_hash) VALUES ($1, $2, $3)
  ON CONFLICT (scope, key_hash) DO NOTHING
  RETURNING key_hash`;

/** $1 scope, $2 key hash. Read committed: sees the twin's committed answer that the claim waited for. */
export const EXISTING_SQL =
  'SELECT request_hash, response_status, response_body FROM idempotency_key WHERE scope = $1 AND key_hash = $2';

/** $1 scope, $2 key hash, $3 status, $4 body as JSON text. */
export const RECORD_SQL =
  'UPDATE idempotency_key SET response_status = $3, response_body = $4 WHERE scope = $1 AND key_hash = $2';

/** $1 scopes. Forgets every key of those scopes: no replay can come for them any more. */
export const FORGET_SQL = 'DELETE FROM idempotency_key WHERE scope = ANY ($1::text[])';

/** $1 prefix (e.g. `survey:`). The scopes that still hold keys, for a sweep to pick the finished ones. */
export const SCOPES_SQL = 'SELECT DISTINCT scope FROM idempotency_key WHERE starts_with(scope, $1)';
