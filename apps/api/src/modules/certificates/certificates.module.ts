import { Module } from '@nestjs/common';
import { EmployersModule } from '../employers/employers.module';
import { GroupsModule } from '../groups/groups.module';
import { ParticipantsModule } from '../participants/participants.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { StaffingModule } from '../staffing/staffing.module';
import { CertificatesController } from './certificates.controller';
import { CertificatesService } from './certificates.service';

@Module({
  imports: [ParticipantsModule, GroupsModule, ProgrammesModule, EmployersModule, StaffingModule],
  controllers: [CertificatesController],
  providers: [CertificatesService],
})
export class CertificatesModule {}
