// The Reports page's periods and address: each preset's dates (fiscal years not starting in January
// included), the selection read back from its own address, and the one query it asks for.
import { describe, expect, it } from "vitest";
import {
  fiscalYearStart,
  lastMonth,
  monthLabel,
  presetRange,
  recentMonths,
} from "../../web/src/modules/reports/period-model.ts";
import { apiQuery, parseSelection, toSearch } from "../../web/src/modules/reports/report-params.ts";

describe("period presets", () => {
  const today = "2026-03-15";
  it("gives whole months and quarters, year to date and last year", () => {
    expect(presetRange("this-month", today)).toEqual({ from: "2026-03-01", to: "2026-03-31" });
    expect(presetRange("last-month", today)).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(presetRange("last-month", "2026-01-10")).toEqual({ from: "2025-12-01", to: "2025-12-31" });
    expect(presetRange("this-quarter", today)).toEqual({ from: "2026-01-01", to: "2026-03-31" });
    expect(presetRange("last-quarter", today)).toEqual({ from: "2025-10-01", to: "2025-12-31" });
    expect(presetRange("ytd", today)).toEqual({ from: "2026-01-01", to: today });
    expect(presetRange("last-year", today)).toEqual({ from: "2025-01-01", to: "2025-12-31" });
    expect(presetRange("this-month", "2024-02-10").to).toBe("2024-02-29");
  });

  it("follows a fiscal year starting in July", () => {
    expect(fiscalYearStart(today, 7)).toBe("2025-07-01");
    expect(fiscalYearStart("2026-07-01", 7)).toBe("2026-07-01");
    expect(presetRange("ytd", today, 7)).toEqual({ from: "2025-07-01", to: today });
    expect(presetRange("last-year", today, 7)).toEqual({ from: "2024-07-01", to: "2025-06-30" });
    // March is in the fiscal year's third quarter (January–March).
    expect(presetRange("this-quarter", today, 7)).toEqual({ from: "2026-01-01", to: "2026-03-31" });
    expect(presetRange("this-quarter", "2026-08-02", 8)).toEqual({ from: "2026-08-01", to: "2026-10-31" });
  });

  it("keeps a custom range", () => {
    const custom = { from: "2026-02-03", to: "2026-02-20" };
    expect(presetRange("custom", today, 1, custom)).toEqual(custom);
  });

  it("lists the months a package can be made for, newest first", () => {
    expect(recentMonths("2026-01-20", 3)).toEqual(["2026-01", "2025-12", "2025-11"]);
    expect(lastMonth("2026-01-20")).toBe("2025-12");
    expect(monthLabel("2025-12")).toBe("December 2025");
  });
});

describe("report selection", () => {
  const today = "2026-03-15";
  it("defaults to the profit and loss, year to date, by month", () => {
    const s = parseSelection(new URLSearchParams(""), today, 1);
    expect(s).toMatchObject({ report: "profit-loss", period: "ytd", columns: "month", compare: "none" });
    expect(apiQuery(s, today, 1)).toEqual({ from: "2026-01-01", to: today, by: "month", compare: undefined });
  });

  it("round-trips through the address, ignoring what it does not know", () => {
    const s = parseSelection(
      new URLSearchParams(
        "report=cash-flow&period=custom&from=2025-01-01&to=2025-06-30&by=month&compare=prior-year",
      ),
      today,
      1,
    );
    expect(parseSelection(new URLSearchParams(toSearch(s)), today, 1)).toEqual(s);
    const odd = parseSelection(
      new URLSearchParams("report=nope&period=soon&by=weekly&from=yesterday"),
      today,
      1,
    );
    expect(odd).toMatchObject({ report: "profit-loss", period: "ytd", columns: "month" });
    expect(odd.custom.from).toBe("2026-01-01");
  });

  it("asks the balance sheet for an as-of date, and month ends from the period start", () => {
    const one = parseSelection(
      new URLSearchParams("report=balance-sheet&period=last-month&by=total"),
      today,
      1,
    );
    expect(apiQuery(one, today, 1)).toEqual({ asOf: "2026-02-28", compare: undefined });
    const months = parseSelection(
      new URLSearchParams("report=balance-sheet&period=ytd&by=month&compare=prior-year"),
      today,
      1,
    );
    expect(apiQuery(months, today, 1)).toEqual({
      asOf: today,
      by: "month",
      from: "2026-01-01",
      compare: "prior-year",
    });
    // Dimension columns belong to the profit and loss only.
    expect(parseSelection(new URLSearchParams("report=balance-sheet&by=class"), today, 1).columns).toBe(
      "total",
    );
  });

  it("drops comparisons with dimension columns and waits for complete dates", () => {
    const s = parseSelection(new URLSearchParams("by=department&compare=prior-period"), today, 1);
    expect(apiQuery(s, today, 1)).toMatchObject({ by: "department", compare: undefined });
    const typing = { ...s, period: "custom" as const, custom: { from: "2026-0", to: today } };
    expect(apiQuery(typing, today, 1)).toBeNull();
  });
});
