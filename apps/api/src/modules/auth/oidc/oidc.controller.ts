import { Body, Controller, Get, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { ApiFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CurrentUserResponse, SignInOptionsResponse } from '@stegvis/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { Ctx, type RequestContext } from '../../../common/context/request-context';
import { ApiProblems } from '../../../common/openapi/api-problems';
import { toCurrentUser } from '../auth.controller';
import { Public } from '../auth.decorators';
import { CurrentUserDto } from '../dto/login.dto';
import { setSessionCookies } from '../session-cookies';
import { OidcCodeDto, OidcStartQueryDto, SignInOptionsDto, SignInOptionsQueryDto } from './oidc.dto';
import { CODE_MINUTES, LOGIN_MINUTES, loginPage, OidcService } from './oidc.service';

/** Binds the way back from the provider to the browser that set out; only its hash is stored. */
const OIDC_COOKIE = 'stegvis_oidc';
const OIDC_PATH = '/api/auth/oidc';

@ApiTags('auth')
@Controller('auth')
export class OidcController {
  constructor(
    private readonly oidc: OidcService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('sign-in-options')
  @Public()
  @ApiOperation({ summary: 'How one may sign in here: whether the identity provider (OIDC) is configured' })
  @ApiOkResponse({ type: SignInOptionsDto })
  @ApiProblems(400)
  signInOptions(@Query() _query: SignInOptionsQueryDto): SignInOptionsResponse {
    return { oidc: this.oidc.enabled };
  }

  @Get('oidc/start')
  @Public()
  @ApiOperation({
    summary:
      "Sign in through the municipality's identity provider: redirects there (authorization code with PKCE). " +
      '404 when no provider is configured.',
  })
  @ApiFoundResponse({ description: "To the provider's sign-in page, or to /login?sso=unavailable" })
  @ApiProblems(400, 404)
  async start(
    @Ctx() ctx: RequestContext,
    @Query() query: OidcStartQueryDto,
    @Res() res: FastifyReply,
  ): Promise<void> {
    const { location, cookie } = await this.oidc.start(ctx, query.returnTo);
    if (cookie) res.setCookie(OIDC_COOKIE, cookie, this.cookieOptions(LOGIN_MINUTES * 60));
    await res.redirect(location, 302);
  }

  @Get('oidc/callback')
  @Public()
  @ApiOperation({
    summary:
      'Where the identity provider sends the person back: signs in the user with that e-mail address (never creates ' +
      'one) and redirects into the admin, or to /login?sso=<reason>. 404 when no provider is configured.',
  })
  @ApiFoundResponse({ description: 'Into the admin, signed in; or to the login page with the reason' })
  @ApiProblems(404)
  async callback(
    @Ctx() ctx: RequestContext,
    @Req() req: FastifyRequest,
    @Res() res: FastifyReply,
  ): Promise<void> {
    const q = req.url.indexOf('?');
    const outcome = await this.oidc.callback(
      ctx,
      req.cookies[OIDC_COOKIE],
      q === -1 ? '' : req.url.slice(q + 1),
    );
    if (outcome.kind === 'code') {
      // The same cookie now stands for the wait for our own code, which the login page asks for next.
      res.setCookie(OIDC_COOKIE, req.cookies[OIDC_COOKIE]!, this.cookieOptions(CODE_MINUTES * 60));
      return void (await res.redirect(`/login/kod?returnUrl=${encodeURIComponent(outcome.returnTo)}`, 302));
    }
    res.clearCookie(OIDC_COOKIE, { path: OIDC_PATH });
    if (outcome.kind === 'refused') return void (await res.redirect(loginPage(outcome.reason), 302));
    setSessionCookies(res, outcome.session, this.config);
    await res.redirect(outcome.returnTo, 302);
  }

  @Post('oidc/code')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Our own second factor after the provider's sign-in, when the user has two-factor login on and the " +
      "organisation does not accept the provider's MFA: the app's code (or a recovery code) signs in, from the " +
      'browser that went to the provider, within five minutes; 401 once that wait is over.',
  })
  @ApiOkResponse({ type: CurrentUserDto })
  @ApiProblems(400, 401, 404, 429)
  async code(
    @Ctx() ctx: RequestContext,
    @Body() body: OidcCodeDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<CurrentUserResponse> {
    const session = await this.oidc.secondFactor(ctx, req.cookies[OIDC_COOKIE], body.code, body.recoveryCode);
    res.clearCookie(OIDC_COOKIE, { path: OIDC_PATH });
    setSessionCookies(res, session, this.config);
    return toCurrentUser(session.user);
  }

  /** Lax, not Strict: the way back is a top-level navigation from the provider's site. */
  private cookieOptions(maxAge: number) {
    return {
      httpOnly: true,
      sameSite: 'lax' as const,
      secure: this.config.cookieSecure,
      path: OIDC_PATH,
      maxAge,
    };
  }
}
