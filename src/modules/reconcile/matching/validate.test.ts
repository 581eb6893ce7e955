// Statement checks: lines that do not add up, lines outside the period, broken dates and ids.
import { describe, expect, it } from "vitest";
import { st } from "./test-lines.ts";
import { validateStatement } from "./validate.ts";

describe("validateStatement", () => {
  const lines = [st("s1", "2026-03-02", "250.00", "DEPOSIT"), st("s2", "2026-03-05", "-40.00", "FEE")];

  it("finds nothing wrong with a statement that adds up", () => {
    expect(
      validateStatement({
        from: "2026-03-01",
        to: "2026-03-31",
        opening: 100_000n,
        closing: 121_000n,
        lines,
      }),
    ).toEqual([]);
  });

  it("says by how much the lines miss the closing balance", () => {
    const problems = validateStatement({
      from: "2026-03-01",
      to: "2026-03-31",
      opening: 100_000n,
      closing: 120_000n,
      lines,
    });
    expect(problems).toEqual([
      {
        code: "statement/lines-do-not-sum",
        detail:
          "opening 1000.00 plus the lines (210.00) makes 1210.00, but the closing balance is 1200.00: the lines are 10.00 too high",
        difference: 1000n,
      },
    ]);
  });

  it("names lines outside the period, dates that are no dates, and ids given twice", () => {
    const problems = validateStatement({
      from: "2026-03-01",
      to: "2026-03-31",
      opening: 0n,
      closing: 1_000n,
      lines: [
        st("s1", "2026-04-01", "5.00", "LATE"),
        st("s2", "2026-02-30", "5.00", "BAD"),
        st("s2", "2026-03-03", "0.00", "AGAIN"),
      ],
    });
    expect(problems.map((p) => p.code)).toEqual([
      "statement/line-outside-period",
      "statement/line-date-invalid",
      "statement/duplicate-line",
    ]);
    expect(problems[0]!.detail).toBe(
      "line FIT-s1 of 2026-04-01 (5.00) is outside the period 2026-03-01 – 2026-03-31",
    );
  });

  it("refuses a period that ends before it starts", () => {
    const problems = validateStatement({
      from: "2026-03-31",
      to: "2026-03-01",
      opening: 0n,
      closing: 0n,
      lines: [],
    });
    expect(problems.map((p) => p.code)).toEqual(["statement/period-invalid"]);
  });
});
