// The statements behind Idempotency-Key, apart from the service so that the benchmarks' bare baselines
// (bench/run.mjs, bench/submission.mjs) load the compiled file and send the very same SQL.

/** A claim with no answer older than this comes from before claims shared the work's transaction; a retry may take it over. */
export const ABANDONED_AFTER_S = 30;

/** $1 scope, $2 key, $3 request hash, $4 ABANDONED_AFTER_S. Returns a row when the claim is ours. */
export const CLAIM_SQL = `INSERT INTO idempotency_key (scope, key, request_hash) VALUES ($1, $2, $3)
  ON CONFLICT (scope, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, created_at = now()
    WHERE idempotency_key.response_status IS NULL
      AND idempotency_key.request_hash = EXCLUDED.request_hash
      AND idempotency_key.created_at < now() - make_interval(secs => $4)
  RETURNING key`;

/** $1 scope, $2 key. Read committed: sees the twin's committed answer that the claim waited for. */
export const EXISTING_SQL =
  'SELECT request_hash, response_status, response_body FROM idempotency_key WHERE scope = $1 AND key = $2';

/** $1 scope, $2 key, $3 status, $4 body as JSON text. */
export const RECORD_SQL =
  'UPDATE idempotency_key SET response_status = $3, response_body = $4 WHERE scope = $1 AND key = $2';
