import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { GroupsModule } from '../groups/groups.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { StaffingModule } from '../staffing/staffing.module';
import { UsersModule } from '../users/users.module';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';

/** The admin's actions on a user's way in (password reset, deactivation); it owns no table. */
@Module({
  imports: [UsersModule, AuthModule, GroupsModule, StaffingModule, ProgrammesModule, OrganisationsModule],
  controllers: [AccountsController],
  providers: [AccountsService],
})
export class AccountsModule {}
