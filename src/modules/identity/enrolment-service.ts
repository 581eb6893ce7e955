// Enrolling a second factor: the first time (during sign-in, after an invitation, or after an
// administrator reset it) and when switching method while signed in — which first needs the
// current factor proven again (verify-current). Each enrolment ends with ten new recovery codes.
import type { Executor } from "../../platform/db.ts";
import { inTransaction } from "../../platform/db.ts";
import { forbidden } from "../../platform/errors.ts";
import * as access from "../access/index.ts";
import type { IdentityCtx, RequestMeta } from "./identity-ctx.ts";
import { MAX_CODE_ATTEMPTS, STEP_UP_MINUTES, addMinutes, normalizePhone, parseEnteredCode } from "./model.ts";
import * as challenges from "./challenge-store.ts";
import * as sessions from "./session-store.ts";
import type { Session } from "./session-store.ts";
import * as users from "./store.ts";
import type { User } from "./store.ts";
import { securityEvent } from "./security-audit.ts";
import { openSession, type OpenedSession } from "./session-service.ts";
import { cookieChallenge, loadCookieChallenge } from "./sign-in-service.ts";
import {
  challengeView,
  checkCurrentFactor,
  checkPendingFactor,
  codeAttempt,
  countWrongCode,
  issueCode,
  newSessionChallenge,
  replaceRecoveryCodes,
  requireLive,
  send,
  type Challenge,
  type ChallengeView,
  type Outgoing,
} from "./second-factor.ts";
import { METHOD_LABEL, notices } from "./messages.ts";
import { newTotpSecret, otpauthUrl, qrSvg } from "./totp.ts";
import type { TwoFactorMethod } from "./tables.ts";

/** Where an enrolment lives: the cb_challenge cookie of a sign-in, or a signed-in session. */
export type EnrolTarget =
  { kind: "cookie"; token: string | undefined } | { kind: "session"; session: Session };

export type EnrolStart =
  | { method: "totp"; secret: string; otpauthUrl: string; qrSvg: string }
  | { method: "email" | "sms"; challenge: ChallengeView };

async function enrolChallenge(
  tx: Executor,
  ictx: IdentityCtx,
  target: EnrolTarget,
  fresh: { method: TwoFactorMethod } | null,
): Promise<{ challenge: Challenge; user: User }> {
  if (target.kind === "cookie") return cookieChallenge(tx, ictx, target.token, ["enrol"]);
  const user = await users.firmUser(tx, target.session.firm_id, target.session.user_id);
  if (!user) throw forbidden("identity/account-inactive", "this account can no longer sign in");
  if (fresh) {
    const now = ictx.clock.now();
    if (user.twofa_method && !(target.session.stepped_up_until && now < target.session.stepped_up_until)) {
      throw forbidden(
        "identity/step-up-required",
        "confirm your current two-factor method first (verify-current)",
      );
    }
    return {
      challenge: await newSessionChallenge(tx, ictx, user, target.session.id, "change", fresh.method),
      user,
    };
  }
  return {
    challenge: requireLive(
      await challenges.sessionChallenge(tx, target.session.id, "change"),
      ictx.clock.now(),
    ),
    user,
  };
}

/** Starts enrolling a method: a secret to scan, or a code sent to the address or number to confirm. */
export async function startEnrolment(
  ictx: IdentityCtx,
  target: EnrolTarget,
  method: TwoFactorMethod,
  phoneText?: string,
): Promise<EnrolStart> {
  if (method === "sms" && !ictx.delivery.smsAvailable)
    throw forbidden(
      "identity/sms-unavailable",
      "text messages are not set up on this server: use an authenticator app or e-mail",
    );
  const phone = method === "sms" ? normalizePhone(phoneText ?? "") : null;
  let outgoing: Outgoing | undefined;
  const start = await inTransaction(ictx.db, async (tx): Promise<EnrolStart> => {
    const found = await enrolChallenge(tx, ictx, target, { method });
    const user = found.user;
    let challenge = found.challenge;
    if (method === "totp") {
      const secret = newTotpSecret();
      await challenges.updateChallenge(tx, challenge.id, {
        method,
        pending_secret: ictx.secrets.encrypt(secret),
        pending_phone: null,
        code_hash: null,
        code_expires_at: null,
      });
      const url = otpauthUrl(secret, user.email, ictx.settings.issuer);
      return { method, secret, otpauthUrl: url, qrSvg: await qrSvg(url) };
    }
    challenge = await challenges.updateChallenge(tx, challenge.id, {
      method,
      pending_secret: null,
      pending_phone: phone,
      code_hash: null,
      code_expires_at: null,
    });
    const firm = await access.firmById(tx, user.firm_id);
    ({ challenge, outgoing } = await issueCode(tx, ictx, challenge, user, firm?.name ?? "Closebook"));
    return { method, challenge: challengeView(ictx, challenge, user) };
  });
  if (outgoing) await send(ictx, outgoing);
  return start;
}

/** Makes the pending method the user's, with new recovery codes. */
async function adopt(
  tx: Executor,
  ictx: IdentityCtx,
  user: User,
  c: Challenge,
  step: bigint | undefined,
): Promise<{ user: User; recoveryCodes: string[] }> {
  const updated = await users.updateUser(tx, user.firm_id, user.id, {
    twofa_method: c.method,
    totp_secret: c.method === "totp" ? c.pending_secret : null,
    totp_last_step: step ?? null,
    twofa_enrolled_at: ictx.clock.now(),
    ...(c.method === "sms" ? { phone: c.pending_phone } : {}),
  });
  await challenges.updateChallenge(tx, c.id, { consumed_at: ictx.clock.now() });
  return { user: updated, recoveryCodes: await replaceRecoveryCodes(tx, ictx, updated) };
}

/** Confirms a first enrolment during sign-in: the person is then signed in. */
export async function confirmFirstEnrolment(
  ictx: IdentityCtx,
  token: string | undefined,
  codeText: string,
  meta: RequestMeta,
): Promise<OpenedSession & { recoveryCodes: string[] }> {
  const entered = parseEnteredCode(codeText);
  const { user } = await loadCookieChallenge(ictx, token, ["enrol"]);
  return codeAttempt(ictx, user, meta, "identity.2fa.enrol", async (tx) => {
    const { challenge, user: current } = await cookieChallenge(tx, ictx, token, ["enrol"]);
    const check = await checkPendingFactor(ictx, challenge, entered);
    if (!check.ok) return countWrongCode(tx, ictx, challenge, check.reason);
    const adopted = await adopt(tx, ictx, current, challenge, check.step);
    await securityEvent(tx, {
      action: "identity.2fa.enrolled",
      firmId: current.firm_id,
      userId: current.id,
      meta,
      detail: { method: challenge.method },
    });
    const opened = await openSession(
      tx,
      ictx,
      adopted.user,
      `${challenge.first_factor}+${challenge.method}`,
      meta,
    );
    return { ok: true, value: { ...opened, recoveryCodes: adopted.recoveryCodes } };
  });
}

/** Confirms a change of method made while signed in. */
export async function confirmChange(
  ictx: IdentityCtx,
  session: Session,
  codeText: string,
  meta: RequestMeta,
): Promise<{ method: TwoFactorMethod; recoveryCodes: string[] }> {
  const entered = parseEnteredCode(codeText);
  const user = await users.firmUser(ictx.db, session.firm_id, session.user_id);
  if (!user) throw forbidden("identity/account-inactive", "this account can no longer sign in");
  const result = await codeAttempt(ictx, user, meta, "identity.2fa.change", async (tx) => {
    const { challenge } = await enrolChallenge(tx, ictx, { kind: "session", session }, null);
    const check = await checkPendingFactor(ictx, challenge, entered);
    if (!check.ok) return countWrongCode(tx, ictx, challenge, check.reason);
    const adopted = await adopt(tx, ictx, user, challenge, check.step);
    await sessions.stepUp(tx, session.id, null);
    await securityEvent(tx, {
      action: "identity.2fa.method_changed",
      firmId: user.firm_id,
      userId: user.id,
      meta,
      detail: { from: user.twofa_method, to: challenge.method },
    });
    return { ok: true, value: { method: challenge.method!, recoveryCodes: adopted.recoveryCodes } };
  });
  await ictx.delivery
    .sendEmail(
      notices.twoFactorChanged({ email: user.email, firmId: user.firm_id }, METHOD_LABEL[result.method]),
    )
    .catch(() => undefined);
  return result;
}

/** Sends a code to the current e-mail or SMS method, to prove it before a change. */
export async function sendCurrentCode(
  ictx: IdentityCtx,
  session: Session,
  meta: RequestMeta,
): Promise<ChallengeView> {
  let outgoing: Outgoing | undefined;
  const view = await inTransaction(ictx.db, async (tx) => {
    const user = await users.firmUser(tx, session.firm_id, session.user_id);
    // Two different situations, two different answers: no method yet means there is nothing to
    // prove; an authenticator app shows its own codes.
    if (!user?.twofa_method)
      throw forbidden("identity/nothing-to-send", "you have no two-step method yet: choose one to set it up");
    if (user.twofa_method === "totp")
      throw forbidden(
        "identity/nothing-to-send",
        "your method is an authenticator app: enter the code it shows",
      );
    const existing = await challenges.sessionChallenge(tx, session.id, "verify-current");
    const live =
      existing && ictx.clock.now() < existing.expires_at
        ? existing
        : await newSessionChallenge(tx, ictx, user, session.id, "verify-current", user.twofa_method);
    const firm = await access.firmById(tx, user.firm_id);
    const issued = await issueCode(tx, ictx, live, user, firm?.name ?? "Closebook");
    outgoing = issued.outgoing;
    await securityEvent(tx, {
      action: "identity.2fa.code_sent",
      firmId: user.firm_id,
      userId: user.id,
      meta,
      detail: { method: user.twofa_method, purpose: "verify-current" },
    });
    return challengeView(ictx, issued.challenge, user);
  });
  await send(ictx, outgoing!);
  return view;
}

/** Proves the current factor again (or a recovery code): allows a change for ten minutes. */
export async function verifyCurrent(
  ictx: IdentityCtx,
  session: Session,
  codeText: string,
  meta: RequestMeta,
): Promise<Date> {
  const entered = parseEnteredCode(codeText);
  const user = await users.firmUser(ictx.db, session.firm_id, session.user_id);
  if (!user) throw forbidden("identity/account-inactive", "this account can no longer sign in");
  return codeAttempt(ictx, user, meta, "identity.2fa.verify_current", async (tx) => {
    const challenge = await challenges.sessionChallenge(tx, session.id, "verify-current");
    const current = (await users.firmUser(tx, session.firm_id, session.user_id))!;
    const check = await checkCurrentFactor(tx, ictx, current, challenge, entered);
    if (!check.ok) {
      if (challenge) return countWrongCode(tx, ictx, challenge, check.reason);
      return { ok: false, reason: check.reason, attemptsLeft: MAX_CODE_ATTEMPTS };
    }
    if (challenge) await challenges.updateChallenge(tx, challenge.id, { consumed_at: ictx.clock.now() });
    const until = addMinutes(ictx.clock.now(), STEP_UP_MINUTES);
    await sessions.stepUp(tx, session.id, until);
    await sessions.factorVerified(tx, session.id, ictx.clock.now());
    await securityEvent(tx, {
      action: "identity.2fa.verified_current",
      firmId: user.firm_id,
      userId: user.id,
      meta,
      detail: { via: check.via },
    });
    return { ok: true, value: until };
  });
}

/** New recovery codes, after proving the current factor again. */
export async function regenerateRecoveryCodes(
  ictx: IdentityCtx,
  session: Session,
  meta: RequestMeta,
): Promise<string[]> {
  return inTransaction(ictx.db, async (tx) => {
    const fresh = await sessions.sessionById(tx, session.firm_id, session.id);
    if (!fresh?.stepped_up_until || ictx.clock.now() >= fresh.stepped_up_until) {
      throw forbidden(
        "identity/step-up-required",
        "confirm your current two-factor method first (verify-current)",
      );
    }
    const user = (await users.firmUser(tx, session.firm_id, session.user_id))!;
    const codes = await replaceRecoveryCodes(tx, ictx, user);
    await securityEvent(tx, {
      action: "identity.2fa.recovery_codes_replaced",
      firmId: user.firm_id,
      userId: user.id,
      meta,
    });
    return codes;
  });
}
