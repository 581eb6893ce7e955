// Passwords: reset by an e-mailed link (valid one hour, once; the answer never says whether the
// address exists), and change while signed in (needs the current password). Both end the user's
// other sessions and e-mail a notice; the second factor stays as it is.
import { inTransaction } from "../../platform/db.ts";
import { forbidden, gone, rateLimited, validationError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { randomToken } from "../../platform/secrets.ts";
import type { IdentityCtx, RequestMeta } from "./identity-ctx.ts";
import {
  PASSWORD_RESET_MINUTES,
  addMinutes,
  checkPassword,
  linkState,
  normalizeEmail,
  portalLink,
} from "./model.ts";
import { LIMITS, passwordKey } from "./throttle-model.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";
import * as links from "./link-store.ts";
import * as sessions from "./session-store.ts";
import type { Session } from "./session-store.ts";
import * as challenges from "./challenge-store.ts";
import * as throttles from "./throttle-store.ts";
import * as users from "./store.ts";
import { notices, passwordResetEmail } from "./messages.ts";
import { securityEvent } from "./security-audit.ts";

/** Sends a reset link when the address belongs to an active account; says nothing either way. */
export async function requestPasswordReset(
  ictx: IdentityCtx,
  emailText: string,
  meta: RequestMeta,
): Promise<void> {
  const now = ictx.clock.now();
  const ipKey = `reset:ip:${meta.ip}`;
  const ipVerdict = await throttles.verdict(ictx.db, ipKey, LIMITS.passwordResetIp, now);
  if (!ipVerdict.ok)
    throw rateLimited(
      "identity/too-many-attempts",
      "too many password resets from your network: try again later",
      ipVerdict.retryAfter,
    );
  await throttles.note(ictx.db, ipKey, LIMITS.passwordResetIp, now, "event");
  const email = normalizeEmail(emailText);
  const user = await users.userByEmail(ictx.db, email);
  if (!user || user.status !== "active") {
    await securityEvent(ictx.db, {
      action: "identity.password_reset.requested",
      firmId: user?.firm_id ?? null,
      userId: user?.id ?? null,
      meta,
      detail: { sent: false },
    });
    return;
  }
  const key = `reset:user:${user.id}`;
  // Over the limit the answer is the same: the limit protects the mailbox, not a secret.
  if (!(await throttles.verdict(ictx.db, key, LIMITS.passwordResetAccount, now)).ok) return;
  const token = randomToken();
  await inTransaction(ictx.db, async (tx) => {
    await throttles.note(tx, key, LIMITS.passwordResetAccount, now, "event");
    await links.insertPasswordReset(tx, {
      id: newId(),
      firm_id: user.firm_id,
      user_id: user.id,
      token_hash: ictx.secrets.hash("password-reset", token),
      created_at: now,
      expires_at: addMinutes(now, PASSWORD_RESET_MINUTES),
    });
    await securityEvent(tx, {
      action: "identity.password_reset.requested",
      firmId: user.firm_id,
      userId: user.id,
      meta,
      detail: { sent: true },
    });
  });
  await ictx.delivery.sendEmail(
    passwordResetEmail(
      { email: user.email, firmId: user.firm_id },
      portalLink(ictx.settings.baseUrl, "reset-password", token),
    ),
  );
}

export async function confirmPasswordReset(
  ictx: IdentityCtx,
  token: string,
  password: string,
  meta: RequestMeta,
): Promise<void> {
  const now = ictx.clock.now();
  const user = await inTransaction(ictx.db, async (tx) => {
    const reset = await links.passwordResetByTokenHash(tx, ictx.secrets.hash("password-reset", token));
    if (!reset) throw gone("identity/token-expired", "this link is not valid: ask for a new one");
    const state = linkState({ expires_at: reset.expires_at, used: reset.used_at !== null }, now);
    if (state !== "valid")
      throw gone(
        "identity/token-expired",
        state === "used"
          ? "this link has already been used: ask for a new one"
          : "this link has expired: ask for a new one",
      );
    const found = await users.firmUser(tx, reset.firm_id, reset.user_id);
    if (!found || found.status !== "active")
      throw gone("identity/token-expired", "this link is not valid: ask for a new one");
    checkPassword(password, { email: found.email });
    const updated = await users.updateUser(tx, found.firm_id, found.id, {
      password_hash: await hashPassword(password),
      password_changed_at: now,
    });
    await links.usePasswordResets(tx, found.id, now);
    await sessions.revokeUserSessions(tx, found.id, now);
    await challenges.consumeUserChallenges(tx, found.id, now);
    await securityEvent(tx, {
      action: "identity.password_reset.completed",
      firmId: found.firm_id,
      userId: found.id,
      meta,
    });
    return updated;
  });
  // A new password lifts a lockout caused by guesses at the old one.
  await throttles.note(ictx.db, passwordKey(user.email), LIMITS.signInAccount, now, "success");
  await ictx.delivery
    .sendEmail(notices.passwordChanged({ email: user.email, firmId: user.firm_id }))
    .catch(() => undefined);
}

export async function changePassword(
  ictx: IdentityCtx,
  session: Session,
  input: { currentPassword: string; newPassword: string },
  meta: RequestMeta,
): Promise<void> {
  const now = ictx.clock.now();
  const user = await users.firmUser(ictx.db, session.firm_id, session.user_id);
  if (!user) throw forbidden("identity/account-inactive", "this account can no longer sign in");
  const key = passwordKey(user.email);
  const verdict = await throttles.verdict(ictx.db, key, LIMITS.signInAccount, now);
  if (!verdict.ok)
    throw rateLimited("identity/locked", "too many wrong passwords: try again later", verdict.retryAfter);
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    await throttles.note(ictx.db, key, LIMITS.signInAccount, now, "failure");
    await securityEvent(ictx.db, {
      action: "identity.password_change.failed",
      firmId: user.firm_id,
      userId: user.id,
      meta,
    });
    throw validationError("identity/wrong-password", "the current password is not right", {
      field: "currentPassword",
    });
  }
  checkPassword(input.newPassword, { email: user.email }, "newPassword");
  const hash = await hashPassword(input.newPassword);
  await inTransaction(ictx.db, async (tx) => {
    await users.updateUser(tx, user.firm_id, user.id, { password_hash: hash, password_changed_at: now });
    await sessions.revokeUserSessions(tx, user.id, now, session.id);
    await links.usePasswordResets(tx, user.id, now);
    await securityEvent(tx, {
      action: "identity.password_changed",
      firmId: user.firm_id,
      userId: user.id,
      meta,
    });
  });
  await ictx.delivery
    .sendEmail(notices.passwordChanged({ email: user.email, firmId: user.firm_id }))
    .catch(() => undefined);
}
