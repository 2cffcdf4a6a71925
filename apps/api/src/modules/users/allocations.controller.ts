import { Body, Controller, Delete, Param, Put } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditService } from '../../common/audit/audit.service';
import { Ctx, type UserContext } from '../../common/context/request-context';
import { ApiProblems } from '../../common/openapi/api-problems';
import { Problem } from '../../common/problem/problem';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { Allow } from '../auth/auth.decorators';
import { LeadMarkDto, UserDto } from './dto/user.dto';
import { UsersService } from './users.service';

/** A user's allocation to a programme and its lead mark (processledare), which decides who is group staff. */
@ApiTags('users')
@ApiCookieAuth()
@Controller('users/:id/programmes/:programmeId')
export class AllocationsController {
  constructor(
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  @Put()
  @Allow('user.manage')
  @ApiOperation({
    summary: 'Allocate a user to a programme (if not yet) and set the lead mark of that allocation',
  })
  @ApiOkResponse({ type: UserDto })
  @ApiProblems(400, 401, 403, 404)
  async put(
    @Ctx() ctx: UserContext,
    @Param('id', new UuidPipe('id')) userId: string,
    @Param('programmeId', new UuidPipe('programmeId')) programmeId: string,
    @Body() body: LeadMarkDto,
  ): Promise<UserDto> {
    const done = await this.users.setAllocation(userId, programmeId, body.lead, (m) =>
      this.audit.record(
        ctx,
        {
          action: 'user.manage',
          entityType: 'user',
          entityId: userId,
          details: { programmeId, lead: body.lead },
        },
        m,
      ),
    );
    if (!done) throw Problem.notFound('user');
    return this.users.getUser(userId);
  }

  @Delete()
  @Allow('user.manage')
  @ApiOperation({ summary: "Remove a user's allocation to a programme, and its lead mark" })
  @ApiOkResponse({ type: UserDto })
  @ApiProblems(400, 401, 403, 404)
  remove(
    @Ctx() ctx: UserContext,
    @Param('id', new UuidPipe('id')) userId: string,
    @Param('programmeId', new UuidPipe('programmeId')) programmeId: string,
  ): Promise<UserDto> {
    return this.users.removeAllocation(ctx, userId, programmeId);
  }
}
