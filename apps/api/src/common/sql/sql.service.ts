import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool, PoolClient } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import { prepared } from './prepared';

/** What a unit of work needs to run SQL: rows back, whatever the statement. */
export interface SqlTx {
  rows<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

/** The same interface over a TypeORM transaction (its manager has a query runner), for work that also uses repositories. */
export function sqlTxOf(m: EntityManager): SqlTx {
  return {
    rows: async <T>(sql: string, params: unknown[] = []) =>
      (await m.queryRunner!.query(sql, params, true)).records as T[],
  };
}

/**
 * Plain SQL on the pool TypeORM already holds (same connections, same limits, same failure modes), for the few
 * hot paths where building queries through the ORM costs more than the database does: a survey submission
 * spent about a third of its CPU in TypeORM's query builder. Everything else keeps using repositories.
 */
@Injectable()
export class SqlService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get pool(): Pool {
    return (this.dataSource.driver as unknown as { master: Pool }).master;
  }

  async rows<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pool.query(prepared(sql, params))).rows as T[];
  }

  /** BEGIN … COMMIT on one connection; any error rolls back. A connection that failed is dropped, not reused. */
  async transaction<T>(work: (tx: SqlTx) => Promise<T>): Promise<T> {
    const client: PoolClient = await this.pool.connect();
    let broken: Error | undefined;
    // pg-pool listens for errors only on idle clients: a backend terminated between two statements of this
    // transaction would otherwise be an unhandled 'error' event and end the process.
    const onError = (err: Error) => (broken = err);
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const result = await work({
        rows: async <R>(sql: string, params: unknown[] = []) =>
          (await client.query(prepared(sql, params))).rows as R[],
      });
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch((e: Error) => (broken ??= e));
      throw err;
    } finally {
      client.removeListener('error', onError);
      client.release(broken);
    }
  }
}
