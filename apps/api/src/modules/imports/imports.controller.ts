import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCookieAuth,
  ApiOperation,
  ApiProduces,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { Ctx, type UserContext } from '../../common/context/request-context';
import { contentDisposition } from '../../common/http/content-disposition';
import { SingleFileUpload, type UploadedFileData } from '../../common/http/single-file-upload';
import { ApiProblems } from '../../common/openapi/api-problems';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { Allow } from '../auth/auth.decorators';
import { TEMPLATE_CSV } from './import-format';
import { templateXlsx } from './import-xlsx';
import { ImportsService } from './imports.service';

class ImportDto {
  @ApiProperty({ description: 'The CSV file’s text (docs/import.md)' })
  @IsString()
  @MinLength(1)
  @MaxLength(900_000)
  content: string;
}

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

  @Post('programmes/:id/imports/xlsx')
  @Allow('import.run')
  @HttpCode(201)
  @UseInterceptors(SingleFileUpload(() => 20 * 1024 * 1024))
  @ApiOperation({
    summary:
      'Import from an Excel workbook (first sheet, the template’s columns); one bad row and nothing is written',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiProblems(400, 401, 403, 404, 413)
  runXlsx(
    @Ctx() ctx: UserContext,
    @Param('id', new UuidPipe('id')) programmeId: string,
    @UploadedFile() file: UploadedFileData | undefined,
  ) {
    return this.imports.importXlsx(ctx, programmeId, file?.buffer);
  }

  @Post('programmes/:id/imports')
  @Allow('import.run')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Import historical groups, participants, outcomes and internships; one bad row and nothing is written',
  })
  @ApiProblems(400, 401, 403, 404)
  run(
    @Ctx() ctx: UserContext,
    @Param('id', new UuidPipe('id')) programmeId: string,
    @Body() body: ImportDto,
  ) {
    return this.imports.importCsv(ctx, programmeId, body.content);
  }
}
