import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { RequestContext } from '../context/request-context';
import { AuditEvent, type AuditOutcome } from './audit-event.entity';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  subjectId?: string | null;
  outcome?: AuditOutcome;
  details?: Record<string, unknown>;
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
    if (entries.length === 0) return;
    const m = manager ?? this.dataSource.manager;
    await m.insert(
      AuditEvent,
      entries.map((e) => ({
        actorId: ctx.user?.id ?? null,
        actorRole: ctx.user?.role ?? null,
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId ?? null,
        subjectId: e.subjectId ?? null,
        outcome: e.outcome ?? 'success',
        requestId: ctx.requestId || null,
        details: (e.details ?? null) as AuditEvent['details'] & object,
      })),
    );
  }

  /** Every audited read and change of one participant's data, oldest first: the data-subject extract. */
  async findForSubject(subjectId: string): Promise<AuditEvent[]> {
    return this.dataSource.getRepository(AuditEvent).find({ where: { subjectId }, order: { at: 'ASC', id: 'ASC' } });
  }
}
