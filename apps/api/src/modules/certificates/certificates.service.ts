import { Injectable } from '@nestjs/common';
import {
  ASSESSMENT_DIMENSIONS,
  type CertificateSigner,
  labelOf,
  type MethodTemplateResponse,
  stockholmToday,
} from '@stegvis/contracts';
import { AuditService } from '../../common/audit/audit.service';
import type { UserContext } from '../../common/context/request-context';
import { PolicyService } from '../../common/policy/policy.service';
import { Problem } from '../../common/problem/problem';
import { EmployersService } from '../employers/employers.service';
import { GroupsService } from '../groups/groups.service';
import { ActionPlanService } from '../participants/action-plan.service';
import { OutcomesService } from '../participants/outcomes.service';
import { ParticipantsService } from '../participants/participants.service';
import { ProgressService } from '../participants/progress.service';
import { ProgrammesService } from '../programmes/programmes.service';
import { TemplatesService } from '../programmes/templates.service';
import { StaffingService } from '../staffing/staffing.service';
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
    private readonly plans: ActionPlanService,
    private readonly templates: TemplatesService,
    private readonly staffing: StaffingService,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Who may sign her certificate: the staff of her group and everyone allocated to its programme. The same list
   * decides which `signerId` the certificate accepts.
   */
  async signers(ctx: UserContext, enrolmentId: string): Promise<CertificateSigner[]> {
    const enrolment = await this.participants.getEnrolment(enrolmentId);
    if (!enrolment) return this.policy.deny(ctx, 'participant.read', { type: 'enrolment', id: enrolmentId });
    await this.policy.assertGroupAccess(ctx, 'participant.read', enrolment.groupId);
    const group = await this.groups.getGroup(ctx, enrolment.groupId);
    return (await this.staffing.staffOfProgramme(group.programmeId, group.staffMemberIds)).map((s) => ({
      id: s.id,
      name: s.name,
      staffRole: s.staffRole,
    }));
  }

  /**
   * The certificate: the group's own modules from the method template version it was started from, the date of
   * issue (today in Sweden) and, when `signerId` is given, the signer's name and role (one of `signers`).
   */
  async certificate(ctx: UserContext, enrolmentId: string, signerId?: string): Promise<Buffer> {
    const f = await this.facts(ctx, enrolmentId);
    let signer: CertificateSigner | null = null;
    if (signerId) {
      signer = (await this.signers(ctx, enrolmentId)).find((s) => s.id === signerId) ?? null;
      if (!signer)
        throw Problem.field('signerId', 'signerId names no staff member of the group or its programme', {
          code: 'unknown_reference',
          params: { entity: 'staff member' },
        });
    }
    const issuedOn = stockholmToday();
    await this.audit.record(ctx, {
      action: 'certificate.create',
      entityType: 'enrolment',
      entityId: enrolmentId,
      subjectId: f.participantId,
      details: { issuedOn, signerId: signer?.id ?? null },
    });
    const modules = f.template ? moduleLines(f.template) : [];
    return renderPdf(`Diplom ${f.name}`, (doc) => {
      doc.fontSize(28).text('Diplom', { align: 'center' }).moveDown();
      doc.fontSize(16).text(f.name, { align: 'center' }).moveDown();
      doc
        .fontSize(12)
        .text(`har deltagit i ${f.programme}, ${f.group}, ${f.start} – ${f.end}.`, { align: 'center' })
        .moveDown();
      if (modules.length) {
        doc.text('Insatsen har omfattat:', { align: 'center' });
        for (const line of modules) doc.text(line, { align: 'center' });
        doc.moveDown();
      }
      if (f.internships.length)
        doc.text(`Praktik: ${f.internships.join('; ')}.`, { align: 'center' }).moveDown();
      doc.text(`Utfärdat ${issuedOn}`, { align: 'center' });
      doc.moveDown(3).text('______________________________', { align: 'center' });
      if (signer)
        doc
          .text(isolate(signer.name), { align: 'center' })
          .text(labelOf('staffRole', signer.staffRole), { align: 'center' });
      else doc.text('Underskrift', { align: 'center' });
    });
  }

  async actionPlan(ctx: UserContext, enrolmentId: string): Promise<Buffer> {
    const f = await this.facts(ctx, enrolmentId);
    // The steps name her plans: only for those who see her (a masked name means the reader does not).
    const steps = f.masked ? [] : await this.plans.stepsForPdf(enrolmentId);
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
      if (f.outcome) doc.text(f.outcome);
      if (steps.length === 0 && !f.outcome) doc.text('Planen fylls i vid avslutet.');
      for (const step of steps)
        doc.text(`${step.done ? '[klart] ' : ''}${step.dueDate} · ${step.owner}: ${step.text}`);
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
    const [programme, templates] = await Promise.all([
      this.programmes.getProgramme(ctx, group.programmeId),
      this.templates.templatesByIds(group.templateId ? [group.templateId] : []),
    ]);
    const outcome = outcomes.find((o) => o.enrolmentId === enrolmentId);
    const start = assessments.find((a) => a.stage === 'start');
    const end = assessments.find((a) => a.stage === 'end');
    const row = grid.rows.find((r) => r.enrolmentId === enrolmentId);
    return {
      participantId: enrolment.participantId,
      name: person.displayName,
      masked: person.masked,
      template: group.templateId ? (templates.get(group.templateId) ?? null) : null,
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

/** The template's phases in order, each with its weeks; the lecture phase names its themes. */
function moduleLines(t: MethodTemplateResponse): string[] {
  return t.phases.map((p, i) => {
    const weeks = `${p.weeks} ${p.weeks === 1 ? 'vecka' : 'veckor'}`;
    const themes = p.kind === 'lectures' && t.themes.length ? `: ${t.themes.join(', ')}` : '';
    return `${i + 1}. ${labelOf('phaseKind', p.kind)}, ${weeks}${themes}`;
  });
}
