import { Injectable } from '@nestjs/common';
import { ASSESSMENT_DIMENSIONS, labelOf } from '@stegvis/contracts';
import { AuditService } from '../../common/audit/audit.service';
import type { UserContext } from '../../common/context/request-context';
import { PolicyService } from '../../common/policy/policy.service';
import { Problem } from '../../common/problem/problem';
import { EmployersService } from '../employers/employers.service';
import { GroupsService } from '../groups/groups.service';
import { OutcomesService } from '../participants/outcomes.service';
import { ParticipantsService } from '../participants/participants.service';
import { ProgressService } from '../participants/progress.service';
import { ProgrammesService } from '../programmes/programmes.service';
import { isolate, renderPdf } from './pdf.util';

/**
 * Certificate (diplom) and action plan (handlingsplan) as PDF, in Swedish, from the record. Never any health
 * data: no needs, no talk notes, and a health outcome is left out. A protected identity shows as its pseudonym
 * unless the reader is one of those who see her (PolicyService); her real name in a PDF is one
 * `participant.identity.read` (recorded by getParticipant), and nobody else's identity is read for it.
 */
@Injectable()
export class CertificatesService {
  constructor(
    private readonly participants: ParticipantsService,
    private readonly groups: GroupsService,
    private readonly programmes: ProgrammesService,
    private readonly employers: EmployersService,
    private readonly outcomes: OutcomesService,
    private readonly progress: ProgressService,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
  ) {}

  async certificate(ctx: UserContext, enrolmentId: string): Promise<Buffer> {
    const f = await this.facts(ctx, enrolmentId);
    await this.audit.record(ctx, {
      action: 'certificate.create',
      entityType: 'enrolment',
      entityId: enrolmentId,
      subjectId: f.participantId,
    });
    return renderPdf(`Diplom ${f.name}`, (doc) => {
      doc.fontSize(28).text('Diplom', { align: 'center' }).moveDown();
      doc.fontSize(16).text(f.name, { align: 'center' }).moveDown();
      doc
        .fontSize(12)
        .text(`har deltagit i ${f.programme}, ${f.group}, ${f.start} – ${f.end}.`, { align: 'center' })
        .moveDown();
      doc
        .text(
          'Insatsen omfattar modulerna: 1. Svenskt arbets- och samhällsliv, 2. Praktik, 3. Jobb- och studiesök.',
          { align: 'center' },
        )
        .moveDown();
      if (f.internships.length)
        doc.text(`Praktik: ${f.internships.join('; ')}.`, { align: 'center' }).moveDown();
      doc
        .moveDown(3)
        .text('______________________________', { align: 'center' })
        .text('Processledare', { align: 'center' });
    });
  }

  async actionPlan(ctx: UserContext, enrolmentId: string): Promise<Buffer> {
    const f = await this.facts(ctx, enrolmentId);
    await this.audit.record(ctx, {
      action: 'actionplan.create',
      entityType: 'enrolment',
      entityId: enrolmentId,
      subjectId: f.participantId,
    });
    return renderPdf(`Handlingsplan ${f.name}`, (doc) => {
      doc.fontSize(22).text('Handlingsplan').moveDown(0.5);
      doc
        .fontSize(12)
        .text(`${isolate(f.name)} – ${f.programme}, ${f.group} (${f.start} – ${f.end})`)
        .moveDown();
      doc.fontSize(14).text('Det här har hänt').fontSize(12);
      doc.text(`Närvaro: ${f.attendance}`);
      doc.text(`Praktik: ${f.internships.length ? f.internships.join('; ') : 'ingen'}`).moveDown();
      doc.fontSize(14).text('Utveckling (skattning 1–5, start → slut)').fontSize(12);
      if (f.progression.length === 0) doc.text('Ingen skattning registrerad.');
      for (const p of f.progression) doc.text(`${p.label}: ${p.start} → ${p.end}`);
      doc.moveDown().fontSize(14).text('Planen framåt').fontSize(12);
      doc.text(f.outcome ?? 'Planen fylls i vid avslutet.');
    });
  }

  private async facts(ctx: UserContext, enrolmentId: string) {
    const enrolment = await this.participants.getEnrolment(enrolmentId);
    if (!enrolment) throw Problem.notFound('enrolment');
    await this.policy.assertGroupAccess(ctx, 'participant.read', enrolment.groupId);
    const [person, group, internships, outcomes, assessments, grid] = await Promise.all([
      this.participants.getParticipant(ctx, enrolment.participantId),
      this.groups.getGroup(ctx, enrolment.groupId),
      this.employers.findGroupInternships(ctx, enrolment.groupId),
      this.outcomes.findOutcomes(ctx, enrolment.participantId),
      this.progress.findAssessments(ctx, enrolment.participantId),
      // Her row only: the PDF names nobody else, so no one else's identity is read.
      this.groups.getAttendance(ctx, enrolment.groupId, enrolmentId),
    ]);
    const programme = await this.programmes.getProgramme(ctx, group.programmeId);
    const outcome = outcomes.find((o) => o.enrolmentId === enrolmentId);
    const start = assessments.find((a) => a.stage === 'start');
    const end = assessments.find((a) => a.stage === 'end');
    const row = grid.rows.find((r) => r.enrolmentId === enrolmentId);
    return {
      participantId: enrolment.participantId,
      name: person.displayName,
      programme: programme.name,
      group: group.name,
      start: enrolment.startDate,
      end: enrolment.endDate ?? group.endDate,
      internships: internships
        .filter((i) => i.enrolmentId === enrolmentId)
        .map((i) => `${i.employerName} (period ${i.periodNumber}, ${i.startDate} – ${i.endDate})`),
      // A health outcome is health data: it never goes on paper that may leave the programme.
      outcome:
        outcome && outcome.category !== 'health'
          ? `${labelOf('outcomeCategory', outcome.category)}${outcome.detail ? `: ${outcome.detail}` : ''}`
          : null,
      attendance:
        row?.rate.percent == null
          ? 'ingen registrerad'
          : `${row.rate.percent} % (${row.rate.count} av ${row.rate.of} tillfällen)`,
      progression:
        start && end
          ? ASSESSMENT_DIMENSIONS.map((d) => ({
              label: labelOf('assessmentDimension', d),
              start: start.ratings[d],
              end: end.ratings[d],
            }))
          : [],
    };
  }
}
