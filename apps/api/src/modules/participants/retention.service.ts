import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import type { RequestContext, UserContext } from '../../common/context/request-context';
import { PolicyService } from '../../common/policy/policy.service';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';

const DAY_MS = 86_400_000;
// Any fixed number: only one replica at a time may run the job.
const RETENTION_LOCK = 7_301_001;

/**
 * Retention (docs/operations.md): personal data of a participant is pseudonymised when RETENTION_YEARS have
 * passed since their last enrolment ended (or since registration, if never enrolled). Pseudonymising keeps
 * gender, birth year, enrolments, attendance, internships and outcomes, so every statistic stays the same; it
 * removes name, personal number, contact data, free-text notes and health details. Erasure on request does the
 * same at once.
 */
@Injectable()
export class RetentionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Retention');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly policy: PolicyService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.retentionSchedule) return;
    this.timer = setInterval(() => void this.runScheduled(), DAY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async runScheduled(): Promise<void> {
    try {
      const n = await this.run(new Date());
      if (n > 0) this.logger.log(`Pseudonymised ${n} participants past retention`);
    } catch (err) {
      this.logger.error(err, 'Retention job failed');
    }
  }

  /** Pseudonymises everyone past retention on `now`; returns how many. Safe to run on several replicas at once. */
  async run(now: Date): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.retentionYears * 365.25 * DAY_MS)
      .toISOString()
      .slice(0, 10);
    return this.dataSource.transaction(async (m) => {
      const [{ locked }] = await m.query<{ locked: boolean }[]>(
        'SELECT pg_try_advisory_xact_lock($1) AS locked',
        [RETENTION_LOCK],
      );
      if (!locked) return 0;
      const due: { id: string }[] = await m.query(
        `SELECT p.id FROM participant p
          WHERE p.pseudonymised_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM enrolment e WHERE e.participant_id = p.id AND (e.end_date IS NULL OR e.end_date >= $1))
            AND (EXISTS (SELECT 1 FROM enrolment e WHERE e.participant_id = p.id) OR p.created_at < $1::date)`,
        [cutoff],
      );
      const ids = due.map((d) => d.id);
      if (ids.length === 0) return 0;
      await this.pseudonymise(m, ids);
      const system: RequestContext = { user: null, requestId: 'retention-job', ip: '' };
      await this.audit.recordMany(
        system,
        ids.map((id) => ({
          action: 'participant.pseudonymise',
          entityType: 'participant',
          entityId: id,
          subjectId: id,
          details: { reason: 'retention', cutoff },
        })),
        m,
      );
      return ids.length;
    });
  }

  /** Erasure on request (GDPR art. 17), keeping the anonymous statistics. */
  async erase(ctx: UserContext, participantId: string): Promise<void> {
    await this.policy.assertIdentityAccess(ctx, 'participant.erase', participantId);
    await this.dataSource.transaction(async (m) => {
      await this.pseudonymise(m, [participantId]);
      await this.audit.record(
        ctx,
        {
          action: 'participant.pseudonymise',
          entityType: 'participant',
          entityId: participantId,
          subjectId: participantId,
          details: { reason: 'erasure request' },
        },
        m,
      );
    });
  }

  private async pseudonymise(m: DataSource['manager'], ids: string[]): Promise<void> {
    await m.query(
      `UPDATE participant SET first_name = pseudonym, last_name = '', personal_number = NULL, personal_number_hash = NULL, phone = '', email = '', address = '',
              work_experience = '', education_field = '', pseudonymised_at = now(), version = version + 1
        WHERE id = ANY ($1::uuid[])`,
      [ids],
    );
    await m.query(
      `UPDATE participant_need SET note = '', care_contact = '' WHERE participant_id = ANY ($1::uuid[])`,
      [ids],
    );
    await m.query(`DELETE FROM individual_talk WHERE participant_id = ANY ($1::uuid[])`, [ids]);
    // Action plan steps are free text about her plans, like talk notes.
    await m.query(
      `DELETE FROM action_plan_step WHERE enrolment_id IN (SELECT id FROM enrolment WHERE participant_id = ANY ($1::uuid[]))`,
      [ids],
    );
  }
}
