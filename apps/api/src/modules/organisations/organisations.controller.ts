import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiCookieAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MunicipalityResponse, OrganisationResponse } from '@stegvis/contracts';
import { Ctx, type UserContext } from '../../common/context/request-context';
import { ApiProblems } from '../../common/openapi/api-problems';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { Allow } from '../auth/auth.decorators';
import {
  CreateMunicipalityDto,
  CreateOrganisationDto,
  MunicipalityDto,
  OrganisationDto,
  UpdateMunicipalityDto,
  UpdateOrganisationDto,
} from './dto/directory.dto';
import { OrganisationsService } from './organisations.service';

const id = new UuidPipe('id');

@ApiTags('directory')
@ApiCookieAuth()
@Controller()
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get('municipalities')
  @Allow('directory.read')
  @ApiOperation({ summary: 'Municipalities of the association' })
  @ApiOkResponse({ type: [MunicipalityDto] })
  @ApiProblems(401, 403)
  listMunicipalities(): Promise<MunicipalityResponse[]> {
    return this.organisations.findMunicipalities();
  }

  @Post('municipalities')
  @Allow('directory.manage')
  @ApiOperation({ summary: 'Add a municipality to the association (name and SCB code unique)' })
  @ApiCreatedResponse({ type: MunicipalityDto })
  @ApiProblems(400, 401, 403, 409)
  createMunicipality(
    @Ctx() ctx: UserContext,
    @Body() body: CreateMunicipalityDto,
  ): Promise<MunicipalityResponse> {
    return this.organisations.createMunicipality(ctx, body);
  }

  @Patch('municipalities/:id')
  @Allow('directory.manage')
  @ApiOperation({ summary: "Change a municipality's name or SCB code" })
  @ApiOkResponse({ type: MunicipalityDto })
  @ApiProblems(400, 401, 403, 404, 409)
  updateMunicipality(
    @Ctx() ctx: UserContext,
    @Param('id', id) municipalityId: string,
    @Body() body: UpdateMunicipalityDto,
  ): Promise<MunicipalityResponse> {
    return this.organisations.updateMunicipality(ctx, municipalityId, body);
  }

  @Get('organisations')
  @Allow('directory.read')
  @ApiOperation({ summary: 'Partner organisations (Arbetsförmedlingen, income support, SFI, …)' })
  @ApiOkResponse({ type: [OrganisationDto] })
  @ApiProblems(401, 403)
  listOrganisations(): Promise<OrganisationResponse[]> {
    return this.organisations.findOrganisations();
  }

  @Post('organisations')
  @Allow('directory.manage')
  @ApiOperation({ summary: 'Add a partner organisation, with how its staff may sign in' })
  @ApiCreatedResponse({ type: OrganisationDto })
  @ApiProblems(400, 401, 403, 409)
  createOrganisation(
    @Ctx() ctx: UserContext,
    @Body() body: CreateOrganisationDto,
  ): Promise<OrganisationResponse> {
    return this.organisations.createOrganisation(ctx, body);
  }

  @Patch('organisations/:id')
  @Allow('directory.manage')
  @ApiOperation({ summary: "Change an organisation's name, kind or sign-in settings" })
  @ApiOkResponse({ type: OrganisationDto })
  @ApiProblems(400, 401, 403, 404, 409)
  updateOrganisation(
    @Ctx() ctx: UserContext,
    @Param('id', id) organisationId: string,
    @Body() body: UpdateOrganisationDto,
  ): Promise<OrganisationResponse> {
    return this.organisations.updateOrganisation(ctx, organisationId, body);
  }
}
