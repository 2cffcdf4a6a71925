import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from './common/audit/audit.module';
import { IdempotencyModule } from './common/idempotency/idempotency.module';
import { PolicyModule } from './common/policy/policy.module';
import { DisclosureModule } from './common/disclosure/disclosure.module';
import { ProblemFilter } from './common/problem/problem.filter';
import { SqlModule } from './common/sql/sql.module';
import type { AppConfig } from './config/app-config';
import { AppConfigModule } from './config/app-config.module';
import { dataSourceOptions } from './database/data-source-options';
import { AccountsModule } from './modules/accounts/accounts.module';
import { AuthModule } from './modules/auth/auth.module';
import { CertificatesModule } from './modules/certificates/certificates.module';
import { EmployersModule } from './modules/employers/employers.module';
import { GroupsModule } from './modules/groups/groups.module';
import { MeetingsModule } from './modules/meetings/meetings.module';
import { ReferralsModule } from './modules/referrals/referrals.module';
import { SurveysModule } from './modules/surveys/surveys.module';
import { ReportsModule } from './modules/reports/reports.module';
import { AuditLogModule } from './modules/audit-log/audit-log.module';
import { ImportsModule } from './modules/imports/imports.module';
import { StatisticsModule } from './modules/statistics/statistics.module';
import { HandbookModule } from './modules/handbook/handbook.module';
import { HealthModule } from './modules/health/health.module';
import { OrganisationsModule } from './modules/organisations/organisations.module';
import { ParticipantsModule } from './modules/participants/participants.module';
import { ProgrammesModule } from './modules/programmes/programmes.module';
import { StaffingModule } from './modules/staffing/staffing.module';
import { UsersModule } from './modules/users/users.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(databaseUrl),
          autoLoadEntities: false,
          retryAttempts: 3,
        }),
        SqlModule,
        AuditModule,
        PolicyModule,
        DisclosureModule,
        IdempotencyModule,
        HealthModule,
        UsersModule,
        AuthModule,
        AccountsModule,
        OrganisationsModule,
        ProgrammesModule,
        ParticipantsModule,
        GroupsModule,
        StaffingModule,
        EmployersModule,
        CertificatesModule,
        ReferralsModule,
        MeetingsModule,
        SurveysModule,
        ReportsModule,
        ImportsModule,
        AuditLogModule,
        StatisticsModule,
        HandbookModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: ProblemFilter }],
    };
  }
}
