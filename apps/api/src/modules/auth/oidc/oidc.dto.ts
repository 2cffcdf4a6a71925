import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SignInOptionsResponse } from '@stegvis/contracts';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class SignInOptionsDto implements SignInOptionsResponse {
  @ApiProperty({
    description:
      "Sign-in through the municipality's identity provider is configured (GET /api/auth/oidc/start)",
  })
  oidc: boolean;
}

/** It takes no query; one sent anyway is refused (400) like any unknown field. */
export class SignInOptionsQueryDto {}

export class OidcStartQueryDto {
  @ApiPropertyOptional({
    example: '/deltagare',
    description:
      'The path in the admin to land on once signed in; anything but a path goes to the start page',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  returnTo?: string;
}
