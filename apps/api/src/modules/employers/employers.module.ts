import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GroupsModule } from '../groups/groups.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { ParticipantsModule } from '../participants/participants.module';
import { EmployersController } from './employers.controller';
import { EmployersService } from './employers.service';
import { EmployerContactLog } from './entities/employer-contact-log.entity';
import { Employer } from './entities/employer.entity';
import { Internship } from './entities/internship.entity';
import { PlacesOffered } from './entities/places-offered.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([Employer, EmployerContactLog, PlacesOffered, Internship]),
    OrganisationsModule,
    ParticipantsModule,
    GroupsModule,
  ],
  controllers: [EmployersController],
  providers: [EmployersService],
  exports: [EmployersService],
})
export class EmployersModule {}
