import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type RetentionStatus, stockholmDate } from '@stegvis/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import type { RequestContext, UserContext } from '../../common/context/request-context';
import { PolicyService } from '../../common/policy/policy.service';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { RetentionRun } from './entities/retention-run.entity';

const DAY_MS = 86_400_000;

/** Participants past retention on the cutoff day $1: every enrolment ended before it (or none, registered before it). */
const PAST_RETENTION = `p.pseudonymised_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM enrolment e WHERE e.participant_id = p.id AND (e.end_date IS NULL OR e.end_date >= $1))
  AND (EXISTS (SELECT 1 FROM enrolment e WHERE e.participant_id = p.id) OR p.created_at < $1::date)`;
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
  /** When this replica's timer fires next; the daily job runs a day after start-up, then daily. */
  private nextRunAt: Date | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly policy: PolicyService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.retentionSchedule) return;
    this.nextRunAt = new Date(Date.now() + DAY_MS);
    this.timer = setInterval(() => void this.runScheduled(), DAY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async runScheduled(): Promise<void> {
    const now = new Date();
    this.nextRunAt = new Date(now.getTime() + DAY_MS);
    try {
      const n = await this.run(now);
      if (n > 0) this.logger.log(`Pseudonymised ${n} participants past retention`);
    } catch (err) {
      this.logger.error(err, 'Retention job failed');
      // The run's own transaction is gone with its row; the failure is kept beside it, so the admin sees it.
      await this.dataSource
        .getRepository(RetentionRun)
        .insert({
          at: now,
          outcome: 'failure',
          cutoff: this.cutoffOn(now),
          error: err instanceof Error ? err.message.slice(0, 500) : String(err).slice(0, 500),
        })
        .catch((e: unknown) => this.logger.error(e, 'Could not record the failed retention run'));
    }
  }

  private cutoffOn(now: Date): string {
    return new Date(now.getTime() - this.config.retentionYears * 365.25 * DAY_MS).toISOString().slice(0, 10);
  }

  /**
   * The rule in force, the last run, and what falls due next (GET /api/retention): how many the next run would
   * pseudonymise, and the next day on which more people pass retention. Counts only, no one named, so not audited.
   */
  async status(now = new Date()): Promise<RetentionStatus> {
    const cutoff = this.cutoffOn(now);
    const last = await this.dataSource.getRepository(RetentionRun).find({ order: { at: 'DESC' }, take: 1 });
    const [{ n }] = await this.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM participant p WHERE ${PAST_RETENTION}`,
      [cutoff],
    );
    // Everyone else without an open enrolment passes retention the day after their last enrolment ended (or they
    // were registered), plus RETENTION_YEARS: the earliest such day, and how many pass then.
    const next = await this.dataSource.query<{ last: string; n: number }[]>(
      `SELECT last::text AS last, count(*)::int AS n FROM (
         SELECT coalesce((SELECT max(e.end_date) FROM enrolment e WHERE e.participant_id = p.id), p.created_at::date) AS last
           FROM participant p
          WHERE p.pseudonymised_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM enrolment e WHERE e.participant_id = p.id AND e.end_date IS NULL)
       ) x
       WHERE last >= $1::date
       GROUP BY last ORDER BY last LIMIT 1`,
      [cutoff],
    );
    const run = last[0];
    return {
      years: this.config.retentionYears,
      scheduled: this.config.retentionSchedule,
      lastRun: run
        ? {
            at: run.at.toISOString(),
            outcome: run.outcome,
            pseudonymised: run.pseudonymised,
            cutoff: run.cutoff,
          }
        : null,
      nextRunAt: this.config.retentionSchedule && this.nextRunAt ? this.nextRunAt.toISOString() : null,
      dueNow: n,
      nextDue: next[0]
        ? {
            date: stockholmDate(
              Date.parse(`${next[0].last}T00:00:00Z`) + DAY_MS + this.config.retentionYears * 365.25 * DAY_MS,
            ),
            count: next[0].n,
          }
        : null,
    };
  }

  /** Pseudonymises everyone past retention on `now`; returns how many. Safe to run on several replicas at once. */
  async run(now: Date): Promise<number> {
    const cutoff = this.cutoffOn(now);
    return this.dataSource.transaction(async (m) => {
      const [{ locked }] = await m.query<{ locked: boolean }[]>(
        'SELECT pg_try_advisory_xact_lock($1) AS locked',
        [RETENTION_LOCK],
      );
      if (!locked) return 0;
      const due: { id: string }[] = await m.query(`SELECT p.id FROM participant p WHERE ${PAST_RETENTION}`, [
        cutoff,
      ]);
      const ids = due.map((d) => d.id);
      await m.insert(RetentionRun, { at: now, outcome: 'success', pseudonymised: ids.length, cutoff });
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
