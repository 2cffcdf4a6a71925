import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiOperation, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import type { Response } from 'express';
import { Ctx, type UserContext } from '../../common/context/request-context';
import { ApiProblems } from '../../common/openapi/api-problems';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { Allow } from '../auth/auth.decorators';
import { TEMPLATE_CSV } from './import-format';
import { ImportsService } from './imports.service';

class ImportDto {
  @ApiProperty({ description: 'The CSV file’s text (docs/import.md)' }) @IsString() @MinLength(1) @MaxLength(900_000) content: string;
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
  template(@Res({ passthrough: true }) res: Response): string {
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="stegvis-import-mall.csv"');
    return TEMPLATE_CSV;
  }

  @Post('programmes/:id/imports')
  @Allow('import.run')
  @HttpCode(201)
  @ApiOperation({ summary: 'Import historical groups, participants, outcomes and internships; one bad row and nothing is written' })
  @ApiProblems(400, 401, 403, 404)
  run(@Ctx() ctx: UserContext, @Param('id', new UuidPipe('id')) programmeId: string, @Body() body: ImportDto) {
    return this.imports.importCsv(ctx, programmeId, body.content);
  }
}
