import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@stegvis/contracts';
import type { FastifyRequest } from 'fastify';

export interface AuthUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organisationId: string | null;
  programmeIds: string[];
  /** Of programmeIds, those whose allocation carries the lead mark (processledare): PolicyService's rules use it. */
  leadProgrammeIds: string[];
  sessionIdHash: string;
  csrfToken: string;
  /** Two factors are required for the role but not set up yet: only TOTP setup may be used. */
  mfaPending?: boolean;
  /** The password is a one-time one the admin was shown: only changing it may be used. */
  mustChangePassword?: boolean;
}

/** Who is asking, passed explicitly to services so that access rules and audit records know it. */
export interface RequestContext {
  user: AuthUser | null;
  requestId: string;
  ip: string;
}

export type StegvisRequest = FastifyRequest & { stegvisUser?: AuthUser };

/** The request's path without its query string (which can hold search terms such as a name). */
export function pathOf(req: FastifyRequest): string {
  const q = req.url.indexOf('?');
  return q === -1 ? req.url : req.url.slice(0, q);
}

export function contextOf(req: StegvisRequest): RequestContext {
  return { user: req.stegvisUser ?? null, requestId: req.id, ip: req.ip };
}

/** The request context of a handler; `@Ctx() ctx: RequestContext`. */
export const Ctx = createParamDecorator((_: unknown, host: ExecutionContext): RequestContext =>
  contextOf(host.switchToHttp().getRequest<StegvisRequest>()),
);

/** A handler whose context is guaranteed to carry a user (the auth guard ran). */
export type UserContext = RequestContext & { user: AuthUser };
