import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Problem } from '../problem/problem';
import { IdempotencyKey } from './idempotency-key.entity';

export interface StoredResult<T> {
  status: number;
  body: T;
  replayed: boolean;
}

/** A claim with no answer older than this comes from before claims shared the work's transaction; a retry may take it over. */
const ABANDONED_AFTER_MS = 30_000;
const KEY = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Idempotency-Key semantics for writes a person may repeat: missing key → 400, same key with another body
 * → 422, a repeat → the first answer, and the work itself runs once.
 *
 * The claim is made in the same transaction as the work. A twin sent while the first is running waits on the
 * key's row lock (milliseconds) and then replays the first answer. A request whose connection dies (the database
 * restarted, the backend was terminated) leaves nothing behind: PostgreSQL rolls back claim and work together,
 * so the retry under the same key runs at once, instead of meeting a claim that nobody will answer.
 */
@Injectable()
export class IdempotencyService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async run<T>(
    scope: string,
    key: string | undefined,
    body: unknown,
    work: (m: EntityManager) => Promise<{ status: number; body: T }>,
  ): Promise<StoredResult<T>> {
    if (!key) throw Problem.field('Idempotency-Key', 'the Idempotency-Key header is required for this request');
    if (!KEY.test(key)) throw Problem.field('Idempotency-Key', 'Idempotency-Key must be 8–128 letters, digits or ._:-');
    const requestHash = createHash('sha256').update(JSON.stringify(body ?? null)).digest('hex');

    return this.dataSource.transaction(async (m) => {
      const claimed = await m.query(
        `INSERT INTO idempotency_key (scope, key, request_hash) VALUES ($1, $2, $3)
         ON CONFLICT (scope, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, created_at = now()
           WHERE idempotency_key.response_status IS NULL
             AND idempotency_key.request_hash = EXCLUDED.request_hash
             AND idempotency_key.created_at < now() - make_interval(secs => $4)
         RETURNING key`,
        [scope, key, requestHash, ABANDONED_AFTER_MS / 1000],
      );
      if (claimed.length === 0) {
        // Read committed: this statement sees the twin's committed answer that the insert waited for.
        const existing = await m.getRepository(IdempotencyKey).findOneBy({ scope, key });
        if (!existing) throw Problem.conflict('The same request is being processed; retry shortly');
        if (existing.requestHash !== requestHash) {
          throw Problem.rule('This Idempotency-Key was already used for a different request', [
            { field: 'Idempotency-Key', message: 'reused with a different body' },
          ]);
        }
        if (existing.responseStatus === null) throw Problem.conflict('The same request is still being processed; retry shortly');
        return { status: existing.responseStatus, body: existing.responseBody as T, replayed: true };
      }
      const result = await work(m);
      await m.update(IdempotencyKey, { scope, key }, { responseStatus: result.status, responseBody: result.body as object });
      return { ...result, replayed: false };
    });
  }
}
