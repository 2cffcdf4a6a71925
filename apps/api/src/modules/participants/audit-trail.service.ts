import { Injectable } from '@nestjs/common';
import { type AuditTrailEntry, formatStockholmSeconds, labelOfStored } from '@stegvis/contracts';
import { AuditService } from '../../common/audit/audit.service';
import type { UserContext } from '../../common/context/request-context';
import { PolicyService } from '../../common/policy/policy.service';
import { Problem } from '../../common/problem/problem';
import { renderPdf } from '../certificates/pdf.util';
import { UsersService } from '../users/users.service';

/** The formats of the extract: the data subject asks for a document, an administrator may want a spreadsheet. */
export const AUDIT_TRAIL_FORMATS = ['json', 'csv', 'pdf'] as const;
export type AuditTrailFormat = (typeof AUDIT_TRAIL_FORMATS)[number];

const COLUMNS = ['Tid', 'Vem', 'Roll', 'Händelse', 'Typ', 'Utfall'];
/** Column widths in points, summing to the A4 text width of renderPdf (595 − 2 × 56). */
const WIDTHS = [92, 92, 72, 111, 68, 48];

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
    // is all that is left of them (and names only the actors, never her); for anyone else the person must be in
    // their programmes and, when protected, one they see.
    const associationWide = this.policy.associationWide(ctx.user);
    if (!associationWide) await this.policy.assertIdentityAccess(ctx, 'audit.subject', participantId);
    const entries = await this.entriesFor(participantId);
    if (entries.length === 0 && associationWide) throw Problem.notFound('participant');
    await this.audit.record(ctx, {
      action: 'audit.extract',
      entityType: 'participant',
      entityId: participantId,
      subjectId: participantId,
    });
    return entries;
  }

  /** The trail itself, for a caller that has checked access and audits its own read (the data-subject extract). */
  async entriesFor(participantId: string): Promise<AuditTrailEntry[]> {
    const events = await this.audit.findForSubject(participantId);
    const actors = new Map(
      (
        await this.users.usersByIds([
          ...new Set(events.map((e) => e.actorId).filter((x): x is string => !!x)),
        ])
      ).map((u) => [u.id, u.displayName]),
    );
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
    const cell = (v: string) => (/[";\r\n]/.test(v) || /^[=+\-@]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    const lines = [COLUMNS.map((c) => c.toLowerCase()), ...entries.map(row)];
    return `\uFEFF${lines.map((l) => l.map(cell).join(';')).join('\r\n')}\r\n`;
  }

  /** The same rows as the CSV, as an A4 document in Swedish (Noto Sans, so every name prints right). */
  toPdf(participantId: string, entries: AuditTrailEntry[]): Promise<Buffer> {
    return renderPdf('Granskningslogg', (doc, font) => {
      doc.font(font.bold).fontSize(18).text('Granskningslogg').moveDown(0.3);
      doc
        .font(font.regular)
        .fontSize(10)
        .text(`Deltagare ${participantId}`)
        .text(`Utdrag ${formatStockholmSeconds(new Date())} (svensk tid)`)
        .text('Varje läsning och ändring av personens uppgifter: vem, när och med vilket utfall.')
        .moveDown();
      const left = doc.page.margins.left;
      const line = (cells: string[], bold: boolean) => {
        doc.font(bold ? font.bold : font.regular).fontSize(8);
        const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: WIDTHS[i] - 4 })));
        if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
        const y = doc.y;
        let x = left;
        cells.forEach((c, i) => {
          doc.text(c, x, y, { width: WIDTHS[i] - 4 });
          x += WIDTHS[i];
        });
        doc.x = left;
        doc.y = y + height + 3;
      };
      line(COLUMNS, true);
      for (const e of entries) line(row(e), false);
      if (entries.length === 0) doc.font(font.regular).fontSize(10).text('Inga händelser.', left, doc.y);
    });
  }
}

/** One event as people read it: Swedish time and words, never codes. */
function row(e: AuditTrailEntry): string[] {
  return [
    formatStockholmSeconds(e.at),
    e.actor,
    e.actorRole ? labelOfStored('role', e.actorRole) : '',
    labelOfStored('auditAction', e.action),
    labelOfStored('auditEntityType', e.entityType),
    labelOfStored('auditOutcome', e.outcome),
  ];
}
