// Client details, the add-client wizard's progress and termination with its 90-day retention.
import { describe, expect, it } from "vitest";
import { AppError } from "../../platform/errors.ts";
import {
  advanceOnboarding,
  cancelTermination,
  checkDetails,
  duePurge,
  newOnboarding,
  parseOnboarding,
  terminate,
} from "./client-model.ts";
import { sniffImage } from "./firm-model.ts";

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as AppError).code;
  }
  return null;
};

describe("client details", () => {
  it("trims, keeps absent fields absent, and validates dates, days and contacts", () => {
    expect(checkDetails({ legalName: "  Acme LLC ", dba: "", closeDay: 5 })).toEqual({
      legalName: "Acme LLC",
      dba: null,
      closeDay: 5,
    });
    expect(checkDetails({ pointOfContact: { name: "Ann", email: "ANN@Acme.test" } })).toEqual({
      pointOfContact: { name: "Ann", email: "ann@acme.test", phone: null },
    });
    expect(checkDetails({ pointOfContact: { name: "", email: "" } })).toEqual({ pointOfContact: null });
    expect(codeOf(() => checkDetails({ closeDay: 32 }))).toBe("access/invalid-close-day");
    expect(codeOf(() => checkDetails({ serviceStartDate: "2026-02-30" }))).toBe("date/invalid");
    expect(codeOf(() => checkDetails({ bankStatementContact: { name: "Bo", email: "not-mail" } }))).toBe(
      "access/invalid-email",
    );
    expect(codeOf(() => checkDetails({ bankStatementContact: { email: "bo@acme.test" } }))).toBe(
      "access/contact-needs-name",
    );
    expect(codeOf(() => checkDetails({ legalName: "x".repeat(201) }))).toBe("access/too-long");
  });
});

describe("the add-client wizard", () => {
  it("resumes at the first step not yet complete, and keeps what each step saved", () => {
    let w = advanceOnboarding(newOnboarding(), "details", true, { name: "Acme" });
    expect(w).toMatchObject({ step: "ledger", completedSteps: ["details"] });
    w = advanceOnboarding(w, "banks", true, { accounts: 2 });
    expect(w.step).toBe("ledger");
    w = advanceOnboarding(w, "ledger", false, { system: "xero" });
    expect(w).toMatchObject({
      step: "ledger",
      completedSteps: ["details", "banks"],
      data: { details: { name: "Acme" }, banks: { accounts: 2 }, ledger: { system: "xero" } },
    });
    for (const s of ["ledger", "automation", "ai"] as const) w = advanceOnboarding(w, s, true, undefined);
    expect(w.step).toBe("done");
    expect(parseOnboarding(JSON.parse(JSON.stringify(w)))).toEqual(w);
    expect(parseOnboarding({ step: "nonsense", completedSteps: ["details", "hack"] })).toEqual({
      step: "details",
      completedSteps: ["details"],
      data: {},
    });
  });
});

describe("termination", () => {
  const now = new Date("2026-06-15T12:00:00Z");
  it("keeps the data 90 days, can be cancelled until then, and is due for purging after", () => {
    const t = terminate({ status: "active", purgeAfter: null }, now);
    expect(t.purgeAfter.toISOString()).toBe("2026-09-13T12:00:00.000Z");
    const state = { status: "terminated" as const, purgeAfter: t.purgeAfter };
    expect(duePurge(state, new Date("2026-09-13T11:59:59Z"))).toBe(false);
    expect(cancelTermination(state, new Date("2026-09-13T11:59:59Z"))).toEqual({ status: "active" });
    expect(duePurge(state, t.purgeAfter)).toBe(true);
    expect(codeOf(() => cancelTermination(state, t.purgeAfter))).toBe("access/client-purged");
    expect(codeOf(() => terminate(state, now))).toBe("access/client-terminated");
    expect(codeOf(() => cancelTermination({ status: "active", purgeAfter: null }, now))).toBe(
      "access/client-not-terminated",
    );
  });
});

describe("branding images", () => {
  it("recognises images by their bytes and refuses scripted SVG, other files and large ones", () => {
    expect(sniffImage(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe("image/png");
    expect(sniffImage(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(
      sniffImage(
        new TextEncoder().encode('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'),
      ),
    ).toBe("image/svg+xml");
    expect(codeOf(() => sniffImage(new TextEncoder().encode('<svg onload="alert(1)"/>')))).toBe(
      "access/unsafe-svg",
    );
    expect(codeOf(() => sniffImage(new TextEncoder().encode("<svg><script>alert(1)</script></svg>")))).toBe(
      "access/unsafe-svg",
    );
    expect(codeOf(() => sniffImage(new TextEncoder().encode("<html>hi</html>")))).toBe(
      "access/unsupported-image",
    );
    expect(codeOf(() => sniffImage(new Uint8Array(0)))).toBe("access/empty-file");
    expect(codeOf(() => sniffImage(new Uint8Array(600 * 1024)))).toBe("access/file-too-large");
  });
});
