import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '@stegvis/contracts';
import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PersonName } from '../../../common/validation/person-name';

export class CreateUserDto {
  @ApiProperty() @IsEmail({}, { message: 'email must be an e-mail address' }) @MaxLength(254) email: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) @PersonName() displayName: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role: Role;
  @ApiPropertyOptional({
    minLength: 12,
    description:
      'At least 12 characters. Leave out to get a one-time password in the answer, which the user must change at the first sign-in',
  })
  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'password must be at least 12 characters' })
  @MaxLength(1024)
  password?: string;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsUUID() organisationId?:
    string | null;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsUUID('all', { each: true })
  programmeIds?: string[];
  @ApiPropertyOptional({
    type: [String],
    description: 'Programmes the user leads (processledare): allocated too, and marked as lead',
  })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsUUID('all', { each: true })
  leadProgrammeIds?: string[];
}

/** A user's allocation to one programme and its lead mark. */
export class LeadMarkDto {
  @ApiProperty({ description: 'The lead mark (processledare): decides who is group staff' })
  @IsBoolean()
  lead: boolean;
}

export class UserDto {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ nullable: true, type: String }) organisationId: string | null;
  @ApiProperty({ type: [String] }) programmeIds: string[];
  @ApiProperty({ type: [String], description: 'Of programmeIds, those the user leads' })
  leadProgrammeIds: string[];
  @ApiProperty() active: boolean;
  @ApiProperty({ description: 'Two-factor login (TOTP) is switched on' }) totpEnabled: boolean;
  @ApiProperty({ description: "The user's role must sign in with two factors (TOTP_REQUIRED_ROLES)" })
  totpRequired: boolean;
  @ApiProperty({ description: 'The user signs in with a one-time password and must change it first' })
  mustChangePassword: boolean;
}

export class CreatedUserDto extends UserDto {
  @ApiPropertyOptional({
    description: 'The one-time password the api made when none was given: shown once, never stored in clear',
  })
  oneTimePassword?: string;
}

/** What the admin changes about a user; absent fields stay as they are. */
export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @PersonName()
  displayName?: string;
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: Role;
  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsUUID()
  organisationId?: string | null;
}
