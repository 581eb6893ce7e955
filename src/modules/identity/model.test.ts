// Identity's pure rules: addresses, phones, masks, the password policy, codes, session timeouts,
// and the throttles' windows and lockouts.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { AppError } from "../../platform/errors.ts";
import {
  checkPassword,
  linkState,
  maskEmail,
  maskPhone,
  verifiedWithin,
  newOneTimeCode,
  newRecoveryCodes,
  normalizeEmail,
  normalizePhone,
  parseEnteredCode,
  portalLink,
  sessionState,
} from "./model.ts";
import { LIMITS, judge, record, resendWait, type ThrottleState } from "./throttle-model.ts";

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as AppError).code;
  }
  return null;
};
const at = (iso: string) => new Date(iso);

describe("addresses, numbers and masks", () => {
  it("normalizes e-mail and phone numbers, and masks them for display", () => {
    expect(normalizeEmail("  Ann.Lee@Example.COM ")).toBe("ann.lee@example.com");
    expect(codeOf(() => normalizeEmail("ann@"))).toBe("identity/invalid-email");
    expect(normalizePhone("+1 (555) 010-4567")).toBe("+15550104567");
    expect(codeOf(() => normalizePhone("0555 010 4567"))).toBe("identity/invalid-phone");
    expect(maskEmail("annabel@example.com")).toBe("a••••••@example.com");
    expect(maskPhone("+15550104567")).toBe("+1••••••4567");
  });
});

describe("the password policy", () => {
  it("asks for 12 characters, refuses common ones, repeats and the e-mail address", () => {
    expect(checkPassword("correct horse battery")).toBe("correct horse battery");
    expect(codeOf(() => checkPassword("short"))).toBe("identity/weak-password");
    expect(codeOf(() => checkPassword("Password1234"))).toBe("identity/weak-password");
    expect(codeOf(() => checkPassword("aaaaaaaaaaaaaa"))).toBe("identity/weak-password");
    expect(codeOf(() => checkPassword("ann.lee-2026-secret", { email: "ann.lee@example.com" }))).toBe(
      "identity/weak-password",
    );
    expect(codeOf(() => checkPassword("x".repeat(257)))).toBe("identity/weak-password");
  });
});

describe("codes", () => {
  it("makes 6-digit codes and ten distinct recovery codes without look-alike characters", () => {
    for (let i = 0; i < 200; i++) expect(newOneTimeCode()).toMatch(/^\d{6}$/);
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}$/);
  });

  it("reads what people type: spaces in codes, recovery codes with or without dash or capitals", () => {
    expect(parseEnteredCode(" 123 456 ")).toEqual({ kind: "otp", code: "123456" });
    expect(parseEnteredCode("ABCD-EFGH")).toEqual({ kind: "recovery", code: "abcd-efgh" });
    expect(parseEnteredCode("abcdefgh")).toEqual({ kind: "recovery", code: "abcd-efgh" });
    expect(codeOf(() => parseEnteredCode("12345"))).toBe("identity/invalid-code-format");
  });
});

describe("a second factor's freshness", () => {
  it("counts a factor proven within the window, not before it, never without one", () => {
    const now = new Date("2026-06-01T12:00:00Z");
    const ago = (s: number) => new Date(now.getTime() - s * 1000);
    expect(verifiedWithin(ago(0), now, 5)).toBe(true);
    expect(verifiedWithin(ago(299), now, 5)).toBe(true);
    expect(verifiedWithin(ago(300), now, 5)).toBe(true);
    expect(verifiedWithin(ago(301), now, 5)).toBe(false);
    expect(verifiedWithin(null, now, 5)).toBe(false);
    // Clocks of two servers may differ a little; a time far ahead is not trusted.
    expect(verifiedWithin(ago(-30), now, 5)).toBe(true);
    expect(verifiedWithin(ago(-3600), now, 5)).toBe(false);
  });
});

describe("sessions and links", () => {
  const t = { idleMinutes: 60, maxHours: 12 };
  const s = {
    revoked_at: null,
    expires_at: at("2026-01-01T12:00:00Z"),
    last_seen_at: at("2026-01-01T05:00:00Z"),
  };
  it("expires on idleness, on the absolute timeout, and on revocation", () => {
    expect(sessionState(s, at("2026-01-01T05:59:59Z"), t)).toBe("active");
    expect(sessionState(s, at("2026-01-01T06:00:00Z"), t)).toBe("idle-expired");
    expect(
      sessionState({ ...s, last_seen_at: at("2026-01-01T11:59:00Z") }, at("2026-01-01T12:00:00Z"), t),
    ).toBe("expired");
    expect(
      sessionState({ ...s, revoked_at: at("2026-01-01T05:00:00Z") }, at("2026-01-01T05:00:01Z"), t),
    ).toBe("revoked");
  });

  it("puts tokens in the fragment of links, and ends links when used or expired", () => {
    expect(portalLink("https://books.example/", "invitation", "tok")).toBe(
      "https://books.example/invitation#token=tok",
    );
    expect(
      linkState({ expires_at: at("2026-01-08T00:00:00Z"), used: false }, at("2026-01-07T23:59:59Z")),
    ).toBe("valid");
    expect(
      linkState({ expires_at: at("2026-01-08T00:00:00Z"), used: false }, at("2026-01-08T00:00:00Z")),
    ).toBe("expired");
    expect(
      linkState({ expires_at: at("2026-01-08T00:00:00Z"), used: true }, at("2026-01-01T00:00:00Z")),
    ).toBe("used");
  });
});

describe("throttles", () => {
  it("locks after 5 consecutive failures for 15 minutes; a success clears the count", () => {
    const rule = LIMITS.signInAccount;
    let s: ThrottleState | undefined;
    const t0 = at("2026-01-01T00:00:00Z").getTime();
    for (let i = 0; i < 4; i++) s = record(s, rule, new Date(t0 + i * 1000), "failure");
    s = record(s, rule, new Date(t0 + 5000), "success");
    for (let i = 0; i < 4; i++) s = record(s, rule, new Date(t0 + 6000 + i), "failure");
    expect(judge(s, rule, new Date(t0 + 7000)).ok).toBe(true);
    s = record(s, rule, new Date(t0 + 7000), "failure");
    expect(judge(s, rule, new Date(t0 + 7000))).toEqual({ ok: false, reason: "locked", retryAfter: 900 });
    expect(judge(s, rule, new Date(t0 + 7000 + 900_000)).ok).toBe(true);
  });

  it("limits events per window and opens a new window after it", () => {
    const rule = LIMITS.codesSent;
    let s: ThrottleState | undefined;
    const t0 = at("2026-01-01T00:00:00Z").getTime();
    for (let i = 0; i < 10; i++) s = record(s, rule, new Date(t0 + i * 60_000), "event");
    expect(judge(s, rule, new Date(t0 + 10 * 60_000))).toEqual({
      ok: false,
      reason: "rate",
      retryAfter: 50 * 60,
    });
    expect(judge(s, rule, new Date(t0 + 60 * 60_000)).ok).toBe(true);
    expect(record(s, rule, new Date(t0 + 60 * 60_000), "event").count).toBe(1);
  });

  it("never allows an attempt while locked, whatever happened before (property)", () => {
    const rule = LIMITS.twoFactorAccount;
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom("failure", "success", "event") as fc.Arbitrary<"failure" | "success" | "event">,
            fc.integer({ min: 0, max: 600_000 }),
          ),
          { maxLength: 40 },
        ),
        (steps) => {
          let s: ThrottleState | undefined;
          let now = 0;
          for (const [outcome, gap] of steps) {
            now += gap;
            const verdict = judge(s, rule, new Date(now));
            if (s?.lockedUntil && now < s.lockedUntil.getTime()) expect(verdict.ok).toBe(false);
            if (verdict.ok) s = record(s, rule, new Date(now), outcome);
          }
        },
      ),
    );
  });

  it("waits 30 seconds between codes and stops at 5 per challenge", () => {
    const sent = at("2026-01-01T00:00:00Z");
    expect(resendWait(null, 0, sent)).toEqual({ wait: 0, exhausted: false });
    expect(resendWait(sent, 1, new Date(sent.getTime() + 10_000))).toEqual({ wait: 20, exhausted: false });
    expect(resendWait(sent, 1, new Date(sent.getTime() + 30_000))).toEqual({ wait: 0, exhausted: false });
    expect(resendWait(sent, 5, new Date(sent.getTime() + 999_000))).toEqual({ wait: 0, exhausted: true });
  });
});
