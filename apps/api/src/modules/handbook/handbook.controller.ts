import {
  Body,
  Controller,
  type PipeTransform,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  StreamableFile,
  UploadedFile,
} from '@nestjs/common';
import {
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type {
  HandbookEntryResponse,
  HandbookFileResponse,
  HandbookSearchHit,
  HandbookVersionResponse,
  SessionMaterialResponse,
} from '@stegvis/contracts';
import { Ctx, type UserContext } from '../../common/context/request-context';
import { contentDisposition } from '../../common/http/content-disposition';
import { FileUpload, type UploadedFileData } from '../../common/http/single-file-upload';
import { Problem } from '../../common/problem/problem';
import { ApiProblems } from '../../common/openapi/api-problems';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { Allow } from '../auth/auth.decorators';
import {
  ChooseMaterialDto,
  HandbookEditorDto,
  HandbookEditorRowDto,
  HandbookEntryDto,
  HandbookEntryResponseDto,
  HandbookExportQuery,
  HandbookFileResponseDto,
  HandbookMeResponseDto,
  HandbookPreviewDto,
  HandbookPreviewResponseDto,
  HandbookQuery,
  HandbookSearchHitDto,
  HandbookSearchQuery,
  HandbookVersionResponseDto,
  SessionMaterialResponseDto,
  UpdateHandbookEntryDto,
} from './dto/handbook.dto';
import { HandbookFilesService } from './handbook-files.service';
import { HandbookService } from './handbook.service';

const id = new UuidPipe('id');

class ParseVersionPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    if (!/^[1-9]\d{0,8}$/.test(value))
      throw Problem.field('version', 'version must be a whole number from 1', {
        code: 'too_small',
        params: { min: 1 },
      });
    return Number(value);
  }
}

@ApiTags('handbook')
@ApiCookieAuth()
@Controller()
export class HandbookController {
  constructor(
    private readonly handbook: HandbookService,
    private readonly files: HandbookFilesService,
  ) {}

  @Get('handbook/entries')
  @Allow('handbook.read')
  @ApiOperation({ summary: 'Browse the method handbook by module, week, theme and template' })
  @ApiOkResponse({ type: [HandbookEntryResponseDto] })
  @ApiProblems(400, 401, 403)
  list(@Query() q: HandbookQuery): Promise<HandbookEntryResponse[]> {
    return this.handbook.list(q);
  }

  @Get('handbook/search')
  @Allow('handbook.read')
  @ApiOperation({
    summary: 'Search titles, text and file names (Swedish full-text search: inflected words match)',
  })
  @ApiOkResponse({ type: [HandbookSearchHitDto] })
  @ApiProblems(400, 401, 403)
  search(@Query() q: HandbookSearchQuery): Promise<HandbookSearchHit[]> {
    return this.handbook.search(q.q);
  }

  @Get('handbook/stale')
  @Allow('handbook.read')
  @ApiOperation({ summary: 'Entries not reviewed within HANDBOOK_REVIEW_MONTHS' })
  @ApiOkResponse({ type: [HandbookEntryResponseDto] })
  @ApiProblems(401, 403)
  stale(): Promise<HandbookEntryResponse[]> {
    return this.handbook.stale();
  }

  @Get('handbook/me')
  @Allow('handbook.read')
  @ApiOperation({ summary: 'Whether the signed-in user may edit the handbook, and the file limits' })
  @ApiOkResponse({ type: HandbookMeResponseDto })
  @ApiProblems(401, 403)
  async me(@Ctx() ctx: UserContext): Promise<HandbookMeResponseDto> {
    return { editor: await this.handbook.isEditor(ctx), ...this.files.limits() };
  }

  @Post('handbook/preview')
  @Allow('handbook.read')
  @HttpCode(200)
  @ApiOperation({
    summary: 'How a Markdown text will look (the same safe rendering as saved entries), with warnings',
  })
  @ApiOkResponse({ type: HandbookPreviewResponseDto })
  @ApiProblems(400, 401, 403)
  preview(@Body() body: HandbookPreviewDto): HandbookPreviewResponseDto {
    return this.handbook.preview(body.body);
  }

  @Get('handbook/export.pdf')
  @Allow('handbook.read')
  @ApiOperation({ summary: 'The handbook, or one module, as PDF for printing' })
  @ApiProduces('application/pdf')
  @ApiProblems(400, 401, 403)
  async exportPdf(@Query() q: HandbookExportQuery): Promise<StreamableFile> {
    const { file, fileName } = await this.handbook.export('pdf', q.module);
    return new StreamableFile(file, { type: 'application/pdf', disposition: contentDisposition(fileName) });
  }

  @Get('handbook/export.docx')
  @Allow('handbook.read')
  @ApiOperation({ summary: 'The handbook, or one module, as a Word document for offline use' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
  @ApiProblems(400, 401, 403)
  async exportDocx(@Query() q: HandbookExportQuery): Promise<StreamableFile> {
    const { file, fileName } = await this.handbook.export('docx', q.module);
    return new StreamableFile(file, {
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      disposition: contentDisposition(fileName),
    });
  }

  @Post('handbook/entries')
  @Allow('handbook.edit')
  @ApiOperation({
    summary: 'Add an entry (needs the editor right); warnings flag text that looks like personal data',
  })
  @ApiCreatedResponse({ type: HandbookEntryResponseDto })
  @ApiProblems(400, 401, 403)
  create(@Ctx() ctx: UserContext, @Body() body: HandbookEntryDto): Promise<HandbookEntryResponse> {
    return this.handbook.create(ctx, body);
  }

  @Get('handbook/entries/:id')
  @Allow('handbook.read')
  @ApiOperation({ summary: 'One entry with its files' })
  @ApiOkResponse({ type: HandbookEntryResponseDto })
  @ApiProblems(400, 401, 403, 404)
  get(@Param('id', id) entryId: string): Promise<HandbookEntryResponse> {
    return this.handbook.get(entryId);
  }

  @Put('handbook/entries/:id')
  @Allow('handbook.edit')
  @ApiOperation({ summary: 'Change an entry; send the version you read. The previous version is kept.' })
  @ApiOkResponse({ type: HandbookEntryResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  update(
    @Ctx() ctx: UserContext,
    @Param('id', id) entryId: string,
    @Body() body: UpdateHandbookEntryDto,
  ): Promise<HandbookEntryResponse> {
    return this.handbook.update(ctx, entryId, body);
  }

  @Get('handbook/entries/:id/versions')
  @Allow('handbook.read')
  @ApiOperation({ summary: 'Every version of an entry, newest first, with who and when' })
  @ApiOkResponse({ type: [HandbookVersionResponseDto] })
  @ApiProblems(400, 401, 403, 404)
  versions(@Param('id', id) entryId: string): Promise<HandbookVersionResponse[]> {
    return this.handbook.versions(entryId);
  }

  @Post('handbook/entries/:id/versions/:version/restore')
  @Allow('handbook.edit')
  @ApiOperation({ summary: "Restore an earlier version's content exactly, as a new version" })
  @ApiOkResponse({ type: HandbookEntryResponseDto })
  @ApiProblems(400, 401, 403, 404)
  @HttpCode(200)
  restore(
    @Ctx() ctx: UserContext,
    @Param('id', id) entryId: string,
    @Param('version', ParseVersionPipe) version: number,
  ): Promise<HandbookEntryResponse> {
    return this.handbook.restore(ctx, entryId, version);
  }

  @Post('handbook/entries/:id/review')
  @Allow('handbook.edit')
  @ApiOperation({ summary: 'Mark the entry as reviewed today' })
  @ApiOkResponse({ type: HandbookEntryResponseDto })
  @ApiProblems(400, 401, 403, 404)
  @HttpCode(200)
  review(@Ctx() ctx: UserContext, @Param('id', id) entryId: string): Promise<HandbookEntryResponse> {
    return this.handbook.review(ctx, entryId);
  }

  @Post('handbook/entries/:id/files')
  @Allow('handbook.edit')
  @FileUpload((c) => c.handbook.maxFileBytes)
  @ApiOperation({
    summary: 'Attach a file (slides, PDF, image, short video); its type is recognised from the content',
  })
  @ApiCreatedResponse({ type: HandbookFileResponseDto })
  @ApiProblems(400, 401, 403, 404, 413, 415)
  upload(
    @Ctx() ctx: UserContext,
    @Param('id', id) entryId: string,
    @UploadedFile() file: UploadedFileData | undefined,
  ): Promise<HandbookFileResponse> {
    return this.files.upload(ctx, entryId, file);
  }

  @Get('handbook/files/:id')
  @Allow('handbook.read')
  @ApiOperation({ summary: 'Download an attached file (streamed)' })
  @ApiProduces('application/octet-stream')
  @ApiProblems(400, 401, 403, 404)
  async download(@Param('id', id) fileId: string): Promise<StreamableFile> {
    const { file, stream } = await this.files.download(fileId);
    return new StreamableFile(stream, {
      type: file.contentType,
      length: file.size,
      disposition: contentDisposition(file.fileName),
    });
  }

  @Delete('handbook/files/:id')
  @Allow('handbook.edit')
  @ApiOperation({ summary: 'Remove an attached file' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404)
  @HttpCode(204)
  removeFile(@Ctx() ctx: UserContext, @Param('id', id) fileId: string): Promise<void> {
    return this.files.remove(ctx, fileId);
  }

  @Get('sessions/:id/handbook')
  @Allow('handbook.read')
  @ApiOperation({ summary: "The handbook material of a session's theme, and the alternative chosen for it" })
  @ApiOkResponse({ type: SessionMaterialResponseDto })
  @ApiProblems(400, 401, 403, 404)
  material(@Ctx() ctx: UserContext, @Param('id', id) sessionId: string): Promise<SessionMaterialResponse> {
    return this.handbook.sessionMaterial(ctx, sessionId);
  }

  @Put('sessions/:id/handbook')
  @Allow('session.manage')
  @ApiOperation({ summary: 'Choose the alternative used in a session; a substitute sees it at once' })
  @ApiOkResponse({ type: SessionMaterialResponseDto })
  @ApiProblems(400, 401, 403, 404, 422)
  choose(
    @Ctx() ctx: UserContext,
    @Param('id', id) sessionId: string,
    @Body() body: ChooseMaterialDto,
  ): Promise<SessionMaterialResponse> {
    return this.handbook.chooseMaterial(ctx, sessionId, body.entryId);
  }

  @Get('handbook/editors')
  @Allow('user.manage')
  @ApiOperation({ summary: 'Staff members who can be given the handbook editor right, and who has it' })
  @ApiOkResponse({ type: [HandbookEditorRowDto] })
  @ApiProblems(401, 403)
  editors(): Promise<HandbookEditorRowDto[]> {
    return this.handbook.editors();
  }

  @Put('handbook/editors/:id')
  @Allow('user.manage')
  @ApiOperation({ summary: 'Give or take the handbook editor right (staff members)' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404, 422)
  @HttpCode(204)
  setEditor(
    @Ctx() ctx: UserContext,
    @Param('id', id) userId: string,
    @Body() body: HandbookEditorDto,
  ): Promise<void> {
    return this.handbook.setEditor(ctx, userId, body.editor);
  }
}
