import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { NeedResponse, TalkResponse } from '@stegvis/contracts';
import { DataSource, Repository } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import type { UserContext } from '../../common/context/request-context';
import { PolicyService } from '../../common/policy/policy.service';
import type { NeedDto, TalkDto } from './dto/participant.dto';
import { Need } from './entities/need.entity';
import { Talk } from './entities/talk.entity';

/**
 * Mapping: needs and individual talks. Health data is a special category: only those who see her reach it
 * (PolicyService's one rule: her registering worker until she is placed, her group's staff, her last group's staff
 * for 12 months, the programme's lead); everyone else, staff of other groups included, gets 404. Every read is
 * audited.
 */
@Injectable()
export class MappingService {
  constructor(
    @InjectRepository(Need) private readonly needs: Repository<Need>,
    @InjectRepository(Talk) private readonly talks: Repository<Talk>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
  ) {}

  async addNeed(ctx: UserContext, participantId: string, dto: NeedDto): Promise<NeedResponse> {
    await this.assertHealthAccess(ctx, participantId);
    const saved = await this.dataSource.transaction(async (m) => {
      const n = await m.save(
        m.create(Need, {
          participantId,
          kind: dto.kind,
          note: dto.note ?? '',
          careContact: dto.careContact ?? '',
          recordedBy: ctx.user.id,
        }),
      );
      await this.audit.record(
        ctx,
        { action: 'health.write', entityType: 'need', entityId: n.id, subjectId: participantId },
        m,
      );
      return n;
    });
    return {
      id: saved.id,
      participantId,
      kind: saved.kind,
      note: saved.note,
      careContact: saved.careContact,
      recordedAt: saved.recordedAt.toISOString(),
    };
  }

  async findNeeds(ctx: UserContext, participantId: string): Promise<NeedResponse[]> {
    await this.assertHealthAccess(ctx, participantId);
    const rows = await this.needs.find({ where: { participantId }, order: { recordedAt: 'ASC' } });
    await this.audit.record(ctx, {
      action: 'health.read',
      entityType: 'need',
      entityId: participantId,
      subjectId: participantId,
      details: { count: rows.length },
    });
    return rows.map((n) => ({
      id: n.id,
      participantId,
      kind: n.kind,
      note: n.note,
      careContact: n.careContact,
      recordedAt: n.recordedAt.toISOString(),
    }));
  }

  async addTalk(ctx: UserContext, participantId: string, dto: TalkDto): Promise<TalkResponse> {
    await this.assertHealthAccess(ctx, participantId);
    const saved = await this.dataSource.transaction(async (m) => {
      const t = await m.save(
        m.create(Talk, { participantId, date: dto.date, notes: dto.notes, recordedBy: ctx.user.id }),
      );
      await this.audit.record(
        ctx,
        { action: 'health.write', entityType: 'talk', entityId: t.id, subjectId: participantId },
        m,
      );
      return t;
    });
    return {
      id: saved.id,
      participantId,
      date: saved.date,
      notes: saved.notes,
      recordedBy: saved.recordedBy,
    };
  }

  async findTalks(ctx: UserContext, participantId: string): Promise<TalkResponse[]> {
    await this.assertHealthAccess(ctx, participantId);
    const rows = await this.talks.find({
      where: { participantId },
      order: { date: 'ASC', createdAt: 'ASC' },
    });
    await this.audit.record(ctx, {
      action: 'health.read',
      entityType: 'talk',
      entityId: participantId,
      subjectId: participantId,
      details: { count: rows.length },
    });
    return rows.map((t) => ({
      id: t.id,
      participantId,
      date: t.date,
      notes: t.notes,
      recordedBy: t.recordedBy,
    }));
  }

  private async assertHealthAccess(ctx: UserContext, participantId: string): Promise<void> {
    await this.policy.assertHealthAccess(ctx, 'participant.health', participantId);
  }
}
