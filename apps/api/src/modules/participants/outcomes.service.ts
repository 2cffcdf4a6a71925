import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { OutcomeResponse } from '@stegvis/contracts';
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
    if (dto.date < e.startDate)
      throw Problem.field('date', 'date must not be before the enrolment started', {
        code: 'before_enrolment_start',
        params: { startDate: e.startDate },
      });
    await this.dataSource.transaction(async (m) => {
      await m.upsert(
        Outcome,
        {
          enrolmentId,
          category: dto.category,
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
    return (await this.describe([e]))[0];
  }

  /** For the import, inside the importer's transaction. */
  async setOutcomeIn(
    m: EntityManager,
    enrolmentId: string,
    o: { category: Outcome['category']; detail: string; date: string },
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
    if (!(await this.outcomes.existsBy({ enrolmentId })))
      throw Problem.rule('Record the outcome at the end of the programme before its follow-ups', {
        code: 'outcome_before_follow_up',
      });
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
    return (await this.describe([e]))[0];
  }

  async findOutcomes(ctx: UserContext, participantId: string): Promise<OutcomeResponse[]> {
    await this.policy.assertParticipantAccess(ctx, 'participant.read', participantId);
    const rows = await this.enrolments.find({ where: { participantId }, order: { startDate: 'ASC' } });
    await this.audit.record(ctx, {
      action: 'outcome.read',
      entityType: 'participant',
      entityId: participantId,
      subjectId: participantId,
    });
    return this.describe(rows);
  }

  private async enrolment(ctx: UserContext, id: string, action: 'outcome.write'): Promise<Enrolment> {
    const e = await this.enrolments.findOneBy({ id });
    if (!e) throw Problem.notFound('enrolment');
    await this.policy.assertGroupAccess(ctx, action, e.groupId);
    return e;
  }

  private async describe(rows: Enrolment[]): Promise<OutcomeResponse[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [outs, fus] = await Promise.all([
      this.outcomes.findBy({ enrolmentId: In(ids) }),
      this.followUps.find({ where: { enrolmentId: In(ids) }, order: { months: 'ASC' } }),
    ]);
    return outs.map((o) => ({
      enrolmentId: o.enrolmentId,
      participantId: rows.find((r) => r.id === o.enrolmentId)!.participantId,
      category: o.category,
      detail: o.detail,
      date: o.date,
      employmentBefore: o.employmentBefore,
      employmentAfter: o.employmentAfter,
      supportBefore: o.supportBefore,
      supportAfter: o.supportAfter,
      followUps: fus
        .filter((f) => f.enrolmentId === o.enrolmentId)
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
