import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Problem, fieldError } from '../problem/problem';
import { SqlService, type SqlTx, sqlTxOf } from '../sql/sql.service';
import {
  CLAIM_SQL,
  EXISTING_SQL,
  FORGET_SQL,
  RECORD_SQL,
  SCOPES_SQL,
  keyHash,
  requestHash,
} from './idempotency-sql';

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
    this.check(key);
    return this.dataSource.transaction((m) => this.once(sqlTxOf(m), scope, key!, body, () => work(m)));
  }

  /** The same semantics for work in plain SQL on the pool (the survey submission, a hot path). */
  async runSql<T>(
    scope: string,
    key: string | undefined,
    body: unknown,
    work: (tx: SqlTx) => Promise<{ status: number; body: T }>,
  ): Promise<StoredResult<T>> {
    this.check(key);
    return this.sql.transaction((tx) => this.once(tx, scope, key!, body, () => work(tx)));
  }

  /** The scopes starting with `prefix` that still hold keys (a survey sweep asks for `survey:`). */
  async scopes(prefix: string): Promise<string[]> {
    return (await this.sql.rows<{ scope: string }>(SCOPES_SQL, [prefix])).map((r) => r.scope);
  }

  /** Forgets the keys of scopes no replay can reach any more (a closed survey round's). */
  async forget(scopes: string[]): Promise<void> {
    if (scopes.length) await this.sql.rows(FORGET_SQL, [scopes]);
  }

  private check(key: string | undefined): void {
    if (!key)
      throw Problem.field('Idempotency-Key', 'the Idempotency-Key header is required for this request', {
        code: 'idempotency_key_required',
      });
    if (!KEY.test(key))
      throw Problem.field('Idempotency-Key', 'Idempotency-Key must be 8–128 letters, digits or ._:-', {
        code: 'idempotency_key_invalid',
      });
  }

  /** Claim, work and answer, inside the caller's transaction. */
  private async once<T>(
    tx: SqlTx,
    scope: string,
    key: string,
    body: unknown,
    work: () => Promise<{ status: number; body: T }>,
  ): Promise<StoredResult<T>> {
    const hashed = keyHash(scope, key);
    const request = requestHash(key, body);
    const claimed = await tx.rows(CLAIM_SQL, [scope, hashed, request]);
    if (claimed.length === 0) {
      const [existing] = await tx.rows<{
        request_hash: string;
        response_status: number | null;
        response_body: T;
      }>(EXISTING_SQL, [scope, hashed]);
      if (!existing)
        throw Problem.conflict('The same request is being processed; retry shortly', {
          code: 'request_in_progress',
        });
      if (existing.request_hash !== request) {
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
    await tx.rows(RECORD_SQL, [scope, hashed, result.status, JSON.stringify(result.body)]);
    return { ...result, replayed: false };
  }
}
