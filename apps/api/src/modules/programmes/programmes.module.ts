import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganisationsModule } from '../organisations/organisations.module';
import { UsersModule } from '../users/users.module';
import { MethodTemplate } from './entities/method-template.entity';
import { ProgrammeMunicipality } from './entities/programme-municipality.entity';
import { ProgrammePartner } from './entities/programme-partner.entity';
import { Programme } from './entities/programme.entity';
import { ProgrammesController } from './programmes.controller';
import { ProgrammesService } from './programmes.service';
import { TemplatesController } from './templates.controller';
import { TemplatesService } from './templates.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Programme, ProgrammeMunicipality, ProgrammePartner, MethodTemplate]),
    OrganisationsModule,
    UsersModule,
  ],
  controllers: [ProgrammesController, TemplatesController],
  providers: [ProgrammesService, TemplatesService],
  exports: [ProgrammesService, TemplatesService],
})
export class ProgrammesModule {}
