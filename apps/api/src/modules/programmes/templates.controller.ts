import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiCookieAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MethodTemplateResponse } from '@stegvis/contracts';
import { Ctx, type UserContext } from '../../common/context/request-context';
import { ApiProblems } from '../../common/openapi/api-problems';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { Allow } from '../auth/auth.decorators';
import {
  MethodTemplateDto,
  MethodTemplateResponseDto,
  UpdateMethodTemplateDto,
} from './dto/method-template.dto';
import { TemplatesService } from './templates.service';

@ApiTags('programmes')
@ApiCookieAuth()
@Controller('programmes/:programmeId/templates')
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  @Get()
  @Allow('template.read')
  @ApiOperation({ summary: "The programme's method templates, each in its current version" })
  @ApiOkResponse({ type: [MethodTemplateResponseDto] })
  @ApiProblems(400, 401, 403, 404)
  list(
    @Ctx() ctx: UserContext,
    @Param('programmeId', new UuidPipe('programmeId')) programmeId: string,
  ): Promise<MethodTemplateResponse[]> {
    return this.templates.findTemplates(ctx, programmeId);
  }

  @Post()
  @Allow('template.manage')
  @ApiOperation({ summary: 'Add a method template: phases with weeks, lecture themes and days' })
  @ApiCreatedResponse({ type: MethodTemplateResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  create(
    @Ctx() ctx: UserContext,
    @Param('programmeId', new UuidPipe('programmeId')) programmeId: string,
    @Body() body: MethodTemplateDto,
  ): Promise<MethodTemplateResponse> {
    return this.templates.createTemplate(ctx, programmeId, body);
  }

  @Get(':templateId')
  @Allow('template.read')
  @ApiOperation({ summary: 'One version of a method template, also one a newer version has replaced' })
  @ApiOkResponse({ type: MethodTemplateResponseDto })
  @ApiProblems(400, 401, 403, 404)
  get(
    @Ctx() ctx: UserContext,
    @Param('programmeId', new UuidPipe('programmeId')) programmeId: string,
    @Param('templateId', new UuidPipe('templateId')) templateId: string,
  ): Promise<MethodTemplateResponse> {
    return this.templates.getTemplate(ctx, programmeId, templateId);
  }

  @Put(':templateId')
  @Allow('template.manage')
  @ApiOperation({
    summary:
      'Change a method template: saved as a new version (new id); groups started from earlier versions keep theirs. Send the version you read (409 template_superseded if it has been replaced)',
  })
  @ApiOkResponse({ type: MethodTemplateResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  update(
    @Ctx() ctx: UserContext,
    @Param('programmeId', new UuidPipe('programmeId')) programmeId: string,
    @Param('templateId', new UuidPipe('templateId')) templateId: string,
    @Body() body: UpdateMethodTemplateDto,
  ): Promise<MethodTemplateResponse> {
    return this.templates.updateTemplate(ctx, programmeId, templateId, body);
  }
}
