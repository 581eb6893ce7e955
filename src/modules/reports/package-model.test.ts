// The package's pure parts: the month a request names, settings applied and refused, the profit
// and loss columns (month, year to date, prior years; fiscal years not starting in January), the
// twelve months before a month, and the sentences of the attention page.
import { describe, expect, it } from "vitest";
import { AppError } from "../../platform/errors.ts";
import {
  attentionLines,
  packageFileName,
  packageProfitLossColumns,
  trailingTwelveFrom,
} from "./package-model.ts";
import { applyPackageSettings, DEFAULT_PACKAGE_SETTINGS, packageMonth } from "./package-settings-model.ts";
import { monthInWords } from "../../platform/dates.ts";

describe("packageMonth", () => {
  it("takes YYYY-MM and gives the month's first and last day", () => {
    expect(packageMonth("2028-02")).toEqual({ month: "2028-02", from: "2028-02-01", to: "2028-02-29" });
    expect(packageMonth("2026-12").to).toBe("2026-12-31");
    expect(monthInWords("2026-03")).toBe("March 2026");
  });
  it("refuses anything else with reports/invalid-month", () => {
    for (const bad of ["2026-13", "2026-00", "2026-1", "2026-01-01", "0000-01", "March", ""]) {
      const e = (() => {
        try {
          packageMonth(bad);
        } catch (error) {
          return error;
        }
      })();
      expect(e, bad).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe("reports/invalid-month");
    }
  });
});

describe("applyPackageSettings", () => {
  it("applies what is given and keeps the rest; repeated statements count once", () => {
    expect(
      applyPackageSettings(DEFAULT_PACKAGE_SETTINGS, {
        statements: ["cash-flow", "cash-flow", "profit-loss"],
        rounding: false,
      }),
    ).toEqual({ ...DEFAULT_PACKAGE_SETTINGS, statements: ["cash-flow", "profit-loss"], rounding: false });
  });
  it("refuses no statement, an unknown one, notes too long or with a NUL", () => {
    const code = (patch: Parameters<typeof applyPackageSettings>[1]) => {
      try {
        applyPackageSettings(DEFAULT_PACKAGE_SETTINGS, patch);
        return null;
      } catch (error) {
        return (error as AppError).code;
      }
    };
    expect(code({ statements: [] })).toBe("reports/no-statement");
    expect(code({ statements: ["aging" as never] })).toBe("reports/unknown-statement");
    expect(code({ notes: "x".repeat(10_001) })).toBe("reports/notes-too-long");
    expect(code({ notes: "a\u0000b" })).toBe("reports/unsafe-text");
  });
});

describe("packageProfitLossColumns", () => {
  it("is the month and the year to date, with prior years when asked", () => {
    const m = packageMonth("2026-03");
    expect(packageProfitLossColumns(m, 1, false)).toEqual([
      { kind: "amount", label: "Mar 2026", from: "2026-03-01", to: "2026-03-31" },
      { kind: "amount", label: "Year to date", from: "2026-01-01", to: "2026-03-31" },
    ]);
    expect(packageProfitLossColumns(m, 7, true)).toEqual([
      { kind: "amount", label: "Mar 2026", from: "2026-03-01", to: "2026-03-31" },
      { kind: "amount", label: "Mar 2025", from: "2025-03-01", to: "2025-03-31" },
      { kind: "amount", label: "Year to date", from: "2025-07-01", to: "2026-03-31" },
      { kind: "amount", label: "Year to date 2025", from: "2024-07-01", to: "2025-03-31" },
    ]);
    // A leap month's prior year ends on the 28th.
    expect(packageProfitLossColumns(packageMonth("2028-02"), 1, true)[1]).toMatchObject({
      from: "2027-02-01",
      to: "2027-02-28",
    });
  });
  it("starts the twelve months eleven months before", () => {
    expect(trailingTwelveFrom(packageMonth("2026-03"))).toBe("2025-04-01");
    expect(trailingTwelveFrom(packageMonth("2026-12"))).toBe("2026-01-01");
    expect(trailingTwelveFrom(packageMonth("2026-01"))).toBe("2025-02-01");
  });
  it("names the files after client, month and version", () => {
    expect(packageFileName("acme", "2026-03", 2, "pdf")).toBe("acme-package-2026-03-v2.pdf");
  });
});

describe("attentionLines", () => {
  const m = packageMonth("2026-03");
  it("says nothing when the month is finished, or when review waits only on later lines", () => {
    expect(
      attentionLines({ drafts: 0, draftsEarlier: 0, bankLinesInReview: 0, oldestInReview: null }, m),
    ).toEqual([]);
    expect(
      attentionLines({ drafts: 0, draftsEarlier: 0, bankLinesInReview: 3, oldestInReview: "2026-04-02" }, m),
    ).toEqual([]);
    expect(
      attentionLines({ drafts: 0, draftsEarlier: 0, bankLinesInReview: null, oldestInReview: null }, m),
    ).toEqual([]);
  });
  it("counts drafts in the month and before it, and bank lines in review, in words", () => {
    expect(
      attentionLines({ drafts: 1, draftsEarlier: 2, bankLinesInReview: 1, oldestInReview: "2026-03-09" }, m),
    ).toEqual([
      "1 journal entry dated in March 2026 is still a draft: it is not in these statements until posted.",
      "2 draft journal entries dated before March 2026 are not in the opening balances either.",
      "1 bank line waits for review (the oldest dated 2026-03-09): until reviewed and posted, it is not in the books.",
    ]);
  });
});
