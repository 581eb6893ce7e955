// The template calendar: business days, periods and the due dates of relative rules.
import { describe, expect, it } from "vitest";
import {
  addBusinessDays,
  businessDayOnOrBefore,
  businessDaysIn,
  isBusinessDay,
  nextPeriod,
  periodFromKey,
  periodOf,
} from "./calendar-model.ts";

describe("business days", () => {
  it("counts Monday to Friday", () => {
    expect(isBusinessDay("2026-03-06")).toBe(true); // Friday
    expect(isBusinessDay("2026-03-07")).toBe(false); // Saturday
    expect(isBusinessDay("2026-03-08")).toBe(false); // Sunday
  });
  it("moves over weekends both ways", () => {
    expect(addBusinessDays("2026-03-06", 1)).toBe("2026-03-09");
    expect(addBusinessDays("2026-03-09", -1)).toBe("2026-03-06");
    expect(addBusinessDays("2026-03-31", -2)).toBe("2026-03-27");
    expect(addBusinessDays("2026-03-07", 0)).toBe("2026-03-07");
  });
  it("finds the last business day on or before a date", () => {
    expect(businessDayOnOrBefore("2026-05-31")).toBe("2026-05-29"); // Sunday → Friday
    expect(businessDayOnOrBefore("2026-03-31")).toBe("2026-03-31");
  });
  it("knows February 2021 is the shortest month in business days", () => {
    expect(businessDaysIn("2021-02-01", "2021-02-28")).toBe(20);
  });
});

describe("periods", () => {
  it("reads and finds months, quarters and years", () => {
    expect(periodOf("2026-02-14", "monthly")).toEqual({
      key: "2026-02",
      recurrence: "monthly",
      start: "2026-02-01",
      end: "2026-02-28",
    });
    expect(periodOf("2026-08-01", "quarterly")).toMatchObject({
      key: "2026-Q3",
      start: "2026-07-01",
      end: "2026-09-30",
    });
    expect(periodOf("2024-08-01", "yearly")).toMatchObject({ key: "2024", end: "2024-12-31" });
    expect(periodFromKey("2024-02")?.end).toBe("2024-02-29");
    expect(periodFromKey("2026-13")).toBeUndefined();
    expect(periodFromKey("2026-Q5")).toBeUndefined();
    expect(periodFromKey("March")).toBeUndefined();
  });
  it("steps to the next period across a year end", () => {
    expect(nextPeriod(periodFromKey("2026-12")!).key).toBe("2027-01");
    expect(nextPeriod(periodFromKey("2026-Q4")!).key).toBe("2027-Q1");
    expect(nextPeriod(periodFromKey("2026")!).key).toBe("2027");
  });
});
