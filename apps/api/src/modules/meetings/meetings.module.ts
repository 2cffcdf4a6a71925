import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GroupsModule } from '../groups/groups.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { OutboxModule } from '../outbox/outbox.module';
import { ParticipantsModule } from '../participants/participants.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { ReferralsModule } from '../referrals/referrals.module';
import { StaffingModule } from '../staffing/staffing.module';
import { UsersModule } from '../users/users.module';
import { ActionItem } from './entities/action-item.entity';
import { MeetingAgendaItem } from './entities/meeting-agenda-item.entity';
import { MeetingMember } from './entities/meeting-member.entity';
import { Meeting } from './entities/meeting.entity';
import { MinutesSending } from './entities/minutes-sending.entity';
import { MeetingsController } from './meetings.controller';
import { MeetingsService } from './meetings.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Meeting, MeetingMember, MeetingAgendaItem, ActionItem, MinutesSending]),
    ReferralsModule,
    UsersModule,
    OrganisationsModule,
    GroupsModule,
    ProgrammesModule,
    OutboxModule,
    ParticipantsModule,
    StaffingModule,
  ],
  controllers: [MeetingsController],
  providers: [MeetingsService],
})
export class MeetingsModule {}
