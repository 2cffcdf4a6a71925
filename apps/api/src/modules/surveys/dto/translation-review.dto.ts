import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type MarkTranslationReviewedRequest,
  SURVEY_LANGUAGES,
  type SurveyLanguage,
  TRANSLATION_STATUSES,
  type TranslationStatus,
  type TranslationStatusResponse,
} from '@stegvis/contracts';
import { IsString, Matches } from 'class-validator';

export class MarkTranslationReviewedDto implements MarkTranslationReviewedRequest {
  @ApiProperty({ example: 'ar', description: 'A language code of the questionnaire (unknown ones give 404)' })
  @IsString()
  @Matches(/^[a-z]{2,3}(-[a-z]{2,8})?$/, {
    message: 'language must be a language code such as ar or sv-easy',
  })
  language: string;
}

export class ReviewerDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
}

export class TranslationStatusDto implements TranslationStatusResponse {
  @ApiProperty({ enum: SURVEY_LANGUAGES }) language: SurveyLanguage;
  @ApiProperty({ enum: TRANSLATION_STATUSES }) status: TranslationStatus;
  @ApiPropertyOptional({ type: ReviewerDto, nullable: true }) reviewedBy: ReviewerDto | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) reviewedAt: string | null;
}
