// The close timing rules, including the help page's worked example (docs/help/close-tracker.md).
import { describe, expect, it } from "vitest";
import { NO_HOLIDAYS } from "../../platform/business-days.ts";
import {
  cadenceFor,
  closeTiming,
  effectiveMonthOfChange,
  isOverdue,
  monthBefore,
  monthsBetween,
  plannedDueDate,
  type CadenceSetting,
} from "./timing-model.ts";

const DAILY: CadenceSetting = { cadence: "daily", weeklyDueDay: 10 };
const WEEKLY_10: CadenceSetting = { cadence: "weekly", weeklyDueDay: 10 };
const WEEKLY_15: CadenceSetting = { cadence: "weekly", weeklyDueDay: 15 };
const LABOR_DAY = new Set(["2026-09-07"]);

describe("planned due date", () => {
  it("is the 5th of the next month for a daily cadence, the 10th or 15th for a weekly one", () => {
    expect(plannedDueDate("2026-03", DAILY, NO_HOLIDAYS)).toBe("2026-04-06"); // Apr 5 is a Sunday
    expect(plannedDueDate("2026-04", DAILY, NO_HOLIDAYS)).toBe("2026-05-05"); // a Tuesday
    expect(plannedDueDate("2026-03", WEEKLY_10, NO_HOLIDAYS)).toBe("2026-04-10"); // a Friday
    expect(plannedDueDate("2026-03", WEEKLY_15, NO_HOLIDAYS)).toBe("2026-04-15"); // a Wednesday
  });
  it("crosses the year: December closes in January", () => {
    expect(plannedDueDate("2026-12", DAILY, NO_HOLIDAYS)).toBe("2027-01-05");
  });
  it("moves past weekends and the firm's holidays to the next business day", () => {
    // Sep 5 2026 is a Saturday; Monday the 7th is Labor Day.
    expect(plannedDueDate("2026-08", DAILY, NO_HOLIDAYS)).toBe("2026-09-07");
    expect(plannedDueDate("2026-08", DAILY, LABOR_DAY)).toBe("2026-09-08");
    // A holiday on the due day itself (Friday 2026-04-10) moves it to Monday.
    expect(plannedDueDate("2026-03", WEEKLY_10, new Set(["2026-04-10"]))).toBe("2026-04-13");
  });
});

describe("the worked example: August 2026, daily cadence, Labor Day a holiday", () => {
  const base = { month: "2026-08", setting: DAILY, holidays: LABOR_DAY };
  it("information is due 6 business days before the close (skipping the holiday)", () => {
    const t = closeTiming({ ...base, informationReceivedOn: "2026-08-27" });
    expect(t).toEqual({
      plannedDueDate: "2026-09-08",
      informationDueDate: "2026-08-28",
      informationLateDays: 0,
      dueDate: "2026-09-08",
    });
  });
  it("information on its due date is on time", () => {
    const t = closeTiming({ ...base, informationReceivedOn: "2026-08-28" });
    expect(t.dueDate).toBe("2026-09-08");
  });
  it("each business day late moves the due date one business day", () => {
    // Arrives Tuesday Sep 1: Monday Aug 31 and Tuesday Sep 1 late → 2 business days.
    const t = closeTiming({ ...base, informationReceivedOn: "2026-09-01" });
    expect(t.informationLateDays).toBe(2);
    expect(t.dueDate).toBe("2026-09-10");
  });
  it("a weekend of lateness counts nothing; the holiday neither", () => {
    // Arrives Saturday Aug 29: no business day late yet.
    expect(closeTiming({ ...base, informationReceivedOn: "2026-08-29" }).dueDate).toBe("2026-09-08");
    // Arrives Tuesday Sep 8: Aug 31, Sep 1–4 and Sep 8 (not the 7th) → 6 late, due Sep 16.
    const t = closeTiming({ ...base, informationReceivedOn: "2026-09-08" });
    expect(t.informationLateDays).toBe(6);
    expect(t.dueDate).toBe("2026-09-16");
  });
  it("information not recorded moves nothing unless it is tracked as awaited", () => {
    expect(closeTiming({ ...base, informationReceivedOn: null }).dueDate).toBe("2026-09-08");
  });
  it("information awaited and still missing moves the due date day by day until it comes", () => {
    expect(closeTiming({ ...base, informationReceivedOn: null, missingUntil: "2026-08-28" }).dueDate).toBe(
      "2026-09-08",
    );
    expect(closeTiming({ ...base, informationReceivedOn: null, missingUntil: "2026-08-31" }).dueDate).toBe(
      "2026-09-09",
    );
    expect(closeTiming({ ...base, informationReceivedOn: null, missingUntil: "2026-09-03" }).dueDate).toBe(
      "2026-09-14",
    );
  });
});

describe("weekly cadence information due date", () => {
  it("is 6 business days before the 15th", () => {
    const t = closeTiming({
      month: "2026-03",
      setting: WEEKLY_15,
      holidays: NO_HOLIDAYS,
      informationReceivedOn: null,
    });
    expect(t.informationDueDate).toBe("2026-04-07");
    expect(t.dueDate).toBe("2026-04-15");
  });
});

describe("cadence changes", () => {
  it("a change made in the middle of a month applies from the next month", () => {
    expect(effectiveMonthOfChange("2026-03-17")).toBe("2026-04");
    expect(effectiveMonthOfChange("2026-12-01")).toBe("2027-01");
  });
  it("each month takes the cadence in force for it", () => {
    const changes = [
      { ...DAILY, effectiveFrom: "2026-01" },
      { ...WEEKLY_15, effectiveFrom: "2026-04" },
    ];
    expect(cadenceFor("2026-03", changes, WEEKLY_10)).toEqual(DAILY);
    expect(cadenceFor("2026-04", changes, WEEKLY_10)).toEqual(WEEKLY_15);
    expect(cadenceFor("2027-02", changes, WEEKLY_10)).toEqual(WEEKLY_15);
    // Before the first known setting, the first one counts; with none, the fallback.
    expect(cadenceFor("2025-06", changes, WEEKLY_10)).toEqual(DAILY);
    expect(cadenceFor("2026-03", [], WEEKLY_10)).toEqual(WEEKLY_10);
  });
});

describe("months and overdue", () => {
  it("lists months across a year end", () => {
    expect(monthsBetween("2026-11", "2027-02")).toEqual(["2026-11", "2026-12", "2027-01", "2027-02"]);
    expect(monthBefore("2026-01")).toBe("2025-12");
  });
  it("is overdue only after the due date and while not closed", () => {
    expect(isOverdue("2026-04-06", "2026-04-06", false)).toBe(false);
    expect(isOverdue("2026-04-06", "2026-04-07", false)).toBe(true);
    expect(isOverdue("2026-04-06", "2026-04-07", true)).toBe(false);
  });
});
