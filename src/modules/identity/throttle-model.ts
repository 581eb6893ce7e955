// Throttling and temporary lockout, as pure rules over a counter per key: a fixed window that
// counts events (attempts from one address, codes sent to one person) and a count of consecutive
// failures that locks the key for a while. The limits are listed here and in the README.
import { createHash } from "node:crypto";
import { normalizeEmail } from "./model.ts";

export interface ThrottleRule {
  /** Length of the counting window, in seconds. */
  window: number;
  /** Events allowed per window (null: no window limit). */
  max: number | null;
  /** Consecutive failures that lock the key (null: never locks). */
  lockAfter: number | null;
  /** How long a lock lasts, in seconds. */
  lockFor: number;
}

export interface ThrottleState {
  windowStart: Date;
  count: number;
  failures: number;
  lockedUntil: Date | null;
}

const MIN = 60;

export const LIMITS = {
  /** Wrong passwords for one e-mail address (an account's or not): 5 in a row lock it for 15 minutes. */
  signInAccount: { window: 15 * MIN, max: null, lockAfter: 5, lockFor: 15 * MIN },
  /** Failed sign-ins from one IP address: 30 per 15 minutes. */
  signInIp: { window: 15 * MIN, max: 30, lockAfter: null, lockFor: 0 },
  /** Wrong 2FA codes for one account (across sign-ins): 5 in a row lock 2FA for 15 minutes. */
  twoFactorAccount: { window: 15 * MIN, max: null, lockAfter: 5, lockFor: 15 * MIN },
  /** Codes sent by e-mail or SMS to one account: 10 per hour. */
  codesSent: { window: 60 * MIN, max: 10, lockAfter: null, lockFor: 0 },
  /** Password-reset e-mails for one account: 3 per hour. */
  passwordResetAccount: { window: 60 * MIN, max: 3, lockAfter: null, lockFor: 0 },
  /** Password-reset requests from one IP address: 20 per hour. */
  passwordResetIp: { window: 60 * MIN, max: 20, lockAfter: null, lockFor: 0 },
} as const satisfies Record<string, ThrottleRule>;

/**
 * The counter of wrong passwords for an e-mail address. It is kept per address, whether or not an
 * account has it: an unknown address is locked after 5 wrong passwords exactly as a known one is, so
 * the answers never tell which addresses have an account. The address is hashed: the table holds no
 * address of someone who has none.
 */
export function passwordKey(email: string): string {
  return `sign-in:address:${createHash("sha256").update(normalizeEmail(email)).digest("base64url")}`;
}

/** Within one sign-in: at least 30 seconds between two codes, and at most 5 codes. */
export const RESEND = { cooldownSeconds: 30, maxSends: 5 } as const;

export type Verdict = { ok: true } | { ok: false; reason: "locked" | "rate"; retryAfter: number };

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** Whether one more event is allowed now. */
export function judge(state: ThrottleState | undefined, rule: ThrottleRule, now: Date): Verdict {
  if (!state) return { ok: true };
  if (state.lockedUntil && now < state.lockedUntil)
    return { ok: false, reason: "locked", retryAfter: seconds(state.lockedUntil.getTime() - now.getTime()) };
  const windowEnd = state.windowStart.getTime() + rule.window * 1000;
  if (rule.max !== null && now.getTime() < windowEnd && state.count >= rule.max) {
    return { ok: false, reason: "rate", retryAfter: seconds(windowEnd - now.getTime()) };
  }
  return { ok: true };
}

export type Outcome = "event" | "failure" | "success";

/**
 * The state after an event. "event" counts toward the window; "failure" counts toward the window
 * and the consecutive failures (and may lock); "success" clears the consecutive failures.
 */
export function record(
  state: ThrottleState | undefined,
  rule: ThrottleRule,
  now: Date,
  outcome: Outcome,
): ThrottleState {
  const fresh = !state || now.getTime() >= state.windowStart.getTime() + rule.window * 1000;
  const base: ThrottleState = fresh
    ? { windowStart: now, count: 0, failures: state?.failures ?? 0, lockedUntil: state?.lockedUntil ?? null }
    : { ...state! };
  if (base.lockedUntil && now >= base.lockedUntil) base.lockedUntil = null;
  if (outcome === "success") return { ...base, failures: 0 };
  const next = { ...base, count: base.count + 1 };
  if (outcome === "failure") {
    next.failures += 1;
    if (rule.lockAfter !== null && next.failures >= rule.lockAfter) {
      next.lockedUntil = new Date(now.getTime() + rule.lockFor * 1000);
      next.failures = 0;
    }
  }
  return next;
}

/** Seconds until another code may be sent in a challenge, or 0. */
export function resendWait(
  lastSentAt: Date | null,
  sends: number,
  now: Date,
): { wait: number; exhausted: boolean } {
  if (sends >= RESEND.maxSends) return { wait: 0, exhausted: true };
  if (!lastSentAt) return { wait: 0, exhausted: false };
  const ready = lastSentAt.getTime() + RESEND.cooldownSeconds * 1000;
  return { wait: now.getTime() >= ready ? 0 : seconds(ready - now.getTime()), exhausted: false };
}
