import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { EnrolmentResponse } from '@stegvis/contracts';
import { DataSource, In, Repository } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import type { UserContext } from '../../common/context/request-context';
import { pseudonymFor, visibleName } from '../../common/masking/masking';
import { PolicyService } from '../../common/policy/policy.service';
import { Problem } from '../../common/problem/problem';
import type { CreateParticipantDto, ParticipantDto, UpdateEnrolmentDto } from './dto/participant.dto';
import { Enrolment } from './entities/enrolment.entity';
import { Participant } from './entities/participant.entity';

/** An enrolment with the name the viewer may see, for other modules (attendance grid, internships). */
export interface EnrolmentView extends EnrolmentResponse {}

@Injectable()
export class ParticipantsService {
  constructor(
    @InjectRepository(Participant) private readonly participants: Repository<Participant>,
    @InjectRepository(Enrolment) private readonly enrolments: Repository<Enrolment>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
  ) {}

  async createParticipant(ctx: UserContext, dto: CreateParticipantDto): Promise<ParticipantDto> {
    const saved = await this.dataSource.transaction(async (m) => {
      // The id is made here so the pseudonym, derived from it, is stored in the same insert.
      const id = randomUUID();
      const row = await m.save(
        m.create(Participant, {
          id,
          firstName: dto.firstName.trim(),
          lastName: dto.lastName.trim(),
          gender: dto.gender,
          birthYear: dto.birthYear ?? null,
          protectedIdentity: dto.protectedIdentity ?? false,
          pseudonym: pseudonymFor(id),
        }),
      );
      await this.audit.record(ctx, { action: 'participant.create', entityType: 'participant', entityId: row.id, subjectId: row.id }, m);
      return row;
    });
    return { id: saved.id, displayName: `${saved.firstName} ${saved.lastName}`, gender: saved.gender, birthYear: saved.birthYear, protectedIdentity: saved.protectedIdentity, version: saved.version };
  }

  async enrol(ctx: UserContext, participantId: string, groupId: string, startDate: string): Promise<EnrolmentResponse> {
    await this.policy.assertGroupAccess(ctx, 'participant.write', groupId);
    const participant = await this.participants.findOneBy({ id: participantId });
    if (!participant) throw Problem.notFound('participant');
    const active = await this.enrolments.findOneBy({ participantId, groupId, status: 'active' });
    if (active) throw Problem.conflict('The participant is already enrolled in this group');
    const saved = await this.dataSource.transaction(async (m) => {
      const e = await m.save(m.create(Enrolment, { participantId, groupId, startDate, status: 'active' }));
      await this.audit.record(ctx, { action: 'enrolment.create', entityType: 'enrolment', entityId: e.id, subjectId: participantId }, m);
      return e;
    });
    return (await this.enrolmentViews(ctx, [saved]))[0];
  }

  async updateEnrolment(ctx: UserContext, id: string, dto: UpdateEnrolmentDto): Promise<EnrolmentResponse> {
    const e = await this.enrolments.findOneBy({ id });
    if (!e) throw Problem.notFound('enrolment');
    await this.policy.assertGroupAccess(ctx, 'participant.write', e.groupId);
    if (dto.endDate && dto.endDate < e.startDate) throw Problem.field('endDate', 'endDate must not be before the enrolment started');
    await this.dataSource.transaction(async (m) => {
      await m.update(Enrolment, { id }, {
        status: dto.status,
        endDate: dto.status === 'active' ? null : dto.endDate ?? null,
        leftReason: dto.status === 'left_early' ? dto.leftReason ?? null : null,
      });
      await this.audit.record(ctx, { action: 'enrolment.update', entityType: 'enrolment', entityId: id, subjectId: e.participantId, details: { status: dto.status } }, m);
    });
    return (await this.enrolmentViews(ctx, [(await this.enrolments.findOneBy({ id }))!]))[0];
  }

  /** Enrolments of a group with names masked for this viewer. Access to the group is the caller's check. */
  async findGroupEnrolments(ctx: UserContext, groupId: string): Promise<EnrolmentView[]> {
    const rows = await this.enrolments.find({ where: { groupId }, order: { startDate: 'ASC', id: 'ASC' } });
    return this.enrolmentViews(ctx, rows);
  }

  async getEnrolment(id: string): Promise<{ id: string; groupId: string; participantId: string } | null> {
    return this.enrolments.findOne({ where: { id }, select: { id: true, groupId: true, participantId: true } });
  }

  async countActive(groupIds: string[]): Promise<Map<string, number>> {
    if (groupIds.length === 0) return new Map();
    const rows: { group_id: string; n: number }[] = await this.enrolments
      .createQueryBuilder('e')
      .select('e.group_id', 'group_id')
      .addSelect('count(*)::int', 'n')
      .where('e.group_id IN (:...groupIds)', { groupIds })
      .groupBy('e.group_id')
      .getRawMany();
    return new Map(rows.map((r) => [r.group_id, r.n]));
  }

  private async enrolmentViews(ctx: UserContext, rows: Enrolment[]): Promise<EnrolmentView[]> {
    const ids = [...new Set(rows.map((r) => r.participantId))];
    const people = ids.length ? await this.participants.findBy({ id: In(ids) }) : [];
    const byId = new Map(people.map((p) => [p.id, p]));
    const visible = await this.policy.identityVisibleFor(ctx.user, people.filter((p) => p.protectedIdentity).map((p) => p.id));
    return rows.map((e) => ({
      id: e.id,
      participantId: e.participantId,
      groupId: e.groupId,
      startDate: e.startDate,
      endDate: e.endDate,
      status: e.status,
      leftReason: e.leftReason,
      displayName: visibleName(byId.get(e.participantId)!, visible),
    }));
  }
}
