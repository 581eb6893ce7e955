// The machinery of second factors shared by sign-in, first enrolment and changing method while
// signed in: challenges, sending codes (with their cooldown and limits), checking what the person
// typed against the current or the pending factor, and counting wrong codes toward lockout.
import type { Executor } from "../../platform/db.ts";
import { inTransaction } from "../../platform/db.ts";
import { newId } from "../../platform/ids.ts";
import { AppError, gone, rateLimited, unauthenticated } from "../../platform/errors.ts";
import { randomToken } from "../../platform/secrets.ts";
import type { EmailMessage, SmsMessage } from "../../platform/delivery/index.ts";
import type { IdentityCtx, RequestMeta } from "./identity-ctx.ts";
import {
  CHALLENGE_MINUTES,
  CODE_MINUTES,
  MAX_CODE_ATTEMPTS,
  addMinutes,
  maskEmail,
  maskPhone,
  newOneTimeCode,
  newRecoveryCodes,
  type EnteredCode,
} from "./model.ts";
import { LIMITS, RESEND, resendWait } from "./throttle-model.ts";
import * as challenges from "./challenge-store.ts";
import type { Challenge } from "./challenge-store.ts";
import * as throttles from "./throttle-store.ts";
import * as users from "./store.ts";
import type { User } from "./store.ts";
import { codeEmail, codeSms } from "./messages.ts";
import { securityEvent } from "./security-audit.ts";
import { acceptTotp } from "./totp.ts";
import type { TwoFactorMethod } from "./tables.ts";

export type { Challenge };

export interface ChallengeView {
  method: TwoFactorMethod | null;
  destination: string | null;
  expiresAt: string;
  resendAvailableAt: string | null;
  resendsLeft: number;
  outbox: boolean;
}

export function challengeView(ictx: IdentityCtx, c: Challenge, user: User): ChallengeView {
  const sendable = c.method === "email" || c.method === "sms";
  const destination =
    c.method === "email"
      ? maskEmail(user.email)
      : c.method === "sms"
        ? maskPhone(c.pending_phone ?? user.phone ?? "")
        : null;
  const ready = c.last_sent_at ? new Date(c.last_sent_at.getTime() + RESEND.cooldownSeconds * 1000) : null;
  return {
    method: c.method,
    destination,
    expiresAt: (c.code_expires_at && sendable ? c.code_expires_at : c.expires_at).toISOString(),
    resendAvailableAt: sendable && ready ? ready.toISOString() : null,
    resendsLeft: sendable ? Math.max(0, RESEND.maxSends - c.sends) : 0,
    outbox: sendable && ictx.delivery.outboxEnabled,
  };
}

const codeHash = (ictx: IdentityCtx, challengeId: string, code: string) =>
  ictx.secrets.hash("otp", `${challengeId}:${code}`);
export const recoveryHash = (ictx: IdentityCtx, userId: string, code: string) =>
  ictx.secrets.hash("recovery", `${userId}:${code}`);

/** A challenge carried by the cb_challenge cookie: returns the cookie's token once. */
export async function newCookieChallenge(
  tx: Executor,
  ictx: IdentityCtx,
  user: User,
  purpose: "sign-in" | "enrol",
  firstFactor: Challenge["first_factor"],
): Promise<{ token: string; challenge: Challenge }> {
  const now = ictx.clock.now();
  const token = randomToken();
  const challenge = await challenges.insertChallenge(tx, {
    id: newId(),
    firm_id: user.firm_id,
    user_id: user.id,
    token_hash: ictx.secrets.hash("challenge", token),
    session_id: null,
    purpose,
    first_factor: firstFactor,
    method: purpose === "sign-in" ? user.twofa_method : null,
    code_hash: null,
    code_expires_at: null,
    pending_secret: null,
    pending_phone: null,
    last_sent_at: null,
    created_at: now,
    expires_at: addMinutes(now, CHALLENGE_MINUTES),
  });
  return { token, challenge };
}

/** A challenge tied to a signed-in session (proving the current factor, changing method). */
export async function newSessionChallenge(
  tx: Executor,
  ictx: IdentityCtx,
  user: User,
  sessionId: string,
  purpose: "verify-current" | "change",
  method: TwoFactorMethod | null,
): Promise<Challenge> {
  const now = ictx.clock.now();
  await challenges.consumeSessionChallenges(tx, sessionId, purpose, now);
  return challenges.insertChallenge(tx, {
    id: newId(),
    firm_id: user.firm_id,
    user_id: user.id,
    token_hash: null,
    session_id: sessionId,
    purpose,
    first_factor: "session",
    method,
    code_hash: null,
    code_expires_at: null,
    pending_secret: null,
    pending_phone: null,
    last_sent_at: null,
    created_at: now,
    expires_at: addMinutes(now, CHALLENGE_MINUTES),
  });
}

/** Refuses a challenge that is used up or expired (the person starts again). */
export function requireLive(c: Challenge | undefined, now: Date): Challenge {
  if (!c) throw unauthenticated("identity/no-challenge", "start again at the sign-in page");
  if (c.consumed_at || now >= c.expires_at)
    throw gone("identity/challenge-expired", "this sign-in has expired: start again at the sign-in page");
  return c;
}

export type Outgoing = { email: EmailMessage } | { sms: SmsMessage };

/**
 * Puts a new e-mail or SMS code on the challenge (the previous code stops working), within the
 * cooldown, the per-challenge limit and the per-account hourly limit. Returns the message to send
 * once the transaction has committed.
 */
export async function issueCode(
  tx: Executor,
  ictx: IdentityCtx,
  c: Challenge,
  user: User,
  firmName: string,
): Promise<{ challenge: Challenge; outgoing: Outgoing }> {
  const now = ictx.clock.now();
  const wait = resendWait(c.last_sent_at, c.sends, now);
  if (wait.exhausted)
    throw rateLimited(
      "identity/too-many-codes",
      "no more codes can be sent for this sign-in: start again at the sign-in page",
      0,
    );
  if (wait.wait > 0)
    throw rateLimited(
      "identity/resend-too-soon",
      `wait ${wait.wait} seconds before asking for another code`,
      wait.wait,
    );
  const key = `send:user:${user.id}`;
  const verdict = await throttles.verdict(tx, key, LIMITS.codesSent, now);
  if (!verdict.ok)
    throw rateLimited(
      "identity/too-many-codes",
      "too many codes were sent to this account: try again later, or use a recovery code",
      verdict.retryAfter,
    );
  await throttles.note(tx, key, LIMITS.codesSent, now, "event");
  const code = newOneTimeCode();
  const updated = await challenges.updateChallenge(tx, c.id, {
    code_hash: codeHash(ictx, c.id, code),
    code_expires_at: addMinutes(now, CODE_MINUTES),
    sends: c.sends + 1,
    last_sent_at: now,
    // A code sent keeps the challenge alive as long as the code.
    expires_at: new Date(Math.max(c.expires_at.getTime(), addMinutes(now, CODE_MINUTES).getTime())),
  });
  const method = c.method;
  const outgoing: Outgoing =
    method === "sms"
      ? { sms: codeSms({ phone: c.pending_phone ?? user.phone ?? "", firmId: user.firm_id }, code) }
      : { email: codeEmail({ email: user.email, firmId: user.firm_id }, code, firmName) };
  return { challenge: updated, outgoing };
}

export async function send(ictx: IdentityCtx, outgoing: Outgoing): Promise<void> {
  if ("sms" in outgoing) await ictx.delivery.sendSms(outgoing.sms);
  else await ictx.delivery.sendEmail(outgoing.email);
}

export type CodeCheck =
  { ok: true; via: TwoFactorMethod | "recovery" } | { ok: false; reason: "wrong" | "expired" };

/** Checks a code against the user's current factor (sign-in, proving it again), or a recovery code. */
export async function checkCurrentFactor(
  tx: Executor,
  ictx: IdentityCtx,
  user: User,
  c: Challenge | undefined,
  entered: EnteredCode,
): Promise<CodeCheck> {
  const now = ictx.clock.now();
  if (entered.kind === "recovery") {
    return (await users.useRecoveryCode(tx, user.id, recoveryHash(ictx, user.id, entered.code), now))
      ? { ok: true, via: "recovery" }
      : { ok: false, reason: "wrong" };
  }
  if (user.twofa_method === "totp" && user.totp_secret) {
    const step = await acceptTotp(
      ictx.secrets.decrypt(user.totp_secret),
      entered.code,
      now,
      user.totp_last_step,
    );
    if (step === null || !(await users.advanceTotpStep(tx, user.id, step)))
      return { ok: false, reason: "wrong" };
    return { ok: true, via: "totp" };
  }
  return checkSentCode(ictx, c, entered.code, now);
}

/** Checks a code against the factor being enrolled (the pending secret, or the code just sent). */
export async function checkPendingFactor(
  ictx: IdentityCtx,
  c: Challenge,
  entered: EnteredCode,
): Promise<CodeCheck & { step?: bigint }> {
  if (entered.kind === "recovery") return { ok: false, reason: "wrong" };
  if (c.method === "totp" && c.pending_secret) {
    const step = await acceptTotp(
      ictx.secrets.decrypt(c.pending_secret),
      entered.code,
      ictx.clock.now(),
      null,
    );
    return step === null ? { ok: false, reason: "wrong" } : { ok: true, via: "totp", step };
  }
  return checkSentCode(ictx, c, entered.code, ictx.clock.now());
}

function checkSentCode(ictx: IdentityCtx, c: Challenge | undefined, code: string, now: Date): CodeCheck {
  if (!c || !c.code_hash || (c.method !== "email" && c.method !== "sms"))
    return { ok: false, reason: "wrong" };
  if (c.code_expires_at && now >= c.code_expires_at) return { ok: false, reason: "expired" };
  return codeHash(ictx, c.id, code) === c.code_hash
    ? { ok: true, via: c.method }
    : { ok: false, reason: "wrong" };
}

export type Attempt<T> =
  { ok: true; value: T } | { ok: false; reason: "wrong" | "expired"; attemptsLeft: number };

/** Counts a wrong code on the challenge (the code is spent either way); a challenge dies after 5. */
export async function countWrongCode(
  tx: Executor,
  ictx: IdentityCtx,
  c: Challenge,
  reason: "wrong" | "expired",
): Promise<Attempt<never>> {
  if (reason === "expired")
    return { ok: false, reason, attemptsLeft: Math.max(0, MAX_CODE_ATTEMPTS - c.attempts) };
  const attempts = c.attempts + 1;
  await challenges.updateChallenge(tx, c.id, {
    attempts,
    ...(attempts >= MAX_CODE_ATTEMPTS ? { consumed_at: ictx.clock.now() } : {}),
  });
  return { ok: false, reason, attemptsLeft: Math.max(0, MAX_CODE_ATTEMPTS - attempts) };
}

/**
 * Runs one code attempt: refuses while the account's 2FA is locked, runs `attempt` in its own
 * transaction, and — outside it, so they stay even though the request fails — counts a wrong code
 * toward the lockout and writes it to the audit trail.
 */
export async function codeAttempt<T>(
  ictx: IdentityCtx,
  user: User,
  meta: RequestMeta,
  action: string,
  attempt: (tx: Executor) => Promise<Attempt<T>>,
): Promise<T> {
  const now = ictx.clock.now();
  const key = `2fa:user:${user.id}`;
  const verdict = await throttles.verdict(ictx.db, key, LIMITS.twoFactorAccount, now);
  if (!verdict.ok) {
    throw rateLimited(
      "identity/locked",
      `too many wrong codes: two-factor sign-in is locked for ${Math.ceil(verdict.retryAfter / 60)} minutes`,
      verdict.retryAfter,
    );
  }
  const result = await inTransaction(ictx.db, attempt);
  if (result.ok) {
    await throttles.note(ictx.db, key, LIMITS.twoFactorAccount, now, "success");
    return result.value;
  }
  if (result.reason === "expired") {
    throw gone("identity/code-expired", "this code has expired: use Resend to get a new one", {
      extra: { attemptsLeft: result.attemptsLeft },
    });
  }
  const state = await throttles.note(ictx.db, key, LIMITS.twoFactorAccount, now, "failure");
  // What is left is the smaller of this challenge's tries and the account's before lockout.
  const attemptsLeft = state.lockedUntil
    ? 0
    : Math.min(result.attemptsLeft, LIMITS.twoFactorAccount.lockAfter - state.failures);
  await securityEvent(ictx.db, {
    action: `${action}.failed`,
    firmId: user.firm_id,
    userId: user.id,
    meta,
    detail: { attemptsLeft, locked: Boolean(state.lockedUntil) },
  });
  if (state.lockedUntil) {
    const retryAfter = Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 1000);
    throw rateLimited(
      "identity/locked",
      `too many wrong codes: two-factor sign-in is locked for ${Math.ceil(retryAfter / 60)} minutes`,
      retryAfter,
    );
  }
  throw new AppError(
    "unauthenticated",
    "identity/invalid-code",
    attemptsLeft > 0
      ? "that code is not right: check it and try again, or use Resend"
      : "that code is not right, and this sign-in has no tries left: start again at the sign-in page",
    {
      field: "code",
      extra: { attemptsLeft },
    },
  );
}

/** New recovery codes for a user (the old ones stop working); returns them in clear, once. */
export async function replaceRecoveryCodes(tx: Executor, ictx: IdentityCtx, user: User): Promise<string[]> {
  const codes = newRecoveryCodes();
  await users.replaceRecoveryCodes(
    tx,
    user.firm_id,
    user.id,
    codes.map((c) => recoveryHash(ictx, user.id, c)),
  );
  return codes;
}
