import { Body, Controller, Get, HttpCode, Inject, Post, Res } from '@nestjs/common';
import {
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CSRF_COOKIE, type CurrentUserResponse, SESSION_COOKIE } from '@stegvis/contracts';
import type { FastifyReply } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Ctx, type RequestContext, type UserContext } from '../../common/context/request-context';
import { ApiProblems } from '../../common/openapi/api-problems';
import { AllowDuringMfaSetup, AllowDuringPasswordChange, Public } from './auth.decorators';
import { AuthService } from './auth.service';
import { setSessionCookies } from './session-cookies';
import {
  ChangePasswordDto,
  CurrentUserDto,
  LoginDto,
  RecoveryCodesDto,
  TotpChangeDto,
  TotpCodeDto,
  TotpSetupDto,
  TotpStatusDto,
} from './dto/login.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in; sets the session cookie and returns the user with a CSRF token' })
  @ApiOkResponse({ type: CurrentUserDto })
  @ApiProblems(400, 401, 403, 429)
  async login(
    @Body() body: LoginDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<CurrentUserResponse> {
    const started = await this.auth.login(ctx, body.email, body.password, body.code, body.recoveryCode);
    setSessionCookies(res, started, this.config);
    return toCurrentUser(started.user);
  }

  @Post('logout')
  @AllowDuringMfaSetup()
  @AllowDuringPasswordChange()
  @HttpCode(204)
  @ApiCookieAuth()
  @ApiOperation({ summary: 'Sign out: ends this session' })
  @ApiNoContentResponse()
  @ApiProblems(401, 403)
  async logout(@Ctx() ctx: UserContext, @Res({ passthrough: true }) res: FastifyReply): Promise<void> {
    await this.auth.logout(ctx);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.clearCookie(CSRF_COOKIE, { path: '/' });
  }

  @Get('me')
  @AllowDuringMfaSetup()
  @AllowDuringPasswordChange()
  @ApiCookieAuth()
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: CurrentUserDto })
  @ApiProblems(401)
  me(@Ctx() ctx: UserContext): CurrentUserResponse {
    return toCurrentUser(ctx.user);
  }

  @Post('sessions/revoke-all')
  @HttpCode(204)
  @ApiCookieAuth()
  @ApiOperation({ summary: 'Sign out everywhere: ends every session of the signed-in user' })
  @ApiProblems(401, 403)
  async revokeAll(@Ctx() ctx: UserContext, @Res({ passthrough: true }) res: FastifyReply): Promise<void> {
    await this.auth.revokeAll(ctx, ctx.user.id);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.clearCookie(CSRF_COOKIE, { path: '/' });
  }

  @Post('password')
  @AllowDuringMfaSetup()
  @AllowDuringPasswordChange()
  @HttpCode(204)
  @ApiCookieAuth()
  @ApiOperation({
    summary: 'Change your password (at least 12 characters, not a common one); every session ends',
  })
  @ApiProblems(400, 401, 403)
  async changePassword(
    @Ctx() ctx: UserContext,
    @Body() body: ChangePasswordDto,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<void> {
    await this.auth.changePassword(ctx, body.currentPassword, body.newPassword);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.clearCookie(CSRF_COOKIE, { path: '/' });
  }

  @Get('totp')
  @AllowDuringMfaSetup()
  @AllowDuringPasswordChange()
  @ApiCookieAuth()
  @ApiOperation({
    summary: 'Whether two-factor login is on for the signed-in user, and whether their role needs it',
  })
  @ApiOkResponse({ type: TotpStatusDto })
  @ApiProblems(401)
  totpStatus(@Ctx() ctx: UserContext): Promise<TotpStatusDto> {
    return this.auth.totpStatus(ctx);
  }

  @Post('totp/setup')
  @AllowDuringMfaSetup()
  @ApiCookieAuth()
  @ApiOperation({
    summary:
      'Start two-factor setup, or replace the app in use: a TOTP secret and otpauth URI (for a QR code), shown once. ' +
      'Needs the password, and a current code while two-factor login is on; the new app counts once confirmed.',
  })
  @ApiCreatedResponse({ type: TotpSetupDto })
  @ApiProblems(400, 401, 403, 429)
  setupTotp(@Ctx() ctx: UserContext, @Body() body: TotpChangeDto): Promise<TotpSetupDto> {
    return this.auth.setupTotp(ctx, body.password, body.code, body.recoveryCode);
  }

  @Post('totp/confirm')
  @AllowDuringMfaSetup()
  @HttpCode(200)
  @ApiCookieAuth()
  @ApiOperation({
    summary:
      'Confirm two-factor setup with a first code; from now on login asks for a code. The answer carries ten one-time recovery codes, shown once (earlier ones stop working)',
  })
  @ApiOkResponse({ type: RecoveryCodesDto })
  @ApiProblems(400, 401, 403)
  confirmTotp(@Ctx() ctx: UserContext, @Body() body: TotpCodeDto): Promise<RecoveryCodesDto> {
    return this.auth.confirmTotp(ctx, body.code);
  }

  @Post('totp/disable')
  @HttpCode(204)
  @ApiCookieAuth()
  @ApiOperation({
    summary:
      'Switch two-factor login off: needs the password and a current code; audited and e-mailed to the user. ' +
      'Refused (422) for a role that must use two factors.',
  })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 422, 429)
  disableTotp(@Ctx() ctx: UserContext, @Body() body: TotpChangeDto): Promise<void> {
    return this.auth.disableTotp(ctx, body.password, body.code);
  }
}

export function toCurrentUser(u: UserContext['user']): CurrentUserResponse {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    role: u.role,
    programmeIds: u.programmeIds,
    leadProgrammeIds: u.leadProgrammeIds,
    csrfToken: u.csrfToken,
    mustChangePassword: u.mustChangePassword ?? false,
  };
}
