import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import { IsIsoDate } from '../../../common/validation/is-iso-date';

export class ReportQuery {
  @ApiPropertyOptional({ example: '2019-09-03', description: 'Defaults to the programme start' })
  @IsOptional()
  @IsIsoDate()
  from?: string;
  @ApiPropertyOptional({ example: '2021-05-01', description: 'Defaults to today' })
  @IsOptional()
  @IsIsoDate()
  to?: string;
  @ApiPropertyOptional({
    example: '1,2,3',
    description: 'Groups the internship headline covers (default: all in the period)',
  })
  @IsOptional()
  @Matches(/^\d{1,3}(,\d{1,3})*$/, { message: 'internshipGroups must be group numbers separated by commas' })
  internshipGroups?: string;
}

export class YearQuery {
  @ApiProperty({ example: 2020 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year: number;
}
