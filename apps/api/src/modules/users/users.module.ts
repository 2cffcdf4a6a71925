import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganisationsModule } from '../organisations/organisations.module';
import { AllocationsController } from './allocations.controller';
import { RecoveryCode } from './entities/recovery-code.entity';
import { UserProgramme } from './entities/user-programme.entity';
import { User } from './entities/user.entity';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([User, UserProgramme, RecoveryCode]), OrganisationsModule],
  controllers: [UsersController, AllocationsController],
  providers: [UsersService],
  exports: [UsersService],
})
export class UsersModule {}
