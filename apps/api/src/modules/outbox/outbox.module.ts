import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { OutboxEmail } from './entities/email.entity';
import { MAIL_SENDER, OutboxService, smtpSender } from './outbox.service';

@Module({
  imports: [TypeOrmModule.forFeature([OutboxEmail])],
  providers: [
    OutboxService,
    {
      provide: MAIL_SENDER,
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) => (c.smtpUrl ? smtpSender(c.smtpUrl) : null),
    },
  ],
  exports: [OutboxService],
})
export class OutboxModule {}
