import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { ApiCookieAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page, ProgrammeResponse } from '@stegvis/contracts';
import { Ctx, type UserContext } from '../../common/context/request-context';
import { ApiProblems } from '../../common/openapi/api-problems';
import { PageQuery } from '../../common/pagination/keyset';
import { Allow } from '../auth/auth.decorators';
import { CreateProgrammeDto, ProgrammeDto, ProgrammePageDto, UpdateProgrammeDto } from './dto/programme.dto';
import { ProgrammesService } from './programmes.service';

const uuid = new UuidPipe('id');

@ApiTags('programmes')
@ApiCookieAuth()
@Controller('programmes')
export class ProgrammesController {
  constructor(private readonly programmes: ProgrammesService) {}

  @Get()
  @Allow('programme.read')
  @ApiOperation({ summary: 'Programmes you work in (all, for an admin), by name' })
  @ApiOkResponse({ type: ProgrammePageDto })
  @ApiProblems(400, 401, 403)
  list(@Ctx() ctx: UserContext, @Query() query: PageQuery): Promise<Page<ProgrammeResponse>> {
    return this.programmes.findProgrammes(ctx, query);
  }

  @Get(':id')
  @Allow('programme.read')
  @ApiOperation({ summary: 'One programme' })
  @ApiOkResponse({ type: ProgrammeDto })
  @ApiProblems(400, 401, 403, 404)
  get(@Ctx() ctx: UserContext, @Param('id', uuid) id: string): Promise<ProgrammeResponse> {
    return this.programmes.getProgramme(ctx, id);
  }

  @Post()
  @Allow('programme.create')
  @ApiOperation({ summary: 'Create a programme; its creator is allocated to it' })
  @ApiCreatedResponse({ type: ProgrammeDto })
  @ApiProblems(400, 401, 403, 409)
  create(@Ctx() ctx: UserContext, @Body() body: CreateProgrammeDto): Promise<ProgrammeResponse> {
    return this.programmes.createProgramme(ctx, body);
  }

  @Patch(':id')
  @Allow('programme.update')
  @ApiOperation({ summary: 'Change a programme; send the version you read' })
  @ApiOkResponse({ type: ProgrammeDto })
  @ApiProblems(400, 401, 403, 404, 409)
  update(
    @Ctx() ctx: UserContext,
    @Param('id', uuid) id: string,
    @Body() body: UpdateProgrammeDto,
  ): Promise<ProgrammeResponse> {
    return this.programmes.updateProgramme(ctx, id, body);
  }
}
