import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { AudioFileType, QuestionnaireAudioTextResponse } from '@stegvis/contracts';
import {
  audioTexts,
  BEFORE_ROUND_AUDIO,
  isAudioKey,
  type LanguageCode,
  messageAudioKey,
  SITE_AUDIO_QUESTIONNAIRE,
} from '@stegvis/questionnaires';
import { DataSource, In, Repository } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import type { UserContext } from '../../common/context/request-context';
import type { UploadedFileData } from '../../common/http/single-file-upload';
import { Problem, fieldError } from '../../common/problem/problem';
import { FILE_STORAGE, type FileStorage } from '../files/storage/file-storage';
import { UsersService } from '../users/users.service';
import { AUDIO_MAX_BYTES, audioContentType } from './audio-content';
import { QuestionnaireAudio } from './entities/questionnaire-audio.entity';
import { type CatalogEntry, QuestionnaireCatalog } from './questionnaire-catalog';

/** For each language, the recorded texts: key → the recording's id (the survey site asks for it by id). */
export type RecordingsByLanguage = Record<string, Record<string, string>>;

/**
 * Recorded audio of a questionnaire's texts, per version and language: staff upload a reading of each text
 * (packages/questionnaires says which texts there are), and the survey site plays it where the phone has no voice
 * for the language. Recordings name no person and are public once uploaded, like the questionnaire itself.
 */
@Injectable()
export class QuestionnaireAudioService {
  constructor(
    @InjectRepository(QuestionnaireAudio) private readonly recordings: Repository<QuestionnaireAudio>,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly catalog: QuestionnaireCatalog,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  /** Every recordable text of the version in `language`, each with its recording or null. */
  async list(
    questionnaireId: string,
    version: number,
    language: string,
  ): Promise<QuestionnaireAudioTextResponse[]> {
    const q = this.questionnaire(questionnaireId, version);
    this.assertLanguage(q, language);
    const rows = await this.recordings.findBy({
      questionnaireId: q.id,
      questionnaireVersion: q.version,
      language,
    });
    const names = new Map(
      (await this.users.usersByIds([...new Set(rows.map((r) => r.uploadedBy))])).map((u) => [
        u.id,
        u.displayName,
      ]),
    );
    const byKey = new Map(rows.map((r) => [r.textKey, r]));
    return audioTexts(q.json, language as LanguageCode).map(({ key, text }) => {
      const row = byKey.get(key);
      return {
        key,
        text,
        recording: row
          ? {
              id: row.id,
              contentType: row.contentType as AudioFileType,
              size: row.size,
              uploadedBy: { id: row.uploadedBy, displayName: names.get(row.uploadedBy) ?? '' },
              uploadedAt: row.uploadedAt.toISOString(),
            }
          : null,
      };
    });
  }

  /** Stores a recording of one text, replacing the one before (whose bytes go once the new row is in). */
  async upload(
    ctx: UserContext,
    questionnaireId: string,
    version: number,
    language: string,
    key: string,
    file: UploadedFileData | undefined,
  ): Promise<QuestionnaireAudioTextResponse> {
    const q = this.questionnaire(questionnaireId, version);
    this.assertLanguage(q, language);
    this.assertKey(q, key);
    if (!file)
      throw Problem.field('file', 'Välj en ljudfil att ladda upp (multipart-fältet "file")', {
        code: 'file_required',
      });
    if (file.size > AUDIO_MAX_BYTES)
      throw new Problem(
        413,
        `file: the recording is ${file.size} bytes; the largest allowed is ${AUDIO_MAX_BYTES}`,
        [
          fieldError('file', 'Filen är för stor', {
            code: 'file_too_large',
            params: { maxBytes: AUDIO_MAX_BYTES },
          }),
        ],
        undefined,
        { code: 'file_too_large', params: { maxBytes: AUDIO_MAX_BYTES } },
      );
    const contentType = await audioContentType(file.buffer);
    if (!contentType)
      throw new Problem(
        415,
        'file: the content is not a recording the survey site plays (MP3, M4A, Ogg, WebM or WAV), whatever the file name says',
        [fieldError('file', 'Filtypen är inte tillåten', { code: 'file_type_not_allowed' })],
        undefined,
        { code: 'file_type_not_allowed' },
      );
    const storageKey = `survey-audio/${q.id}/${q.version}/${language}/${randomUUID()}`;
    await this.storage.put(storageKey, file.buffer, contentType);
    let replaced: string | null = null;
    try {
      await this.dataSource.transaction(async (m) => {
        const before = await m.findOne(QuestionnaireAudio, {
          where: { questionnaireId: q.id, questionnaireVersion: q.version, language, textKey: key },
          lock: { mode: 'pessimistic_write' },
        });
        if (before) {
          replaced = before.storageKey;
          await m.delete(QuestionnaireAudio, { id: before.id });
        }
        const row = await m.save(QuestionnaireAudio, {
          questionnaireId: q.id,
          questionnaireVersion: q.version,
          language,
          textKey: key,
          storageKey,
          contentType,
          size: file.size,
          sha256: createHash('sha256').update(file.buffer).digest('hex'),
          uploadedBy: ctx.user.id,
        });
        await this.audit.record(
          ctx,
          {
            action: 'survey.audio.upload',
            entityType: 'questionnaire',
            entityId: q.id,
            details: { version: q.version, language, key, recordingId: row.id, contentType, size: file.size },
          },
          m,
        );
      });
    } catch (err) {
      await this.storage.delete(storageKey);
      throw err;
    }
    if (replaced) await this.storage.delete(replaced);
    return (await this.list(q.id, q.version, language)).find((t) => t.key === key)!;
  }

  async remove(ctx: UserContext, questionnaireId: string, version: number, language: string, key: string) {
    const q = this.questionnaire(questionnaireId, version);
    this.assertLanguage(q, language);
    this.assertKey(q, key);
    const row = await this.recordings.findOneBy({
      questionnaireId: q.id,
      questionnaireVersion: q.version,
      language,
      textKey: key,
    });
    if (!row) throw Problem.notFound('recording');
    await this.dataSource.transaction(async (m) => {
      await m.delete(QuestionnaireAudio, { id: row.id });
      await this.audit.record(
        ctx,
        {
          action: 'survey.audio.delete',
          entityType: 'questionnaire',
          entityId: q.id,
          details: { version: q.version, language, key, recordingId: row.id },
        },
        m,
      );
    });
    await this.storage.delete(row.storageKey);
  }

  /** A recording's bytes, for the survey site and for staff listening to what they uploaded. */
  async stream(id: string): Promise<{ recording: QuestionnaireAudio; stream: Readable }> {
    const recording = await this.recordings.findOneBy({ id });
    const stream = recording ? await this.storage.get(recording.storageKey) : null;
    if (!recording || !stream) throw Problem.notFound('recording');
    return { recording, stream };
  }

  /** The recordings of a version in the languages a round offers, for the survey site (one query). */
  async recordingsFor(
    q: Pick<CatalogEntry, 'id' | 'version'>,
    languages: string[],
  ): Promise<RecordingsByLanguage> {
    return this.byLanguage(
      await this.recordings.find({
        select: { id: true, language: true, textKey: true },
        where: { questionnaireId: q.id, questionnaireVersion: q.version, language: In(languages) },
      }),
    );
  }

  /**
   * The recordings of the site's own screens before a round is known (the code screen, a code that does not exist,
   * is used or is closed), in every language: those of the latest version of the questionnaire the site serves.
   */
  async siteRecordings(): Promise<RecordingsByLanguage> {
    const q = this.catalog.get(SITE_AUDIO_QUESTIONNAIRE);
    if (!q) return {};
    return this.byLanguage(
      await this.recordings.find({
        select: { id: true, language: true, textKey: true },
        where: {
          questionnaireId: q.id,
          questionnaireVersion: q.version,
          textKey: In(BEFORE_ROUND_AUDIO.map(messageAudioKey)),
        },
      }),
    );
  }

  private byLanguage(rows: Pick<QuestionnaireAudio, 'id' | 'language' | 'textKey'>[]): RecordingsByLanguage {
    const out: RecordingsByLanguage = {};
    for (const r of rows) (out[r.language] ??= {})[r.textKey] = r.id;
    return out;
  }

  private questionnaire(id: string, version: number): CatalogEntry {
    const q = this.catalog.get(id, version);
    if (!q) throw Problem.notFound('questionnaire');
    return q;
  }

  private assertLanguage(q: CatalogEntry, language: string): void {
    if (!q.languages.includes(language))
      throw Problem.field('language', `language must be one of ${q.languages.join(', ')}`, {
        code: 'not_allowed',
        params: { allowed: q.languages },
      });
  }

  private assertKey(q: CatalogEntry, key: string): void {
    if (!isAudioKey(q.json, key))
      throw Problem.field(
        'key',
        'key must name a text of the questionnaire, such as intro or question:overall',
        { code: 'invalid_value' },
      );
  }
}
