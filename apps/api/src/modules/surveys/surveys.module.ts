import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProgrammesModule } from '../programmes/programmes.module';
import { ParticipantsModule } from '../participants/participants.module';
import { CodeAttempt } from './entities/code-attempt.entity';
import { FreeTextReview } from './entities/free-text-review.entity';
import { SurveyCode } from './entities/survey-code.entity';
import { SurveyResponse } from './entities/survey-response.entity';
import { SurveyRound } from './entities/survey-round.entity';
import { QuestionnaireCatalog } from './questionnaire-catalog';
import { PublicSurveysController, SurveysController } from './surveys.controller';
import { SurveysService } from './surveys.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([SurveyRound, SurveyCode, SurveyResponse, FreeTextReview, CodeAttempt]),
    ParticipantsModule,
    ProgrammesModule,
  ],
  controllers: [SurveysController, PublicSurveysController],
  providers: [SurveysService, QuestionnaireCatalog],
  exports: [SurveysService, QuestionnaireCatalog],
})
export class SurveysModule {}
