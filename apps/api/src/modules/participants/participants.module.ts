import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganisationsModule } from '../organisations/organisations.module';
import { UsersModule } from '../users/users.module';
import { ActionPlanController } from './action-plan.controller';
import { ActionPlanService } from './action-plan.service';
import { AuditTrailService } from './audit-trail.service';
import { ConsentsService } from './consents.service';
import { ActionPlanStep } from './entities/action-plan-step.entity';
import { Assessment } from './entities/assessment.entity';
import { Consent } from './entities/consent.entity';
import { Enrolment } from './entities/enrolment.entity';
import { FollowUp } from './entities/follow-up.entity';
import { Need } from './entities/need.entity';
import { Outcome } from './entities/outcome.entity';
import { Participant } from './entities/participant.entity';
import { RetentionRun } from './entities/retention-run.entity';
import { Talk } from './entities/talk.entity';
import { MappingService } from './mapping.service';
import { OutcomesService } from './outcomes.service';
import { ParticipantExtractController } from './participant-extract.controller';
import { ParticipantExtractService } from './participant-extract.service';
import { ParticipantCareController } from './participant-care.controller';
import { ParticipantsController } from './participants.controller';
import { ParticipantsService } from './participants.service';
import { PersonalNumberHasher } from './personal-number-hasher';
import { ProgressService } from './progress.service';
import { RetentionController } from './retention.controller';
import { RetentionService } from './retention.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      Participant,
      Enrolment,
      Consent,
      Need,
      Talk,
      Assessment,
      Outcome,
      FollowUp,
      ActionPlanStep,
      RetentionRun,
    ]),
    OrganisationsModule,
    UsersModule,
  ],
  controllers: [
    ParticipantsController,
    ParticipantCareController,
    ParticipantExtractController,
    ActionPlanController,
    RetentionController,
  ],
  providers: [
    ParticipantsService,
    PersonalNumberHasher,
    ConsentsService,
    MappingService,
    ProgressService,
    OutcomesService,
    RetentionService,
    AuditTrailService,
    ParticipantExtractService,
    ActionPlanService,
  ],
  exports: [
    ParticipantsService,
    ConsentsService,
    OutcomesService,
    ProgressService,
    RetentionService,
    ActionPlanService,
  ],
})
export class ParticipantsModule {}
