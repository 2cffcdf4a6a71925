import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, type UserContext } from '../../common/context/request-context';
import { ApiProblems } from '../../common/openapi/api-problems';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { Allow } from '../auth/auth.decorators';
import { UserDto } from '../users/dto/user.dto';
import { AccountsService } from './accounts.service';
import { DeactivateUserDto, OneTimePasswordDto, StaffedGroupDto } from './dto/account.dto';

@ApiTags('users')
@ApiCookieAuth()
@Controller('users/:id')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Post('password-reset')
  @Allow('user.manage')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Reset a user's password: a one-time password, shown once; the user's sessions end and they must change it at the next sign-in",
  })
  @ApiOkResponse({ type: OneTimePasswordDto })
  @ApiProblems(400, 401, 403, 404)
  async resetPassword(
    @Ctx() ctx: UserContext,
    @Param('id', new UuidPipe('id')) id: string,
  ): Promise<OneTimePasswordDto> {
    return { oneTimePassword: await this.accounts.resetPassword(ctx, id) };
  }

  @Get('staffed-groups')
  @Allow('user.manage')
  @ApiOperation({
    summary:
      'The groups the user is staff of (not ended more than 12 months ago), and who may take their place',
  })
  @ApiOkResponse({ type: [StaffedGroupDto] })
  @ApiProblems(400, 401, 403, 404)
  staffedGroups(
    @Ctx() ctx: UserContext,
    @Param('id', new UuidPipe('id')) id: string,
  ): Promise<StaffedGroupDto[]> {
    return this.accounts.staffedGroups(ctx, id);
  }

  @Post('deactivate')
  @Allow('user.manage')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Deactivate a user: they cannot sign in and their sessions end at once; they leave their groups' staff, and a group where they are the only staff needs a named replacement (422 naming the group). One transaction",
  })
  @ApiOkResponse({ type: UserDto })
  @ApiProblems(400, 401, 403, 404, 422)
  deactivate(
    @Ctx() ctx: UserContext,
    @Param('id', new UuidPipe('id')) id: string,
    @Body() body: DeactivateUserDto,
  ): Promise<UserDto> {
    return this.accounts.deactivate(ctx, id, body.replacements);
  }
}
