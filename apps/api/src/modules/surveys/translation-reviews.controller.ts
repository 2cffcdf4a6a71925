import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, type UserContext } from '../../common/context/request-context';
import { ApiProblems } from '../../common/openapi/api-problems';
import { Allow } from '../auth/auth.decorators';
import { MarkTranslationReviewedDto, TranslationStatusDto } from './dto/translation-review.dto';
import { TranslationReviewsService } from './translation-reviews.service';
import { VersionPipe } from './version.pipe';

@ApiTags('surveys')
@ApiCookieAuth()
@Controller('questionnaires/:id/versions/:version/translations')
export class TranslationReviewsController {
  constructor(private readonly reviews: TranslationReviewsService) {}

  @Get()
  @Allow('survey.manage')
  @ApiOperation({
    summary:
      'Each language of a questionnaire version: original, reviewed (by whom, when) or an unreviewed machine draft',
  })
  @ApiOkResponse({ type: [TranslationStatusDto] })
  @ApiProblems(400, 401, 403, 404)
  find(@Param('id') id: string, @Param('version', new VersionPipe()) version: number) {
    return this.reviews.findStatuses(id, version);
  }

  @Post('reviews')
  @Allow('survey.manage')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Mark a language reviewed: a native speaker has checked its texts. Idempotent: the first reviewer stays',
  })
  @ApiOkResponse({ type: TranslationStatusDto })
  @ApiProblems(400, 401, 403, 404)
  markReviewed(
    @Ctx() ctx: UserContext,
    @Param('id') id: string,
    @Param('version', new VersionPipe()) version: number,
    @Body() body: MarkTranslationReviewedDto,
  ) {
    return this.reviews.markReviewed(ctx, id, version, body.language);
  }
}
