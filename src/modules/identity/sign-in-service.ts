// Password sign-in and its mandatory second factor: the password step (throttled per account and
// per address, with temporary lockout), the code step (authenticator, e-mail or SMS code, or a
// recovery code), Resend, and the trial-mode view of one's own codes in the outbox.
import type { Executor } from "../../platform/db.ts";
import { inTransaction } from "../../platform/db.ts";
import { conflict, forbidden, notFound, rateLimited, unauthenticated } from "../../platform/errors.ts";
import { outboxFor, type OutboxMessage } from "../../platform/delivery/index.ts";
import * as access from "../access/index.ts";
import type { IdentityCtx, RequestMeta } from "./identity-ctx.ts";
import { addMinutes, maskEmail, normalizeEmail, parseEnteredCode } from "./model.ts";
import { LIMITS, passwordKey } from "./throttle-model.ts";
import { verifyPassword } from "./passwords.ts";
import * as challenges from "./challenge-store.ts";
import * as throttles from "./throttle-store.ts";
import * as users from "./store.ts";
import type { User } from "./store.ts";
import * as sso from "./sso-store.ts";
import { securityEvent } from "./security-audit.ts";
import { actorForUser, openSession, type OpenedSession } from "./session-service.ts";
import {
  challengeView,
  checkCurrentFactor,
  codeAttempt,
  countWrongCode,
  issueCode,
  newCookieChallenge,
  requireLive,
  send,
  type Challenge,
  type ChallengeView,
  type Outgoing,
} from "./second-factor.ts";
import { notices } from "./messages.ts";
import type { TwoFactorMethod } from "./tables.ts";

export interface EnrolmentView {
  methods: TwoFactorMethod[];
  email: string;
  smsAvailable: boolean;
}

export type SignInStep =
  | { next: "2fa"; token: string; challenge: ChallengeView }
  | { next: "enrol-2fa"; token: string; enrolment: EnrolmentView };

export function enrolmentView(ictx: IdentityCtx, user: User): EnrolmentView {
  const methods: TwoFactorMethod[] = ictx.delivery.smsAvailable
    ? ["totp", "email", "sms"]
    : ["totp", "email"];
  return { methods, email: maskEmail(user.email), smsAvailable: ictx.delivery.smsAvailable };
}

async function firmName(ex: Executor, firmId: string): Promise<string> {
  return (await access.firmById(ex, firmId))?.name ?? "Closebook";
}

/**
 * After a first factor (password, SSO without trusted MFA, an accepted invitation): the step that
 * proves the second one — a code, or enrolling a method when the user has none.
 */
export async function secondStep(
  ictx: IdentityCtx,
  user: User,
  firstFactor: Challenge["first_factor"],
): Promise<SignInStep> {
  let outgoing: Outgoing | undefined;
  const step = await inTransaction(ictx.db, async (tx): Promise<SignInStep> => {
    if (!user.twofa_method) {
      const { token } = await newCookieChallenge(tx, ictx, user, "enrol", firstFactor);
      return { next: "enrol-2fa", token, enrolment: enrolmentView(ictx, user) };
    }
    const created = await newCookieChallenge(tx, ictx, user, "sign-in", firstFactor);
    const token = created.token;
    let challenge = created.challenge;
    if (user.twofa_method !== "totp")
      ({ challenge, outgoing } = await issueCode(
        tx,
        ictx,
        challenge,
        user,
        await firmName(tx, user.firm_id),
      ));
    return { next: "2fa", token, challenge: challengeView(ictx, challenge, user) };
  });
  if (outgoing) await send(ictx, outgoing);
  return step;
}

export async function signIn(
  ictx: IdentityCtx,
  input: { email: string; password: string },
  meta: RequestMeta,
): Promise<SignInStep> {
  const now = ictx.clock.now();
  const ipKey = `sign-in:ip:${meta.ip}`;
  const ipVerdict = await throttles.verdict(ictx.db, ipKey, LIMITS.signInIp, now);
  if (!ipVerdict.ok)
    throw rateLimited(
      "identity/too-many-attempts",
      "too many failed sign-ins from your network: try again later",
      ipVerdict.retryAfter,
    );
  const email = normalizeEmail(input.email);
  const user = await users.userByEmail(ictx.db, email);
  // Counted per address, known or not, so that a lockout does not reveal that an account exists.
  const addressKey = passwordKey(email);
  const v = await throttles.verdict(ictx.db, addressKey, LIMITS.signInAccount, now);
  if (!v.ok) {
    await securityEvent(ictx.db, {
      action: "identity.sign_in.locked_out",
      firmId: user?.firm_id ?? null,
      userId: user?.id ?? null,
      meta,
      ...(user ? {} : { detail: { email } }),
    });
    throw rateLimited(
      "identity/locked",
      `too many wrong passwords: this account is locked for ${Math.ceil(v.retryAfter / 60)} minutes; you can reset your password meanwhile`,
      v.retryAfter,
    );
  }
  const ok = await verifyPassword(user?.password_hash, input.password);
  if (!user || !ok) {
    await throttles.note(ictx.db, ipKey, LIMITS.signInIp, now, "failure");
    const state = await throttles.note(ictx.db, addressKey, LIMITS.signInAccount, now, "failure");
    await securityEvent(ictx.db, {
      action: "identity.sign_in.failed",
      firmId: user?.firm_id ?? null,
      userId: user?.id ?? null,
      meta,
      detail: {
        reason: user ? "wrong-password" : "unknown-email",
        ...(user ? {} : { email }),
        locked: Boolean(state?.lockedUntil),
      },
    });
    throw unauthenticated("identity/invalid-credentials", "the e-mail address or the password is not right");
  }
  await throttles.note(ictx.db, addressKey, LIMITS.signInAccount, now, "success");
  await refuseWhenBarred(ictx, user, meta, "password");
  return secondStep(ictx, user, "password");
}

/** Accounts that proved their password but may not sign in this way. */
async function refuseWhenBarred(
  ictx: IdentityCtx,
  user: User,
  meta: RequestMeta,
  via: "password" | "sso",
): Promise<void> {
  const refuse = async (reason: string, error: Error) => {
    await securityEvent(ictx.db, {
      action: "identity.sign_in.refused",
      firmId: user.firm_id,
      userId: user.id,
      meta,
      detail: { reason },
    });
    throw error;
  };
  if (user.status !== "active")
    await refuse(
      "inactive",
      forbidden("identity/account-inactive", "this account is deactivated: ask your firm's administrator"),
    );
  const membership = await access.membershipView(ictx.db, user.firm_id, user.id);
  if (via === "password" && membership?.role !== "partner_admin") {
    const config = await sso.ssoConfig(ictx.db, user.firm_id);
    if (config?.require_sso) {
      const firm = await access.firmById(ictx.db, user.firm_id);
      await refuse(
        "sso-required",
        forbidden("identity/sso-required", "your firm signs in with single sign-on", {
          extra: { ssoUrl: `/api/auth/sso/${firm?.slug}/start?email=${encodeURIComponent(user.email)}` },
        }),
      );
    }
  }
  const actor = await actorForUser(ictx.db, user);
  if (!actor)
    await refuse(
      "no-membership",
      forbidden(
        "identity/account-inactive",
        "this account has no role in the firm: ask your firm's administrator",
      ),
    );
  if (actor && actor.role.startsWith("client_") && actor.clients !== "all" && actor.clients.length === 0) {
    await refuse(
      "no-client",
      forbidden(
        "identity/no-client-access",
        "the client this account belongs to is no longer served: ask your firm",
      ),
    );
  }
}

export { refuseWhenBarred };

async function cookieChallenge(
  tx: Executor,
  ictx: IdentityCtx,
  token: string | undefined,
  purposes: Array<Challenge["purpose"]>,
): Promise<{ challenge: Challenge; user: User }> {
  const found = token
    ? await challenges.challengeByTokenHash(tx, ictx.secrets.hash("challenge", token))
    : undefined;
  const challenge = requireLive(
    found && purposes.includes(found.purpose) ? found : undefined,
    ictx.clock.now(),
  );
  const user = await users.userById(tx, challenge.user_id);
  if (!user || user.status !== "active")
    throw unauthenticated("identity/no-challenge", "start again at the sign-in page");
  return { challenge, user };
}

export async function loadCookieChallenge(
  ictx: IdentityCtx,
  token: string | undefined,
  purposes: Array<Challenge["purpose"]>,
): Promise<{ challenge: Challenge; user: User }> {
  return cookieChallenge(ictx.db, ictx, token, purposes);
}

export { cookieChallenge };

/** The code step of sign-in: on success, a session. */
export async function verifySignIn(
  ictx: IdentityCtx,
  token: string | undefined,
  codeText: string,
  meta: RequestMeta,
): Promise<OpenedSession & { recoveryCodesLeft: number }> {
  const entered = parseEnteredCode(codeText);
  const { user } = await loadCookieChallenge(ictx, token, ["sign-in"]);
  let usedRecovery = false;
  const opened = await codeAttempt(ictx, user, meta, "identity.2fa", async (tx) => {
    const { challenge, user: current } = await cookieChallenge(tx, ictx, token, ["sign-in"]);
    const check = await checkCurrentFactor(tx, ictx, current, challenge, entered);
    if (!check.ok) return countWrongCode(tx, ictx, challenge, check.reason);
    await challenges.updateChallenge(tx, challenge.id, { consumed_at: ictx.clock.now() });
    usedRecovery = check.via === "recovery";
    const method = `${challenge.first_factor}+${check.via}`;
    return {
      ok: true,
      value: {
        ...(await openSession(tx, ictx, current, method, meta)),
        recoveryCodesLeft: await users.recoveryCodesLeft(tx, current.id),
      },
    };
  });
  if (usedRecovery)
    await ictx.delivery
      .sendEmail(
        notices.recoveryCodeUsed({ email: user.email, firmId: user.firm_id }, opened.recoveryCodesLeft),
      )
      .catch(() => undefined);
  return opened;
}

/** Sends a new code for the sign-in or enrolment in progress (e-mail and SMS only). */
export async function resend(
  ictx: IdentityCtx,
  token: string | undefined,
  meta: RequestMeta,
): Promise<ChallengeView> {
  let outgoing: Outgoing | undefined;
  const view = await inTransaction(ictx.db, async (tx) => {
    const { challenge, user } = await cookieChallenge(tx, ictx, token, ["sign-in", "enrol"]);
    if (challenge.method !== "email" && challenge.method !== "sms") {
      throw conflict(
        "identity/nothing-to-resend",
        challenge.method === "totp"
          ? "open your authenticator app: it shows a new code every 30 seconds"
          : "choose a method first",
      );
    }
    const issued = await issueCode(tx, ictx, challenge, user, await firmName(tx, user.firm_id));
    outgoing = issued.outgoing;
    await securityEvent(tx, {
      action: "identity.2fa.code_resent",
      firmId: user.firm_id,
      userId: user.id,
      meta,
      detail: { method: challenge.method, sends: issued.challenge.sends },
    });
    return challengeView(ictx, issued.challenge, user);
  });
  await send(ictx, outgoing!);
  return view;
}

/**
 * Trial mode only (no mail server configured): the messages sent to the person signing in during
 * the last hour, so a first sign-in needs nothing but this machine. Whoever knows the password can
 * read them — which is why the outbox turns off as soon as a mail server is configured.
 */
export async function challengeOutbox(
  ictx: IdentityCtx,
  token: string | undefined,
): Promise<OutboxMessage[]> {
  if (!ictx.delivery.outboxEnabled)
    throw notFound("identity/no-outbox", "a mail server is configured: codes are sent by e-mail or text");
  const { challenge, user } = await loadCookieChallenge(ictx, token, ["sign-in", "enrol"]);
  const to = [
    user.email,
    ...(user.phone ? [user.phone] : []),
    ...(challenge.pending_phone ? [challenge.pending_phone] : []),
  ];
  return outboxFor(ictx.db, to, addMinutes(challenge.created_at, -60));
}
