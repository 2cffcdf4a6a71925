import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { MethodTemplateResponse } from '@stegvis/contracts';
import { DataSource, In, IsNull, Repository } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import type { UserContext } from '../../common/context/request-context';
import { PolicyService } from '../../common/policy/policy.service';
import { Problem } from '../../common/problem/problem';
import type { MethodTemplateDto, UpdateMethodTemplateDto } from './dto/method-template.dto';
import { MethodTemplate } from './entities/method-template.entity';

const hhmm = (t: string) => t.slice(0, 5);

function toResponse(t: MethodTemplate): MethodTemplateResponse {
  return {
    id: t.id,
    programmeId: t.programmeId,
    lineageId: t.lineageId,
    version: t.version,
    supersededAt: t.supersededAt?.toISOString() ?? null,
    name: t.name,
    phases: t.phases,
    themes: t.themes,
    lectureCount: t.lectureCount,
    lectureWeekdays: t.lectureWeekdays,
    lectureStart: hhmm(t.lectureStart),
    lectureEnd: hhmm(t.lectureEnd),
    computerDayWeekday: t.computerDayWeekday,
    totalWeeks: t.phases.reduce((s, p) => s + p.weeks, 0),
  };
}

function checkTemplate(dto: MethodTemplateDto): void {
  if (dto.lectureEnd <= dto.lectureStart)
    throw Problem.field('lectureEnd', 'lectureEnd must be after lectureStart', {
      code: 'end_not_after_start',
      params: { start: 'lectureStart' },
    });
  if (dto.lectureCount > 0 && !dto.phases.some((p) => p.lectures)) {
    throw Problem.field('phases', 'at least one phase must have lectures when lectureCount is above 0', {
      code: 'lectures_phase_required',
    });
  }
}

/** The template's content from a request, without the fields that are not stored (`version`). */
function content(dto: MethodTemplateDto): Partial<MethodTemplate> {
  return {
    name: dto.name,
    phases: dto.phases.map(({ kind, weeks, lectures }) => ({ kind, weeks, lectures })),
    themes: dto.themes,
    lectureCount: dto.lectureCount,
    lectureWeekdays: dto.lectureWeekdays,
    lectureStart: dto.lectureStart,
    lectureEnd: dto.lectureEnd,
    computerDayWeekday: dto.computerDayWeekday ?? null,
  };
}

@Injectable()
export class TemplatesService {
  constructor(
    @InjectRepository(MethodTemplate) private readonly templates: Repository<MethodTemplate>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
  ) {}

  async createTemplate(
    ctx: UserContext,
    programmeId: string,
    dto: MethodTemplateDto,
  ): Promise<MethodTemplateResponse> {
    await this.policy.assertProgrammeAccess(ctx, 'template.manage', programmeId, {
      type: 'programme',
      id: programmeId,
    });
    checkTemplate(dto);
    const saved = await this.dataSource.transaction(async (m) => {
      const id = randomUUID();
      const t = await m.save(
        m.create(MethodTemplate, { ...content(dto), id, lineageId: id, version: 1, programmeId }),
      );
      await this.audit.record(
        ctx,
        { action: 'template.create', entityType: 'method_template', entityId: t.id },
        m,
      );
      return t;
    });
    return toResponse(saved);
  }

  /**
   * A change saves a new version and marks the one read superseded; groups started from it keep it, and only
   * groups started after the change follow the new one. A version that is no longer current is a 409.
   */
  async updateTemplate(
    ctx: UserContext,
    programmeId: string,
    templateId: string,
    dto: UpdateMethodTemplateDto,
  ): Promise<MethodTemplateResponse> {
    await this.policy.assertProgrammeAccess(ctx, 'template.manage', programmeId, {
      type: 'method_template',
      id: templateId,
    });
    const current = await this.templates.findOneBy({ id: templateId, programmeId });
    if (!current) throw Problem.notFound('method_template');
    checkTemplate(dto);
    const saved = await this.dataSource.transaction(async (m) => {
      const res = await m
        .createQueryBuilder()
        .update(MethodTemplate)
        .set({ supersededAt: () => 'now()' })
        .where('id = :id AND version = :v AND superseded_at IS NULL', { id: templateId, v: dto.version })
        .execute();
      if (res.affected !== 1)
        throw Problem.conflict('This version of the template has been replaced by a newer one. Reload it.', {
          code: 'template_superseded',
        });
      const t = await m.save(
        m.create(MethodTemplate, {
          ...content(dto),
          lineageId: current.lineageId,
          version: current.version + 1,
          programmeId,
        }),
      );
      await this.audit.record(
        ctx,
        {
          action: 'template.manage',
          entityType: 'method_template',
          entityId: t.id,
          details: { lineageId: t.lineageId, version: t.version, replaces: current.id },
        },
        m,
      );
      return t;
    });
    return toResponse(saved);
  }

  /** One version of a template, also a superseded one: a group's page shows the version it keeps. */
  async getTemplate(
    ctx: UserContext,
    programmeId: string,
    templateId: string,
  ): Promise<MethodTemplateResponse> {
    await this.policy.assertProgrammeAccess(ctx, 'template.read', programmeId, {
      type: 'method_template',
      id: templateId,
    });
    const t = await this.templates.findOneBy({ id: templateId, programmeId });
    if (!t) throw Problem.notFound('method_template');
    return toResponse(t);
  }

  async findTemplates(ctx: UserContext, programmeId: string): Promise<MethodTemplateResponse[]> {
    await this.policy.assertProgrammeAccess(ctx, 'template.read', programmeId, {
      type: 'programme',
      id: programmeId,
    });
    return (
      await this.templates.find({ where: { programmeId, supersededAt: IsNull() }, order: { name: 'ASC' } })
    ).map(toResponse);
  }

  /** For the groups module: a template version of the given programme (current or not), or null. */
  async templateOf(programmeId: string, templateId: string): Promise<MethodTemplateResponse | null> {
    const t = await this.templates.findOneBy({ id: templateId, programmeId });
    return t ? toResponse(t) : null;
  }

  async templatesByIds(ids: string[]): Promise<Map<string, MethodTemplateResponse>> {
    if (ids.length === 0) return new Map();
    return new Map((await this.templates.findBy({ id: In(ids) })).map((t) => [t.id, toResponse(t)]));
  }
}
