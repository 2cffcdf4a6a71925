import { ApiProperty } from '@nestjs/swagger';
import type { SteeringOverview } from '../steering.service';
import { FixedPeriodDto, ReportTableDto } from './report.dto';

export class SteeringGoalsDto {
  @ApiProperty({ type: ReportTableDto, nullable: true, description: "This tertial's goals table" })
  current: ReportTableDto | null;
  @ApiProperty({ type: ReportTableDto, nullable: true, description: "The previous tertial's goals table" })
  previous: ReportTableDto | null;
}

export class SteeringOverviewDto implements SteeringOverview {
  @ApiProperty() programmeId: string;
  @ApiProperty() programmeName: string;
  @ApiProperty() startDate: string;
  @ApiProperty() endDate: string;
  @ApiProperty({ description: 'Today (Europe/Stockholm), the day the figures are for' }) asOf: string;
  @ApiProperty({
    type: FixedPeriodDto,
    nullable: true,
    description: 'The tertial holding today, or the last once the programme has ended; null before it starts',
  })
  current: FixedPeriodDto | null;
  @ApiProperty({ type: FixedPeriodDto, nullable: true }) previous: FixedPeriodDto | null;
  @ApiProperty({
    type: FixedPeriodDto,
    nullable: true,
    description:
      'The next tertial report: the first tertial of the programme ending today or later, reported as at its end; null once all are done',
  })
  nextReport: FixedPeriodDto | null;
  @ApiProperty({ type: SteeringGoalsDto }) goals: SteeringGoalsDto;
  @ApiProperty({ type: ReportTableDto, nullable: true, description: 'This tertial beside the previous one' })
  keyFigures: ReportTableDto | null;
  @ApiProperty({ type: ReportTableDto }) economy: ReportTableDto;
  @ApiProperty({ description: 'Whether small cells are hidden (aggregate-only roles)' }) suppressed: boolean;
}
