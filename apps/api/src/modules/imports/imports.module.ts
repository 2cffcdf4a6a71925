import { Module } from '@nestjs/common';
import { EmployersModule } from '../employers/employers.module';
import { GroupsModule } from '../groups/groups.module';
import { ParticipantsModule } from '../participants/participants.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

/** Owns no table: it checks a file, then writes through the owning modules' services in one transaction. */
@Module({
  imports: [ProgrammesModule, GroupsModule, ParticipantsModule, EmployersModule],
  controllers: [ImportsController],
  providers: [ImportsService],
})
export class ImportsModule {}
