import { Controller, Get, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, type UserContext } from '../../common/context/request-context';
import { ApiProblems } from '../../common/openapi/api-problems';
import { Allow } from '../auth/auth.decorators';
import { FinsamAssociationDto } from './dto/finsam.dto';
import { YearQuery } from './dto/report.dto';
import { NationalFollowUpService } from './national-followup.service';

/** Figures of the whole association, across its programmes: for the association-wide roles only. */
@ApiTags('reports')
@ApiCookieAuth()
@Controller('reports')
export class AssociationReportsController {
  constructor(private readonly followUp: NationalFollowUpService) {}

  @Get('finsam')
  @Allow('report.association')
  @ApiOperation({
    summary:
      "Uppföljning Finsam for the association: each effort's participants of a year by sex, and the persons across all efforts, each counted once",
  })
  @ApiOkResponse({ type: FinsamAssociationDto })
  @ApiProblems(400, 401, 403)
  finsam(@Ctx() ctx: UserContext, @Query() q: YearQuery): Promise<FinsamAssociationDto> {
    return this.followUp.finsamAssociation(ctx, q.year);
  }
}
