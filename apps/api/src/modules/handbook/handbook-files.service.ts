import { randomUUID, createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HandbookFileResponse } from '@stegvis/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import type { UploadedFileData } from '../../common/http/single-file-upload';
import type { UserContext } from '../../common/context/request-context';
import { Problem, fieldError } from '../../common/problem/problem';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { HandbookFile } from './entities/handbook-file.entity';
import { allowedContentType } from './handbook-content';
import { HandbookService } from './handbook.service';
import { FILE_STORAGE, type FileStorage } from '../files/storage/file-storage';

/** Attachments: checked by content, stored through FileStorage, streamed back with their recognised type. */
@Injectable()
export class HandbookFilesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly handbook: HandbookService,
    private readonly audit: AuditService,
  ) {}

  limits(): { maxFileBytes: number; reviewMonths: number } {
    return {
      maxFileBytes: this.config.handbook.maxFileBytes,
      reviewMonths: this.config.handbook.reviewMonths,
    };
  }

  async upload(
    ctx: UserContext,
    entryId: string,
    file: UploadedFileData | undefined,
  ): Promise<HandbookFileResponse> {
    await this.handbook.assertEditor(ctx, entryId);
    await this.handbook.find(entryId);
    if (!file)
      throw Problem.field('file', 'Välj en fil att ladda upp (multipart-fältet "file")', {
        code: 'file_required',
      });
    const maxBytes = this.config.handbook.maxFileBytes;
    if (file.size > maxBytes) {
      throw new Problem(
        413,
        `file: the file is ${file.size} bytes; the largest allowed is ${this.config.handbook.maxFileBytes}`,
        [fieldError('file', 'Filen är för stor', { code: 'file_too_large', params: { maxBytes } })],
        undefined,
        { code: 'file_too_large', params: { maxBytes } },
      );
    }
    const contentType = await allowedContentType(file.buffer);
    if (!contentType) {
      throw new Problem(
        415,
        'file: the content is not an allowed type (PDF, presentation, document, spreadsheet, image or video), whatever the file name says',
        [fieldError('file', 'Filtypen är inte tillåten', { code: 'file_type_not_allowed' })],
        undefined,
        { code: 'file_type_not_allowed' },
      );
    }
    const fileName = cleanFileName(file.originalname);
    const storageKey = `handbook/${entryId}/${randomUUID()}`;
    await this.storage.put(storageKey, file.buffer, contentType);
    try {
      const saved = await this.dataSource.transaction(async (m) => {
        const row = await m.save(HandbookFile, {
          entryId,
          fileName,
          contentType,
          size: file.size,
          sha256: createHash('sha256').update(file.buffer).digest('hex'),
          storageKey,
          uploadedBy: ctx.user.displayName,
        });
        await this.handbook.refreshSearchText(m, entryId);
        await this.audit.record(
          ctx,
          {
            action: 'handbook.file.upload',
            entityType: 'handbook_entry',
            entityId: entryId,
            details: { fileId: row.id, contentType, size: file.size },
          },
          m,
        );
        return row;
      });
      return {
        id: saved.id,
        fileName,
        contentType,
        size: saved.size,
        uploadedAt: saved.uploadedAt.toISOString(),
      };
    } catch (err) {
      await this.storage.delete(storageKey);
      throw err;
    }
  }

  async download(fileId: string): Promise<{ file: HandbookFile; stream: Readable }> {
    const file = await this.dataSource.getRepository(HandbookFile).findOne({ where: { id: fileId } });
    const stream = file ? await this.storage.get(file.storageKey) : null;
    if (!file || !stream) throw Problem.notFound('handbook file');
    return { file, stream };
  }

  async remove(ctx: UserContext, fileId: string): Promise<void> {
    const file = await this.dataSource.getRepository(HandbookFile).findOne({ where: { id: fileId } });
    if (!file) throw Problem.notFound('handbook file');
    await this.handbook.assertEditor(ctx, file.entryId);
    await this.dataSource.transaction(async (m) => {
      await m.delete(HandbookFile, { id: fileId });
      await this.handbook.refreshSearchText(m, file.entryId);
      await this.audit.record(
        ctx,
        {
          action: 'handbook.file.delete',
          entityType: 'handbook_entry',
          entityId: file.entryId,
          details: { fileId },
        },
        m,
      );
    });
    await this.storage.delete(file.storageKey);
  }
}

/** The name as shown and offered for download: no folders, no control characters. */
function cleanFileName(name: string): string {
  // multer decodes the multipart name as latin1; browsers send UTF-8.
  const utf8 = Buffer.from(name, 'latin1').toString('utf8');
  const base = (utf8.includes('\uFFFD') ? name : utf8).split(/[\\/]/).pop() ?? '';
  return (
    base
      // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
      .replace(/[\u0000-\u001f\u007f]/g, '')
      .trim()
      .slice(0, 200) || 'fil'
  );
}
