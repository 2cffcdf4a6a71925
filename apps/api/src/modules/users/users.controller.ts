import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiCookieAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, type UserContext } from '../../common/context/request-context';
import { ApiProblems } from '../../common/openapi/api-problems';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { Allow } from '../auth/auth.decorators';
import { CreatedUserDto, CreateUserDto, UpdateUserDto, UserDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiCookieAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Allow('user.manage')
  @ApiOperation({
    summary:
      'Users, the programmes they work in, and who has two-factor login (and whether their role needs it)',
  })
  @ApiOkResponse({ type: [UserDto] })
  @ApiProblems(401, 403)
  list(): Promise<UserDto[]> {
    return this.users.findUsers();
  }

  @Post()
  @Allow('user.manage')
  @ApiOperation({
    summary:
      'Create a user with a role, an organisation and programme allocations; without a password the answer carries a one-time password, shown once',
  })
  @ApiCreatedResponse({ type: CreatedUserDto })
  @ApiProblems(400, 401, 403, 409)
  async create(@Ctx() ctx: UserContext, @Body() body: CreateUserDto): Promise<CreatedUserDto> {
    const { user, oneTimePassword } = await this.users.addUser(ctx, body);
    return { ...user, ...(oneTimePassword ? { oneTimePassword } : {}) };
  }

  @Patch(':id')
  @Allow('user.manage')
  @ApiOperation({
    summary: "Change a user's name, role or organisation; an admin cannot change their own role (422)",
  })
  @ApiOkResponse({ type: UserDto })
  @ApiProblems(400, 401, 403, 404, 422)
  update(
    @Ctx() ctx: UserContext,
    @Param('id', new UuidPipe('id')) id: string,
    @Body() body: UpdateUserDto,
  ): Promise<UserDto> {
    return this.users.updateUser(ctx, id, body);
  }
}
