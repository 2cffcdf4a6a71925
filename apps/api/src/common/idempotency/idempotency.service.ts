import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Problem, fieldError } from '../problem/problem';
import { SqlService, type SqlTx, sqlTxOf } from '../sql/sql.service';
import { ABANDONED_AFTER_S, CLAIM_SQL, EXISTING_SQL, RECORD_SQL } from './idempotency-sql';

export interface StoredResult<T> {
  status: number;
  body: T;
  replayed: boolean;
}

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
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sql: SqlService,
  ) {}

  /** For work done through TypeORM (repositories, query builders) inside the transaction. */
  async run<T>(
    scope: string,
    key: string | undefined,
    body: unknown,
    work: (m: EntityManager) => Promise<{ status: number; body: T }>,
  ): Promise<StoredResult<T>> {
    const requestHash = this.check(key, body);
    return this.dataSource.transaction((m) => this.once(sqlTxOf(m), scope, key!, requestHash, () => work(m)));
  }

  /** The same semantics for work in plain SQL on the pool (the survey submission, a hot path). */
  async runSql<T>(
    scope: string,
    key: string | undefined,
    body: unknown,
    work: (tx: SqlTx) => Promise<{ status: number; body: T }>,
  ): Promise<StoredResult<T>> {
    const requestHash = this.check(key, body);
    return this.sql.transaction((tx) => this.once(tx, scope, key!, requestHash, () => work(tx)));
  }

  private check(key: string | undefined, body: unknown): string {
    if (!key)
      throw Problem.field('Idempotency-Key', 'the Idempotency-Key header is required for this request', {
        code: 'idempotency_key_required',
      });
    if (!KEY.test(key))
      throw Problem.field('Idempotency-Key', 'Idempotency-Key must be 8–128 letters, digits or ._:-', {
        code: 'idempotency_key_invalid',
      });
    return createHash('sha256')
      .update(JSON.stringify(body ?? null))
      .digest('hex');
  }

  /** Claim, work and answer, inside the caller's transaction. */
  private async once<T>(
    tx: SqlTx,
    scope: string,
    key: string,
    requestHash: string,
    work: () => Promise<{ status: number; body: T }>,
  ): Promise<StoredResult<T>> {
    const claimed = await tx.rows(CLAIM_SQL, [scope, key, requestHash, ABANDONED_AFTER_S]);
    if (claimed.length === 0) {
      const [existing] = await tx.rows<{
        request_hash: string;
        response_status: number | null;
        response_body: T;
      }>(EXISTING_SQL, [scope, key]);
      if (!existing)
        throw Problem.conflict('The same request is being processed; retry shortly', {
          code: 'request_in_progress',
        });
      if (existing.request_hash !== requestHash) {
        throw Problem.rule(
          'This Idempotency-Key was already used for a different request',
          { code: 'idempotency_key_reused' },
          [fieldError('Idempotency-Key', 'reused with a different body', { code: 'idempotency_key_reused' })],
        );
      }
      if (existing.response_status === null)
        throw Problem.conflict('The same request is still being processed; retry shortly', {
          code: 'request_in_progress',
        });
      return { status: existing.response_status, body: existing.response_body, replayed: true };
    }
    const result = await work();
    await tx.rows(RECORD_SQL, [scope, key, result.status, JSON.stringify(result.body)]);
    return { ...result, replayed: false };
  }
}
