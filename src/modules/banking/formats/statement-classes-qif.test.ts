// QIF dates as Quicken and MS Money write them: two-digit years in any position, Quicken's apostrophe
// for the 2000s (with a space-padded single digit), day-first and year-first locales.
import { describe, expect, it } from "vitest";
import { fixture } from "../../../../test/support/statement-fixtures.ts";
import { parseStatementFile } from "./index.ts";

const dates = (name: string) =>
  parseStatementFile(fixture(name), { fileName: name }).statements.flatMap((s) =>
    s.transactions.map((t) => t.date),
  );

describe("QIF with two-digit years", () => {
  it("reads Quicken's apostrophe years across 2000, a padded single digit included", () => {
    expect(dates("qif-quicken-apostrophe-years.qif")).toEqual([
      "1999-12-28",
      "1999-12-31",
      "2000-01-03",
      "2000-01-14",
      "2000-01-31",
    ]);
  });

  it("reads year-first dates with a single-digit month and day (MS Money, East Asian locales)", () => {
    expect(dates("qif-money-year-first.qif")).toEqual([
      "2013-03-03",
      "2013-03-15",
      "2013-03-28",
      "2013-04-02",
    ]);
  });

  it("prefers the order that keeps a statement's dates close together when year-first and day-first both fit", () => {
    // 13/03/14 could be 13 March 2014: but then the statement would run from 2014 to 2027.
    expect(dates("qif-two-digit-year-first.qif")).toEqual(["2013-03-14", "2013-03-21", "2013-03-27"]);
  });

  it("reads day-first dates with the apostrophe", () => {
    expect(dates("qif-day-first-apostrophe.qif")).toEqual(["2003-02-28", "2003-03-13", "2003-04-02"]);
  });

  it("keeps reading US month-first files with two-digit years as before", () => {
    const text = "!Type:Bank\nD01/02/24\nT-1.00\n^\nD01/05/24\nT-2.00\n^\nD01/09/24\nT-3.00\n^\n";
    const file = parseStatementFile(new TextEncoder().encode(text));
    expect(file.statements[0]!.transactions.map((t) => t.date)).toEqual([
      "2024-01-02",
      "2024-01-05",
      "2024-01-09",
    ]);
  });
});
