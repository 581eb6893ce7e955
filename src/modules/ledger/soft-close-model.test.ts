// Soft close's pure rule: an item dated in a soft-closed month moves to the first day of the next
// month that is neither soft-closed nor locked, with its note; open and locked months keep it.
import { describe, expect, it } from "vitest";
import { lateItemShift, withLateNote, type ClosedStatus } from "./soft-close-model.ts";

const closed = (entries: Array<[string, ClosedStatus]>) => new Map(entries);

describe("lateItemShift", () => {
  it("moves an item of a soft-closed month to the first day of the next month, with the note", () => {
    expect(lateItemShift("2026-10-17", closed([["2026-10-01", "soft_closed"]]))).toEqual({
      date: "2026-11-01",
      note: "late item for 2026-10, posted to 2026-11 because 2026-10 is soft-closed",
    });
  });

  it("skips the months after it that are soft-closed or locked, across the year end", () => {
    const months = closed([
      ["2026-11-01", "soft_closed"],
      ["2026-12-01", "locked"],
    ]);
    expect(lateItemShift("2026-11-30", months)?.date).toBe("2027-01-01");
  });

  it("leaves items of open and locked months where they are (a locked month refuses them)", () => {
    expect(lateItemShift("2026-10-17", closed([["2026-09-01", "soft_closed"]]))).toBeNull();
    expect(lateItemShift("2026-10-17", closed([["2026-10-01", "locked"]]))).toBeNull();
  });
});

describe("withLateNote", () => {
  it("keeps the item's own comment before the note", () => {
    expect(withLateNote(null, "late")).toBe("late");
    expect(withLateNote("Landlord's bill", "late")).toBe("Landlord's bill (late)");
  });
});
