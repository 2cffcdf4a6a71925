import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { SqlService } from '../../common/sql/sql.service';

/** The longest a pair is locked, however often it keeps failing. */
const MAX_LOCK_SECONDS = 24 * 3600;
/** Stale rows are swept at most this often per replica. */
const SWEEP_INTERVAL_MS = 60_000;

/** An attempt may go ahead; `lock` is the lock it set in advance, should it fail (null when none). */
export interface Admitted {
  ok: true;
  lock: string | null;
}
/** An attempt refused unchecked: its pair is locked, or its address has failed on too many accounts. */
export interface Refused {
  ok: false;
  scope: 'pair' | 'address';
  retryAfterSeconds: number;
}

/**
 * Login throttling per account and client address (issue 16, item 9), in the database so that every replica sees
 * the same counts.
 *
 * - **Per pair** (e-mail, address): each attempt counts as a failure until it proves right. The
 *   LOGIN_MAX_FAILURES-th counted attempt locks the pair for LOGIN_LOCK_SECONDS; each later one, once the lock has
 *   passed, locks it for twice as long as the last. The lock is set before the password is checked, in the same
 *   statement that counts the attempt, so parallel guesses cannot slip in under the count. A right answer deletes
 *   the pair's row. A stranger's wrong passwords lock only the stranger's pair: the owner at another address is
 *   not slowed down at all.
 * - **Per address**: more than LOGIN_MAX_ACCOUNTS_PER_ADDRESS distinct accounts with failures from one address
 *   within LOGIN_WINDOW_MINUTES refuses every login from it (credential stuffing). Counting accounts rather than
 *   failures means one office behind one address does not lock itself out when one person keeps mistyping.
 * - A pair is forgotten after LOGIN_WINDOW_MINUTES without failures past its last lock.
 */
@Injectable()
export class LoginThrottleService {
  private lastSweep = 0;

  constructor(
    private readonly sql: SqlService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Counts an attempt by `email` from `ip`, or refuses it with the seconds until it may be tried again. */
  async begin(email: string, ip: string): Promise<Admitted | Refused> {
    const window = this.config.loginWindowMinutes;
    const max = this.config.loginMaxAccountsPerAddress;
    const [address] = await this.sql.rows<{ accounts: number; retryAfter: number | null }>(
      `WITH recent AS (
         SELECT updated_at FROM login_throttle
          WHERE ip = $1 AND failures > 0 AND updated_at > now() - make_interval(mins => $2)
       )
       SELECT (SELECT count(*)::int FROM recent) AS accounts,
              (SELECT ceil(extract(epoch FROM updated_at + make_interval(mins => $2) - now()))::int
                 FROM recent ORDER BY updated_at OFFSET greatest((SELECT count(*) FROM recent) - $3 - 1, 0) LIMIT 1)
                AS "retryAfter"`,
      [ip, window, max],
    );
    if (address.accounts > max)
      return { ok: false, scope: 'address', retryAfterSeconds: Math.max(1, address.retryAfter ?? 1) };

    const failures = `CASE WHEN coalesce(t.locked_until, t.updated_at) + make_interval(mins => $5) < now()
                           THEN 1 ELSE t.failures + 1 END`;
    const lockFor = (f: string) =>
      `CASE WHEN ${f} >= $3 THEN now() + make_interval(secs => least($4 * power(2, ${f} - $3), $6)) END`;
    const [counted] = await this.sql.rows<{ lock: string | null }>(
      `INSERT INTO login_throttle AS t (email, ip, failures, locked_until, updated_at)
       VALUES ($1, $2, 1, ${lockFor('1')}, now())
       ON CONFLICT (email, ip) DO UPDATE
          SET failures = ${failures}, locked_until = ${lockFor(failures)}, updated_at = now()
        WHERE t.locked_until IS NULL OR t.locked_until <= now()
       RETURNING locked_until::text AS lock`,
      [email, ip, this.config.loginMaxFailures, this.config.loginLockSeconds, window, MAX_LOCK_SECONDS],
    );
    if (counted) return { ok: true, lock: counted.lock };
    const [locked] = await this.sql.rows<{ retryAfter: number }>(
      `SELECT ceil(extract(epoch FROM locked_until - now()))::int AS "retryAfter"
         FROM login_throttle WHERE email = $1 AND ip = $2`,
      [email, ip],
    );
    return { ok: false, scope: 'pair', retryAfterSeconds: Math.max(1, locked?.retryAfter ?? 1) };
  }

  /** The attempt proved right: the pair starts over. */
  async succeeded(email: string, ip: string): Promise<void> {
    await this.sql.rows('DELETE FROM login_throttle WHERE email = $1 AND ip = $2', [email, ip]);
  }

  /**
   * The attempt guessed nothing (the right password, sent before the code was asked for): it no longer counts,
   * and the lock it set in advance goes. A lock another attempt set meanwhile stays.
   */
  async uncount(email: string, ip: string, admitted: Admitted): Promise<void> {
    await this.sql.rows(
      `UPDATE login_throttle
          SET failures = greatest(failures - 1, 0),
              locked_until = CASE WHEN locked_until = $3::timestamptz THEN NULL ELSE locked_until END
        WHERE email = $1 AND ip = $2`,
      [email, ip, admitted.lock],
    );
  }

  /** The attempt failed: it stays counted. Rows quiet for longer than the window are swept now and then. */
  async failed(): Promise<void> {
    if (Date.now() - this.lastSweep < SWEEP_INTERVAL_MS) return;
    this.lastSweep = Date.now();
    await this.sql.rows(
      `DELETE FROM login_throttle
        WHERE coalesce(locked_until, updated_at) + make_interval(mins => $1) < now()`,
      [this.config.loginWindowMinutes],
    );
  }
}
