import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FilesModule } from '../files/files.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { ParticipantsModule } from '../participants/participants.module';
import { UsersModule } from '../users/users.module';
import { CodeAttempt } from './entities/code-attempt.entity';
import { FreeTextReview } from './entities/free-text-review.entity';
import { SurveyCode } from './entities/survey-code.entity';
import { SurveyResponse } from './entities/survey-response.entity';
import { SurveyRound } from './entities/survey-round.entity';
import { QuestionnaireAudio } from './entities/questionnaire-audio.entity';
import { TranslationReview } from './entities/translation-review.entity';
import {
  PublicQuestionnaireAudioController,
  QuestionnaireAudioController,
} from './questionnaire-audio.controller';
import { QuestionnaireAudioService } from './questionnaire-audio.service';
import { QuestionnaireCatalog } from './questionnaire-catalog';
import { PublicSurveysController, SurveysController } from './surveys.controller';
import { SurveysService } from './surveys.service';
import { TranslationReviewsController } from './translation-reviews.controller';
import { TranslationReviewsService } from './translation-reviews.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      SurveyRound,
      SurveyCode,
      SurveyResponse,
      FreeTextReview,
      CodeAttempt,
      TranslationReview,
      QuestionnaireAudio,
    ]),
    FilesModule,
    ParticipantsModule,
    ProgrammesModule,
    UsersModule,
  ],
  controllers: [
    SurveysController,
    PublicSurveysController,
    TranslationReviewsController,
    QuestionnaireAudioController,
    PublicQuestionnaireAudioController,
  ],
  providers: [SurveysService, QuestionnaireCatalog, TranslationReviewsService, QuestionnaireAudioService],
  exports: [SurveysService, QuestionnaireCatalog],
})
export class SurveysModule {}
