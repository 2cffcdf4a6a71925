import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiCookieAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MethodTemplateResponse } from '@stegvis/contracts';
import { Ctx, type UserContext } from '../../common/context/request-context';
import { ApiProblems } from '../../common/openapi/api-problems';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { Allow } from '../auth/auth.decorators';
import { MethodTemplateDto, MethodTemplateResponseDto } from './dto/method-template.dto';
import { TemplatesService } from './templates.service';

@ApiTags('programmes')
@ApiCookieAuth()
@Controller('programmes/:programmeId/templates')
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  @Get()
  @Allow('template.read')
  @ApiOperation({ summary: "The programme's method templates" })
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
}
