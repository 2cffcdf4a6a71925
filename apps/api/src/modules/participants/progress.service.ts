import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  ASSESSMENT_DIMENSIONS,
  type AssessmentDimension,
  type AssessmentResponse,
  type GroupAssessmentSummary,
} from '@stegvis/contracts';
import { DataSource, In, Repository } from 'typeorm';
import { assessmentKey } from '@stegvis/reports';
import { AuditService } from '../../common/audit/audit.service';
import { DisclosureService } from '../../common/disclosure/disclosure.service';
import type { UserContext } from '../../common/context/request-context';
import { PolicyService } from '../../common/policy/policy.service';
import { Problem, fieldError } from '../../common/problem/problem';
import type { AssessmentDto } from './dto/participant.dto';
import { Assessment } from './entities/assessment.entity';
import { Enrolment } from './entities/enrolment.entity';

/** Progress assessments (skattningsverktyg): our own openly defined dimensions, rated 1–5 at start, middle, end. */
@Injectable()
export class ProgressService {
  constructor(
    @InjectRepository(Assessment) private readonly assessments: Repository<Assessment>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
    private readonly disclosure: DisclosureService,
  ) {}

  /** Records (or replaces) the assessment of a stage. */
  async saveAssessment(
    ctx: UserContext,
    participantId: string,
    dto: AssessmentDto,
  ): Promise<AssessmentResponse> {
    const access = await this.policy.assertParticipantAccess(ctx, 'participant.write', participantId);
    // As for her record: a change by someone who may not see her would leak her through what is accepted.
    if (access.protectedIdentity && !access.identityVisible)
      await this.policy.deny(ctx, 'participant.write', { type: 'participant', id: participantId });
    const errors = ASSESSMENT_DIMENSIONS.filter(
      (d) => !Number.isInteger(dto.ratings[d]) || dto.ratings[d] < 1 || dto.ratings[d] > 5,
    ).map((d) =>
      fieldError(`ratings.${d}`, `ratings.${d} must be a whole number from 1 to 5`, {
        code: 'out_of_range',
        params: { min: 1, max: 5 },
      }),
    );
    const unknown = Object.keys(dto.ratings)
      .filter((k) => !(ASSESSMENT_DIMENSIONS as readonly string[]).includes(k))
      .map((k) =>
        fieldError(`ratings.${k}`, `ratings.${k} is not a known dimension`, { code: 'unknown_field' }),
      );
    if (errors.length || unknown.length)
      throw Problem.badRequest('Each dimension needs a rating from 1 to 5', [...errors, ...unknown]);
    const ratings = Object.fromEntries(ASSESSMENT_DIMENSIONS.map((d) => [d, dto.ratings[d]])) as Record<
      AssessmentDimension,
      number
    >;
    const saved = await this.dataSource.transaction(async (m) => {
      await m.upsert(Assessment, { participantId, stage: dto.stage, date: dto.date, ratings }, [
        'participantId',
        'stage',
      ]);
      const a = await m.findOneByOrFail(Assessment, { participantId, stage: dto.stage });
      await this.audit.record(
        ctx,
        { action: 'assessment.write', entityType: 'assessment', entityId: a.id, subjectId: participantId },
        m,
      );
      return a;
    });
    return { id: saved.id, participantId, stage: saved.stage, date: saved.date, ratings: saved.ratings };
  }

  async findAssessments(ctx: UserContext, participantId: string): Promise<AssessmentResponse[]> {
    await this.policy.assertParticipantAccess(ctx, 'participant.read', participantId);
    const order = { start: 0, middle: 1, end: 2 };
    const rows = await this.assessments.findBy({ participantId });
    await this.audit.record(ctx, {
      action: 'assessment.read',
      entityType: 'assessment',
      entityId: participantId,
      subjectId: participantId,
    });
    return rows
      .sort((a, b) => order[a.stage] - order[b.stage])
      .map((a) => ({ id: a.id, participantId, stage: a.stage, date: a.date, ratings: a.ratings }));
  }

  /**
   * The group's mean change (end − start) per dimension. Aggregate-only roles see nothing below the small-cell
   * threshold, so that one person's ratings cannot be read out of a tiny group.
   */
  async groupSummary(ctx: UserContext, groupId: string): Promise<GroupAssessmentSummary> {
    const access = await this.policy.assertGroupAccess(ctx, 'assessment.summary', groupId);
    const enrolments = await this.dataSource.getRepository(Enrolment).findBy({ groupId });
    const ids = [...new Set(enrolments.map((e) => e.participantId))];
    const rows = ids.length ? await this.assessments.findBy({ participantId: In(ids) }) : [];
    const start = new Map(rows.filter((r) => r.stage === 'start').map((r) => [r.participantId, r.ratings]));
    const pairs = rows
      .filter((r) => r.stage === 'end' && start.has(r.participantId))
      .map((r) => [start.get(r.participantId)!, r.ratings] as const);
    const k = this.policy.smallCellK(ctx.user);
    const hide = k !== null && pairs.length < k;
    // The number with both assessments is a plain count: registered with the disclosure engine and checked against
    // what its audit used. The means are self-ratings (health and energy among them): shown only from k.
    if (k !== null)
      await this.disclosure.checkCounts(access.programmeId, 'assessment-summary', [
        { key: assessmentKey(groupId), value: pairs.length },
      ]);
    const meanChange = Object.fromEntries(
      ASSESSMENT_DIMENSIONS.map((d) => [
        d,
        hide || pairs.length === 0
          ? null
          : Math.round((pairs.reduce((s, [a, b]) => s + (b[d] - a[d]), 0) / pairs.length) * 10) / 10,
      ]),
    ) as Record<AssessmentDimension, number | null>;
    return { groupId, participants: hide ? null : pairs.length, meanChange };
  }
}
