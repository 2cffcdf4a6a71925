import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganisationsModule } from '../organisations/organisations.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { Budget } from './entities/budget.entity';
import { TargetGroupStat } from './entities/target-group-stat.entity';
import { StatisticsController } from './statistics.controller';
import { StatisticsService } from './statistics.service';

@Module({
  imports: [TypeOrmModule.forFeature([TargetGroupStat, Budget]), OrganisationsModule, ProgrammesModule],
  controllers: [StatisticsController],
  providers: [StatisticsService],
  exports: [StatisticsService],
})
export class StatisticsModule {}
