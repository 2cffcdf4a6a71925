import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { labelOfStored, type LabelKind } from '@stegvis/contracts';
import { disclosureLedger, finsamKeys, fixedPeriods, toCsv } from '@stegvis/reports';
import { DataSource } from 'typeorm';
import { type AuditEntry, AuditService } from '../../common/audit/audit.service';
import type { UserContext } from '../../common/context/request-context';
import { DisclosureService } from '../../common/disclosure/disclosure.service';
import { PolicyService } from '../../common/policy/policy.service';
import { Problem } from '../../common/problem/problem';
import { formatPersonalNumber } from '../participants/personal-number.util';

export interface FinsamBySex {
  women: number;
  men: number;
  other: number;
  total: number;
}

export interface FinsamEffort extends FinsamBySex {
  effort: string;
}

export interface FinsamCounts extends FinsamEffort {
  year: number;
}

export interface FinsamAssociation {
  year: number;
  /** Each effort counts its own records, as its own Finsam figures do. */
  efforts: FinsamEffort[];
  /** Persons across the association's efforts, each once, by the keyed hash of the personal number. */
  persons: FinsamBySex;
}

// Enrolled at some time in the year $1.
const IN_YEAR =
  'e.start_date <= make_date($1, 12, 31) AND (e.end_date IS NULL OR e.end_date >= make_date($1, 1, 1))';

/**
 * Försäkringskassan's follow-up for coordination associations. Uppföljning Finsam wants participants per
 * individual-level effort and year by sex. The older SUS took person-level start/end data: only with consent for
 * national follow-up, and protected identities only anonymously (start year and sex), never their number.
 */
@Injectable()
export class NationalFollowUpService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
    private readonly disclosure: DisclosureService,
  ) {}

  async finsam(ctx: UserContext, programmeId: string, year: number): Promise<FinsamCounts> {
    await this.policy.assertProgrammeAccess(ctx, 'report.read', programmeId, {
      type: 'programme',
      id: programmeId,
    });
    const aggregate = this.disclosure.audience(ctx.user).kind === 'aggregate';
    if (aggregate) {
      // Aggregate-only readers: a year of the programme (a fixed period), as for the report.
      const [p] = await this.dataSource.query<{ start: string; end: string }[]>(
        'SELECT start_date::text AS start, end_date::text AS end FROM programme WHERE id = $1',
        [programmeId],
      );
      const years = fixedPeriods(p).filter((x) => x.kind === 'year');
      if (!years.some((x) => x.id === String(year)))
        throw Problem.field(
          'year',
          `year must be one of the programme's: ${years.map((x) => x.id).join(', ')}`,
          {
            code: 'period_not_fixed',
          },
        );
    }
    const [row] = await this.dataSource.query<Omit<FinsamCounts, 'year'>[]>(
      `SELECT pr.name AS effort,
              count(DISTINCT p.id) FILTER (WHERE p.gender = 'woman')::int AS women,
              count(DISTINCT p.id) FILTER (WHERE p.gender = 'man')::int AS men,
              count(DISTINCT p.id) FILTER (WHERE p.gender = 'other')::int AS other,
              count(DISTINCT p.id)::int AS total
         FROM programme pr
         LEFT JOIN programme_group g ON g.programme_id = pr.id
         LEFT JOIN enrolment e ON e.group_id = g.id AND e.start_date <= make_date($2, 12, 31) AND (e.end_date IS NULL OR e.end_date >= make_date($2, 1, 1))
         LEFT JOIN participant p ON p.id = e.participant_id
        WHERE pr.id = $1 GROUP BY pr.name`,
      [programmeId, year],
    );
    if (aggregate) {
      // Plain counts, registered with the disclosure engine and checked against what its audit used.
      const keys = finsamKeys(year);
      await this.disclosure.checkCounts(programmeId, 'finsam', [
        { key: keys.woman, value: row.women },
        { key: keys.man, value: row.men },
        { key: keys.other, value: row.other },
        { key: keys.total, value: row.total },
      ]);
    }
    await this.audit.record(ctx, {
      action: 'report.finsam',
      entityType: 'programme',
      entityId: programmeId,
      details: { year },
    });
    return { year, ...row };
  }

  /**
   * The association's Finsam figures: per effort, and the persons across all efforts counted once. A person may
   * have a record in each of two programmes (the second was made by someone who could not see the first, and was
   * told nothing); her records share `personal_number_hash`, so she is one person here. A record without a number
   * is a person of its own. Only for association-wide users (`report.association`): they see every programme, so
   * the count tells them nothing about a programme outside their view; a programme's staff, who can make a second
   * record, never see this count, which would otherwise answer whether a number exists elsewhere.
   */
  async finsamAssociation(ctx: UserContext, year: number): Promise<FinsamAssociation> {
    // The whole association is in view only for an association-wide role; the action table says the same.
    if (!this.policy.associationWide(ctx.user))
      await this.policy.deny(ctx, 'report.association', { type: 'association', id: 'finsam' });
    const efforts = await this.dataSource.query<FinsamEffort[]>(
      `SELECT pr.name AS effort,
              count(DISTINCT p.id) FILTER (WHERE p.gender = 'woman')::int AS women,
              count(DISTINCT p.id) FILTER (WHERE p.gender = 'man')::int AS men,
              count(DISTINCT p.id) FILTER (WHERE p.gender = 'other')::int AS other,
              count(DISTINCT p.id)::int AS total
         FROM programme pr
         LEFT JOIN programme_group g ON g.programme_id = pr.id
         LEFT JOIN enrolment e ON e.group_id = g.id AND ${IN_YEAR}
         LEFT JOIN participant p ON p.id = e.participant_id
        GROUP BY pr.id, pr.name ORDER BY pr.name, pr.id`,
      [year],
    );
    const [persons] = await this.dataSource.query<FinsamBySex[]>(
      `SELECT count(DISTINCT x.person) FILTER (WHERE x.gender = 'woman')::int AS women,
              count(DISTINCT x.person) FILTER (WHERE x.gender = 'man')::int AS men,
              count(DISTINCT x.person) FILTER (WHERE x.gender = 'other')::int AS other,
              count(DISTINCT x.person)::int AS total
         FROM (SELECT coalesce(p.personal_number_hash, p.id::text) AS person, p.gender
                 FROM enrolment e JOIN participant p ON p.id = e.participant_id
                WHERE ${IN_YEAR}) x`,
      [year],
    );
    // The association's persons across programmes: no outcome or health data, registered as such.
    disclosureLedger.record('finsam-association');
    await this.audit.record(ctx, {
      action: 'report.finsam',
      entityType: 'association',
      details: { year },
    });
    return { year, efforts, persons };
  }

  /** SUS-style person-level file (staff only, audited): a row per consenting person; others anonymously. */
  async susCsv(ctx: UserContext, programmeId: string, year: number): Promise<string> {
    await this.policy.assertProgrammeAccess(ctx, 'followup.export', programmeId, {
      type: 'programme',
      id: programmeId,
    });
    const rows: {
      participant_id: string;
      personal_number: string | null;
      protected_identity: boolean;
      gender: string;
      consent: boolean;
      start_date: string;
      end_date: string | null;
      status: string;
      support_before: string | null;
      support_after: string | null;
      category: string | null;
      detail_code: string | null;
    }[] = await this.dataSource.query(
      `SELECT p.id AS participant_id, p.personal_number, p.protected_identity, p.gender,
              EXISTS (SELECT 1 FROM consent c WHERE c.participant_id = p.id AND c.purpose = 'national_followup' AND c.withdrawn_at IS NULL) AS consent,
              e.start_date::text, e.end_date::text, e.status, o.support_before, o.support_after, o.category, o.detail_code
         FROM enrolment e
         JOIN programme_group g ON g.id = e.group_id
         JOIN participant p ON p.id = e.participant_id
         LEFT JOIN outcome o ON o.enrolment_id = e.id
        WHERE g.programme_id = $1 AND e.start_date <= make_date($2, 12, 31) AND (e.end_date IS NULL OR e.end_date >= make_date($2, 1, 1))
        ORDER BY e.start_date, p.id`,
      [programmeId, year],
    );
    const named = rows.filter((r) => r.consent && !r.protected_identity && r.personal_number);
    const anonymous = new Map<string, number>();
    for (const r of rows.filter((x) => !named.includes(x))) {
      const key = `${r.start_date.slice(0, 4)};${r.gender}`;
      anonymous.set(key, (anonymous.get(key) ?? 0) + 1);
    }
    await this.audit.recordMany(ctx, [
      {
        action: 'followup.export',
        entityType: 'programme',
        entityId: programmeId,
        details: { year, named: named.length, anonymous: rows.length - named.length },
      },
      ...named.map((r): AuditEntry => ({
        action: 'followup.export',
        entityType: 'participant',
        entityId: r.participant_id,
        subjectId: r.participant_id,
      })),
    ]);
    return toCsv([
      [
        'Personnummer',
        'Kön',
        'Startdatum',
        'Slutdatum',
        'Status',
        'Försörjning före',
        'Försörjning efter',
        'Resultat',
        'Resultat, underkategori',
      ],
      ...named.map((r) => [
        formatPersonalNumber(r.personal_number!),
        sv('gender', r.gender),
        r.start_date,
        r.end_date,
        sv('enrolmentStatus', r.status),
        sv('supportKind', r.support_before),
        sv('supportKind', r.support_after),
        sv('outcomeCategory', r.category),
        sv('outcomeDetail', r.detail_code),
      ]),
      [],
      ['Anonymt redovisade (utan samtycke eller med skyddad identitet)'],
      ['Startår', 'Kön', 'Antal'],
      ...[...anonymous.entries()].sort().map(([k, n]) => {
        const [year, gender] = k.split(';') as [string, string];
        return [year, sv('gender', gender), n];
      }),
    ]);
  }
}

/** A stored code as the file prints it: its Swedish label, empty when there is none. */
function sv(kind: LabelKind, code: string | null): string {
  return code === null ? '' : labelOfStored(kind, code, 'sv', '');
}
