// When a bank feed needs attention: the seven-day boundary of a quiet account (with and without
// lines) and each connection state against the stuck-connection limit.
import { describe, expect, it } from "vitest";
import { connectionTrouble, isStale, STALE_DAYS, STUCK_CONNECTION_DAYS } from "./overview-model.ts";

const added = new Date("2026-01-01T00:00:00Z");

describe("isStale", () => {
  it("is quiet from the seventh day after its latest line", () => {
    expect(STALE_DAYS).toBe(7);
    expect(isStale({ lastLineDate: "2026-03-01", createdAt: added }, "2026-03-07")).toBe(false);
    expect(isStale({ lastLineDate: "2026-03-01", createdAt: added }, "2026-03-08")).toBe(true);
    // Across a month and a year end.
    expect(isStale({ lastLineDate: "2026-12-28", createdAt: added }, "2027-01-03")).toBe(false);
    expect(isStale({ lastLineDate: "2026-12-28", createdAt: added }, "2027-01-04")).toBe(true);
  });

  it("counts an account without lines from the day it was added", () => {
    const at = new Date("2026-03-01T23:30:00Z");
    expect(isStale({ lastLineDate: null, createdAt: at }, "2026-03-07")).toBe(false);
    expect(isStale({ lastLineDate: null, createdAt: at }, "2026-03-08")).toBe(true);
  });
});

describe("connectionTrouble", () => {
  const now = new Date("2026-03-10T12:00:00Z");
  const ago = (days: number, ms = 0) => new Date(now.getTime() - days * 86_400_000 + ms);

  it("a connected connection is fine however old; a disconnected one needs someone at once", () => {
    expect(connectionTrouble({ state: "connected", since: ago(400) }, now)).toBeNull();
    expect(connectionTrouble({ state: "disconnected", since: now }, now)).toBe("disconnected");
  });

  it("a requested or setting-up connection is stuck after the limit, not before", () => {
    expect(STUCK_CONNECTION_DAYS).toBe(3);
    for (const state of ["requested", "setting_up"] as const) {
      expect(connectionTrouble({ state, since: ago(3, 1) }, now)).toBeNull();
      expect(connectionTrouble({ state, since: ago(3) }, now)).toBe(state);
    }
  });
});
