import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { SurveyLanguage, TranslationStatusResponse } from '@stegvis/contracts';
import { REVIEW_STATUS } from '@stegvis/questionnaires';
import { DataSource, Repository } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import type { UserContext } from '../../common/context/request-context';
import { Problem } from '../../common/problem/problem';
import { UsersService } from '../users/users.service';
import { TranslationReview } from './entities/translation-review.entity';
import { type CatalogEntry, QuestionnaireCatalog } from './questionnaire-catalog';

type Baseline = (typeof REVIEW_STATUS)[keyof typeof REVIEW_STATUS];
const baseline = (language: string): Baseline | undefined =>
  (REVIEW_STATUS as Record<string, Baseline | undefined>)[language];

/**
 * Whether each language of a questionnaire version is fit to put before participants. The questionnaire package's
 * `REVIEW_STATUS` is the baseline (original and reviewed texts need nothing more); a row here marks a machine draft
 * of one version checked by a native speaker, named by the staff member who says so.
 */
@Injectable()
export class TranslationReviewsService {
  constructor(
    @InjectRepository(TranslationReview) private readonly reviews: Repository<TranslationReview>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalog: QuestionnaireCatalog,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  async findStatuses(questionnaireId: string, version: number): Promise<TranslationStatusResponse[]> {
    const q = this.questionnaire(questionnaireId, version);
    const rows = await this.reviews.findBy({ questionnaireId: q.id, questionnaireVersion: q.version });
    const names = new Map(
      (await this.users.usersByIds([...new Set(rows.map((r) => r.reviewedBy))])).map((u) => [
        u.id,
        u.displayName,
      ]),
    );
    const byLanguage = new Map(rows.map((r) => [r.language, r]));
    return q.languages.map((language) => {
      const row = byLanguage.get(language);
      return {
        language: language as SurveyLanguage,
        status: row ? 'reviewed' : (baseline(language) ?? 'machine-draft'),
        reviewedBy: row ? { id: row.reviewedBy, displayName: names.get(row.reviewedBy) ?? '' } : null,
        reviewedAt: row ? row.reviewedAt.toISOString() : null,
      };
    });
  }

  /**
   * Marks a machine draft reviewed, once: a second call (or one for an original or already reviewed language)
   * changes nothing, keeps the first reviewer and writes no audit row.
   */
  async markReviewed(
    ctx: UserContext,
    questionnaireId: string,
    version: number,
    language: string,
  ): Promise<TranslationStatusResponse> {
    const q = this.questionnaire(questionnaireId, version);
    if (!q.languages.includes(language)) throw Problem.notFound('language');
    if (baseline(language) === 'machine-draft')
      await this.dataSource.transaction(async (m) => {
        const inserted: unknown[] = await m.query(
          `INSERT INTO translation_review (questionnaire_id, questionnaire_version, language, reviewed_by)
           VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING language`,
          [q.id, q.version, language, ctx.user.id],
        );
        if (inserted.length === 0) return;
        await this.audit.record(
          ctx,
          {
            action: 'survey.translation_review',
            entityType: 'questionnaire',
            entityId: q.id,
            details: { version: q.version, language },
          },
          m,
        );
      });
    return (await this.findStatuses(q.id, q.version)).find((s) => s.language === language)!;
  }

  /**
   * The languages the survey site offers for a round: all of them where the programme allows unreviewed
   * translations, else only original and reviewed ones.
   */
  async offeredLanguages(q: CatalogEntry, allowUnreviewed: boolean): Promise<string[]> {
    const drafts = q.languages.filter((l) => baseline(l) === 'machine-draft');
    if (allowUnreviewed || drafts.length === 0) return q.languages;
    const reviewed = new Set(
      (await this.reviews.findBy({ questionnaireId: q.id, questionnaireVersion: q.version })).map(
        (r) => r.language,
      ),
    );
    return q.languages.filter((l) => baseline(l) !== 'machine-draft' || reviewed.has(l));
  }

  /** Whether a language needs a review before a programme that refuses unreviewed translations may offer it. */
  isMachineDraft(language: string): boolean {
    return baseline(language) === 'machine-draft';
  }

  private questionnaire(id: string, version: number): CatalogEntry {
    const q = this.catalog.get(id, version);
    if (!q) throw Problem.notFound('questionnaire');
    return q;
  }
}
