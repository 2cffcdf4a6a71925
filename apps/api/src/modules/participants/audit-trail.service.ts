import { Injectable } from '@nestjs/common';
import { type AuditTrailEntry, formatStockholmSeconds, labelOfStored } from '@stegvis/contracts';
import { AuditService } from '../../common/audit/audit.service';
import type { UserContext } from '../../common/context/request-context';
import { PolicyService } from '../../common/policy/policy.service';
import { Problem } from '../../common/problem/problem';
import { UsersService } from '../users/users.service';

/** The data-subject extract: who read or changed one participant's data, and when (UTC here, Swedish time in the CSV). */
@Injectable()
export class AuditTrailService {
  constructor(
    private readonly audit: AuditService,
    private readonly policy: PolicyService,
    private readonly users: UsersService,
  ) {}

  async extract(ctx: UserContext, participantId: string): Promise<AuditTrailEntry[]> {
    // An association-wide role answers for every programme, so also for a person already erased, whose trail
    // is all that is left of them; for anyone else the person must be in their programmes.
    const associationWide = this.policy.associationWide(ctx.user);
    if (!associationWide) await this.policy.assertParticipantAccess(ctx, 'audit.subject', participantId);
    const events = await this.audit.findForSubject(participantId);
    if (events.length === 0 && associationWide) throw Problem.notFound('participant');
    const actors = new Map(
      (
        await this.users.usersByIds([
          ...new Set(events.map((e) => e.actorId).filter((x): x is string => !!x)),
        ])
      ).map((u) => [u.id, u.displayName]),
    );
    await this.audit.record(ctx, {
      action: 'audit.extract',
      entityType: 'participant',
      entityId: participantId,
      subjectId: participantId,
    });
    return events.map((e) => ({
      at: e.at.toISOString(),
      actor: e.actorId ? (actors.get(e.actorId) ?? e.actorId) : 'system',
      actorRole: e.actorRole,
      action: e.action,
      entityType: e.entityType,
      outcome: e.outcome,
    }));
  }

  toCsv(entries: AuditTrailEntry[]): string {
    const cell = (v: string | null) => {
      const s = v ?? '';
      return /[";\r\n]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    };
    const lines = [
      ['tid', 'vem', 'roll', 'händelse', 'typ', 'utfall'],
      ...entries.map((e) => [
        formatStockholmSeconds(e.at),
        e.actor,
        e.actorRole && labelOfStored('role', e.actorRole),
        labelOfStored('auditAction', e.action),
        labelOfStored('auditEntityType', e.entityType),
        labelOfStored('auditOutcome', e.outcome),
      ]),
    ];
    return `\uFEFF${lines.map((l) => l.map(cell).join(';')).join('\r\n')}\r\n`;
  }
}
