import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AllocationsController } from './allocations.controller';
import { UserProgramme } from './entities/user-programme.entity';
import { User } from './entities/user.entity';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([User, UserProgramme])],
  controllers: [UsersController, AllocationsController],
  providers: [UsersService],
  exports: [UsersService],
})
export class UsersModule {}
