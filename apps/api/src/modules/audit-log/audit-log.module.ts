import { Module } from '@nestjs/common';
import { ParticipantsModule } from '../participants/participants.module';
import { UsersModule } from '../users/users.module';
import { AuditLogController } from './audit-log.controller';
import { AuditLogService } from './audit-log.service';

/** Owns no table: it reads the audit log through AuditService and names people through their owners. */
@Module({
  imports: [ParticipantsModule, UsersModule],
  controllers: [AuditLogController],
  providers: [AuditLogService],
})
export class AuditLogModule {}
