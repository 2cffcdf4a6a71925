import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { FollowUpMonths } from '@stegvis/contracts';
import { In, Repository } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import type { UserContext } from '../../common/context/request-context';
import { PolicyService } from '../../common/policy/policy.service';
import { AuditTrailService } from './audit-trail.service';
import type { ParticipantExtractDto } from './dto/participant-extract.dto';
import { ActionPlanStep } from './entities/action-plan-step.entity';
import { Assessment } from './entities/assessment.entity';
import { Consent } from './entities/consent.entity';
import { Enrolment } from './entities/enrolment.entity';
import { FollowUp } from './entities/follow-up.entity';
import { Need } from './entities/need.entity';
import { Outcome } from './entities/outcome.entity';
import { Participant } from './entities/participant.entity';
import { Talk } from './entities/talk.entity';
import { toParticipantResponse } from './participants.mapper';

/**
 * The data-subject extract, made by those who see her (PolicyService.assertIdentityAccess, the rule of erasure):
 * for anyone else a protected person is a pseudonym and the request is as if she did not exist. One audit row,
 * `participant.extract`, says who made it; it reads nothing the caller could not read tab by tab.
 */
@Injectable()
export class ParticipantExtractService {
  constructor(
    @InjectRepository(Participant) private readonly participants: Repository<Participant>,
    @InjectRepository(Enrolment) private readonly enrolments: Repository<Enrolment>,
    @InjectRepository(Consent) private readonly consents: Repository<Consent>,
    @InjectRepository(Need) private readonly needs: Repository<Need>,
    @InjectRepository(Talk) private readonly talks: Repository<Talk>,
    @InjectRepository(Assessment) private readonly assessments: Repository<Assessment>,
    @InjectRepository(Outcome) private readonly outcomes: Repository<Outcome>,
    @InjectRepository(FollowUp) private readonly followUps: Repository<FollowUp>,
    @InjectRepository(ActionPlanStep) private readonly steps: Repository<ActionPlanStep>,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
    private readonly trail: AuditTrailService,
  ) {}

  async extract(ctx: UserContext, participantId: string): Promise<ParticipantExtractDto> {
    const access = await this.policy.assertIdentityAccess(ctx, 'participant.read', participantId);
    // Health data follows the identity rule for everyone, protected or not: a worker of the programme who is not
    // her group's staff makes an extract without it, and the extract says so.
    const health = access.identityVisible;
    const participantWhere = { where: { participantId } };
    const [p, consents, enrolments, assessments, needs, talks] = await Promise.all([
      this.participants.findOneByOrFail({ id: participantId }),
      this.consents.find({ ...participantWhere, order: { givenOn: 'ASC', createdAt: 'ASC' } }),
      this.enrolments.find({ ...participantWhere, order: { startDate: 'ASC', createdAt: 'ASC' } }),
      this.assessments.find({ ...participantWhere, order: { date: 'ASC' } }),
      health ? this.needs.find({ ...participantWhere, order: { recordedAt: 'ASC' } }) : [],
      health ? this.talks.find({ ...participantWhere, order: { date: 'ASC', createdAt: 'ASC' } }) : [],
    ]);
    const enrolmentIds = enrolments.map((e) => e.id);
    const [outs, fus, steps] = enrolmentIds.length
      ? await Promise.all([
          this.outcomes.findBy({ enrolmentId: In(enrolmentIds) }),
          this.followUps.find({ where: { enrolmentId: In(enrolmentIds) }, order: { months: 'ASC' } }),
          this.steps.find({
            where: { enrolmentId: In(enrolmentIds) },
            order: { dueDate: 'ASC', createdAt: 'ASC' },
          }),
        ])
      : [[], [], []];
    const shown = (x: { category: Outcome['category'] }) => health || x.category !== 'health';
    const auditTrail = await this.trail.entriesFor(participantId);
    await this.audit.record(ctx, {
      action: 'participant.extract',
      entityType: 'participant',
      entityId: participantId,
      subjectId: participantId,
      details: { healthIncluded: health },
    });
    const record = toParticipantResponse(p, true);
    return {
      madeAt: new Date().toISOString(),
      participant: record,
      consents: consents.map((c) => ({
        id: c.id,
        participantId,
        purpose: c.purpose,
        organisationId: c.organisationId,
        scope: c.scope,
        givenOn: c.givenOn,
        recordedBy: c.recordedBy,
        withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
      })),
      enrolments: enrolments.map((e) => ({
        id: e.id,
        participantId,
        groupId: e.groupId,
        startDate: e.startDate,
        endDate: e.endDate,
        status: e.status,
        leftReason: e.leftReason === 'health' && !health ? null : e.leftReason,
        moveReason: e.moveReason,
        displayName: record.displayName,
      })),
      assessments: assessments.map((a) => ({
        id: a.id,
        participantId,
        stage: a.stage,
        date: a.date,
        ratings: a.ratings,
      })),
      outcomes: outs.filter(shown).map((o) => ({
        enrolmentId: o.enrolmentId,
        participantId,
        category: o.category,
        detailCode: o.detailCode,
        detail: o.detail,
        date: o.date,
        employmentBefore: o.employmentBefore,
        employmentAfter: o.employmentAfter,
        supportBefore: o.supportBefore,
        supportAfter: o.supportAfter,
        followUps: fus
          .filter((f) => f.enrolmentId === o.enrolmentId && shown(f))
          .map((f) => ({
            id: f.id,
            months: f.months as FollowUpMonths,
            date: f.date,
            category: f.category,
            detail: f.detail,
          })),
      })),
      actionPlanSteps: steps.map((st) => ({
        id: st.id,
        enrolmentId: st.enrolmentId,
        participantId,
        text: st.text,
        owner: st.owner,
        dueDate: st.dueDate,
        done: st.doneAt !== null,
        doneAt: st.doneAt?.toISOString() ?? null,
        version: st.version,
      })),
      healthIncluded: health,
      needs: needs.map((n) => ({
        id: n.id,
        participantId,
        kind: n.kind,
        note: n.note,
        careContact: n.careContact,
        recordedAt: n.recordedAt.toISOString(),
      })),
      talks: talks.map((t) => ({
        id: t.id,
        participantId,
        date: t.date,
        notes: t.notes,
        recordedBy: t.recordedBy,
      })),
      auditTrail,
    };
  }
}
