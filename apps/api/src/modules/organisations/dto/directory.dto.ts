import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ORGANISATION_KINDS,
  type MunicipalityRequest,
  type MunicipalityResponse,
  type OrganisationRequest,
  type OrganisationResponse,
  type OrganisationKind,
  type UpdateMunicipalityRequest,
  type UpdateOrganisationRequest,
} from '@stegvis/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class MunicipalityDto implements MunicipalityResponse {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'Ängelholm' }) name: string;
  @ApiProperty({ example: '1292' }) code: string;
}

export class OrganisationDto implements OrganisationResponse {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'Arbetsförmedlingen' }) name: string;
  @ApiProperty({ enum: ORGANISATION_KINDS }) kind: OrganisationKind;
  @ApiProperty({ description: 'Staff of this organisation may sign in with a local password' })
  localPasswordAllowed: boolean;
  @ApiProperty({ description: "The identity provider's MFA claim counts as two-factor login" })
  idpMfaAccepted: boolean;
}

export class CreateMunicipalityDto implements MunicipalityRequest {
  @ApiProperty({ example: 'Ängelholm', maxLength: 100 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({ example: '1292', description: "SCB's four-digit municipality code", pattern: '^[0-9]{4}$' })
  @Transform(trim)
  @IsString()
  @Matches(/^[0-9]{4}$/)
  code: string;
}

export class UpdateMunicipalityDto implements UpdateMunicipalityRequest {
  @ApiPropertyOptional({ example: 'Ängelholm', maxLength: 100 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ example: '1292', pattern: '^[0-9]{4}$' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Matches(/^[0-9]{4}$/)
  code?: string;
}

export class CreateOrganisationDto implements OrganisationRequest {
  @ApiProperty({ example: 'Arbetsförmedlingen', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: ORGANISATION_KINDS })
  @IsIn(ORGANISATION_KINDS)
  kind: OrganisationKind;

  @ApiPropertyOptional({ description: 'Staff may sign in with a local password; on when left out' })
  @IsOptional()
  @IsBoolean()
  localPasswordAllowed?: boolean;

  @ApiPropertyOptional({ description: "The identity provider's MFA counts as two-factor; off when left out" })
  @IsOptional()
  @IsBoolean()
  idpMfaAccepted?: boolean;
}

export class UpdateOrganisationDto implements UpdateOrganisationRequest {
  @ApiPropertyOptional({ example: 'Arbetsförmedlingen', maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: ORGANISATION_KINDS })
  @IsOptional()
  @IsIn(ORGANISATION_KINDS)
  kind?: OrganisationKind;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  localPasswordAllowed?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  idpMfaAccepted?: boolean;
}
