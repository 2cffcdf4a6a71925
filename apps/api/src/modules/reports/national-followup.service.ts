import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { labelOfStored, type LabelKind } from '@stegvis/contracts';
import { toCsv } from '@stegvis/reports';
import { DataSource } from 'typeorm';
import { type AuditEntry, AuditService } from '../../common/audit/audit.service';
import type { UserContext } from '../../common/context/request-context';
import { PolicyService } from '../../common/policy/policy.service';
import { formatPersonalNumber } from '../participants/personal-number.util';

export interface FinsamCounts {
  year: number;
  effort: string;
  women: number;
  men: number;
  other: number;
  total: number;
}

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
  ) {}

  async finsam(ctx: UserContext, programmeId: string, year: number): Promise<FinsamCounts> {
    await this.policy.assertProgrammeAccess(ctx, 'report.read', programmeId, {
      type: 'programme',
      id: programmeId,
    });
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
    await this.audit.record(ctx, {
      action: 'report.finsam',
      entityType: 'programme',
      entityId: programmeId,
      details: { year },
    });
    return { year, ...row };
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
    }[] = await this.dataSource.query(
      `SELECT p.id AS participant_id, p.personal_number, p.protected_identity, p.gender,
              EXISTS (SELECT 1 FROM consent c WHERE c.participant_id = p.id AND c.purpose = 'national_followup' AND c.withdrawn_at IS NULL) AS consent,
              e.start_date::text, e.end_date::text, e.status, o.support_before, o.support_after, o.category
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
