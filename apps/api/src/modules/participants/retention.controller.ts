import { Controller, Get } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../../common/openapi/api-problems';
import { Allow } from '../auth/auth.decorators';
import { RetentionStatusDto } from './dto/retention.dto';
import { RetentionService } from './retention.service';

@ApiTags('participants')
@ApiCookieAuth()
@Controller('retention')
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  @Get()
  @Allow('retention.read')
  @ApiOperation({
    summary:
      'The retention rule in force, when the job last ran and with what result, and what falls due next',
  })
  @ApiOkResponse({ type: RetentionStatusDto })
  @ApiProblems(401, 403)
  status(): Promise<RetentionStatusDto> {
    return this.retention.status();
  }
}
