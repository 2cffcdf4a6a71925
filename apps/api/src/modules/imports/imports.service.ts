import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type FieldError,
  type ImportCounts,
  type ImportDryRunResponse,
  type ImportDryRunRow,
  type ImportRowFate,
  stockholmToday,
} from '@stegvis/contracts';
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

const refused = (errors: FieldError[]) =>
  Problem.badRequest(`The file has ${errors.length} error(s); nothing was imported`, errors, {
    code: 'file_has_errors',
    params: { count: errors.length },
  });

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const NOTHING: ImportCounts = { groups: 0, enrolments: 0, outcomes: 0, internships: 0 };

/** A file as sent: how to read its rows, and the hash that ties a confirmation to its dry run. */
interface ImportFile {
  hash: string;
  read: () => Promise<ImportRecords>;
}

/** Everything the checks found: the rows (valid ones), every error, and the programme's existing groups. */
interface Checked {
  file: ImportRecords;
  rows: ImportRow[];
  errors: FieldError[];
  existing: Map<string, string>;
  alreadyImported: Set<number>;
}

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

  importCsv(
    ctx: UserContext,
    programmeId: string,
    content: string,
    checkedHash?: string,
  ): Promise<ImportCounts> {
    return this.importRecords(ctx, programmeId, csvFile(content), checkedHash);
  }

  importXlsx(
    ctx: UserContext,
    programmeId: string,
    file: Buffer | undefined,
    checkedHash?: string,
  ): Promise<ImportCounts> {
    return this.importRecords(ctx, programmeId, xlsxFile(file), checkedHash);
  }

  dryRunCsv(ctx: UserContext, programmeId: string, content: string): Promise<ImportDryRunResponse> {
    return this.dryRun(ctx, programmeId, csvFile(content));
  }

  dryRunXlsx(ctx: UserContext, programmeId: string, file: Buffer | undefined): Promise<ImportDryRunResponse> {
    return this.dryRun(ctx, programmeId, xlsxFile(file));
  }

  /**
   * Every check of the import, and nothing written (docs/import.md, "Dry run"): each data row with its fate and
   * every error. Only the dry run itself is audited, since it compares the file with stored records.
   */
  private async dryRun(
    ctx: UserContext,
    programmeId: string,
    input: ImportFile,
  ): Promise<ImportDryRunResponse> {
    const c = await this.check(ctx, programmeId, input);
    const valid = new Map(c.rows.map((r) => [r.line, r]));
    const withErrors = new Set(c.errors.map((e) => Number(e.field.split('.')[1])));
    const fresh = c.rows.filter((r) => !withErrors.has(r.line));
    const reuses = await this.participants.admissionReusesRecord(ctx, programmeId, fresh);
    const reused = new Set(fresh.filter((_, i) => reuses[i]).map((r) => r.line));
    const header = c.file.records[0]?.map((h) => h.trim().toLowerCase()) ?? [];
    const rows = c.file.records.slice(1).map((rec, i): ImportDryRunRow => {
      const line = c.file.rowNumbers[i + 1] ?? i + 2;
      const cell = (column: string) =>
        header.includes(column) ? (rec[header.indexOf(column)] ?? '').trim() : '';
      const fate: ImportRowFate = c.alreadyImported.has(line)
        ? 'already_imported'
        : withErrors.has(line) || !valid.has(line)
          ? 'error'
          : reused.has(line)
            ? 'new_enrolment'
            : 'new_participant';
      return {
        row: line,
        group: cell('grupp'),
        firstName: cell('fornamn'),
        lastName: cell('efternamn'),
        enrolmentStart: cell('inskrivning_start'),
        fate,
      };
    });
    const counts = c.errors.length
      ? NOTHING
      : {
          groups: new Set(
            c.rows.map((r) => `${r.municipalityId}:${r.group}`).filter((k) => !c.existing.has(k)),
          ).size,
          enrolments: c.rows.length,
          outcomes: c.rows.filter((r) => r.outcome).length,
          internships: c.rows.filter((r) => r.industry).length,
        };
    await this.audit.record(ctx, {
      action: 'import.dry_run',
      entityType: 'programme',
      entityId: programmeId,
      details: { rows: rows.length, errors: c.errors.length, ...counts },
    });
    return { fileHash: input.hash, rows, errors: c.errors, counts };
  }

  /**
   * The checks of both the dry run and the import, in order: the programme, the file's form, each row, then the
   * rows against what is stored. Every error is collected, so the dry run can list them all.
   */
  private async check(ctx: UserContext, programmeId: string, input: ImportFile): Promise<Checked> {
    await this.policy.assertProgrammeAccess(ctx, 'import.run', programmeId, {
      type: 'programme',
      id: programmeId,
    });
    const programme = await this.programmes.getProgramme(ctx, programmeId);
    const file = await input.read();
    if (file.errors.length)
      return { file, rows: [], errors: file.errors, existing: new Map(), alreadyImported: new Set() };
    const { rows, errors } = parseImportRecords(file, programme.municipalities, stockholmToday());
    const stored = await this.checkAgainstStored(ctx, programmeId, rows, file.sheet);
    const all = [...errors, ...stored.errors].sort((a, b) => lineOf(a) - lineOf(b));
    return { file, rows, errors: all, existing: stored.existing, alreadyImported: stored.alreadyImported };
  }

  /** The same checks and the same single transaction, whichever file the rows came from. */
  private async importRecords(
    ctx: UserContext,
    programmeId: string,
    input: ImportFile,
    checkedHash: string | undefined,
  ): Promise<ImportCounts> {
    const { file, rows, errors, existing } = await this.check(ctx, programmeId, input);
    if (checkedHash && checkedHash !== input.hash)
      throw Problem.conflict('The file is not the one the dry run checked; run the dry run again', {
        code: 'file_changed_since_dry_run',
      });
    if (file.errors.length)
      throw Problem.badRequest('The file could not be read; nothing was imported', file.errors, {
        code: 'file_has_errors',
        params: { count: file.errors.length },
      });
    if (errors.length) throw refused(errors);
    const counts = { ...NOTHING };
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
  ): Promise<{ existing: Map<string, string>; errors: FieldError[]; alreadyImported: Set<number> }> {
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
    const alreadyImported = new Set<number>();
    for (const r of candidates)
      if (already.has(r)) {
        alreadyImported.add(r.line);
        errors.push(
          rowError(
            sheet,
            r.line,
            null,
            `inskrivningen finns redan (samma person i grupp ${r.group} från ${r.start}); raden har importerats förut`,
            { code: 'already_imported' },
          ),
        );
      }
    return { existing, errors, alreadyImported };
  }
}

/** The row an error names (`rows.14.kon` → 14); errors of the whole file sort first. */
function lineOf(e: FieldError): number {
  const n = Number(e.field.split('.')[1]);
  return Number.isFinite(n) ? n : 0;
}

function csvFile(content: string): ImportFile {
  return { hash: sha256(content), read: () => Promise.resolve(csvRecords(content)) };
}

function xlsxFile(file: Buffer | undefined): ImportFile {
  if (!file)
    throw Problem.field('file', 'Send the workbook in the multipart field "file"', {
      code: 'file_required',
    });
  return { hash: sha256(file), read: () => xlsxRecords(file) };
}
