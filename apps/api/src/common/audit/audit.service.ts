import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { RequestContext } from '../context/request-context';
import type { AuditAction } from '@stegvis/contracts';
import { AuditEvent, type AuditOutcome } from './audit-event.entity';

export interface AuditEntry {
  /** One of AUDIT_ACTIONS, each with a label in packages/contracts/src/labels.ts, so the audit trail shows words. */
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  subjectId?: string | null;
  outcome?: AuditOutcome;
  details?: Record<string, unknown>;
}

export interface AuditEventFilter {
  subjectIds?: string[];
  actorId?: string;
  action?: string;
  /** ISO instants: from inclusive, to exclusive. */
  fromUtc?: string;
  toUtc?: string;
}

/**
 * The one writer of audit_event. Pass the transaction's manager when the audited change is a write, so the
 * record commits or rolls back with it.
 */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(ctx: RequestContext, entry: AuditEntry, manager?: EntityManager): Promise<void> {
    await this.recordMany(ctx, [entry], manager);
  }

  async recordMany(ctx: RequestContext, entries: AuditEntry[], manager?: EntityManager): Promise<void> {
    const m = manager ?? this.dataSource.manager;
    await this.recordVia((sql, params) => m.query(sql, params), ctx, entries);
  }

  /**
   * The same, inside a transaction TypeORM does not hold (the idempotent survey submission runs on its own
   * client): `run` is that transaction's query function.
   */
  async recordVia(
    run: (sql: string, params: unknown[]) => Promise<unknown>,
    ctx: RequestContext,
    entries: AuditEntry[],
  ): Promise<void> {
    if (entries.length === 0) return;
    const rows = entries.map((e) => ({
      actor_id: ctx.user?.id ?? null,
      actor_role: ctx.user?.role ?? null,
      action: e.action,
      entity_type: e.entityType,
      entity_id: e.entityId ?? null,
      subject_id: e.subjectId ?? null,
      outcome: e.outcome ?? 'success',
      request_id: ctx.requestId || null,
      details: e.details ?? null,
    }));
    // One statement with the rows as one JSON parameter: a week of attendance writes a hundred entries, and
    // TypeORM's insert spent longer building that statement (and asked for ids back) than PostgreSQL took to run it.
    await run(
      `INSERT INTO audit_event (actor_id, actor_role, action, entity_type, entity_id, subject_id, outcome, request_id, details)
       SELECT actor_id, actor_role, action, entity_type, entity_id, subject_id, outcome, request_id, details
         FROM jsonb_to_recordset($1::jsonb) AS e(actor_id uuid, actor_role text, action text, entity_type text, entity_id text,
                                                 subject_id uuid, outcome text, request_id text, details jsonb)`,
      [JSON.stringify(rows)],
    );
  }

  /**
   * The audit log for the system owner (modules/audit-log): newest first, filtered, a page after the cursor id.
   * `subjectIds` is the resolved "person" filter; an empty list matches nothing.
   */
  async findEvents(filter: AuditEventFilter, afterId: string | null, limit: number): Promise<AuditEvent[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.subjectIds) add('subject_id = ANY (?::uuid[])', filter.subjectIds);
    if (filter.actorId) add('actor_id = ?::uuid', filter.actorId);
    if (filter.action) add('action = ?', filter.action);
    if (filter.fromUtc) add('at >= ?::timestamptz', filter.fromUtc);
    if (filter.toUtc) add('at < ?::timestamptz', filter.toUtc);
    if (afterId) add('id < ?::bigint', afterId);
    params.push(limit);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT id::text, at, actor_id, actor_role, action, entity_type, entity_id, subject_id, outcome
         FROM audit_event ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY audit_event.id DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map((r) =>
      Object.assign(new AuditEvent(), {
        id: r.id as string,
        at: r.at as Date,
        actorId: r.actor_id as string | null,
        actorRole: r.actor_role as string | null,
        action: r.action as string,
        entityType: r.entity_type as string,
        entityId: r.entity_id as string | null,
        subjectId: r.subject_id as string | null,
        outcome: r.outcome as AuditOutcome,
        requestId: null,
        details: null,
      }),
    );
  }

  /** Every audited read and change of one participant's data, oldest first: the data-subject extract. */
  async findForSubject(subjectId: string): Promise<AuditEvent[]> {
    return this.dataSource
      .getRepository(AuditEvent)
      .find({ where: { subjectId }, order: { at: 'ASC', id: 'ASC' } });
  }
}
