import { ApiProperty } from '@nestjs/swagger';
import type { FinsamAssociation, FinsamBySex, FinsamEffort } from '../national-followup.service';

export class FinsamBySexDto implements FinsamBySex {
  @ApiProperty() women: number;
  @ApiProperty() men: number;
  @ApiProperty() other: number;
  @ApiProperty() total: number;
}

export class FinsamEffortDto extends FinsamBySexDto implements FinsamEffort {
  @ApiProperty({ example: 'Nästa Steg' }) effort: string;
}

export class FinsamAssociationDto implements FinsamAssociation {
  @ApiProperty({ example: 2020 }) year: number;
  @ApiProperty({ type: [FinsamEffortDto], description: 'Each effort counts its own records' })
  efforts: FinsamEffortDto[];
  @ApiProperty({
    type: FinsamBySexDto,
    description:
      'Persons across all efforts, each once: records of one person in several programmes share the keyed hash of her personal number',
  })
  persons: FinsamBySexDto;
}
