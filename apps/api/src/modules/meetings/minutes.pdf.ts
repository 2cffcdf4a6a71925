import { labelOf } from '@stegvis/contracts';
import type { MeetingDetail } from './dto/meeting.dto';
import { isolate, renderPdf } from '../certificates/pdf.util';

/**
 * Minutes of an analysis-group meeting. Names come from the agenda, which already shows masked candidates (protected
 * identity, or consent to sharing withdrawn) as pseudonyms; personal numbers are never printed, and the
 * case-discussion notes are not part of the minutes: the type leaves them out, so they cannot be printed.
 * People's text is isolated, so a line that starts with an Arabic name still reads as Swedish, left to right.
 */
export type Minutes = Omit<MeetingDetail, 'caseNotes' | 'caseNotesReadable'>;

export function renderMinutes(m: Minutes, programmeName: string): Promise<Buffer> {
  return renderPdf(`Protokoll analysgrupp ${m.date}`, (doc) => {
    doc.fontSize(20).text(`Protokoll – analysgruppens möte ${m.date}`).moveDown(0.3);
    doc.fontSize(12).text(programmeName).moveDown();
    doc.fontSize(14).text('Närvaro').fontSize(11);
    for (const i of m.invited)
      doc.text(
        `${isolate(i.name)} (${isolate(i.organisationName)}): ${i.present === null ? 'ej registrerad' : i.present ? 'närvarande' : 'frånvarande'}`,
      );
    doc.moveDown().fontSize(14).text('Beslut').fontSize(11);
    if (m.decisions.length === 0) doc.text('Inga beslut.');
    for (const d of m.decisions) {
      const r = m.agenda.find((a) => a.id === d.referralId);
      doc.text(
        `${isolate(r?.candidateName ?? d.referralId)} (${isolate(r?.organisationName ?? '')}): ${labelOf('decision', d.decision)}${d.reason ? ` – ${isolate(d.reason)}` : ''}`,
      );
    }
    doc.moveDown().fontSize(14).text('Åtgärder').fontSize(11);
    if (m.actionItems.length === 0) doc.text('Inga.');
    for (const a of m.actionItems)
      doc.text(
        `${isolate(a.text)} – ansvarig ${isolate(a.owner)}, senast ${a.dueDate}${a.done ? ' (klar)' : ''}`,
      );
    if (m.carriedActionItems.length) {
      doc.moveDown().fontSize(14).text('Öppna åtgärder från tidigare möten').fontSize(11);
      for (const a of m.carriedActionItems)
        doc.text(
          `${isolate(a.text)} – ansvarig ${isolate(a.owner)}, senast ${a.dueDate} (från mötet ${a.meetingDate})`,
        );
    }
  });
}
