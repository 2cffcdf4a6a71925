import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  DETAIL_CODES_OF_CATEGORY,
  detailCodeFits,
  followUpDueDate,
  followUpWindowStart,
  type OutcomeResponse,
} from '@stegvis/contracts';
import { DataSource, type EntityManager, In, Repository } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import type { UserContext } from '../../common/context/request-context';
import { PolicyService } from '../../common/policy/policy.service';
import { Problem } from '../../common/problem/problem';
import type { FollowUpDto, OutcomeDto } from './dto/participant.dto';
import { Enrolment } from './entities/enrolment.entity';
import { FollowUp } from './entities/follow-up.entity';
import { Outcome } from './entities/outcome.entity';

@Injectable()
export class OutcomesService {
  constructor(
    @InjectRepository(Outcome) private readonly outcomes: Repository<Outcome>,
    @InjectRepository(FollowUp) private readonly followUps: Repository<FollowUp>,
    @InjectRepository(Enrolment) private readonly enrolments: Repository<Enrolment>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
  ) {}

  async setOutcome(ctx: UserContext, enrolmentId: string, dto: OutcomeDto): Promise<OutcomeResponse> {
    const e = await this.enrolment(ctx, enrolmentId, 'outcome.write');
    const before = await this.outcomes.findOneBy({ enrolmentId });
    const visible = await this.assertHealthWrite(
      ctx,
      e,
      dto.category === 'health' || before?.category === 'health',
    );
    if (dto.date < e.startDate)
      throw Problem.field('date', 'date must not be before the enrolment started', {
        code: 'before_enrolment_start',
        params: { startDate: e.startDate },
      });
    if (!detailCodeFits(dto.category, dto.detailCode))
      throw Problem.field('detailCode', `detailCode is not one of the codes of ${dto.category}`, {
        code: 'detail_code_not_in_category',
        params: { category: dto.category, allowed: [...DETAIL_CODES_OF_CATEGORY[dto.category]] },
      });
    await this.dataSource.transaction(async (m) => {
      await m.upsert(
        Outcome,
        {
          enrolmentId,
          category: dto.category,
          detailCode: dto.detailCode ?? null,
          detail: dto.detail ?? '',
          date: dto.date,
          employmentBefore: dto.employmentBefore ?? '',
          employmentAfter: dto.employmentAfter ?? '',
          supportBefore: dto.supportBefore ?? null,
          supportAfter: dto.supportAfter ?? null,
        },
        ['enrolmentId'],
      );
      await this.audit.record(
        ctx,
        {
          action: 'outcome.write',
          entityType: 'enrolment',
          entityId: enrolmentId,
          subjectId: e.participantId,
          details: { category: dto.category },
        },
        m,
      );
    });
    return (await this.describe([e], visible))[0];
  }

  /** For the import, inside the importer's transaction. */
  async setOutcomeIn(
    m: EntityManager,
    enrolmentId: string,
    o: { category: Outcome['category']; detailCode: Outcome['detailCode']; detail: string; date: string },
  ): Promise<void> {
    await m.upsert(
      Outcome,
      {
        enrolmentId,
        ...o,
        employmentBefore: '',
        employmentAfter: '',
        supportBefore: null,
        supportAfter: null,
      },
      ['enrolmentId'],
    );
  }

  async addFollowUp(ctx: UserContext, enrolmentId: string, dto: FollowUpDto): Promise<OutcomeResponse> {
    const e = await this.enrolment(ctx, enrolmentId, 'outcome.write');
    const [outcome, earlier] = await Promise.all([
      this.outcomes.findOneBy({ enrolmentId }),
      this.followUps.findOneBy({ enrolmentId, months: dto.months }),
    ]);
    const visible = await this.assertHealthWrite(
      ctx,
      e,
      dto.category === 'health' || outcome?.category === 'health' || earlier?.category === 'health',
    );
    if (!outcome)
      throw Problem.rule('Record the outcome at the end of the programme before its follow-ups', {
        code: 'outcome_before_follow_up',
      });
    // Counted from the outcome date; the admin shows the same window (contracts' follow-up-dates.ts).
    const windowStart = followUpWindowStart(outcome.date, dto.months);
    if (dto.date < windowStart)
      throw Problem.field(
        'date',
        `date must not be before ${windowStart}, a month before the follow-up is due`,
        {
          code: 'follow_up_before_window',
          params: { months: dto.months, windowStart, dueDate: followUpDueDate(outcome.date, dto.months) },
        },
      );
    await this.dataSource.transaction(async (m) => {
      await m.upsert(
        FollowUp,
        { enrolmentId, months: dto.months, date: dto.date, category: dto.category, detail: dto.detail ?? '' },
        ['enrolmentId', 'months'],
      );
      await this.audit.record(
        ctx,
        {
          action: 'followup.write',
          entityType: 'enrolment',
          entityId: enrolmentId,
          subjectId: e.participantId,
          details: { months: dto.months },
        },
        m,
      );
    });
    return (await this.describe([e], visible))[0];
  }

  async findOutcomes(ctx: UserContext, participantId: string): Promise<OutcomeResponse[]> {
    const access = await this.policy.assertParticipantAccess(ctx, 'participant.read', participantId);
    const rows = await this.enrolments.find({ where: { participantId }, order: { startDate: 'ASC' } });
    await this.audit.record(ctx, {
      action: 'outcome.read',
      entityType: 'participant',
      entityId: participantId,
      subjectId: participantId,
    });
    return this.describe(rows, access.identityVisible);
  }

  /**
   * A health outcome (or follow-up) is health data: written, changed or overwritten only by those who see her
   * (PolicyService), 404 for the rest. Returns whether the caller sees her health data.
   */
  private async assertHealthWrite(ctx: UserContext, e: Enrolment, health: boolean): Promise<boolean> {
    const visible = (await this.policy.healthVisibleFor(ctx.user, [e.participantId])).has(e.participantId);
    if (health && !visible) await this.policy.deny(ctx, 'outcome.write', { type: 'enrolment', id: e.id });
    return visible;
  }

  private async enrolment(ctx: UserContext, id: string, action: 'outcome.write'): Promise<Enrolment> {
    const e = await this.enrolments.findOneBy({ id });
    if (!e) throw Problem.notFound('enrolment');
    await this.policy.assertGroupAccess(ctx, action, e.groupId);
    return e;
  }

  /**
   * Outcomes with their follow-ups. For a caller who does not see her health data (`healthVisible` false), a
   * health outcome is left out as if none were recorded, and so is a health follow-up.
   */
  private async describe(rows: Enrolment[], healthVisible: boolean): Promise<OutcomeResponse[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const shown = (x: { category: Outcome['category'] }) => healthVisible || x.category !== 'health';
    const [outs, fus] = await Promise.all([
      this.outcomes.findBy({ enrolmentId: In(ids) }),
      this.followUps.find({ where: { enrolmentId: In(ids) }, order: { months: 'ASC' } }),
    ]);
    return outs.filter(shown).map((o) => ({
      enrolmentId: o.enrolmentId,
      participantId: rows.find((r) => r.id === o.enrolmentId)!.participantId,
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
          months: f.months as 3 | 6 | 12,
          date: f.date,
          category: f.category,
          detail: f.detail,
        })),
    }));
  }
}
