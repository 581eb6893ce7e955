// Sessions: opened when both factors are proven, carried by an HttpOnly cookie holding a random
// token (the database keeps only its keyed hash), ended by sign-out, by "sign out everywhere",
// and by the idle and absolute timeouts. Resolving a session yields the actor requests act as.
import type { Actor } from "../../platform/actor.ts";
import type { Executor } from "../../platform/db.ts";
import { inTransaction } from "../../platform/db.ts";
import { newId } from "../../platform/ids.ts";
import { notFound, unauthenticated } from "../../platform/errors.ts";
import { randomToken } from "../../platform/secrets.ts";
import * as access from "../access/index.ts";
import type { IdentityCtx, RequestMeta } from "./identity-ctx.ts";
import { needsTouch, sessionExpiry, sessionState } from "./model.ts";
import { securityEvent } from "./security-audit.ts";
import * as sessions from "./session-store.ts";
import type { Session } from "./session-store.ts";
import * as users from "./store.ts";
import type { User } from "./store.ts";

export type { Session };

export interface OpenedSession {
  token: string;
  csrfToken: string;
  session: Session;
}

/** The actor a user acts as: its role and clients from its membership. Null when it may not act. */
export async function actorForUser(ex: Executor, user: User): Promise<Actor | null> {
  if (user.status !== "active") return null;
  const m = await access.membershipView(ex, user.firm_id, user.id);
  if (!m) return null;
  const clients = await access.actorClientsOf(ex, user.firm_id, m);
  return {
    type: "user",
    id: user.id,
    firmId: user.firm_id,
    role: m.role,
    clients,
    displayName: user.name || user.email,
  };
}

/** Opens a session for a user who has just proven both factors (inside the caller's transaction). */
export async function openSession(
  tx: Executor,
  ictx: IdentityCtx,
  user: User,
  authMethod: string,
  meta: RequestMeta,
): Promise<OpenedSession> {
  const now = ictx.clock.now();
  const token = randomToken();
  const csrfToken = randomToken();
  const session = await sessions.insertSession(tx, {
    id: newId(),
    firm_id: user.firm_id,
    user_id: user.id,
    token_hash: ictx.secrets.hash("session", token),
    csrf_token: csrfToken,
    auth_method: authMethod,
    created_at: now,
    last_seen_at: now,
    expires_at: sessionExpiry(now, ictx.settings.session),
    // "password+totp", "sso+sms"…: a second factor was proven just now ("sso" alone: the IdP's).
    factor_verified_at: authMethod.includes("+") ? now : null,
    user_agent: meta.userAgent?.slice(0, 300) ?? null,
    ip: meta.ip,
  });
  await users.updateUser(tx, user.firm_id, user.id, { last_sign_in_at: now });
  await securityEvent(tx, {
    action: "identity.signed_in",
    firmId: user.firm_id,
    userId: user.id,
    meta,
    detail: { method: authMethod, sessionId: session.id },
  });
  return { token, csrfToken, session };
}

export interface ResolvedSession {
  actor: Actor;
  session: Session;
  user: User;
}

/** The session of a cookie token, or 401 naming why there is none. */
export async function resolveSession(ictx: IdentityCtx, token: string): Promise<ResolvedSession> {
  const now = ictx.clock.now();
  const session = await sessions.sessionByTokenHash(ictx.db, ictx.secrets.hash("session", token));
  if (!session) throw unauthenticated("identity/unauthenticated", "sign in to continue");
  const state = sessionState(session, now, ictx.settings.session);
  if (state === "revoked")
    throw unauthenticated("identity/session-ended", "this session has ended: sign in again");
  if (state !== "active") {
    await inTransaction(ictx.db, async (tx) => {
      await sessions.revokeSession(tx, session.id, now);
      await securityEvent(tx, {
        action: "identity.session.expired",
        firmId: session.firm_id,
        userId: session.user_id,
        detail: { sessionId: session.id, reason: state },
      });
    });
    throw unauthenticated(
      "identity/session-expired",
      state === "idle-expired"
        ? "you were signed out after a period of inactivity: sign in again"
        : "your session has expired: sign in again",
    );
  }
  const user = await users.userById(ictx.db, session.user_id);
  const actor = user ? await actorForUser(ictx.db, user) : null;
  if (!user || !actor) {
    await sessions.revokeSession(ictx.db, session.id, now);
    throw unauthenticated("identity/account-inactive", "this account can no longer sign in");
  }
  if (needsTouch(session.last_seen_at, now)) await sessions.touchSession(ictx.db, session.id, now);
  return { actor, session, user };
}

export async function signOut(ictx: IdentityCtx, session: Session): Promise<void> {
  await inTransaction(ictx.db, async (tx) => {
    await sessions.revokeSession(tx, session.id, ictx.clock.now());
    await securityEvent(tx, {
      action: "identity.signed_out",
      firmId: session.firm_id,
      userId: session.user_id,
      detail: { sessionId: session.id },
    });
  });
}

/** Ends every session of the user, this one included. */
export async function signOutEverywhere(ictx: IdentityCtx, session: Session): Promise<number> {
  return inTransaction(ictx.db, async (tx) => {
    const n = await sessions.revokeUserSessions(tx, session.user_id, ictx.clock.now());
    await securityEvent(tx, {
      action: "identity.signed_out_everywhere",
      firmId: session.firm_id,
      userId: session.user_id,
      detail: { sessions: n },
    });
    return n;
  });
}

export async function listSessions(
  ictx: IdentityCtx,
  session: Session,
): Promise<Array<Session & { current: boolean }>> {
  const open = await sessions.openSessions(ictx.db, session.firm_id, session.user_id, ictx.clock.now());
  return open
    .filter((s) => sessionState(s, ictx.clock.now(), ictx.settings.session) === "active")
    .map((s) => ({ ...s, current: s.id === session.id }));
}

export async function endSession(ictx: IdentityCtx, current: Session, id: string): Promise<void> {
  await inTransaction(ictx.db, async (tx) => {
    const target = await sessions.sessionById(tx, current.firm_id, id);
    if (!target || target.user_id !== current.user_id)
      throw notFound("identity/session-not-found", "no such session");
    await sessions.revokeSession(tx, id, ictx.clock.now());
    await securityEvent(tx, {
      action: "identity.session.ended",
      firmId: current.firm_id,
      userId: current.user_id,
      detail: { sessionId: id },
    });
  });
}
