import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganisationsModule } from '../organisations/organisations.module';
import { CommitteeMember } from './entities/committee-member.entity';
import { StaffAllocation } from './entities/staff-allocation.entity';
import { StaffMember } from './entities/staff-member.entity';
import { StaffingController } from './staffing.controller';
import { StaffingService } from './staffing.service';

@Module({
  imports: [TypeOrmModule.forFeature([StaffMember, StaffAllocation, CommitteeMember]), OrganisationsModule],
  controllers: [StaffingController],
  providers: [StaffingService],
  exports: [StaffingService],
})
export class StaffingModule {}
