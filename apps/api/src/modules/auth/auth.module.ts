import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxModule } from '../outbox/outbox.module';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginThrottle } from './entities/login-throttle.entity';
import { Session } from './entities/session.entity';
import { LoginThrottleService } from './login-throttle.service';

@Module({
  imports: [TypeOrmModule.forFeature([Session, LoginThrottle]), UsersModule, OutboxModule],
  controllers: [AuthController],
  providers: [AuthService, LoginThrottleService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService],
})
export class AuthModule {}
