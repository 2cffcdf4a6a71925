import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page, ReferralResponse } from '@stegvis/contracts';
import { Ctx, type UserContext } from '../../common/context/request-context';
import { ApiProblems } from '../../common/openapi/api-problems';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { Allow } from '../auth/auth.decorators';
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
  @ApiOperation({ summary: 'Mark a referral screened, or withdrawn' })
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
