import { Controller, Get, Param } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, type UserContext } from '../../common/context/request-context';
import { ApiProblems } from '../../common/openapi/api-problems';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { Allow } from '../auth/auth.decorators';
import { ParticipantExtractDto } from './dto/participant-extract.dto';
import { ParticipantExtractService } from './participant-extract.service';

@ApiTags('participants')
@ApiCookieAuth()
@Controller()
export class ParticipantExtractController {
  constructor(private readonly extracts: ParticipantExtractService) {}

  @Get('participants/:id/extract')
  @Allow('participant.read')
  @ApiOperation({
    summary:
      'The data-subject extract: record, consents, enrolments, assessments, outcomes, health data (for those who see it) and audit trail; only for those who see her (audited)',
  })
  @ApiOkResponse({ type: ParticipantExtractDto })
  @ApiProblems(400, 401, 403, 404)
  extract(
    @Ctx() ctx: UserContext,
    @Param('id', new UuidPipe('id')) participantId: string,
  ): Promise<ParticipantExtractDto> {
    return this.extracts.extract(ctx, participantId);
  }
}
