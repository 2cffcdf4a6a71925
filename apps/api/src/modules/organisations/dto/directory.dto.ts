import { ApiProperty } from '@nestjs/swagger';
import {
  ORGANISATION_KINDS,
  type MunicipalityResponse,
  type OrganisationResponse,
  type OrganisationKind,
} from '@stegvis/contracts';

export class MunicipalityDto implements MunicipalityResponse {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'Ängelholm' }) name: string;
  @ApiProperty({ example: '1292' }) code: string;
}

export class OrganisationDto implements OrganisationResponse {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'Arbetsförmedlingen' }) name: string;
  @ApiProperty({ enum: ORGANISATION_KINDS }) kind: OrganisationKind;
}
