import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganisationsModule } from '../organisations/organisations.module';
import { UsersModule } from '../users/users.module';
import { ProgrammeMunicipality } from './entities/programme-municipality.entity';
import { ProgrammePartner } from './entities/programme-partner.entity';
import { Programme } from './entities/programme.entity';
import { ProgrammesController } from './programmes.controller';
import { ProgrammesService } from './programmes.service';

@Module({
  imports: [TypeOrmModule.forFeature([Programme, ProgrammeMunicipality, ProgrammePartner]), OrganisationsModule, UsersModule],
  controllers: [ProgrammesController],
  providers: [ProgrammesService],
  exports: [ProgrammesService],
})
export class ProgrammesModule {}
