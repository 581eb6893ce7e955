// The identity module's public face: who signs in and how, sessions and API tokens, users and
// invitations, SSO — and the request authentication the server composes.
import {
  activeUserIds,
  firmUser,
  firmUsers,
  insertUser,
  updateUser,
  userByEmail,
  userById,
} from "./store.ts";
export type { IdentityCtx, IdentitySettings, RequestMeta } from "./identity-ctx.ts";
export {
  authenticator,
  secondFactorOf,
  SESSION_COOKIE,
  CHALLENGE_COOKIE,
  CSRF_HEADER,
} from "./request-auth.ts";
export type { RequestAuth } from "./request-auth.ts";
export { signIn, verifySignIn, resend, secondStep } from "./sign-in-service.ts";
export { startEnrolment, confirmFirstEnrolment } from "./enrolment-service.ts";
export { openSession, actorForUser, resolveSession } from "./session-service.ts";
export { invite, acceptInvitation, lookupInvitation, INVITER_LINK } from "./invitation-service.ts";
export type { InviteInput } from "./invitation-service.ts";
export { licencesUsed, listUsers, createActiveUser } from "./user-service.ts";
export type { NewActiveUser } from "./user-service.ts";
export { createToken, resolveToken } from "./token-service.ts";
export { hashPassword } from "./passwords.ts";
export { newTotpSecret, totpCode } from "./totp.ts";
export { normalizeEmail, verifiedWithin } from "./model.ts";
export { LIMITS, RESEND } from "./throttle-model.ts";
/** The few user-store calls other modules need (and, for test set-ups, the raw insert and update). */
export const users = { activeUserIds, firmUser, firmUsers, insertUser, updateUser, userByEmail, userById };
export type { User } from "./store.ts";
export type { IdentityTables } from "./tables.ts";
export { authRoutes } from "./auth-routes.ts";
export { meRoutes } from "./me-routes.ts";
export { usersRoutes } from "./users-routes.ts";
export { tokenRoutes } from "./token-routes.ts";
export { ssoRoutes } from "./sso-routes.ts";

import type { Executor } from "../../platform/db.ts";

/** E-mail addresses of users of a firm (for notifications). */
export async function emailsOf(
  ex: Executor,
  firmId: string,
  userIds: readonly string[],
): Promise<Map<string, string>> {
  return new Map(
    (await firmUsers(ex, firmId, userIds)).filter((u) => u.status === "active").map((u) => [u.id, u.email]),
  );
}
