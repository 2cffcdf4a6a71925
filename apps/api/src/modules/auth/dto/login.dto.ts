import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type CurrentUserResponse, type LoginRequest, type Role } from '@stegvis/contracts';
import { IsEmail, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'staff@nastasteg.example' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'correct horse battery staple' })
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password: string;

  @ApiPropertyOptional({
    description: 'Six-digit code from the authenticator app, when two factors are set up',
  })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  code?: string;

  @ApiPropertyOptional({
    example: 'abcd-efgh-jkmn-pqrs',
    description:
      'A one-time recovery code instead of the six-digit code, when the app is lost; each works once',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  recoveryCode?: string;
}

export class RecoveryCodesDto {
  @ApiProperty({
    type: [String],
    description: 'One-time recovery codes, shown once: each signs in once instead of a code from the app',
  })
  recoveryCodes: string[];
}

export class TotpCodeDto {
  @ApiProperty({ example: '123456' }) @IsString() @MaxLength(10) code: string;
}

export class TotpStatusDto {
  @ApiProperty({ description: 'Two-factor login is on for the signed-in user' }) enabled: boolean;
  @ApiProperty({
    description: "The user's role must sign in with two factors (TOTP_REQUIRED_ROLES): no switching off",
  })
  required: boolean;
}

/** Proof that the signed-in person owns the account, for changing or switching off the second factor. */
export class TotpChangeDto {
  @ApiProperty({ description: 'The current password' })
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password: string;

  @ApiPropertyOptional({
    example: '123456',
    description: 'A current code from the authenticator app; required while two-factor login is on',
  })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  code?: string;

  @ApiPropertyOptional({
    example: 'abcd-efgh-jkmn-pqrs',
    description:
      'Instead of the code, when replacing a lost app: one of the recovery codes (it is spent). Not for switching off',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  recoveryCode?: string;
}

export class TotpSetupDto {
  @ApiProperty({ description: 'The base32 secret, for typing into an authenticator app by hand' })
  secret: string;
  @ApiProperty({ description: 'The otpauth:// URI, for a QR code' }) uri: string;
}

export class CurrentUserDto implements CurrentUserResponse {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: [String] }) programmeIds: string[];
  @ApiProperty({
    type: [String],
    description: 'Programmes the user leads (the lead mark): they name group staff there',
  })
  leadProgrammeIds: string[];
  @ApiProperty({ description: 'Send as X-CSRF-Token on every unsafe request' }) csrfToken: string;
  @ApiProperty({
    description:
      'Signed in with a one-time password the admin was shown: only changing it is allowed until then',
  })
  mustChangePassword: boolean;
}

export class ChangePasswordDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(1024) currentPassword: string;
  @ApiProperty({ minLength: 12 }) @IsString() @MaxLength(1024) newPassword: string;
}
