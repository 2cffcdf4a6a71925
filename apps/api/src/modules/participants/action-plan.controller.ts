import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiCookieAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ActionPlanStepResponse } from '@stegvis/contracts';
import { Ctx, type UserContext } from '../../common/context/request-context';
import { ApiProblems } from '../../common/openapi/api-problems';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { Allow } from '../auth/auth.decorators';
import { ActionPlanService } from './action-plan.service';
import { ActionPlanStepDto, ActionPlanStepResponseDto, UpdateActionPlanStepDto } from './dto/action-plan.dto';

const id = new UuidPipe('id');

/** The action plan's steps of one enrolment; the PDF is GET /api/enrolments/{id}/action-plan.pdf. */
@ApiTags('participants')
@ApiCookieAuth()
@Controller()
export class ActionPlanController {
  constructor(private readonly plans: ActionPlanService) {}

  @Get('enrolments/:id/action-plan/steps')
  @Allow('participant.read')
  @ApiOperation({ summary: "The action plan's steps, by due date (read audited)" })
  @ApiOkResponse({ type: [ActionPlanStepResponseDto] })
  @ApiProblems(400, 401, 403, 404)
  steps(@Ctx() ctx: UserContext, @Param('id', id) enrolmentId: string): Promise<ActionPlanStepResponse[]> {
    return this.plans.findSteps(ctx, enrolmentId);
  }

  @Post('enrolments/:id/action-plan/steps')
  @Allow('participant.write')
  @ApiOperation({ summary: 'Add a step to the action plan: what, who carries it out, by when' })
  @ApiCreatedResponse({ type: ActionPlanStepResponseDto })
  @ApiProblems(400, 401, 403, 404)
  addStep(
    @Ctx() ctx: UserContext,
    @Param('id', id) enrolmentId: string,
    @Body() body: ActionPlanStepDto,
  ): Promise<ActionPlanStepResponse> {
    return this.plans.createStep(ctx, enrolmentId, body);
  }

  @Patch('action-plan-steps/:id')
  @Allow('participant.write')
  @ApiOperation({ summary: 'Change a step or mark it done; send the version you read (409 when stale)' })
  @ApiOkResponse({ type: ActionPlanStepResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  updateStep(
    @Ctx() ctx: UserContext,
    @Param('id', id) stepId: string,
    @Body() body: UpdateActionPlanStepDto,
  ): Promise<ActionPlanStepResponse> {
    return this.plans.updateStep(ctx, stepId, body);
  }
}
