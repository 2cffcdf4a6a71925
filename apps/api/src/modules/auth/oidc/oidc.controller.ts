import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SignInOptionsResponse } from '@stegvis/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { Ctx, type RequestContext } from '../../../common/context/request-context';
import { ApiProblems } from '../../../common/openapi/api-problems';
import { Public } from '../auth.decorators';
import { setSessionCookies } from '../session-cookies';
import { OidcStartQueryDto, SignInOptionsDto, SignInOptionsQueryDto } from './oidc.dto';
import { loginPage, OidcService } from './oidc.service';

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
    if (cookie)
      // Lax, not Strict: the way back is a top-level navigation from the provider's site.
      res.setCookie(OIDC_COOKIE, cookie, {
        httpOnly: true,
        sameSite: 'lax',
        secure: this.config.cookieSecure,
        path: OIDC_PATH,
        maxAge: 10 * 60,
      });
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
    res.clearCookie(OIDC_COOKIE, { path: OIDC_PATH });
    if (outcome.kind === 'refused') return void (await res.redirect(loginPage(outcome.reason), 302));
    setSessionCookies(res, outcome.session, this.config);
    await res.redirect(outcome.returnTo, 302);
  }
}
