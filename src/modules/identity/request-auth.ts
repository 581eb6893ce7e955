// How a request proves who it is: the session cookie (with the CSRF header on every change) or a
// bearer API token. Sets request.actor (and request.auth) or answers 401/403 before the route runs.
import type { FastifyReply, FastifyRequest } from "fastify";
import { forbidden, unauthenticated } from "../../platform/errors.ts";
import { sameSecret } from "../../platform/secrets.ts";
import type { IdentityCtx, RequestMeta } from "./identity-ctx.ts";
import { resolveSession, type OpenedSession, type Session } from "./session-service.ts";
import type { User } from "./store.ts";
import { resolveToken } from "./token-service.ts";
import { CHALLENGE_MINUTES } from "./model.ts";

export const SESSION_COOKIE = "cb_session";
export const CHALLENGE_COOKIE = "cb_challenge";
export const CSRF_HEADER = "x-csrf-token";

export type RequestAuth = { kind: "session"; session: Session; user: User } | { kind: "token" };

declare module "fastify" {
  interface FastifyRequest {
    auth?: RequestAuth;
  }
}

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

export function metaOf(request: FastifyRequest): RequestMeta {
  const ua = request.headers["user-agent"];
  return { ip: request.ip, userAgent: typeof ua === "string" ? ua.slice(0, 300) : null };
}

/** The onRequest step of every non-public /api route. */
export function authenticator(ictx: IdentityCtx, isPublic: (request: FastifyRequest) => boolean) {
  return async (request: FastifyRequest): Promise<void> => {
    if (isPublic(request)) return;
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const [scheme, value] = authorization.split(/\s+/, 2);
      if (scheme?.toLowerCase() !== "bearer" || !value)
        throw unauthenticated("identity/invalid-token", "use Authorization: Bearer <API token>");
      request.actor = await resolveToken(ictx, value);
      request.auth = { kind: "token" };
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) throw unauthenticated("identity/unauthenticated", "sign in to continue");
    const resolved = await resolveSession(ictx, token);
    if (!SAFE.has(request.method)) {
      const header = request.headers[CSRF_HEADER];
      if (typeof header !== "string" || !sameSecret(header, resolved.session.csrf_token)) {
        throw forbidden(
          "identity/csrf",
          "this request lacks the X-CSRF-Token header of your session: reload the page",
        );
      }
    }
    request.actor = resolved.actor;
    request.auth = { kind: "session", session: resolved.session, user: resolved.user };
  };
}

/** The signed-in session of the request (routes about one's own account need a person, not a token). */
export function sessionOf(request: FastifyRequest): { session: Session; user: User } {
  if (request.auth?.kind !== "session")
    throw forbidden("identity/session-required", "this needs a signed-in person, not an API token");
  return request.auth;
}

/**
 * How recently the request's person proved their second factor (for actions that need it fresh,
 * such as revealing a vault password): when, and by which method they would prove it again. An API
 * token has no second factor: it never counts as verified.
 */
export function secondFactorOf(request: FastifyRequest): {
  verifiedAt: Date | null;
  method: string | null;
  session: boolean;
} {
  if (request.auth?.kind !== "session") return { verifiedAt: null, method: null, session: false };
  return {
    verifiedAt: request.auth.session.factor_verified_at,
    method: request.auth.user.twofa_method,
    session: true,
  };
}

export function setSessionCookie(reply: FastifyReply, ictx: IdentityCtx, opened: OpenedSession): void {
  reply.setCookie(SESSION_COOKIE, opened.token, {
    path: "/",
    httpOnly: true,
    secure: ictx.settings.cookieSecure,
    sameSite: "lax",
    maxAge: Math.max(
      1,
      Math.floor((opened.session.expires_at.getTime() - ictx.clock.now().getTime()) / 1000),
    ),
  });
  reply.clearCookie(CHALLENGE_COOKIE, { path: "/api/auth" });
}

export function setChallengeCookie(reply: FastifyReply, ictx: IdentityCtx, token: string): void {
  reply.setCookie(CHALLENGE_COOKIE, token, {
    path: "/api/auth",
    httpOnly: true,
    secure: ictx.settings.cookieSecure,
    sameSite: "strict",
    maxAge: CHALLENGE_MINUTES * 60,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: "/" });
}
