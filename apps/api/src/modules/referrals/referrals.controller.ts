import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OrganisationResponse, Page, ReferralResponse } from '@stegvis/contracts';
import { Ctx, type UserContext } from '../../common/context/request-context';
import { ApiProblems } from '../../common/openapi/api-problems';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { Allow } from '../auth/auth.decorators';
import { OrganisationDto } from '../organisations/dto/directory.dto';
import {
  QueuePageDto,
  QueueQuery,
  ReferralDto,
  ReferralResponseDto,
  TransitionDto,
} from './dto/referral.dto';
import { ReferralsService } from './referrals.service';

@ApiTags('referrals')
@ApiCookieAuth()
@Controller('referrals')
export class ReferralsController {
  constructor(private readonly referrals: ReferralsService) {}

  @Get()
  @Allow('referral.read')
  @ApiOperation({
    summary: "A programme's referral queue: filters, urgent first, then by received date; keyset pages",
  })
  @ApiOkResponse({ type: QueuePageDto })
  @ApiProblems(400, 401, 403, 404)
  queue(@Ctx() ctx: UserContext, @Query() q: QueueQuery): Promise<Page<ReferralResponse>> {
    return this.referrals.findQueue(ctx, q);
  }

  @Post()
  @Allow('referral.create')
  @ApiOperation({ summary: 'Refer a candidate (analysis members: from their own organisation)' })
  @ApiCreatedResponse({ type: ReferralResponseDto })
  @ApiProblems(400, 401, 403, 404, 422)
  create(@Ctx() ctx: UserContext, @Body() body: ReferralDto): Promise<ReferralResponse> {
    return this.referrals.createReferral(ctx, body);
  }

  @Get('organisations')
  @Allow('referral.create')
  @ApiOperation({
    summary:
      'The organisations the user may refer from (an analysis member: their own only), for the referral form',
  })
  @ApiOkResponse({ type: [OrganisationDto] })
  @ApiProblems(401, 403)
  organisations(@Ctx() ctx: UserContext): Promise<OrganisationResponse[]> {
    return this.referrals.referringOrganisations(ctx);
  }

  @Get(':id')
  @Allow('referral.read')
  @ApiOperation({ summary: 'One referral with its screening and full history' })
  @ApiOkResponse({ type: ReferralResponseDto })
  @ApiProblems(400, 401, 403, 404)
  get(@Ctx() ctx: UserContext, @Param('id', new UuidPipe('id')) id: string): Promise<ReferralResponse> {
    return this.referrals.getReferral(ctx, id);
  }

  @Post(':id/status')
  @Allow('referral.update')
  @ApiOperation({
    summary:
      'Screen (with a note), wait-list or withdraw (with a reason), or re-open a referral, as REFERRAL_TRANSITIONS allows',
  })
  @ApiCreatedResponse({ type: ReferralResponseDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  transition(
    @Ctx() ctx: UserContext,
    @Param('id', new UuidPipe('id')) id: string,
    @Body() body: TransitionDto,
  ): Promise<ReferralResponse> {
    return this.referrals.transition(ctx, id, body);
  }
}
