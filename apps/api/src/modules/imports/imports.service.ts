import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type FieldError, stockholmToday } from '@stegvis/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import type { UserContext } from '../../common/context/request-context';
import { PolicyService } from '../../common/policy/policy.service';
import { Problem } from '../../common/problem/problem';
import { EmployersService } from '../employers/employers.service';
import { GroupsService } from '../groups/groups.service';
import { OutcomesService } from '../participants/outcomes.service';
import { ParticipantsService } from '../participants/participants.service';
import { ProgrammesService } from '../programmes/programmes.service';
import {
  csvRecords,
  type ImportRecords,
  type ImportRow,
  parseImportRecords,
  rowError,
} from './import-format';
import { xlsxRecords } from './import-xlsx';

export interface ImportCounts {
  groups: number;
  enrolments: number;
  outcomes: number;
  internships: number;
}

const refused = (errors: FieldError[]) =>
  Problem.badRequest(`The file has ${errors.length} error(s); nothing was imported`, errors, {
    code: 'file_has_errors',
    params: { count: errors.length },
  });

/** Imports a historical programme: all rows are checked first, then written in one transaction, or nothing is. */
@Injectable()
export class ImportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
    private readonly programmes: ProgrammesService,
    private readonly groups: GroupsService,
    private readonly participants: ParticipantsService,
    private readonly outcomes: OutcomesService,
    private readonly employers: EmployersService,
  ) {}

  importCsv(ctx: UserContext, programmeId: string, content: string): Promise<ImportCounts> {
    return this.importRecords(ctx, programmeId, () => Promise.resolve(csvRecords(content)));
  }

  importXlsx(ctx: UserContext, programmeId: string, file: Buffer | undefined): Promise<ImportCounts> {
    if (!file)
      throw Problem.field('file', 'Send the workbook in the multipart field "file"', {
        code: 'file_required',
      });
    return this.importRecords(ctx, programmeId, () => xlsxRecords(file));
  }

  /** The same checks and the same single transaction, whichever file the rows came from. */
  private async importRecords(
    ctx: UserContext,
    programmeId: string,
    read: () => Promise<ImportRecords>,
  ): Promise<ImportCounts> {
    await this.policy.assertProgrammeAccess(ctx, 'import.run', programmeId, {
      type: 'programme',
      id: programmeId,
    });
    const programme = await this.programmes.getProgramme(ctx, programmeId);
    const file = await read();
    if (file.errors.length)
      throw Problem.badRequest('The file could not be read; nothing was imported', file.errors, {
        code: 'file_has_errors',
        params: { count: file.errors.length },
      });
    const { rows, errors } = parseImportRecords(file, programme.municipalities, stockholmToday());
    if (errors.length) throw refused(errors);
    const existing = await this.checkAgainstStored(ctx, programmeId, rows, file.sheet);
    const counts = { groups: 0, enrolments: 0, outcomes: 0, internships: 0 };
    await this.dataSource.transaction(async (m) => {
      // A group is its municipality and its number (two towns may each have a "Grupp 4").
      const groupIds = new Map(existing);
      for (const r of rows) {
        const groupKey = `${r.municipalityId}:${r.group}`;
        if (!groupIds.has(groupKey)) {
          groupIds.set(
            groupKey,
            await this.groups.importGroup(m, {
              programmeId,
              municipalityId: r.municipalityId,
              number: r.group,
              startDate: r.groupStart,
              endDate: r.groupEnd,
            }),
          );
          counts.groups++;
        }
        const { enrolmentId } = await this.participants.admitFromReferral(ctx, m, {
          source: 'import',
          programmeId,
          groupId: groupIds.get(groupKey)!,
          startDate: r.start,
          firstName: r.firstName,
          lastName: r.lastName,
          gender: r.gender,
          personalNumber: r.personalNumber,
          swedishLevel: r.swedishLevel,
          languages: [],
          phone: '',
          protectedIdentity: false,
          ended:
            r.status === 'active'
              ? undefined
              : { status: r.status, endDate: r.end, leftReason: r.leftReason },
        });
        counts.enrolments++;
        if (r.outcome) {
          await this.outcomes.setOutcomeIn(m, enrolmentId, {
            category: r.outcome,
            detailCode: r.outcomeDetailCode,
            detail: r.outcomeDetail,
            date: r.outcomeDate,
          });
          counts.outcomes++;
        }
        if (r.industry) {
          await this.employers.importInternship(m, {
            enrolmentId,
            industry: r.industry,
            municipalityId: r.municipalityId,
            startDate: r.internshipStart,
            endDate: r.internshipEnd,
            ledToOffer: r.ledToOffer,
          });
          counts.internships++;
        }
      }
      await this.audit.record(
        ctx,
        { action: 'import.run', entityType: 'programme', entityId: programmeId, details: counts },
        m,
      );
    });
    return counts;
  }

  /**
   * The rows against what the programme already holds: a group of the file that exists (same municipality and
   * number) must have the file's dates, and a row whose enrolment is already there (the same person in the same
   * group from the same day, docs/import.md) is refused, so a file imported twice doubles nothing. Answers the
   * existing groups by municipality and number.
   */
  private async checkAgainstStored(
    ctx: UserContext,
    programmeId: string,
    rows: readonly ImportRow[],
    sheet: string | null,
  ): Promise<Map<string, string>> {
    const errors: FieldError[] = [];
    const stored = new Map(
      (await this.groups.findGroups(ctx, programmeId)).map((g) => [`${g.municipalityId}:${g.number}`, g]),
    );
    const existing = new Map<string, string>();
    const checked = new Set<string>();
    for (const r of rows) {
      const key = `${r.municipalityId}:${r.group}`;
      const g = stored.get(key);
      if (!g || checked.has(key)) continue;
      checked.add(key);
      if (g.startDate !== r.groupStart || g.endDate !== r.groupEnd)
        errors.push(
          rowError(
            sheet,
            r.line,
            'gruppstart',
            `grupp ${r.group} finns redan med perioden ${g.startDate} – ${g.endDate}`,
            { code: 'group_exists_with_other_dates', params: { start: g.startDate, end: g.endDate } },
          ),
        );
      else existing.set(key, g.id);
    }
    const candidates = rows.flatMap((r) => {
      const groupId = existing.get(`${r.municipalityId}:${r.group}`);
      return groupId ? [{ ...r, groupId, startDate: r.start }] : [];
    });
    const already = await this.participants.alreadyEnrolled(ctx, candidates);
    for (const r of candidates)
      if (already.has(r))
        errors.push(
          rowError(
            sheet,
            r.line,
            null,
            `inskrivningen finns redan (samma person i grupp ${r.group} från ${r.start}); raden har importerats förut`,
            { code: 'already_imported' },
          ),
        );
    errors.sort((a, b) => Number(a.field.split('.')[1]) - Number(b.field.split('.')[1]));
    if (errors.length) throw refused(errors);
    return existing;
  }
}
