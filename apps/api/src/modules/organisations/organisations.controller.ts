import { Controller, Get } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MunicipalityResponse, OrganisationResponse } from '@stegvis/contracts';
import { ApiProblems } from '../../common/openapi/api-problems';
import { Allow } from '../auth/auth.decorators';
import { MunicipalityDto, OrganisationDto } from './dto/directory.dto';
import { OrganisationsService } from './organisations.service';

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

  @Get('organisations')
  @Allow('directory.read')
  @ApiOperation({ summary: 'Partner organisations (Arbetsförmedlingen, income support, SFI, …)' })
  @ApiOkResponse({ type: [OrganisationDto] })
  @ApiProblems(401, 403)
  listOrganisations(): Promise<OrganisationResponse[]> {
    return this.organisations.findOrganisations();
  }
}
