import { Injectable } from '@nestjs/common';
import {
  type AuditLogEntry,
  type AuditLogPage,
  formatStockholmSeconds,
  labelOfStored,
  stockholmLocalToUtc,
} from '@stegvis/contracts';
import { type AuditEventFilter, AuditService } from '../../common/audit/audit.service';
import type { UserContext } from '../../common/context/request-context';
import { decodeCursor, encodeCursor } from '../../common/pagination/keyset';
import { Problem } from '../../common/problem/problem';
import { ParticipantsService } from '../participants/participants.service';
import { UsersService } from '../users/users.service';
import type { AuditLogFilterQuery } from './dto/audit-log.dto';

type StoredEvent = Awaited<ReturnType<AuditService['findEvents']>>[number];

/** The export's cap: a year of a busy deployment; narrow the filter for more. */
const EXPORT_MAX = 100_000;
const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const COLUMNS = ['tid', 'användare', 'roll', 'händelse', 'typ', 'person', 'utfall'];

/**
 * The system owner's view of the audit log (docs/security.md, "The audit log"): filtered, paged, exported. The
 * rows come from AuditService, the names from their owners; a protected person appears by her pseudonym only.
 * Reading the log is itself audited, with each person the filter named as its subject.
 */
@Injectable()
export class AuditLogService {
  constructor(
    private readonly audit: AuditService,
    private readonly participants: ParticipantsService,
    private readonly users: UsersService,
  ) {}

  async findEvents(
    ctx: UserContext,
    query: AuditLogFilterQuery,
    after: string | undefined,
    limit: number,
  ): Promise<AuditLogPage> {
    const filter = await this.filterOf(query);
    const cursor = decodeCursor(after, 1);
    const rows = await this.audit.findEvents(filter, cursor ? String(cursor[0]) : null, limit + 1);
    const page = rows.slice(0, limit);
    const items = await this.entries(page);
    await this.recordRead(ctx, 'audit.search', query, filter);
    return {
      items,
      nextCursor: rows.length > limit ? encodeCursor([page[page.length - 1].id]) : null,
    };
  }

  /** The same filter as a CSV file in Swedish: local times, labels, never a code or a personal number. */
  async exportCsv(ctx: UserContext, query: AuditLogFilterQuery): Promise<string> {
    const filter = await this.filterOf(query);
    const rows = await this.audit.findEvents(filter, null, EXPORT_MAX);
    const entries = await this.entries(rows);
    await this.recordRead(ctx, 'audit.export', query, filter, entries.length);
    const cell = (v: string) => (/[";\r\n]/.test(v) || /^[=+\-@]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    const lines = [
      COLUMNS,
      ...entries.map((e) => [
        formatStockholmSeconds(e.at),
        e.actorName ?? 'Systemet',
        e.actorRole ? labelOfStored('role', e.actorRole) : '',
        labelOfStored('auditAction', e.action),
        labelOfStored('auditEntityType', e.entityType),
        e.subjectName ?? '',
        labelOfStored('auditOutcome', e.outcome),
      ]),
    ];
    return `\uFEFF${lines.map((l) => l.map(cell).join(';')).join('\r\n')}\r\n`;
  }

  /** Swedish days to UTC instants (the last day inclusive), the person to the participants it names. */
  private async filterOf(q: AuditLogFilterQuery): Promise<AuditEventFilter> {
    if (q.from && q.to && q.to < q.from)
      throw Problem.field('to', 'to must not be before from', {
        code: 'end_before_start',
        params: { start: 'from' },
      });
    let subjectIds: string[] | undefined;
    if (q.person) subjectIds = await this.participants.auditLogSubjects(q.person);
    if (q.subjectId) subjectIds = subjectIds ? subjectIds.filter((id) => id === q.subjectId) : [q.subjectId];
    return {
      subjectIds,
      actorId: q.actorId,
      action: q.action,
      fromUtc: q.from ? stockholmLocalToUtc(q.from, '00:00') : undefined,
      toUtc: q.to ? stockholmLocalToUtc(nextDay(q.to), '00:00') : undefined,
    };
  }

  private async entries(rows: StoredEvent[]): Promise<AuditLogEntry[]> {
    const actors = new Map(
      (await this.users.usersByIds([...new Set(rows.flatMap((r) => (r.actorId ? [r.actorId] : [])))])).map(
        (u) => [u.id, u.displayName],
      ),
    );
    const names = await this.participants.auditLogNames(
      rows.flatMap((r) => (r.subjectId ? [r.subjectId] : [])),
    );
    return rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorId: r.actorId,
      actorName: r.actorId ? (actors.get(r.actorId) ?? null) : null,
      actorRole: r.actorRole,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      subjectId: r.subjectId,
      subjectName: r.subjectId ? (names.get(r.subjectId) ?? null) : null,
      outcome: r.outcome,
    }));
  }

  /** One row for the read, or one per person the filter named (each person's own trail then shows it). */
  private async recordRead(
    ctx: UserContext,
    action: 'audit.search' | 'audit.export',
    q: AuditLogFilterQuery,
    f: AuditEventFilter,
    count?: number,
  ): Promise<void> {
    const details = {
      actorId: q.actorId ?? null,
      action: q.action ?? null,
      from: q.from ?? null,
      to: q.to ?? null,
      person: f.subjectIds ? f.subjectIds.length : null,
      ...(count === undefined ? {} : { rows: count }),
    };
    const subjects = f.subjectIds?.slice(0, 100) ?? [];
    await this.audit.recordMany(
      ctx,
      subjects.length
        ? subjects.map((id) => ({ action, entityType: 'participant', entityId: id, subjectId: id, details }))
        : [{ action, entityType: 'audit_log', details }],
    );
  }
}
