import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBody,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Ctx, type RequestContext, type UserContext } from '../../common/context/request-context';
import { contentDisposition } from '../../common/http/content-disposition';
import { ApiProblems } from '../../common/openapi/api-problems';
import { Problem } from '../../common/problem/problem';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { Allow, Public, SkipCsrf } from '../auth/auth.decorators';
import {
  CreateRoundDto,
  FreeTextAnswerDto,
  IssueCodesDto,
  IssuedCodeDto,
  OpenedRoundDto,
  PaperQuestionnaireQuery,
  PaperSubmitDto,
  PendingDto,
  ReviewDto,
  RoundDto,
  StartDto,
  type SubmitBody,
  SubmitBodyPipe,
  SubmitDto,
  SummaryDto,
} from './dto/survey.dto';
import { SurveysService } from './surveys.service';

const id = new UuidPipe('id');
export const SURVEY_COOKIE = 'stegvis_survey';

@ApiTags('surveys')
@ApiCookieAuth()
@Controller()
export class SurveysController {
  constructor(private readonly surveys: SurveysService) {}

  @Post('survey-rounds')
  @Allow('survey.manage')
  @ApiOperation({
    summary: 'Open a survey round for a group; returns one code per participant, shown only this once',
  })
  @ApiCreatedResponse({ type: OpenedRoundDto })
  @ApiProblems(400, 401, 403, 404)
  open(@Ctx() ctx: UserContext, @Body() body: CreateRoundDto) {
    return this.surveys.openRound(ctx, body);
  }

  @Get('groups/:id/survey-rounds')
  @Allow('survey.summary')
  @ApiOperation({ summary: "A group's survey rounds with their live response rate" })
  @ApiOkResponse({ type: [RoundDto] })
  @ApiProblems(400, 401, 403, 404)
  list(@Ctx() ctx: UserContext, @Param('id', id) groupId: string) {
    return this.surveys.findRounds(ctx, groupId);
  }

  @Get('survey-rounds/:id')
  @Allow('survey.summary')
  @ApiOperation({ summary: 'One round and its response rate' })
  @ApiOkResponse({ type: RoundDto })
  @ApiProblems(400, 401, 403, 404)
  get(@Ctx() ctx: UserContext, @Param('id', id) roundId: string) {
    return this.surveys.getRound(ctx, roundId);
  }

  @Get('survey-rounds/:id/pending')
  @Allow('survey.manage')
  @ApiOperation({ summary: 'Who has not answered yet (for a reminder; never linked to answers)' })
  @ApiOkResponse({ type: [PendingDto] })
  @ApiProblems(400, 401, 403, 404)
  pending(@Ctx() ctx: UserContext, @Param('id', id) roundId: string) {
    return this.surveys.pending(ctx, roundId);
  }

  @Post('survey-rounds/:id/codes')
  @Allow('survey.manage')
  @ApiOperation({
    summary:
      'Codes for participants enrolled after the round opened, or a new code for a lost one (the old code ' +
      'stops working at once; a used code is never replaced); shown only in this answer',
  })
  @ApiCreatedResponse({ type: [IssuedCodeDto] })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  issueCodes(@Ctx() ctx: UserContext, @Param('id', id) roundId: string, @Body() body: IssueCodesDto) {
    return this.surveys.issueCodes(ctx, roundId, body.enrolmentIds);
  }

  @Get('survey-rounds/:id/questionnaire')
  @Allow('survey.manage')
  @ApiOperation({ summary: "The round's questionnaire, for typing in paper answers" })
  @ApiProblems(400, 401, 403, 404)
  questionnaire(@Ctx() ctx: UserContext, @Param('id', id) roundId: string) {
    return this.surveys.questionnaireOf(ctx, roundId);
  }

  @Get('survey-rounds/:id/paper-questionnaire.pdf')
  @Allow('survey.manage')
  @ApiOperation({
    summary:
      'The round’s questionnaire as a printable A4 PDF in one language, with a box for the code from the slip; ' +
      '400 naming `language` for a language the programme does not offer',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'PDF',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProblems(400, 401, 403, 404)
  async paperQuestionnaire(
    @Ctx() ctx: UserContext,
    @Param('id', id) roundId: string,
    @Query() q: PaperQuestionnaireQuery,
  ): Promise<StreamableFile> {
    const { pdf, fileName } = await this.surveys.paperQuestionnaire(ctx, roundId, q.language);
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: contentDisposition(fileName) });
  }

  @Post('survey-rounds/:id/paper-responses')
  @Allow('survey.manage')
  @HttpCode(201)
  @ApiOperation({ summary: 'Type in a paper answer, with the code from the participant’s slip' })
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiBody({ type: PaperSubmitDto })
  @ApiProblems(400, 401, 403, 404, 409, 410, 422)
  async paper(
    @Ctx() ctx: UserContext,
    @Param('id', id) roundId: string,
    @Body(new SubmitBodyPipe(true)) body: SubmitBody & { code: string },
    @Headers('idempotency-key') key: string | undefined,
  ) {
    return (await this.surveys.paper(ctx, roundId, body.code, key, body)).body;
  }

  @Get('survey-rounds/:id/summary')
  @Allow('survey.summary')
  @ApiOperation({
    summary:
      'Counts, percentages and means per question, once the round has closed with at least k answers ' +
      '(until then only the response rate and `withheld`); small cells suppressed for aggregate-only roles',
  })
  @ApiOkResponse({ type: SummaryDto })
  @ApiProblems(400, 401, 403, 404)
  // The small-cell threshold is the deployment's, never the caller's: a lower k would reveal hidden cells.
  summary(@Ctx() ctx: UserContext, @Param('id', id) roundId: string) {
    return this.surveys.summary(ctx, roundId);
  }

  @Get('survey-rounds/:id/free-text')
  @Allow('survey.manage')
  @ApiOperation({
    summary:
      'Free-text answers in a random order and whether they are reviewed; 422 survey_results_not_ready ' +
      'until the round has closed with at least k answers',
  })
  @ApiOkResponse({ type: [FreeTextAnswerDto] })
  @ApiProblems(400, 401, 403, 404, 422)
  freeText(@Ctx() ctx: UserContext, @Param('id', id) roundId: string) {
    return this.surveys.freeText(ctx, roundId);
  }

  @Post('survey-rounds/:id/free-text/reviews')
  @Allow('survey.manage')
  @HttpCode(204)
  @ApiOperation({ summary: 'Approve or redact a free-text answer before evaluators see it' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404, 422)
  review(@Ctx() ctx: UserContext, @Param('id', id) roundId: string, @Body() body: ReviewDto) {
    return this.surveys.review(ctx, roundId, body);
  }
}

/**
 * The participants' side. No account: a link token (or short code) is exchanged for an httpOnly cookie, so the
 * token leaves the address bar and never reaches logs or a Referer.
 */
@ApiTags('public surveys')
@Controller('public/surveys')
@Public()
@SkipCsrf()
export class PublicSurveysController {
  private readonly cookie: CookieSerializeOptions;

  constructor(
    private readonly surveys: SurveysService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cookie = {
      httpOnly: true,
      sameSite: 'strict',
      secure: config.cookieSecure,
      path: '/api/public/surveys',
    };
  }

  @Post('session')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Exchange a link token or short code for the questionnaire; sets the survey cookie',
  })
  @ApiProblems(400, 404, 409, 410, 429)
  async session(
    @Body() body: StartDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const out = await this.surveys.start(ctx.ip, body.token);
    // Seconds (Fastify's cookie maxAge), twelve hours: long enough to answer, short on a shared tablet.
    res.setCookie(SURVEY_COOKIE, body.token.trim(), { ...this.cookie, maxAge: 12 * 3600 });
    return out;
  }

  /**
   * Ends a visit: the cookie goes, the code stays as it was (spent only by a stored answer). A kiosk tablet calls it
   * between two people (after an answer, an idle reset or "not me"), so the next one never lands on this code.
   */
  @Delete('session')
  @HttpCode(204)
  @ApiOperation({ summary: 'End the visit: forget the survey cookie (a shared tablet between two people)' })
  // Takes no input: only the edge can refuse it (a body that is not JSON, or over the size limit).
  @ApiProblems(400, 413)
  endSession(@Res({ passthrough: true }) res: FastifyReply): void {
    res.clearCookie(SURVEY_COOKIE, this.cookie);
  }

  @Get('current')
  @ApiOperation({ summary: 'The questionnaire of the code in the survey cookie' })
  @ApiProblems(404, 409, 410, 429)
  current(@Req() req: FastifyRequest, @Ctx() ctx: RequestContext) {
    return this.surveys.start(ctx.ip, this.token(req));
  }

  @Post('current/responses')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Submit the answers (Idempotency-Key required: a retry replays the first result, stores nothing twice)',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiBody({ type: SubmitDto })
  @ApiProblems(400, 404, 409, 410, 422, 429)
  async submit(
    @Req() req: FastifyRequest,
    @Ctx() ctx: RequestContext,
    @Body(new SubmitBodyPipe()) body: SubmitBody,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const r = await this.surveys.submit(ctx, this.token(req), key, body, 'link');
    if (r.replayed) res.header('Idempotent-Replayed', 'true');
    return r.body;
  }

  private token(req: FastifyRequest): string {
    const t = (req.cookies as Record<string, string> | undefined)?.[SURVEY_COOKIE];
    if (!t)
      throw new Problem(404, 'No survey code: open the link or type the code again', undefined, undefined, {
        code: 'survey_code_missing',
      });
    return t;
  }
}
