import { createHash, randomBytes, randomInt } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { type FieldError, type ProblemNotice, ratio } from '@stegvis/contracts';
import { DataSource, In, IsNull, LessThan, MoreThan, Repository } from 'typeorm';
import { stockholmDate, stockholmToday } from '@stegvis/contracts';
import { LANGUAGES, type LanguageCode, paperTexts } from '@stegvis/questionnaires';
import { surveyRoundKeyOf } from '@stegvis/reports';
import { AuditService } from '../../common/audit/audit.service';
import { DisclosureService } from '../../common/disclosure/disclosure.service';
import type { RequestContext, UserContext } from '../../common/context/request-context';
import { IdempotencyService } from '../../common/idempotency/idempotency.service';
import { PolicyService } from '../../common/policy/policy.service';
import { fieldError, Problem } from '../../common/problem/problem';
import { reportFiles } from '../../common/lazy';
import { pdfFontFiles } from '../../common/pdf/fonts';
import { SqlService } from '../../common/sql/sql.service';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { ProgrammesService } from '../programmes/programmes.service';
import { type EnrolmentView, ParticipantsService } from '../participants/participants.service';
import { freeTextQuestions, validateAnswers } from './answer-validation';
import type { CreateRoundDto, ReviewDto } from './dto/survey.dto';
import { CODE_GUARD, codePrefix, secondsToWait } from './code-guard';
import { CodeAttempt } from './entities/code-attempt.entity';
import { FreeTextReview } from './entities/free-text-review.entity';
import { SurveyCode } from './entities/survey-code.entity';
import { SurveyResponse } from './entities/survey-response.entity';
import { SurveyRound } from './entities/survey-round.entity';
import { QuestionnaireCatalog } from './questionnaire-catalog';
import { QuestionnaireAudioService } from './questionnaire-audio.service';
import { TranslationReviewsService } from './translation-reviews.service';
import { type AnswerCounts, shuffled, summariseCounts } from './survey-summary';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
// No 0/O, 1/I/L: short codes are read off paper and typed on a tablet.
const SHORT_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** Characters of a short code (no grouping dash): the paper questionnaire's code box has one square each. */
export const SHORT_CODE_LENGTH = 8;
/** How often closed rounds' Idempotency-Key rows are swept away (each replica; deleting twice is harmless). */
const KEY_SWEEP_MS = 10 * 60_000;
const KEY_SCOPE = 'survey:';
let todayCache = { until: 0, day: '' };
/** Today in Stockholm, worked out at most once a second: formatting a date costs more than the rest of the check. */
const today = () => {
  const now = Date.now();
  if (now >= todayCache.until) todayCache = { until: now + 1000, day: stockholmToday(now) };
  return todayCache.day;
};

function newCode(enrolmentId: string, displayName: string): IssuedCode {
  return {
    enrolmentId,
    displayName,
    token: randomBytes(16).toString('base64url'),
    shortCode: Array.from(
      { length: SHORT_CODE_LENGTH },
      () => SHORT_ALPHABET[randomInt(SHORT_ALPHABET.length)],
    ).join(''),
  };
}

/** Enrolled on that Swedish day, and not gone before it. */
const enrolledOn = (e: EnrolmentView, day: string): boolean =>
  e.startDate <= day && !(e.status === 'left_early' && e.endDate !== null && e.endDate < day);

interface LookupRow {
  code_id: string | null;
  used_on: Date | null;
  round_id: string;
  programme_id: string;
  questionnaire_id: string;
  questionnaire_version: number;
  opens_at: Date;
  closes_at: Date;
  group_id: string;
  address_failures: number;
  address_since: number | null;
  prefix_failures: number;
  prefix_since: number | null;
}
type RoundRow = Pick<
  SurveyRound,
  'id' | 'groupId' | 'programmeId' | 'questionnaireId' | 'questionnaireVersion' | 'opensAt' | 'closesAt'
>;

export interface IssuedCode {
  enrolmentId: string;
  displayName: string;
  /** 128 bits for links and QR codes. */
  token: string;
  /** 8 characters for paper slips and the kiosk. */
  shortCode: string;
}

/** Whether a round's results may be shown, and if not, why (the same notice for every reader). */
interface Release {
  answered: number;
  withheld: ProblemNotice<'survey_results_not_ready'> | null;
}

@Injectable()
export class SurveysService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Surveys');
  private sweepTimer: NodeJS.Timeout | null = null;

  constructor(
    @InjectRepository(SurveyRound) private readonly rounds: Repository<SurveyRound>,
    @InjectRepository(SurveyCode) private readonly codes: Repository<SurveyCode>,
    @InjectRepository(SurveyResponse) private readonly responses: Repository<SurveyResponse>,
    @InjectRepository(FreeTextReview) private readonly reviews: Repository<FreeTextReview>,
    @InjectRepository(CodeAttempt) private readonly attempts: Repository<CodeAttempt>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
    private readonly participants: ParticipantsService,
    private readonly programmes: ProgrammesService,
    private readonly catalog: QuestionnaireCatalog,
    private readonly sql: SqlService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly disclosure: DisclosureService,
    private readonly translations: TranslationReviewsService,
    private readonly audio: QuestionnaireAudioService,
  ) {}

  onApplicationBootstrap(): void {
    // Tests call forgetClosedRoundKeys themselves.
    if (this.config.nodeEnv === 'test') return;
    this.sweepTimer = setInterval(() => void this.sweepKeys(), KEY_SWEEP_MS);
    this.sweepTimer.unref();
    void this.sweepKeys();
  }

  onApplicationShutdown(): void {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
  }

  private async sweepKeys(): Promise<void> {
    try {
      await this.forgetClosedRoundKeys();
    } catch (err) {
      this.logger.error(err, 'Sweeping closed survey rounds’ idempotency keys failed');
    }
  }

  /**
   * A closed round refuses every submission before its Idempotency-Key is read, so no replay can come: its key
   * rows go (issue 16). Runs every ten minutes, and for one round before its results are first shown.
   */
  async forgetClosedRoundKeys(now = new Date()): Promise<number> {
    const ids = (await this.idempotency.scopes(KEY_SCOPE)).map((s) => s.slice(KEY_SCOPE.length));
    if (ids.length === 0) return 0;
    const closed = await this.rounds.find({
      select: { id: true },
      where: { id: In(ids), closesAt: LessThan(now) },
    });
    await this.idempotency.forget(closed.map((r) => KEY_SCOPE + r.id));
    return closed.length;
  }

  /** Opens a round for a group: one code per participant enrolled (and not gone) when it opens. Codes are shown once. */
  async openRound(ctx: UserContext, dto: CreateRoundDto) {
    const access = await this.policy.assertGroupAccess(ctx, 'survey.manage', dto.groupId);
    const q = this.catalog.get(dto.questionnaireId, dto.questionnaireVersion);
    if (!q)
      throw Problem.field('questionnaireId', 'no such questionnaire (or version)', {
        code: 'unknown_reference',
        params: { entity: 'questionnaire' },
      });
    const opensAt = new Date(dto.opensAt);
    const closesAt = new Date(dto.closesAt);
    if (!(closesAt > opensAt))
      throw Problem.field('closesAt', 'closesAt must be after opensAt', {
        code: 'end_not_after_start',
        params: { start: 'opensAt' },
      });
    // Who is enrolled on the Swedish day the round opens: 00:30 on 1 April is still 31 March in UTC.
    const openDay = stockholmDate(opensAt);
    const enrolled = (await this.participants.findGroupEnrolments(ctx, dto.groupId)).filter((e) =>
      enrolledOn(e, openDay),
    );
    const issued: IssuedCode[] = enrolled.map((e) => newCode(e.id, e.displayName));
    const round = await this.dataSource.transaction(async (m) => {
      const r = await m.save(
        m.create(SurveyRound, {
          groupId: dto.groupId,
          programmeId: access.programmeId,
          questionnaireId: q.id,
          questionnaireVersion: q.version,
          opensAt,
          closesAt,
          enrolledAtOpen: enrolled.length,
          createdBy: ctx.user.id,
        }),
      );
      if (issued.length)
        await m.insert(
          SurveyCode,
          issued.map((c) => ({
            roundId: r.id,
            enrolmentId: c.enrolmentId,
            codeHash: sha256(c.token),
            shortHash: sha256(c.shortCode),
          })),
        );
      await this.audit.record(
        ctx,
        {
          action: 'survey.open',
          entityType: 'survey_round',
          entityId: r.id,
          details: { codes: issued.length },
        },
        m,
      );
      return r;
    });
    return { ...(await this.describe(round)), codes: issued };
  }

  async findRounds(ctx: UserContext, groupId: string) {
    await this.policy.assertGroupAccess(ctx, 'survey.summary', groupId);
    const rows = await this.rounds.find({ where: { groupId }, order: { opensAt: 'DESC' } });
    await this.registerRounds(ctx, rows);
    return Promise.all(rows.map((r) => this.describe(r)));
  }

  async getRound(ctx: UserContext, id: string) {
    const round = await this.load(ctx, id, 'survey.summary');
    await this.registerRounds(ctx, [round]);
    return this.describe(round);
  }

  /**
   * A round's response rate tells how many were enrolled when it opened: a plain count, which aggregate-only
   * readers see too; registered with the disclosure engine and checked against what its audit used.
   */
  private async registerRounds(ctx: UserContext, rounds: readonly SurveyRound[]): Promise<void> {
    if (this.disclosure.audience(ctx.user).kind !== 'aggregate') return;
    for (const r of rounds)
      await this.disclosure.checkCounts(r.programmeId, 'survey-round', [
        { key: surveyRoundKeyOf(r.id), value: r.enrolledAtOpen },
      ]);
  }

  /**
   * Who has not answered yet, for a reminder or a new code: those whose code is unused, and those enrolled since
   * the round opened who have no code yet (`hasCode` false). Never linked to answers.
   */
  async pending(
    ctx: UserContext,
    id: string,
  ): Promise<{ enrolmentId: string; displayName: string; hasCode: boolean }[]> {
    const round = await this.load(ctx, id, 'survey.manage');
    const codes = await this.codes.find({ where: { roundId: id } });
    const unused = new Set(codes.filter((c) => c.usedOn === null).map((c) => c.enrolmentId));
    const coded = new Set(codes.map((c) => c.enrolmentId));
    const open = new Date() <= round.closesAt;
    const day = today();
    const enrolments = await this.participants.findGroupEnrolments(ctx, round.groupId);
    return enrolments
      .filter((e) => unused.has(e.id) || (open && !coded.has(e.id) && enrolledOn(e, day)))
      .map((e) => ({ enrolmentId: e.id, displayName: e.displayName, hasCode: coded.has(e.id) }));
  }

  /**
   * Codes for the given participants of the round's group, shown only in this answer: a first code for someone
   * enrolled after the round opened (who then counts in the response rate's denominator), or a new code for a
   * lost one, which replaces it at once, so the old code stops working. A code already used to answer is never
   * replaced: a person answers once.
   */
  async issueCodes(ctx: UserContext, id: string, enrolmentIds: readonly string[]): Promise<IssuedCode[]> {
    const round = await this.load(ctx, id, 'survey.manage');
    if (new Date() > round.closesAt)
      throw Problem.rule('The round has closed; no codes can be given out', { code: 'round_closed' });
    const enrolments = new Map(
      (await this.participants.findGroupEnrolments(ctx, round.groupId)).map((e) => [e.id, e]),
    );
    const existing = new Map(
      (await this.codes.find({ where: { roundId: id, enrolmentId: In([...enrolmentIds]) } })).map((c) => [
        c.enrolmentId,
        c,
      ]),
    );
    const day = today();
    const errors: FieldError[] = [];
    enrolmentIds.forEach((eid, i) => {
      const field = `enrolmentIds.${i}`;
      const e = enrolments.get(eid);
      const code = existing.get(eid);
      if (!e)
        errors.push(
          fieldError(field, 'not an enrolment of the round’s group', {
            code: 'not_in_group',
            params: { entity: 'enrolment' },
          }),
        );
      else if (code?.usedOn)
        errors.push(
          fieldError(field, 'this code has already been used to answer', { code: 'survey_code_used' }),
        );
      else if (!code && !enrolledOn(e, day))
        errors.push(fieldError(field, 'not enrolled in the group today', { code: 'not_enrolled_on_date' }));
    });
    if (errors.length)
      throw Problem.badRequest(errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
    const issued = enrolmentIds.map((eid) => newCode(eid, enrolments.get(eid)!.displayName));
    const fresh = issued.filter((c) => !existing.has(c.enrolmentId));
    await this.dataSource.transaction(async (m) => {
      for (const c of issued) {
        const old = existing.get(c.enrolmentId);
        if (!old) continue;
        // Only while still unused: an answer that came in the meantime keeps its code, and this write fails.
        const res = await m.update(
          SurveyCode,
          { id: old.id, usedOn: IsNull() },
          { codeHash: sha256(c.token), shortHash: sha256(c.shortCode) },
        );
        if (res.affected !== 1)
          throw Problem.conflict('This code has just been used to answer', { code: 'survey_code_used' });
      }
      if (fresh.length) {
        await m.insert(
          SurveyCode,
          fresh.map((c) => ({
            roundId: id,
            enrolmentId: c.enrolmentId,
            codeHash: sha256(c.token),
            shortHash: sha256(c.shortCode),
          })),
        );
        await m.increment(SurveyRound, { id }, 'enrolledAtOpen', fresh.length);
      }
      await this.audit.record(
        ctx,
        {
          action: 'survey.codes',
          entityType: 'survey_round',
          entityId: id,
          details: {
            issued: fresh.length,
            reissued: issued.length - fresh.length,
            enrolmentIds: [...enrolmentIds],
          },
        },
        m,
      );
    });
    return issued;
  }

  /** Exchanges a link token or short code for the questionnaire; refuses unknown (404), used (409) and closed (410) codes. */
  async start(ip: string, token: string) {
    const { round } = await this.lookup(ip, token);
    return this.questionnaireFor(round);
  }

  /** The round's questionnaire, for staff typing in paper answers (same version as the participants' links). */
  async questionnaireOf(ctx: UserContext, roundId: string) {
    return this.questionnaireFor(await this.load(ctx, roundId, 'survey.manage'));
  }

  /**
   * The round's questionnaire as a printable A4 form in one language (packages/reports/src/paper-questionnaire.ts),
   * with a box for the code from the slip; only in a language the survey site offers for the programme. The file
   * name says the programme and the language: `pappersenkat-nasta-steg-ar.pdf`.
   */
  async paperQuestionnaire(
    ctx: UserContext,
    roundId: string,
    language: LanguageCode,
  ): Promise<{ pdf: Buffer; fileName: string }> {
    const round = await this.load(ctx, roundId, 'survey.manage');
    const { q, programmeName, languages } = await this.offered(round);
    if (!languages.includes(language))
      throw Problem.field('language', `language must be one of ${languages.join(', ')}`, {
        code: 'not_allowed',
        params: { allowed: languages },
      });
    const pdf = await reportFiles().renderPaperQuestionnairePdf(
      {
        questionnaire: q.json,
        language,
        direction: LANGUAGES.find((l) => l.code === language)?.dir ?? 'ltr',
        texts: paperTexts(language),
        programmeName,
        closesAt: round.closesAt,
        codeLength: SHORT_CODE_LENGTH,
      },
      pdfFontFiles(),
    );
    const slug =
      programmeName
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[^A-Za-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .toLowerCase() || 'program';
    return { pdf, fileName: `pappersenkat-${slug}-${language}.pdf` };
  }

  /**
   * The round's questionnaire, its programme's name (which the title names: "Vad tyckte du om …?") and the
   * languages the programme offers for it. The round carries its programme: nothing is read to find it.
   */
  private async offered(
    round: Pick<SurveyRound, 'programmeId' | 'questionnaireId' | 'questionnaireVersion'>,
  ) {
    const q = this.catalog.get(round.questionnaireId, round.questionnaireVersion)!;
    const programme = await this.programmes.surveySettingsOf(round.programmeId);
    const languages = await this.translations.offeredLanguages(
      q,
      programme?.allowUnreviewedTranslations ?? true,
    );
    return { q, programmeName: programme?.name ?? '', languages };
  }

  /** What the survey site (and paper entry) draws: the questionnaire, its languages and their recordings. */
  private async questionnaireFor(
    round: Pick<SurveyRound, 'programmeId' | 'questionnaireId' | 'questionnaireVersion'>,
  ) {
    const { q, programmeName, languages } = await this.offered(round);
    return {
      questionnaireId: q.id,
      version: q.version,
      languages,
      questionnaire: q.json,
      programmeName,
      // Recorded readings (language → text key → recording id), played where the phone has no voice.
      audio: await this.audio.recordingsFor(q, languages),
    };
  }

  /**
   * Stores an answer exactly once: the code is spent and the answer kept in one transaction, repeats replay the
   * first answer. Plain SQL: this is the one write that a whole classroom makes in the same minute.
   */
  async submit(
    ctx: RequestContext,
    token: string,
    key: string | undefined,
    body: { language: string; answers: Record<string, unknown> },
    channel: 'link' | 'kiosk' | 'paper',
    /** Paper entry: the round the staff member opened; a slip's code of another round is not this round's. */
    onlyRound?: string,
  ) {
    const { codeId, round } = await this.lookup(ctx.ip, token, true, channel === 'paper', onlyRound);
    const q = this.catalog.get(round.questionnaireId, round.questionnaireVersion)!;
    if (!q.languages.includes(body.language))
      throw Problem.field('language', `language must be one of ${q.languages.join(', ')}`, {
        code: 'not_allowed',
        params: { allowed: [...q.languages] },
      });
    // Only a machine draft can be unoffered, so the programme is read only for those (this is the hot path).
    if (this.translations.isMachineDraft(body.language)) {
      const programme = await this.programmes.surveySettingsOf(round.programmeId);
      const offered = await this.translations.offeredLanguages(
        q,
        programme?.allowUnreviewedTranslations ?? true,
      );
      if (!offered.includes(body.language))
        throw Problem.field('language', `language must be one of ${offered.join(', ')}`, {
          code: 'not_allowed',
          params: { allowed: offered },
        });
    }
    const errors = validateAnswers(q.json, body.answers);
    if (errors.length) throw Problem.badRequest(errors.map((e) => e.message).join('; '), errors);
    // The scope is the round, never the code: the key table must not link an answer to a person either.
    return this.idempotency.runSql(KEY_SCOPE + round.id, key, body, async (tx) => {
      const spent = await tx.rows(
        'UPDATE survey_code SET used_on = $2 WHERE id = $1 AND used_on IS NULL RETURNING id',
        [codeId, today()],
      );
      if (spent.length !== 1)
        throw new Problem(
          409,
          'This code has already been used to answer',
          undefined,
          { type: 'https://stegvis.se/problems/code-used' },
          { code: 'survey_code_used' },
        );
      await tx.rows(
        'INSERT INTO survey_response (round_id, language, channel, answers) VALUES ($1, $2, $3, $4)',
        [round.id, body.language, channel, JSON.stringify(body.answers)],
      );
      // Staff typing a paper slip are audited with the answer, in its transaction; a participant is not.
      if (channel === 'paper')
        await this.audit.recordVia((sql, params) => tx.rows(sql, params), ctx, [
          { action: 'survey.paper', entityType: 'survey_round', entityId: round.id },
        ]);
      return { status: 201, body: { status: 'stored' as const } };
    });
  }

  async paper(
    ctx: UserContext,
    roundId: string,
    code: string,
    key: string | undefined,
    body: { language: string; answers: Record<string, unknown> },
  ) {
    await this.load(ctx, roundId, 'survey.manage');
    return this.submit(ctx, code, key, body, 'paper', roundId);
  }

  /**
   * Summary of one round. Nobody sees any figure or free text of a round until it has closed with at least k
   * answers (k the deployment's): while it is open a reader could compare two summaries around one answer and,
   * with the "not answered" list, tell whose it was. Until then only the response rate and the reason. Released,
   * staff see everything; aggregate-only roles see small cells suppressed and reviewed free text only.
   */
  async summary(ctx: UserContext, id: string) {
    const round = await this.load(ctx, id, 'survey.summary');
    const { withheld } = await this.release(round);
    await this.registerRounds(ctx, [round]);
    if (withheld) return { round: await this.describe(round), withheld, questions: [] };
    const q = this.catalog.get(round.questionnaireId, round.questionnaireVersion)!;
    const smallCellK = this.policy.smallCellK(ctx.user);
    const suppress = smallCellK !== null;
    const texts = freeTextQuestions(q.json);
    const counts = await this.countAnswers([id], texts, !suppress);
    const reviewed = new Map<string, string[]>();
    if (suppress) {
      const rows: { question: string; text: string }[] = await this.dataSource.query(
        `SELECT v.question, v.text FROM free_text_review v JOIN survey_response r ON r.id = v.response_id WHERE r.round_id = $1`,
        [id],
      );
      for (const r of rows) reviewed.set(r.question, [...(reviewed.get(r.question) ?? []), r.text]);
    }
    return {
      round: await this.describe(round),
      withheld: null,
      questions: summariseCounts(q.json, counts, {
        suppress,
        k: smallCellK ?? this.config.smallCellK,
        reviewedTexts: reviewed,
      }),
    };
  }

  /**
   * Released once closed (the same instant submissions start to answer 410) with at least k answers. A released
   * round's results never change: no answer can come after it closes. Its idempotency keys go first.
   */
  private async release(round: SurveyRound): Promise<Release> {
    const answered = await this.responses.countBy({ roundId: round.id });
    const k = this.config.smallCellK;
    const closed = new Date() > round.closesAt;
    if (closed) await this.idempotency.forget([KEY_SCOPE + round.id]);
    if (closed && answered >= k) return { answered, withheld: null };
    const state = closed ? 'closed' : 'open';
    return {
      answered,
      withheld: {
        code: 'survey_results_not_ready',
        params: { state, answered, k },
        message: closed
          ? `Only ${answered} answered; results need at least ${k}`
          : `Results are shown once the round has closed with at least ${k} answers`,
      },
    };
  }

  /** Free text and its review follow the summary's rule: a 422 until the round's results are released. */
  private async assertReleased(round: SurveyRound): Promise<void> {
    const { withheld } = await this.release(round);
    if (withheld) throw Problem.rule(withheld.message, { code: withheld.code, params: withheld.params });
  }

  /**
   * Counts per question and value, computed by PostgreSQL in two scans (scalar answers, then the choices of
   * multi-choice answers), so the summary of a million answers costs about what the bare aggregate costs.
   */
  private async countAnswers(
    roundIds: string[],
    textQuestions: string[],
    withTexts: boolean,
  ): Promise<AnswerCounts> {
    const scalar: { key: string; value: string; n: number; s: number | null }[] = await this.dataSource.query(
      `SELECT kv.key, kv.value::text AS value, count(*)::int AS n,
              (sum((kv.value)::text::numeric) FILTER (WHERE jsonb_typeof(kv.value) = 'number'))::float8 AS s
         FROM survey_response r, jsonb_each(r.answers) kv
        WHERE r.round_id = ANY ($1::uuid[]) AND NOT (kv.key = ANY ($2::text[]))
        GROUP BY kv.key, kv.value`,
      [roundIds, textQuestions],
    );
    const multi: { key: string; value: string; n: number }[] = await this.dataSource.query(
      `SELECT kv.key, e.value::text AS value, count(*)::int AS n
         FROM survey_response r, jsonb_each(r.answers) kv, jsonb_array_elements(kv.value) e
        WHERE r.round_id = ANY ($1::uuid[]) AND jsonb_typeof(kv.value) = 'array'
        GROUP BY kv.key, e.value`,
      [roundIds],
    );
    const counts: AnswerCounts = {
      answered: new Map(),
      values: new Map(),
      sums: new Map(),
      texts: new Map(),
    };
    for (const r of scalar) {
      counts.answered.set(r.key, (counts.answered.get(r.key) ?? 0) + r.n);
      if (r.value.startsWith('[')) continue;
      const m = counts.values.get(r.key) ?? new Map<string, number>();
      m.set(r.value, r.n);
      counts.values.set(r.key, m);
      if (r.s !== null) counts.sums.set(r.key, (counts.sums.get(r.key) ?? 0) + r.s);
    }
    for (const r of multi) {
      const m = counts.values.get(r.key) ?? new Map<string, number>();
      m.set(r.value, r.n);
      counts.values.set(r.key, m);
    }
    if (textQuestions.length) {
      const texts: { key: string; value: string; n: number }[] = await this.dataSource.query(
        `SELECT kv.key, kv.value #>> '{}' AS value, count(*) OVER (PARTITION BY kv.key)::int AS n
           FROM survey_response r, jsonb_each(r.answers) kv
          WHERE r.round_id = ANY ($1::uuid[]) AND kv.key = ANY ($2::text[]) AND kv.value #>> '{}' <> ''
          LIMIT 1000`,
        [roundIds, textQuestions],
      );
      for (const t of texts) {
        counts.answered.set(t.key, t.n);
        if (withTexts) counts.texts.set(t.key, [...(counts.texts.get(t.key) ?? []), t.value]);
      }
    }
    return counts;
  }

  /**
   * Free-text answers and whether they are reviewed (staff), once the round's results are released, in a new
   * random order each time. `responseId` is the answer's random UUID (gen_random_uuid): it orders nothing.
   */
  async freeText(ctx: UserContext, id: string) {
    const round = await this.load(ctx, id, 'survey.manage');
    await this.assertReleased(round);
    const q = this.catalog.get(round.questionnaireId, round.questionnaireVersion)!;
    const names = freeTextQuestions(q.json);
    const rows = await this.responses.findBy({ roundId: id });
    const done = new Set(
      (rows.length ? await this.reviews.findBy({ responseId: In(rows.map((r) => r.id)) }) : []).map(
        (r) => `${r.responseId}:${r.question}`,
      ),
    );
    return shuffled(
      rows.flatMap((r) =>
        names
          .filter((n) => typeof r.answers[n] === 'string' && r.answers[n] !== '')
          .map((n) => ({
            responseId: r.id,
            question: n,
            text: r.answers[n] as string,
            reviewed: done.has(`${r.id}:${n}`),
          })),
      ),
    );
  }

  async review(ctx: UserContext, id: string, dto: ReviewDto) {
    await this.assertReleased(await this.load(ctx, id, 'survey.manage'));
    const response = await this.responses.findOneBy({ id: dto.responseId, roundId: id });
    const original = response?.answers[dto.question];
    if (typeof original !== 'string')
      throw Problem.field('question', 'no free-text answer to review there', { code: 'free_text_missing' });
    if (dto.status === 'redacted' && !dto.text?.trim())
      throw Problem.field('text', 'give the redacted text', { code: 'redacted_text_required' });
    await this.dataSource.transaction(async (m) => {
      await m.getRepository(FreeTextReview).upsert(
        {
          responseId: dto.responseId,
          question: dto.question,
          status: dto.status,
          text: dto.status === 'approved' ? original : dto.text!.trim(),
          reviewedBy: ctx.user.id,
        },
        ['responseId', 'question'],
      );
      await this.audit.record(ctx, { action: 'survey.review', entityType: 'survey_round', entityId: id }, m);
    });
  }

  /**
   * `trusted`: staff typing in paper answers, who are signed in and not guessing. The rate limit, the code (link
   * token or short code) and its round come in one round trip: this runs on every submission.
   */
  private async lookup(
    ip: string,
    token: string,
    forSubmit = false,
    trusted = false,
    onlyRound?: string,
  ): Promise<{ codeId: string; round: RoundRow }> {
    const typed = codeAsTyped(token);
    const hash = sha256(typed);
    const prefix = codePrefix(typed);
    // Staff typing paper slips are signed in and not guessing: their look-ups are neither slowed nor counted.
    const [row] = await this.sql.rows<LookupRow>(
      `WITH by_address AS (
              SELECT count(*)::int AS n, extract(epoch FROM now() - max(at))::float8 AS since
                FROM survey_code_attempt WHERE NOT $3 AND ip = $2 AND at > now() - make_interval(secs => $5)),
            by_prefix AS (
              SELECT count(*)::int AS n, extract(epoch FROM now() - max(at))::float8 AS since
                FROM survey_code_attempt WHERE NOT $3 AND prefix = $4 AND at > now() - make_interval(secs => $5))
       SELECT c.id AS code_id, c.used_on, r.id AS round_id, r.group_id, r.programme_id, r.questionnaire_id, r.questionnaire_version, r.opens_at, r.closes_at,
              a.n AS address_failures, a.since AS address_since, p.n AS prefix_failures, p.since AS prefix_since
         FROM by_address a CROSS JOIN by_prefix p
         LEFT JOIN (survey_code c JOIN survey_round r ON r.id = c.round_id) ON c.code_hash = $1 OR c.short_hash = $1`,
      [hash, ip, trusted, prefix, CODE_GUARD.windowSeconds],
    );
    const wait = secondsToWait(
      { count: row.address_failures, sinceLast: row.address_since },
      { count: row.prefix_failures, sinceLast: row.prefix_since },
    );
    if (wait > 0)
      throw new Problem(
        429,
        `Too many wrong codes. Wait ${wait} seconds and try again.`,
        undefined,
        { retryAfter: wait },
        { code: 'too_many_code_attempts', params: { seconds: wait } },
      );
    if (!row.code_id) {
      if (!trusted) await this.attempts.insert({ ip, prefix });
      throw new Problem(
        404,
        'This code is not known',
        undefined,
        { type: 'https://stegvis.se/problems/code-unknown' },
        { code: 'survey_code_unknown' },
      );
    }
    // Before the round's own state: a slip of another round says nothing about that round.
    if (onlyRound && row.round_id !== onlyRound)
      throw new Problem(
        404,
        'This code is not a code of this round',
        undefined,
        { type: 'https://stegvis.se/problems/code-unknown' },
        { code: 'survey_code_other_round' },
      );
    const round: RoundRow = {
      id: row.round_id,
      groupId: row.group_id,
      programmeId: row.programme_id,
      questionnaireId: row.questionnaire_id,
      questionnaireVersion: row.questionnaire_version,
      opensAt: row.opens_at,
      closesAt: row.closes_at,
    };
    const now = new Date();
    if (now < round.opensAt)
      throw new Problem(
        410,
        'The survey has not opened yet',
        undefined,
        { type: 'https://stegvis.se/problems/round-not-open', opensAt: round.opensAt.toISOString() },
        { code: 'round_not_open', params: { opensAt: round.opensAt.toISOString() } },
      );
    if (now > round.closesAt)
      throw new Problem(
        410,
        'The survey has closed',
        undefined,
        { type: 'https://stegvis.se/problems/round-closed' },
        { code: 'round_closed' },
      );
    if (row.used_on && !forSubmit)
      throw new Problem(
        409,
        'This code has already been used to answer',
        undefined,
        { type: 'https://stegvis.se/problems/code-used' },
        { code: 'survey_code_used' },
      );
    return { codeId: row.code_id, round };
  }

  private async load(
    ctx: UserContext,
    id: string,
    action: 'survey.manage' | 'survey.summary',
  ): Promise<SurveyRound> {
    const r = await this.rounds.findOneBy({ id });
    if (!r) await this.policy.deny(ctx, action, { type: 'survey_round', id });
    await this.policy.assertGroupAccess(ctx, action, r!.groupId);
    return r!;
  }

  private async describe(r: SurveyRound) {
    const answered = await this.codes.count({ where: { roundId: r.id, usedOn: MoreThan('1900-01-01') } });
    return {
      id: r.id,
      groupId: r.groupId,
      questionnaireId: r.questionnaireId,
      questionnaireVersion: r.questionnaireVersion,
      opensAt: r.opensAt.toISOString(),
      closesAt: r.closesAt.toISOString(),
      responseRate: ratio(answered, r.enrolledAtOpen),
    };
  }
}

/**
 * What a person typed, as the code it names. A slip prints its short code in two halves ("NHYR JD2G"), and people
 * type it with the space, a dash, or in lower case: an 8-character short code is compared without them. Anything
 * longer is a link token (base64url, where "-" belongs to the token) and is only trimmed.
 */
export function codeAsTyped(input: string): string {
  const squeezed = input.replace(/[\s\-\u2010-\u2015.]/g, '');
  return /^[A-Za-z0-9]{8}$/.test(squeezed) ? squeezed.toUpperCase() : input.trim();
}
