import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { Action, ActionPlanStepResponse } from '@stegvis/contracts';
import { DataSource, Repository } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import type { UserContext } from '../../common/context/request-context';
import { PolicyService } from '../../common/policy/policy.service';
import { Problem } from '../../common/problem/problem';
import type { ActionPlanStepDto, UpdateActionPlanStepDto } from './dto/action-plan.dto';
import { ActionPlanStep } from './entities/action-plan-step.entity';
import { Enrolment } from './entities/enrolment.entity';

function toResponse(s: ActionPlanStep, participantId: string): ActionPlanStepResponse {
  return {
    id: s.id,
    enrolmentId: s.enrolmentId,
    participantId,
    text: s.text,
    owner: s.owner,
    dueDate: s.dueDate,
    done: s.doneAt !== null,
    doneAt: s.doneAt?.toISOString() ?? null,
    version: s.version,
  };
}

/**
 * The steps of an enrolment's action plan. They are read and written by whoever may see the participant: her
 * programmes' staff, and for a protected identity only those who see her (PolicyService.assertIdentityAccess), as
 * the steps name her plans. Everyone else gets 404; every read and write is audited.
 */
@Injectable()
export class ActionPlanService {
  constructor(
    @InjectRepository(ActionPlanStep) private readonly steps: Repository<ActionPlanStep>,
    @InjectRepository(Enrolment) private readonly enrolments: Repository<Enrolment>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
  ) {}

  async findSteps(ctx: UserContext, enrolmentId: string): Promise<ActionPlanStepResponse[]> {
    const participantId = await this.access(ctx, 'participant.read', enrolmentId);
    const rows = await this.steps.find({
      where: { enrolmentId },
      order: { dueDate: 'ASC', createdAt: 'ASC' },
    });
    await this.audit.record(ctx, {
      action: 'actionplan.read',
      entityType: 'enrolment',
      entityId: enrolmentId,
      subjectId: participantId,
      details: { count: rows.length },
    });
    return rows.map((s) => toResponse(s, participantId));
  }

  async createStep(
    ctx: UserContext,
    enrolmentId: string,
    dto: ActionPlanStepDto,
  ): Promise<ActionPlanStepResponse> {
    const participantId = await this.access(ctx, 'participant.write', enrolmentId);
    const saved = await this.dataSource.transaction(async (m) => {
      const s = await m.save(
        m.create(ActionPlanStep, {
          enrolmentId,
          text: dto.text.trim(),
          owner: dto.owner.trim(),
          dueDate: dto.dueDate,
          doneAt: null,
          recordedBy: ctx.user.id,
        }),
      );
      await this.audit.record(
        ctx,
        {
          action: 'actionplan.step.create',
          entityType: 'action_plan_step',
          entityId: s.id,
          subjectId: participantId,
        },
        m,
      );
      return s;
    });
    return toResponse(saved, participantId);
  }

  async updateStep(
    ctx: UserContext,
    stepId: string,
    dto: UpdateActionPlanStepDto,
  ): Promise<ActionPlanStepResponse> {
    const current = await this.steps.findOneBy({ id: stepId });
    if (!current) throw Problem.notFound('action plan step');
    const participantId = await this.access(ctx, 'participant.write', current.enrolmentId);
    const doneAt = dto.done === undefined ? current.doneAt : dto.done ? (current.doneAt ?? new Date()) : null;
    await this.dataSource.transaction(async (m) => {
      const res = await m
        .createQueryBuilder()
        .update(ActionPlanStep)
        .set({
          text: dto.text?.trim() ?? current.text,
          owner: dto.owner?.trim() ?? current.owner,
          dueDate: dto.dueDate ?? current.dueDate,
          doneAt,
          version: current.version + 1,
        })
        .where('id = :id AND version = :v', { id: stepId, v: dto.version })
        .execute();
      if (res.affected !== 1)
        throw Problem.stale('The step was changed by someone else. Reload and try again.');
      await this.audit.record(
        ctx,
        {
          action: 'actionplan.step.update',
          entityType: 'action_plan_step',
          entityId: stepId,
          subjectId: participantId,
          details: { done: doneAt !== null },
        },
        m,
      );
    });
    return toResponse(await this.steps.findOneByOrFail({ id: stepId }), participantId);
  }

  /** The steps for a PDF the caller is already allowed to read (CertificatesService checks first); not audited. */
  async stepsForPdf(enrolmentId: string): Promise<ActionPlanStepResponse[]> {
    const e = await this.enrolments.findOneBy({ id: enrolmentId });
    if (!e) return [];
    const rows = await this.steps.find({
      where: { enrolmentId },
      order: { dueDate: 'ASC', createdAt: 'ASC' },
    });
    return rows.map((s) => toResponse(s, e.participantId));
  }

  /** Her enrolment's participant, when the caller may see her; an audited 404 otherwise. */
  private async access(ctx: UserContext, action: Action, enrolmentId: string): Promise<string> {
    const e = await this.enrolments.findOne({
      where: { id: enrolmentId },
      select: { id: true, participantId: true },
    });
    if (!e) return this.policy.deny(ctx, action, { type: 'enrolment', id: enrolmentId });
    await this.policy.assertIdentityAccess(ctx, action, e.participantId);
    return e.participantId;
  }
}
