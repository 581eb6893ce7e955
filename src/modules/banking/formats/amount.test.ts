// Amount reading and exact decimal arithmetic: what banks write, what comes out, and no float anywhere.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  detectDecimalSeparator,
  minorUnitsToAmount,
  negateAmount,
  normalizeAmount,
  sameAmount,
  sumAmounts,
} from "./amount.ts";

describe("normalizeAmount", () => {
  it.each([
    ["-12.50", ".", "-12.50"],
    ["7", ".", "7"],
    ["+00000000000115.8331", ".", "115.8331"],
    ["-00000000001500.0000", ".", "-1500.0000"],
    ["1,234.50", ".", "1234.50"],
    ["1.234,50", ",", "1234.50"],
    ["1 234,50", ",", "1234.50"],
    ["1'234.50", ".", "1234.50"],
    ["300,", ",", "300"],
    [".5", ".", "0.5"],
    ["($12.00)", ".", "-12.00"],
    ["$-1.00", ".", "-1.00"],
    ["-$1.00", ".", "-1.00"],
    ["12.50-", ".", "-12.50"],
    ["€ 3,50", ",", "3.50"],
    ["EUR 10.00", ".", "10.00"],
    ["10.00 USD", ".", "10.00"],
    ["-0", ".", "0"],
    ["-0.00", ".", "0.00"],
    ["000000000147,64", ",", "147.64"],
  ] as const)("reads %s (decimal %s) as %s", (text, decimal, expected) => {
    expect(normalizeAmount(text, decimal)).toBe(expected);
  });

  it.each(["", "-", "abc", "1,5", "1.2.3", "--5", "(-5)", "12..5", "1,23,456.00", "5e3", "NaN", "Infinity"])(
    "refuses %j",
    (text) => {
      expect(normalizeAmount(text, ".")).toBeNull();
    },
  );

  it("keeps every digit of a large amount (no float rounding)", () => {
    expect(normalizeAmount("123456789012345678901234.56")).toBe("123456789012345678901234.56");
    expect(normalizeAmount("9007199254740993.01")).toBe("9007199254740993.01");
  });

  it("refuses absurdly long numbers instead of carrying them", () => {
    expect(normalizeAmount("1".repeat(31))).toBeNull();
  });

  it("is exact for any decimal written with a point (property)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.integer({ min: 0, max: 6 }),
        (value, scale) => {
          const digits = (value < 0n ? -value : value).toString().padStart(scale + 1, "0");
          const text = `${value < 0n ? "-" : ""}${scale > 0 ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits}`;
          const normalized = normalizeAmount(text, ".");
          expect(normalized).not.toBeNull();
          expect(sameAmount(normalized as string, text.replace(/^-(?=0*\.?0*$)/, ""))).toBe(true);
          // Same number with a decimal comma and thousands points.
          const european = text.replace(".", ",");
          expect(normalizeAmount(european, ",")).toBe(normalized);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("exact arithmetic", () => {
  it("sums with the largest precision", () => {
    expect(sumAmounts(["0.1", "0.2"])).toBe("0.3");
    expect(sumAmounts(["100.00", "-0.01", "-7"])).toBe("92.99");
    expect(sumAmounts(["-1.5", "1.5"])).toBe("0.0");
    expect(sumAmounts([])).toBe("0");
  });

  it("compares across precisions", () => {
    expect(sameAmount("5", "5.00")).toBe(true);
    expect(sameAmount("-0.10", "-0.1")).toBe(true);
    expect(sameAmount("1.01", "1.1")).toBe(false);
  });

  it("negates without producing -0", () => {
    expect(negateAmount("12.50")).toBe("-12.50");
    expect(negateAmount("-3")).toBe("3");
    expect(negateAmount("0.00")).toBe("0.00");
  });

  it("reads BAI2 minor units with the currency's decimals", () => {
    expect(minorUnitsToAmount("10000", 2)).toBe("100.00");
    expect(minorUnitsToAmount("001", 2)).toBe("0.01");
    expect(minorUnitsToAmount("-1260161341762", 2)).toBe("-12601613417.62");
    expect(minorUnitsToAmount("2700", 0)).toBe("2700");
    expect(minorUnitsToAmount("1234", 3)).toBe("1.234");
    expect(minorUnitsToAmount("12a", 2)).toBeNull();
  });
});

describe("detectDecimalSeparator", () => {
  it("decides from unambiguous samples", () => {
    expect(detectDecimalSeparator(["1,234.50", "12.00"])).toBe(".");
    expect(detectDecimalSeparator(["1.234,50", "-3,10"])).toBe(",");
    expect(detectDecimalSeparator(["1,234,567"])).toBe(".");
    expect(detectDecimalSeparator(["1.234.567"])).toBe(",");
  });

  it("does not decide from ambiguous three-digit groups", () => {
    expect(detectDecimalSeparator(["1,234", "7"])).toBeNull();
    expect(detectDecimalSeparator([])).toBeNull();
  });
});
