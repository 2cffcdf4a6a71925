import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  audienceOf,
  buildDisclosureModel,
  checkPlainCounts,
  discloseReportTables,
  disclosureLedger,
  findFixedPeriod,
  fixedPeriods,
  viewOf,
  type Audience,
  type DisclosureModel,
  type DisclosureProgramme,
  type DisclosureTableId,
  type DisclosureView,
  type FixedPeriod,
  type ProgressReport,
  type ReportTable,
} from '@stegvis/reports';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import type { AuthUser } from '../context/request-context';
import { PolicyService } from '../policy/policy.service';
import { Problem, fieldError } from '../problem/problem';
import { gatherDisclosureData } from './disclosure-data';

/** A decision for one programme's data, as the views use it. */
export interface ProgrammeDisclosure {
  programme: DisclosureProgramme;
  version: string;
  status: 'audited' | 'fallback';
  reason: string | null;
  view: DisclosureView;
}

interface AuditReply {
  id: number;
  decision: { status: 'audited' | 'fallback'; reason: string | null; hidden: string[] };
  error?: string;
}

/**
 * The api's side of the disclosure engine (packages/reports disclosure*.ts): what aggregate-only readers
 * (PolicyService.smallCellK) may see of a programme. It gathers the programme's data, audits it in a worker
 * thread (linear programming must not hold the event loop), caches the decision per data version (a hash of the
 * data), and fails closed — every outcome-based figure hidden — when the audit cannot finish in
 * AppConfig.disclosureAuditMs, fails, or a view finds a figure the audit did not see. Every endpoint that gives
 * these readers counts goes through it.
 */
@Injectable()
export class DisclosureService implements OnModuleDestroy {
  private readonly logger = new Logger('Disclosure');
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, (reply: AuditReply) => void>();
  /** By programme and k: the latest data version's decision (a promise, so concurrent requests share it). */
  private readonly decisions = new Map<string, { version: string; decision: Promise<ProgrammeDisclosure> }>();
  /** By programme: the model's values for its latest data (the plain endpoints' check needs no audit). */
  private readonly models = new Map<
    string,
    { data: string; supported: boolean; values: Record<string, number> }
  >();
  /** Data (by hash) on which a view found a figure the model does not hold: shown fail-closed. */
  private readonly poisoned = new Set<string>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly policy: PolicyService,
    private readonly moduleRef: ModuleRef,
  ) {}

  audience(user: AuthUser): Audience {
    return audienceOf(this.policy.smallCellK(user));
  }

  /**
   * The fixed period with exactly these dates; otherwise a 400 naming `from` and `to` (aggregate-only readers
   * choose among tertials, years and the whole programme: any two dates would let two reports be subtracted).
   */
  fixedPeriod(
    programme: { startDate: string; endDate: string },
    period: { start: string; end: string },
  ): FixedPeriod {
    const found = findFixedPeriod({ start: programme.startDate, end: programme.endDate }, period);
    if (found) return found;
    const message = 'Figures come for a tertial, a year or the whole programme only (GET …/reports/periods)';
    throw Problem.badRequest(
      `from, to: ${message}`,
      ['from', 'to'].map((field) => fieldError(field, message, { code: 'period_not_fixed' })),
      { code: 'period_not_fixed' },
    );
  }

  periods(programme: { startDate: string; endDate: string }): FixedPeriod[] {
    return fixedPeriods({ start: programme.startDate, end: programme.endDate });
  }

  /** The decision for a programme's current data, audited once per data version. */
  async decide(programmeId: string, k: number): Promise<ProgrammeDisclosure> {
    const programme = await this.gather(programmeId);
    const data = hashOf(programme);
    const version = hashOf([k, data]);
    const key = `${programmeId}:${k}`;
    const cached = this.decisions.get(key);
    if (cached && cached.version === version) return cached.decision;
    const decision = this.poisoned.has(data)
      ? Promise.resolve(this.fallback(programme, version, k, 'a figure differs from the audited data'))
      : this.audit(programme, version, k);
    this.decisions.set(key, { version, decision });
    if (this.decisions.size > 200) this.decisions.delete(this.decisions.keys().next().value!);
    return decision;
  }

  /**
   * The report's tables as an aggregate-only reader sees them. A figure the view finds different from the audited
   * data makes this and every later view of that data fail closed.
   */
  async discloseReport(
    programmeId: string,
    k: number,
    tables: readonly ReportTable[],
    report: ProgressReport,
    period: FixedPeriod,
    tertials: { previous: FixedPeriod; current: FixedPeriod } | null,
  ): Promise<ReportTable[]> {
    const d = await this.decide(programmeId, k);
    const before = disclosureLedger.inconsistent.length;
    const out = discloseReportTables(tables, report, {
      view: d.view,
      period: period.id,
      ...(tertials ? { tertials: { previous: tertials.previous.id, current: tertials.current.id } } : {}),
      groups: d.programme.groups,
      rounds: d.programme.groups.flatMap((g) =>
        g.surveyRounds.map((r) => ({ key: r.key, group: g.key, openDay: r.openDay })),
      ),
      periodEnd: period.end,
    });
    if (disclosureLedger.inconsistent.length > before) this.failClosed(programmeId, k, d, 'a report figure');
    return out;
  }

  /**
   * An endpoint's plain counts (no health or survey data: never hidden), registered and checked against the model
   * the audit uses (no audit needed: just the model); a difference makes the programme's views fail closed until
   * its data changes.
   */
  async checkCounts(
    programmeId: string,
    table: DisclosureTableId,
    counts: readonly { key: string; value: number }[],
  ): Promise<void> {
    const programme = await this.gather(programmeId);
    const data = hashOf(programme);
    let model = this.models.get(programmeId);
    if (!model || model.data !== data) {
      const built = buildDisclosureModel(programme);
      model = {
        data,
        supported: built.unsupported.length === 0,
        values: Object.fromEntries(built.cells.map((c) => [c.key, c.value])),
      };
      this.models.set(programmeId, model);
      if (this.models.size > 200) this.models.delete(this.models.keys().next().value!);
    }
    if (!model.supported) {
      // The audit fails closed for this programme anyway.
      disclosureLedger.record(table);
      return;
    }
    if (!checkPlainCounts(table, counts, model.values)) {
      this.logger.warn(
        `Programme ${programmeId}: ${table} differs from the audited data; its views fail closed`,
      );
      this.poisoned.add(data);
      for (const key of [...this.decisions.keys()])
        if (key.startsWith(`${programmeId}:`)) this.decisions.delete(key);
    }
  }

  onModuleDestroy(): Promise<number> | undefined {
    const w = this.worker;
    this.worker = null;
    return w?.terminate();
  }

  private failClosed(programmeId: string, k: number, d: ProgrammeDisclosure, what: string): void {
    this.logger.warn(
      `Programme ${programmeId}: ${what} differs from the audited data; its views fail closed`,
    );
    this.poisoned.add(hashOf(d.programme));
    this.decisions.set(`${programmeId}:${k}`, {
      version: d.version,
      decision: Promise.resolve(this.fallback(d.programme, d.version, k, `${what} differs`)),
    });
  }

  private fallback(
    programme: DisclosureProgramme,
    version: string,
    k: number,
    reason: string,
  ): ProgrammeDisclosure {
    return {
      programme,
      version,
      status: 'fallback',
      reason,
      view: fallbackOf(buildDisclosureModel(programme), k),
    };
  }

  private async gather(programmeId: string): Promise<DisclosureProgramme> {
    // Each group's first internship day is GroupsService's rule; looked up when needed (and its file loaded then),
    // as the groups module uses this service itself.
    const { GroupsService } =
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load breaks the import cycle
      require('../../modules/groups/groups.service') as typeof import('../../modules/groups/groups.service');
    const groups = this.moduleRef.get(GroupsService, { strict: false });
    const data = await gatherDisclosureData(
      (sql, params) => this.dataSource.query(sql, params),
      programmeId,
      (ids) => groups.internshipPhaseStarts(ids),
    );
    if (!data) throw Problem.notFound('programme');
    return data;
  }

  private async audit(
    programme: DisclosureProgramme,
    version: string,
    k: number,
  ): Promise<ProgrammeDisclosure> {
    const model = buildDisclosureModel(programme);
    const values = Object.fromEntries(model.cells.map((c) => [c.key, c.value]));
    const done = (status: 'audited' | 'fallback', reason: string | null, view: DisclosureView) => ({
      programme,
      version,
      status,
      reason,
      view,
    });
    if (model.unsupported.length) return done('fallback', model.unsupported[0], fallbackOf(model, k));
    try {
      const reply = await this.ask(programme, k);
      if (reply.error || reply.decision.status === 'fallback') {
        this.logger.warn(`Disclosure audit failed closed: ${reply.error ?? reply.decision.reason}`);
        return done('fallback', reply.error ?? reply.decision.reason, fallbackOf(model, k));
      }
      return done('audited', null, viewOf({ k, hidden: reply.decision.hidden, values }, model));
    } catch (err) {
      this.logger.warn(`Disclosure audit failed closed: ${(err as Error).message}`);
      return done('fallback', (err as Error).message, fallbackOf(model, k));
    }
  }

  /** One audit in the worker, which is started on first use and ended when it stops answering. */
  private ask(programme: DisclosureProgramme, k: number): Promise<AuditReply> {
    const limit = this.config.disclosureAuditMs;
    const worker = this.workerThread();
    const id = this.nextId++;
    return new Promise<AuditReply>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        // A worker that does not answer after its own time limit is stuck: end it, start anew next time.
        void this.onModuleDestroy();
        reject(new Error('the audit did not answer in time'));
      }, limit + 10_000);
      this.pending.set(id, (reply) => {
        clearTimeout(timer);
        resolve(reply);
      });
      worker.postMessage({ id, programme, k, timeLimitMs: limit });
    });
  }

  private workerThread(): Worker {
    if (this.worker) return this.worker;
    // The audit is an ES module (glpk.js is one); an eval'd worker imports it, under Jest too.
    const url = pathToFileURL(require.resolve('@stegvis/reports/audit-worker')).href;
    const worker = new Worker(`import(${JSON.stringify(url)}).then((m) => m.serveDisclosureAudits());`, {
      eval: true,
    });
    worker.unref();
    worker.on('message', (reply: AuditReply) => {
      const resolve = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      resolve?.(reply);
    });
    const fail = (err: unknown) => {
      for (const [id, resolve] of this.pending)
        resolve({ id, decision: { status: 'fallback', reason: null, hidden: [] }, error: String(err) });
      this.pending.clear();
      if (this.worker === worker) this.worker = null;
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(`the audit worker ended (${code})`));
    this.worker = worker;
    return worker;
  }
}

/** A hash of the data (and k): a decision is reused only for exactly the data it audited. */
function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url');
}

/** The fail-closed view: every figure that depends on an outcome, and every health cell, hidden. */
function fallbackOf(model: DisclosureModel, k: number): DisclosureView {
  const values = Object.fromEntries(model.cells.map((c) => [c.key, c.value]));
  const hidden = model.cells.filter((c) => c.outcomeDependent || c.class === 'sensitive').map((c) => c.key);
  return viewOf({ k, hidden, values }, model);
}
