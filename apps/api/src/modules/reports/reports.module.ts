import { Module } from '@nestjs/common';
import { GroupsModule } from '../groups/groups.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { StatisticsModule } from '../statistics/statistics.module';
import { AssociationReportsController } from './association-reports.controller';
import { NationalFollowUpService } from './national-followup.service';
import { ReportDataService } from './report-data.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';
import { SteeringController } from './steering.controller';
import { SteeringService } from './steering.service';

/** Owns no table: it reads the others (ReportDataService) and computes with packages/reports. */
@Module({
  imports: [GroupsModule, ProgrammesModule, StatisticsModule],
  controllers: [ReportsController, AssociationReportsController, SteeringController],
  providers: [ReportsService, ReportDataService, NationalFollowUpService, SteeringService],
})
export class ReportsModule {}
