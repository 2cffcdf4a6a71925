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

/** Our own second factor after the provider's sign-in: the app's code, or one of the recovery codes. */
export class OidcCodeDto {
  @ApiPropertyOptional({ example: '123456', description: 'Six-digit code from the authenticator app' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  code?: string;

  @ApiPropertyOptional({ description: "A one-time recovery code instead of the app's code" })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  recoveryCode?: string;
}
