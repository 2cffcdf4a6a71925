import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
} from '@nestjs/common';
import {
  ApiCookieAuth,
  ApiOperation,
  ApiProduces,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Ctx, type UserContext } from '../../common/context/request-context';
import { contentDisposition } from '../../common/http/content-disposition';
import { FileUpload, type UploadedFileData } from '../../common/http/single-file-upload';
import { ApiProblems } from '../../common/openapi/api-problems';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { Allow } from '../auth/auth.decorators';
import { ImportConfirmQuery, ImportCountsDto, ImportDryRunResponseDto, ImportDto } from './dto/import.dto';
import { TEMPLATE_CSV } from './import-format';
import { templateXlsx } from './import-xlsx';
import { ImportsService } from './imports.service';

@ApiTags('imports')
@ApiCookieAuth()
@Controller()
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Get('imports/template.csv')
  @Allow('import.run')
  @ApiOperation({ summary: 'The import template: the columns and two example rows' })
  @ApiProduces('text/csv')
  @ApiProblems(401, 403)
  template(@Res({ passthrough: true }) res: FastifyReply): string {
    res.header('Content-Type', 'text/csv; charset=utf-8');
    res.header('Content-Disposition', 'attachment; filename="stegvis-import-mall.csv"');
    return TEMPLATE_CSV;
  }

  @Get('imports/template.xlsx')
  @Allow('import.run')
  @ApiOperation({
    summary:
      'The import template as an Excel workbook: the same columns and example rows, drop-down lists of the codes and a sheet that explains them',
  })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiProblems(401, 403)
  async templateXlsx(): Promise<StreamableFile> {
    return new StreamableFile(await templateXlsx(), {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      disposition: contentDisposition('stegvis-import-mall.xlsx'),
    });
  }

  @Post('programmes/:id/imports/xlsx/dry-run')
  @Allow('import.run')
  @HttpCode(200)
  @FileUpload(() => 20 * 1024 * 1024)
  @ApiOperation({
    summary:
      'Check an Excel workbook as the import would, and store nothing: every row’s fate and every error (docs/import.md)',
  })
  @ApiOkResponse({ type: ImportDryRunResponseDto })
  @ApiProblems(400, 401, 403, 404, 413)
  dryRunXlsx(
    @Ctx() ctx: UserContext,
    @Param('id', new UuidPipe('id')) programmeId: string,
    @UploadedFile() file: UploadedFileData | undefined,
  ): Promise<ImportDryRunResponseDto> {
    return this.imports.dryRunXlsx(ctx, programmeId, file?.buffer);
  }

  @Post('programmes/:id/imports/dry-run')
  @Allow('import.run')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Check a CSV file as the import would, and store nothing: every row’s fate and every error (docs/import.md)',
  })
  @ApiOkResponse({ type: ImportDryRunResponseDto })
  @ApiProblems(400, 401, 403, 404)
  dryRun(
    @Ctx() ctx: UserContext,
    @Param('id', new UuidPipe('id')) programmeId: string,
    @Body() body: ImportDto,
  ): Promise<ImportDryRunResponseDto> {
    return this.imports.dryRunCsv(ctx, programmeId, body.content);
  }

  @Post('programmes/:id/imports/xlsx')
  @Allow('import.run')
  @HttpCode(201)
  @FileUpload(() => 20 * 1024 * 1024)
  @ApiOperation({
    summary:
      'Import from an Excel workbook (first sheet, the template’s columns); one bad row and nothing is written',
  })
  @ApiCreatedResponse({ type: ImportCountsDto })
  @ApiProblems(400, 401, 403, 404, 409, 413)
  runXlsx(
    @Ctx() ctx: UserContext,
    @Param('id', new UuidPipe('id')) programmeId: string,
    @UploadedFile() file: UploadedFileData | undefined,
    @Query() query: ImportConfirmQuery,
  ): Promise<ImportCountsDto> {
    return this.imports.importXlsx(ctx, programmeId, file?.buffer, query.checkedHash);
  }

  @Post('programmes/:id/imports')
  @Allow('import.run')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Import historical groups, participants, outcomes and internships; one bad row and nothing is written',
  })
  @ApiCreatedResponse({ type: ImportCountsDto })
  @ApiProblems(400, 401, 403, 404, 409)
  run(
    @Ctx() ctx: UserContext,
    @Param('id', new UuidPipe('id')) programmeId: string,
    @Body() body: ImportDto,
    @Query() query: ImportConfirmQuery,
  ): Promise<ImportCountsDto> {
    return this.imports.importCsv(ctx, programmeId, body.content, query.checkedHash);
  }
}
