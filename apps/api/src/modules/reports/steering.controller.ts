import { Controller, Get, Param } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, type UserContext } from '../../common/context/request-context';
import { ApiProblems } from '../../common/openapi/api-problems';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { Allow } from '../auth/auth.decorators';
import { SteeringOverviewDto } from './dto/steering.dto';
import { type SteeringOverview, SteeringService } from './steering.service';

@ApiTags('reports')
@ApiCookieAuth()
@Controller('programmes/:id/steering')
export class SteeringController {
  constructor(private readonly steering: SteeringService) {}

  @Get()
  @Allow('steering.read')
  @ApiOperation({
    summary:
      "The steering group's page of a programme: the goals of this tertial's and the previous tertial's progress report, the key figures of the two tertials, the economy and the next tertial report's date, each table as the reader's audience gets it from the report engine (no person-level data)",
  })
  @ApiOkResponse({ type: SteeringOverviewDto })
  @ApiProblems(400, 401, 403, 404)
  overview(@Ctx() ctx: UserContext, @Param('id', new UuidPipe('id')) id: string): Promise<SteeringOverview> {
    return this.steering.overview(ctx, id);
  }
}
