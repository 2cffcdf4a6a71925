import type { IncomingMessage } from 'node:http';
import {
  applyDecorators,
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  mixin,
  type NestInterceptor,
  type Type,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import multer from 'multer';
import type { Observable } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Problem, fieldError } from '../problem/problem';

/**
 * An interceptor that reads one multipart field "file" into memory, stopping at `limit(config)` bytes so an
 * oversized upload is refused with 413 naming the field before it is read whole. Nest's own FileInterceptor answers
 * with a generic message that names no field.
 */
export function SingleFileUpload(limit: (config: AppConfig) => number): Type<NestInterceptor> {
  @Injectable()
  class SingleFileUploadInterceptor implements NestInterceptor {
    private readonly single: ReturnType<ReturnType<typeof multer>['single']>;
    private readonly maxBytes: number;

    constructor(@Inject(APP_CONFIG) config: AppConfig) {
      this.maxBytes = limit(config);
      this.single = multer({
        storage: multer.memoryStorage(),
        limits: { fileSize: this.maxBytes, files: 1, fields: 10, parts: 12 },
      }).single('file');
    }

    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      const http = context.switchToHttp();
      // Fastify leaves multipart bodies unread (setup-app.ts); multer reads the Node request and leaves the file there.
      const req = http.getRequest<FastifyRequest & { file?: UploadedFileData }>();
      const raw = req.raw as IncomingMessage & { file?: UploadedFileData };
      await new Promise<void>((resolve, reject) =>
        this.single(raw as never, http.getResponse<FastifyReply>().raw as never, (err: unknown) =>
          err ? reject(this.problem(err)) : resolve(),
        ),
      );
      req.file = raw.file;
      return next.handle();
    }

    private problem(err: unknown): Problem {
      if (err instanceof multer.MulterError) {
        if (err.code === 'LIMIT_FILE_SIZE') {
          return new Problem(
            413,
            `file: larger than the ${Math.max(1, Math.round(this.maxBytes / 1024 / 1024))} MB allowed`,
            [
              fieldError('file', 'Filen är för stor', {
                code: 'file_too_large',
                params: { maxBytes: this.maxBytes },
              }),
            ],
            undefined,
            { code: 'file_too_large', params: { maxBytes: this.maxBytes } },
          );
        }
        const field = err.field && err.field !== 'file' ? err.field : 'file';
        return Problem.field(field, `${err.message}; send one file in the multipart field "file"`, {
          code: 'upload_unreadable',
        });
      }
      return Problem.field('file', 'The upload could not be read as multipart/form-data', {
        code: 'upload_unreadable',
      });
    }
  }
  return mixin(SingleFileUploadInterceptor);
}

/**
 * A route taking one file in the multipart field "file", read as `SingleFileUpload` reads it, and described so in
 * the OpenAPI document. Take the file with `@UploadedFile()`.
 */
export function FileUpload(limit: (config: AppConfig) => number): MethodDecorator & ClassDecorator {
  return applyDecorators(
    UseInterceptors(SingleFileUpload(limit)),
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: {
        type: 'object',
        required: ['file'],
        properties: { file: { type: 'string', format: 'binary' } },
      },
    }),
  );
}

/** What multer leaves on the request for the field "file". */
export interface UploadedFileData {
  originalname: string;
  buffer: Buffer;
  size: number;
}
