import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { MethodTemplateResponse } from '@stegvis/contracts';
import { DataSource, In, Repository } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import type { UserContext } from '../../common/context/request-context';
import { PolicyService } from '../../common/policy/policy.service';
import { Problem } from '../../common/problem/problem';
import type { MethodTemplateDto } from './dto/method-template.dto';
import { MethodTemplate } from './entities/method-template.entity';

const hhmm = (t: string) => t.slice(0, 5);

function toResponse(t: MethodTemplate): MethodTemplateResponse {
  return {
    id: t.id,
    programmeId: t.programmeId,
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
    const saved = await this.dataSource.transaction(async (m) => {
      const t = await m.save(
        m.create(MethodTemplate, { ...dto, computerDayWeekday: dto.computerDayWeekday ?? null, programmeId }),
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

  async findTemplates(ctx: UserContext, programmeId: string): Promise<MethodTemplateResponse[]> {
    await this.policy.assertProgrammeAccess(ctx, 'template.read', programmeId, {
      type: 'programme',
      id: programmeId,
    });
    return (await this.templates.find({ where: { programmeId }, order: { name: 'ASC' } })).map(toResponse);
  }

  /** For the groups module: a template of the given programme, or null. */
  async templateOf(programmeId: string, templateId: string): Promise<MethodTemplateResponse | null> {
    const t = await this.templates.findOneBy({ id: templateId, programmeId });
    return t ? toResponse(t) : null;
  }

  async templatesByIds(ids: string[]): Promise<Map<string, MethodTemplateResponse>> {
    if (ids.length === 0) return new Map();
    return new Map((await this.templates.findBy({ id: In(ids) })).map((t) => [t.id, toResponse(t)]));
  }
}
