import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganisationsModule } from '../organisations/organisations.module';
import { OutboxModule } from '../outbox/outbox.module';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginThrottle } from './entities/login-throttle.entity';
import { OidcLogin } from './entities/oidc-login.entity';
import { Session } from './entities/session.entity';
import { LoginThrottleService } from './login-throttle.service';
import { OidcController } from './oidc/oidc.controller';
import { OidcService } from './oidc/oidc.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Session, LoginThrottle, OidcLogin]),
    UsersModule,
    OutboxModule,
    OrganisationsModule,
  ],
  controllers: [AuthController, OidcController],
  providers: [AuthService, LoginThrottleService, OidcService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService],
})
export class AuthModule {}
