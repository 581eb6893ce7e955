// Pure rules of identity: e-mail and phone formats, the password policy, one-time and recovery
// codes, masked destinations, token formats, and when sessions, challenges and links expire.
import crypto from "node:crypto";
import { validationError } from "../../platform/errors.ts";

// ── lifetimes ───────────────────────────────────────────────────────────────────────────────────

export const INVITATION_DAYS = 7;
export const PASSWORD_RESET_MINUTES = 60;
/** A sign-in between its password and its second factor (codes themselves expire sooner). */
export const CHALLENGE_MINUTES = 30;
/** An e-mail or SMS code. */
export const CODE_MINUTES = 10;
/** Proving the current factor again allows switching methods for this long. */
export const STEP_UP_MINUTES = 10;
export const RECOVERY_CODE_COUNT = 10;
/** Wrong codes a single challenge takes before it is dead (sign in again). */
export const MAX_CODE_ATTEMPTS = 5;

const MINUTE = 60_000;
export const addMinutes = (at: Date, minutes: number) => new Date(at.getTime() + minutes * MINUTE);

/** Whether a second factor proven at `at` is still fresh at `now` (within `minutes`, not in the future). */
export function verifiedWithin(at: Date | null, now: Date, minutes: number): boolean {
  if (!at) return false;
  const age = now.getTime() - at.getTime();
  return age >= -MINUTE && age <= minutes * MINUTE;
}

// ── e-mail, phone, names ────────────────────────────────────────────────────────────────────────

const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;

export function normalizeEmail(email: string, field = "email"): string {
  const e = email.trim().toLowerCase();
  if (e.length > 320 || !EMAIL.test(e))
    throw validationError("identity/invalid-email", `"${email.trim()}" is not an e-mail address`, { field });
  return e;
}

export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1);
}

/** A phone number in E.164 form (+ and country code); spaces, dashes, dots and brackets are dropped. */
export function normalizePhone(phone: string, field = "phone"): string {
  const p = phone.replace(/[\s().-]/g, "");
  if (!/^\+[1-9]\d{6,14}$/.test(p)) {
    throw validationError(
      "identity/invalid-phone",
      "enter the mobile number with its country code, e.g. +1 555 123 4567",
      { field },
    );
  }
  return p;
}

export function checkPersonName(name: string, field = "name"): string {
  const n = name.trim();
  if (n.length < 1 || n.length > 200)
    throw validationError("identity/invalid-name", "a name has 1 to 200 characters", { field });
  return n;
}

/** "ann@example.com" → "a••@example.com": enough to recognise, not enough to harvest. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  const local = email.slice(0, at);
  return `${local.slice(0, 1)}${"•".repeat(Math.max(2, Math.min(local.length - 1, 6)))}${email.slice(at)}`;
}

/** "+15551234567" → "+1•••••••4567". */
export function maskPhone(phone: string): string {
  return `${phone.slice(0, 2)}${"•".repeat(Math.max(0, phone.length - 6))}${phone.slice(-4)}`;
}

// ── passwords ───────────────────────────────────────────────────────────────────────────────────

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

// Long passwords that still top the breach lists; the length rule already rules out the short ones.
const COMMON = new Set([
  "123456789012",
  "1234567890123",
  "12345678901234",
  "qwertyuiopas",
  "qwertyuiop123",
  "password1234",
  "password12345",
  "passwordpassword",
  "iloveyou1234",
  "administrator",
  "abcdefghijkl",
  "abc123abc123",
  "111111111111",
  "000000000000",
  "qwerty123456",
  "1q2w3e4r5t6y",
  "letmein12345",
  "welcome12345",
  "changeme1234",
  "closebook123",
  "monkey123456",
  "football1234",
  "baseball1234",
  "trustno11234",
  "superman1234",
  "princess1234",
  "sunshine1234",
  "qazwsxedcrfv",
]);

/** Checks a new password; the detail names the rule it breaks. */
export function checkPassword(
  password: string,
  context: { email?: string; name?: string } = {},
  field = "password",
): string {
  const refuse = (detail: string) => validationError("identity/weak-password", detail, { field });
  if (password.length < PASSWORD_MIN)
    throw refuse(`use at least ${PASSWORD_MIN} characters (a few words make a strong, memorable password)`);
  if (password.length > PASSWORD_MAX) throw refuse(`use at most ${PASSWORD_MAX} characters`);
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) throw refuse("this password is too common; choose another");
  if (/^(.)\1+$/.test(password)) throw refuse("this password repeats one character; choose another");
  if (context.email) {
    const local = context.email.slice(0, context.email.indexOf("@"));
    if (lower === context.email || (local.length >= 4 && lower.includes(local)))
      throw refuse("the password must not contain your e-mail address");
  }
  return password;
}

// ── codes and tokens ────────────────────────────────────────────────────────────────────────────

/** A 6-digit one-time code, uniformly random. */
export function newOneTimeCode(): string {
  return String(crypto.randomInt(0, 1_000_000)).padStart(6, "0");
}

// Recovery codes avoid look-alike characters (0/O, 1/I/L) so they survive being read aloud or printed.
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  const code = () =>
    Array.from({ length: 8 }, () => RECOVERY_ALPHABET[crypto.randomInt(0, RECOVERY_ALPHABET.length)]).join(
      "",
    );
  const set = new Set<string>();
  while (set.size < count) {
    const c = code();
    set.add(`${c.slice(0, 4)}-${c.slice(4)}`);
  }
  return [...set];
}

export type EnteredCode = { kind: "otp"; code: string } | { kind: "recovery"; code: string };

/** What the person typed: a 6-digit code (spaces allowed) or a recovery code (dash optional). */
export function parseEnteredCode(input: string, field = "code"): EnteredCode {
  const compact = input.replace(/[\s-]/g, "").toLowerCase();
  if (/^\d{6}$/.test(compact)) return { kind: "otp", code: compact };
  if (/^[a-z0-9]{8}$/.test(compact))
    return { kind: "recovery", code: `${compact.slice(0, 4)}-${compact.slice(4)}` };
  throw validationError(
    "identity/invalid-code-format",
    "enter the 6-digit code, or one of your recovery codes (xxxx-xxxx)",
    { field },
  );
}

export const API_TOKEN_PREFIX = "cbt_";

export function newApiToken(): string {
  return API_TOKEN_PREFIX + crypto.randomBytes(32).toString("base64url");
}

export function looksLikeApiToken(value: string): boolean {
  return (
    value.startsWith(API_TOKEN_PREFIX) && /^[A-Za-z0-9_-]{43}$/.test(value.slice(API_TOKEN_PREFIX.length))
  );
}

// ── sessions ────────────────────────────────────────────────────────────────────────────────────

export interface SessionTimeouts {
  idleMinutes: number;
  maxHours: number;
}

export type SessionState = "active" | "idle-expired" | "expired" | "revoked";

/** Whether a session still works at `now`: not revoked, within its absolute and idle timeouts. */
export function sessionState(
  s: { revoked_at: Date | null; expires_at: Date; last_seen_at: Date },
  now: Date,
  t: SessionTimeouts,
): SessionState {
  if (s.revoked_at) return "revoked";
  if (now >= s.expires_at) return "expired";
  if (now.getTime() - s.last_seen_at.getTime() >= t.idleMinutes * MINUTE) return "idle-expired";
  return "active";
}

/** Seen-at is written at most once a minute: a request does not have to write to stay signed in. */
export function needsTouch(lastSeen: Date, now: Date): boolean {
  return now.getTime() - lastSeen.getTime() >= MINUTE;
}

export function sessionExpiry(now: Date, t: SessionTimeouts): Date {
  return new Date(now.getTime() + t.maxHours * 60 * MINUTE);
}

// ── links ───────────────────────────────────────────────────────────────────────────────────────

/** Links carry their token in the fragment, which browsers never send to a server (or its logs). */
export function portalLink(baseUrl: string, page: "invitation" | "reset-password", token: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/${page}#token=${token}`;
}

export type LinkState = "valid" | "expired" | "used";

export function linkState(l: { expires_at: Date; used: boolean }, now: Date): LinkState {
  if (l.used) return "used";
  return now >= l.expires_at ? "expired" : "valid";
}
