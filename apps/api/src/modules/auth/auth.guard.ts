import { timingSafeEqual } from 'node:crypto';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type Action, CSRF_HEADER, SESSION_COOKIE } from '@stegvis/contracts';
import { AuditService } from '../../common/audit/audit.service';
import { contextOf, pathOf, type StegvisRequest } from '../../common/context/request-context';
import { PolicyService } from '../../common/policy/policy.service';
import { Problem } from '../../common/problem/problem';
import { ACTION_KEY, MFA_SETUP_KEY, PASSWORD_CHANGE_KEY, PUBLIC_KEY, SKIP_CSRF_KEY } from './auth.decorators';
import { AuthService } from './auth.service';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Global: session cookie → user, CSRF check on unsafe methods, then the role check of the handler's action. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = context.switchToHttp().getRequest<StegvisRequest>();
    const cookie = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    const user = cookie ? await this.auth.authenticate(cookie) : null;
    if (!user) throw new Problem(401, 'Sign in to continue', undefined, undefined, { code: 'not_signed_in' });
    req.stegvisUser = user;

    if (!SAFE_METHODS.has(req.method) && !this.reflector.getAllAndOverride<boolean>(SKIP_CSRF_KEY, targets)) {
      const sent = req.headers[CSRF_HEADER.toLowerCase()];
      const header = typeof sent === 'string' ? sent : '';
      if (!sameToken(header, user.csrfToken)) {
        await this.audit.record(contextOf(req), {
          action: 'auth.csrf',
          entityType: 'request',
          outcome: 'denied',
          details: { path: pathOf(req) },
        });
        throw new Problem(
          403,
          'Missing or wrong CSRF token (send the X-CSRF-Token header)',
          undefined,
          undefined,
          { code: 'csrf_token_missing' },
        );
      }
    }
    // The one-time password first: whoever saw it (the admin) must not also be able to set up the second factor.
    if (user.mustChangePassword && !this.reflector.getAllAndOverride<boolean>(PASSWORD_CHANGE_KEY, targets)) {
      throw new Problem(
        403,
        'Choose your own password first (POST /api/auth/password)',
        undefined,
        { type: 'https://stegvis.se/problems/password-change-required' },
        { code: 'password_change_required' },
      );
    }
    if (user.mfaPending && !this.reflector.getAllAndOverride<boolean>(MFA_SETUP_KEY, targets)) {
      throw new Problem(
        403,
        'Set up two-factor authentication first (POST /api/auth/totp/setup)',
        undefined,
        { type: 'https://stegvis.se/problems/totp-setup-required' },
        { code: 'mfa_setup_required' },
      );
    }
    const action = this.reflector.getAllAndOverride<Action | undefined>(ACTION_KEY, targets);
    if (action && !this.policy.can(user, action)) {
      await this.audit.record(contextOf(req), {
        action,
        entityType: 'endpoint',
        entityId: pathOf(req),
        outcome: 'denied',
      });
      throw new Problem(403, 'Your role may not do this', undefined, undefined, { code: 'forbidden' });
    }
    return true;
  }
}
