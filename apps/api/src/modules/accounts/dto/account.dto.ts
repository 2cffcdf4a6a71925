import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsUUID, ValidateNested } from 'class-validator';

export class OneTimePasswordDto {
  @ApiProperty({
    description: 'The new one-time password, shown once: the user must change it at the next sign-in',
  })
  oneTimePassword: string;
}

export class StaffCandidateDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
}

/** A group the user is staff of, and who may take their place there. */
export class StaffedGroupDto {
  @ApiProperty() groupId: string;
  @ApiProperty() number: number;
  @ApiProperty() programmeId: string;
  @ApiProperty() programmeName: string;
  @ApiProperty() municipalityName: string;
  @ApiProperty({ example: '2026-08-24' }) startDate: string;
  @ApiProperty({ example: '2026-12-17' }) endDate: string;
  @ApiProperty({ type: [String], description: "The group's other staff, by name" }) otherStaff: string[];
  @ApiProperty({ description: 'The user is the only staff: a replacement must be named to deactivate them' })
  replacementRequired: boolean;
  @ApiProperty({
    type: [StaffCandidateDto],
    description: "The programme's staff members who may take the place (not the user)",
  })
  candidates: StaffCandidateDto[];
}

export class StaffReplacementDto {
  @ApiProperty() @IsUUID() groupId: string;
  @ApiProperty({ description: 'The staff member who takes the place in the group' })
  @IsUUID()
  staffMemberId: string;
}

export class DeactivateUserDto {
  @ApiProperty({
    type: [StaffReplacementDto],
    description:
      'A replacement for each group where the user is the only staff (422 naming the group without one); others may be given too',
  })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => StaffReplacementDto)
  replacements: StaffReplacementDto[];
}
