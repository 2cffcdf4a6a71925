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
  @ApiProperty({ minLength: 12, description: 'At least 12 characters' })
  @IsString()
  @MinLength(12, { message: 'password must be at least 12 characters' })
  @MaxLength(1024)
  password: string;
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
}
