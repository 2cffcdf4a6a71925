import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiCookieAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, type UserContext } from '../../common/context/request-context';
import { ApiProblems } from '../../common/openapi/api-problems';
import { Problem } from '../../common/problem/problem';
import { Allow } from '../auth/auth.decorators';
import { CreateUserDto, UserDto } from './dto/user.dto';
import { assertStrongPassword } from './password.util';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiCookieAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Allow('user.manage')
  @ApiOperation({ summary: 'Users and the programmes they work in' })
  @ApiOkResponse({ type: [UserDto] })
  @ApiProblems(401, 403)
  list(): Promise<UserDto[]> {
    return this.users.findUsers();
  }

  @Post()
  @Allow('user.manage')
  @ApiOperation({ summary: 'Create a user with a role, an organisation and programme allocations' })
  @ApiCreatedResponse({ type: UserDto })
  @ApiProblems(400, 401, 403, 409)
  async create(@Ctx() ctx: UserContext, @Body() body: CreateUserDto): Promise<UserDto> {
    assertStrongPassword('password', body.password, { email: body.email, name: body.displayName });
    if (await this.users.findByEmail(body.email))
      throw Problem.conflict('A user with this e-mail already exists', { code: 'duplicate_email' });
    const u = await this.users.createUser(body, ctx);
    return {
      id: u.id,
      email: u.email,
      displayName: u.displayName,
      role: u.role,
      organisationId: u.organisationId,
      programmeIds: u.programmeIds,
      leadProgrammeIds: u.leadProgrammeIds,
      active: u.active,
    };
  }
}
