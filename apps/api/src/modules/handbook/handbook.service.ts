import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  HandbookEntryRequest,
  HandbookModule,
  HandbookWarning,
  HandbookEntryResponse,
  HandbookEntryUpdate,
  HandbookSearchHit,
  HandbookVersionResponse,
  SessionMaterialResponse,
} from '@stegvis/contracts';
import { type AuditAction, can, HANDBOOK_EDITOR_ROLES, type Role } from '@stegvis/contracts';
import { DataSource, type EntityManager, In } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import type { UserContext } from '../../common/context/request-context';
import { PolicyService } from '../../common/policy/policy.service';
import { Problem, fieldError } from '../../common/problem/problem';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { GroupsService } from '../groups/groups.service';
import { UsersService } from '../users/users.service';
import { HandbookEditor } from './entities/handbook-editor.entity';
import { HandbookEntryVersion } from './entities/handbook-entry-version.entity';
import { HandbookEntry } from './entities/handbook-entry.entity';
import { HandbookFile } from './entities/handbook-file.entity';
import { SessionMaterial } from './entities/session-material.entity';
import {
  fileNameSearchText,
  markdownText,
  personalDataWarnings,
  personalNumberErrors,
  renderMarkdown,
} from './handbook-content';
import { exportTitle, handbookDocx, handbookPdf } from './handbook-export';

export interface EntryFilter {
  module?: string;
  week?: number;
  theme?: string;
  templateId?: string;
}

const MODULE_ORDER = `array_position(ARRAY['mapping','lectures','internship','follow_up','other'], e.module)`;

/** A role that may edit the handbook once granted the editor right, which its role alone does not give. */
function editorByGrant(role: Role): boolean {
  return can(role, 'handbook.edit') && !HANDBOOK_EDITOR_ROLES.includes(role);
}

/**
 * 400 naming each field that holds a personal number, before anything is written: the handbook is shared by every
 * programme and its history keeps every version, so such a text must never be saved at all.
 */
function assertNoPersonalNumber(entry: Parameters<typeof personalNumberErrors>[0]): void {
  const errors = personalNumberErrors(entry);
  if (errors.length)
    throw Problem.badRequest(
      `${errors.map((e) => e.field).join(', ')}: the text looks like it contains a personal number; remove it`,
      errors,
      { code: 'personal_number_in_text', params: errors[0].params },
    );
}

/** Handbook entries, their versions, review and search. Files are HandbookFilesService's. */
@Injectable()
export class HandbookService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly policy: PolicyService,
    private readonly users: UsersService,
    private readonly groups: GroupsService,
  ) {}

  async list(filter: EntryFilter): Promise<HandbookEntryResponse[]> {
    const qb = this.dataSource.getRepository(HandbookEntry).createQueryBuilder('e');
    if (filter.module) qb.andWhere('e.module = :module', { module: filter.module });
    if (filter.week !== undefined) qb.andWhere('e.week = :week', { week: filter.week });
    if (filter.theme) qb.andWhere('lower(e.theme) = lower(:theme)', { theme: filter.theme });
    if (filter.templateId)
      qb.andWhere('(e.template_id IS NULL OR e.template_id = :tpl)', { tpl: filter.templateId });
    qb.orderBy(MODULE_ORDER)
      .addOrderBy('e.week', 'ASC', 'NULLS FIRST')
      .addOrderBy('e.theme')
      .addOrderBy('e.alternative')
      .addOrderBy('e.title');
    return this.toResponses(await qb.getMany());
  }

  async get(id: string): Promise<HandbookEntryResponse> {
    return (await this.toResponses([await this.find(id)]))[0];
  }

  async create(ctx: UserContext, body: HandbookEntryRequest): Promise<HandbookEntryResponse> {
    await this.assertEditor(ctx, null);
    assertNoPersonalNumber(body);
    const id = await this.dataSource.transaction(async (m) => {
      const entry = await m.save(HandbookEntry, {
        ...body,
        updatedBy: ctx.user.displayName,
        updatedAt: new Date(),
        searchText: '',
      });
      await this.afterWrite(m, ctx, entry, 'handbook.create');
      return entry.id;
    });
    return this.get(id);
  }

  async update(ctx: UserContext, id: string, body: HandbookEntryUpdate): Promise<HandbookEntryResponse> {
    await this.assertEditor(ctx, id);
    const { version, ...content } = body;
    assertNoPersonalNumber(content);
    await this.dataSource.transaction(async (m) => {
      const entry = await m.findOne(HandbookEntry, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!entry) throw Problem.notFound('handbook entry');
      if (entry.version !== version)
        throw Problem.stale(
          `The entry was changed by ${entry.updatedBy} (now version ${entry.version}); reload it and make your change again`,
        );
      Object.assign(entry, content, { updatedBy: ctx.user.displayName, updatedAt: new Date() });
      await this.afterWrite(m, ctx, await m.save(HandbookEntry, entry), 'handbook.update');
    });
    return this.get(id);
  }

  /** Brings back an earlier version's content exactly, as a new version (history is never rewritten). */
  async restore(ctx: UserContext, id: string, version: number): Promise<HandbookEntryResponse> {
    await this.assertEditor(ctx, id);
    await this.dataSource.transaction(async (m) => {
      const entry = await m.findOne(HandbookEntry, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!entry) throw Problem.notFound('handbook entry');
      const old = await m.findOne(HandbookEntryVersion, { where: { entryId: id, version } });
      if (!old) throw Problem.notFound('handbook entry version');
      // A version saved before numbers were refused may hold one: it is not brought back into the handbook.
      const found = personalNumberErrors(old);
      if (found.length)
        throw Problem.rule(
          'The version contains what looks like a personal number; it cannot be restored',
          { code: 'personal_number_in_text', params: found[0].params },
          found,
        );
      const { title, body, module, week, theme, templateId, alternative, whenToUse, links } = old;
      Object.assign(entry, {
        title,
        body,
        module,
        week,
        theme,
        templateId,
        alternative,
        whenToUse,
        links,
        updatedBy: ctx.user.displayName,
        updatedAt: new Date(),
      });
      await this.afterWrite(m, ctx, await m.save(HandbookEntry, entry), 'handbook.restore', {
        restoredVersion: version,
      });
    });
    return this.get(id);
  }

  async review(ctx: UserContext, id: string): Promise<HandbookEntryResponse> {
    await this.assertEditor(ctx, id);
    await this.find(id);
    // A review is not a content change: no new version, and the optimistic version stays as it is.
    await this.dataSource.transaction(async (m) => {
      await m.query(`UPDATE handbook_entry SET reviewed_at = now(), reviewed_by = $2 WHERE id = $1`, [
        id,
        ctx.user.displayName,
      ]);
      await this.audit.record(
        ctx,
        { action: 'handbook.review', entityType: 'handbook_entry', entityId: id },
        m,
      );
    });
    return this.get(id);
  }

  async versions(id: string): Promise<HandbookVersionResponse[]> {
    await this.find(id);
    const rows = await this.dataSource
      .getRepository(HandbookEntryVersion)
      .find({ where: { entryId: id }, order: { version: 'DESC' } });
    return rows.map((v) => ({
      version: v.version,
      title: v.title,
      body: v.body,
      alternative: v.alternative,
      whenToUse: v.whenToUse,
      links: v.links,
      changedAt: v.changedAt.toISOString(),
      changedBy: v.changedBy,
    }));
  }

  /** Entries not reviewed within the configured months (counted from creation when never reviewed). */
  async stale(): Promise<HandbookEntryResponse[]> {
    const rows = await this.dataSource
      .getRepository(HandbookEntry)
      .createQueryBuilder('e')
      .where(`coalesce(e.reviewed_at, e.created_at) < now() - make_interval(months => :months)`, {
        months: this.config.handbook.reviewMonths,
      })
      .orderBy('coalesce(e.reviewed_at, e.created_at)', 'ASC')
      .getMany();
    return this.toResponses(rows);
  }

  /** How a text will look once saved: the same rendering and the same personal-data check. */
  preview(body: string): { html: string; warnings: HandbookWarning[] } {
    return { html: renderMarkdown(body), warnings: personalDataWarnings({ body }) };
  }

  /** The handbook, or one module, as a file for printing or offline use. */
  async export(
    format: 'pdf' | 'docx',
    module: HandbookModule | undefined,
  ): Promise<{ file: Buffer; fileName: string }> {
    const title = exportTitle(module);
    const entries = await this.list({ module });
    return {
      file: format === 'pdf' ? await handbookPdf(title, entries) : await handbookDocx(title, entries),
      fileName: `${title}.${format}`,
    };
  }

  /**
   * Swedish full-text search over titles, text and attached file names. The Swedish stemmer alone does not bring
   * a word and its inflections together ("samtal" stays "samtal" but "samtalet" stays "samtalet"; "arbetsmarknad"
   * becomes "arbetsmarkn" but "arbetsmarknaden" "arbetsmarknad"), so every stemmed word of three letters or more
   * is searched as a prefix: "samtal" finds "samtalet" and "samtalsmetodik", as a Swedish reader expects of
   * compounds. The query keeps websearch syntax ("a phrase", or, -word); the GIN index still serves prefixes.
   */
  async search(q: string): Promise<HandbookSearchHit[]> {
    const rows: (HandbookSearchHit & { rank: number })[] = await this.dataSource.query(
      `WITH q AS (
         SELECT regexp_replace(websearch_to_tsquery('swedish', $1)::text, '''((?:[^'']|''''){3,})''', '''\\1'':*', 'g')::tsquery AS query
       )
       SELECT e.id, e.title, e.module, e.week, e.theme, e.alternative,
              ts_headline('swedish', e.search_text, q.query, 'StartSel=«, StopSel=», MaxWords=24, MinWords=8, MaxFragments=2') AS excerpt,
              ts_rank(to_tsvector('swedish', e.search_text), q.query) AS rank
         FROM handbook_entry e, q
        WHERE to_tsvector('swedish', e.search_text) @@ q.query
        ORDER BY rank DESC, e.title
        LIMIT 50`,
      [q],
    );
    return rows.map(({ rank: _rank, ...hit }) => hit);
  }

  /** The handbook material of a session's theme, and the alternative its presenter chose. */
  async sessionMaterial(ctx: UserContext, sessionId: string): Promise<SessionMaterialResponse> {
    const s = await this.session(ctx, sessionId, 'group.read');
    const entries = s.theme ? await this.list({ theme: s.theme, templateId: s.templateId ?? undefined }) : [];
    const chosen = await this.dataSource.getRepository(SessionMaterial).findOne({ where: { sessionId } });
    return { sessionId, theme: s.theme, entries, chosenEntryId: chosen?.entryId ?? null };
  }

  async chooseMaterial(
    ctx: UserContext,
    sessionId: string,
    entryId: string,
  ): Promise<SessionMaterialResponse> {
    const s = await this.session(ctx, sessionId, 'session.manage');
    const entry = await this.find(entryId);
    if (entry.theme.toLowerCase() !== s.theme.toLowerCase()) {
      throw Problem.rule(
        `entryId: the entry is for the theme "${entry.theme}", the session's theme is "${s.theme}"`,
        { code: 'theme_mismatch', params: { entryTheme: entry.theme, sessionTheme: s.theme } },
        [
          fieldError('entryId', 'Materialet hör till ett annat tema än passet', {
            code: 'theme_mismatch',
            params: { entryTheme: entry.theme, sessionTheme: s.theme },
          }),
        ],
      );
    }
    await this.dataSource.transaction(async (m) => {
      await m.save(SessionMaterial, { sessionId, entryId, chosenBy: ctx.user.id, chosenAt: new Date() });
      await this.audit.record(
        ctx,
        { action: 'handbook.choose', entityType: 'group_session', entityId: sessionId, details: { entryId } },
        m,
      );
    });
    return this.sessionMaterial(ctx, sessionId);
  }

  async isEditor(ctx: UserContext): Promise<boolean> {
    if (HANDBOOK_EDITOR_ROLES.includes(ctx.user.role)) return true;
    if (!editorByGrant(ctx.user.role)) return false;
    return this.dataSource.getRepository(HandbookEditor).exists({ where: { userId: ctx.user.id } });
  }

  /**
   * Who may be given the editor right (staff, by role alone not editors) and who has it, for the admin's
   * switch in the handbook page. Names and e-mail addresses of colleagues: not participants' personal data.
   */
  async editors(): Promise<{ userId: string; displayName: string; email: string; editor: boolean }[]> {
    const granted = new Set(
      (await this.dataSource.getRepository(HandbookEditor).find({ select: { userId: true } })).map(
        (e) => e.userId,
      ),
    );
    return (await this.users.findUsers())
      .filter((u) => u.active && editorByGrant(u.role))
      .map((u) => ({ userId: u.id, displayName: u.displayName, email: u.email, editor: granted.has(u.id) }));
  }

  async setEditor(ctx: UserContext, userId: string, editor: boolean): Promise<void> {
    const [user] = await this.users.usersByIds([userId]);
    if (!user) throw Problem.notFound('user');
    if (editor && !editorByGrant(user.role))
      throw Problem.rule(
        `userId: only programme staff can be handbook editors (this user is ${user.role})`,
        { code: 'editor_must_be_staff', params: { role: user.role } },
        [
          fieldError('userId', 'Endast programpersonal kan få redaktörsrätt', {
            code: 'editor_must_be_staff',
            params: { role: user.role },
          }),
        ],
      );
    await this.dataSource.transaction(async (m) => {
      if (editor) await m.upsert(HandbookEditor, { userId, grantedBy: ctx.user.id }, ['userId']);
      else await m.delete(HandbookEditor, { userId });
      await this.audit.record(
        ctx,
        {
          action: editor ? 'handbook.editor.grant' : 'handbook.editor.revoke',
          entityType: 'app_user',
          entityId: userId,
        },
        m,
      );
    });
  }

  /** 403 for staff without the editor right; the denial is audited like every other. */
  async assertEditor(ctx: UserContext, entryId: string | null): Promise<void> {
    if (await this.isEditor(ctx)) return;
    await this.audit.record(ctx, {
      action: 'handbook.edit',
      entityType: 'handbook_entry',
      entityId: entryId,
      outcome: 'denied',
    });
    throw new Problem(
      403,
      'Editing the handbook needs the editor right; ask an administrator',
      undefined,
      undefined,
      {
        code: 'handbook_editor_required',
      },
    );
  }

  /** Keeps the search text and writes the new version to the history, in the same transaction as the change. */
  async afterWrite(
    m: EntityManager,
    ctx: UserContext,
    entry: HandbookEntry,
    action: AuditAction,
    details?: Record<string, unknown>,
  ): Promise<void> {
    await this.refreshSearchText(m, entry.id);
    const {
      id: entryId,
      version,
      title,
      body,
      module,
      week,
      theme,
      templateId,
      alternative,
      whenToUse,
      links,
    } = entry;
    await m.insert(HandbookEntryVersion, {
      entryId,
      version,
      title,
      body,
      module,
      week,
      theme,
      templateId,
      alternative,
      whenToUse,
      links,
      changedAt: entry.updatedAt,
      changedBy: ctx.user.displayName,
    });
    await this.audit.record(
      ctx,
      { action, entityType: 'handbook_entry', entityId: entryId, details: { version, ...details } },
      m,
    );
  }

  async refreshSearchText(m: EntityManager, entryId: string): Promise<void> {
    const entry = await m.findOneByOrFail(HandbookEntry, { id: entryId });
    const files = await m.find(HandbookFile, { where: { entryId }, select: { fileName: true } });
    const text = [
      entry.title,
      entry.theme,
      entry.alternative,
      entry.whenToUse,
      markdownText(entry.body),
      fileNameSearchText(files.map((f) => f.fileName)),
    ]
      .filter(Boolean)
      .join('\n');
    // Not through save(): the search text is derived, it must not bump the entry's version.
    await m.query(`UPDATE handbook_entry SET search_text = $2 WHERE id = $1`, [entryId, text]);
  }

  async find(id: string): Promise<HandbookEntry> {
    const entry = await this.dataSource.getRepository(HandbookEntry).findOne({ where: { id } });
    if (!entry) throw Problem.notFound('handbook entry');
    return entry;
  }

  private async session(
    ctx: UserContext,
    sessionId: string,
    action: 'group.read' | 'session.manage',
  ): Promise<{ theme: string; templateId: string | null }> {
    const s = await this.groups.sessionTheme(sessionId);
    if (!s) return this.policy.deny(ctx, action, { type: 'session', id: sessionId });
    await this.policy.assertGroupAccess(ctx, action, s.groupId);
    return s;
  }

  async toResponses(entries: HandbookEntry[]): Promise<HandbookEntryResponse[]> {
    if (entries.length === 0) return [];
    const files = await this.dataSource
      .getRepository(HandbookFile)
      .find({ where: { entryId: In(entries.map((e) => e.id)) }, order: { uploadedAt: 'ASC' } });
    const staleBefore = new Date();
    staleBefore.setUTCMonth(staleBefore.getUTCMonth() - this.config.handbook.reviewMonths);
    return entries.map((e) => ({
      id: e.id,
      title: e.title,
      body: e.body,
      bodyHtml: renderMarkdown(e.body),
      module: e.module,
      week: e.week,
      theme: e.theme,
      templateId: e.templateId,
      alternative: e.alternative,
      whenToUse: e.whenToUse,
      links: e.links,
      version: e.version,
      files: files
        .filter((f) => f.entryId === e.id)
        .map((f) => ({
          id: f.id,
          fileName: f.fileName,
          contentType: f.contentType,
          size: f.size,
          uploadedAt: f.uploadedAt.toISOString(),
        })),
      updatedAt: e.updatedAt.toISOString(),
      updatedBy: e.updatedBy,
      reviewedAt: e.reviewedAt?.toISOString() ?? null,
      reviewedBy: e.reviewedBy,
      stale: (e.reviewedAt ?? e.createdAt) < staleBefore,
      warnings: personalDataWarnings({ title: e.title, body: e.body, whenToUse: e.whenToUse }),
    }));
  }
}
