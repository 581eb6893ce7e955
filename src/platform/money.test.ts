// Money: parsing and formatting decimal strings, and allocation that always sums to the total.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { allocate, allocateByPercent, formatMinor, isoExponent, parseDecimal } from "./money.ts";
import { AppError } from "./errors.ts";

describe("parseDecimal / formatMinor", () => {
  it("parses decimal strings into minor units at the currency's exponent", () => {
    expect(parseDecimal("12.30", 2)).toBe(1230n);
    expect(parseDecimal("-0.05", 2)).toBe(-5n);
    expect(parseDecimal("7", 2)).toBe(700n);
    expect(parseDecimal(".5", 2)).toBe(50n);
    expect(parseDecimal("1000", 0)).toBe(1000n);
    expect(parseDecimal("1.250", 2)).toBe(125n); // trailing zeros are not extra precision
    expect(parseDecimal("-92233720368547758.07", 2)).toBe(-(2n ** 63n - 1n));
  });

  it("refuses an amount beyond what the database stores (64-bit minor units), naming the field", () => {
    for (const text of ["99999999999999999.99", "92233720368547758.08", "-92233720368547758.08"]) {
      let error: AppError | undefined;
      try {
        parseDecimal(text, 2, "lines[0].debit");
      } catch (e) {
        error = e as AppError;
      }
      expect(error?.code, text).toBe("money/too-large");
      expect(error?.field).toBe("lines[0].debit");
      expect(error?.detail).toContain("92233720368547758.07");
    }
    expect(() => parseDecimal("9223372036854775808", 0)).toThrow(/too large/);
    expect(parseDecimal("9223372036854775807", 0)).toBe(2n ** 63n - 1n);
  });

  it("refuses too many decimals and non-numbers, naming the field", () => {
    const tooMany = (() => {
      try {
        parseDecimal("1.234", 2, "lines[0].amount");
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(tooMany).toBeInstanceOf(AppError);
    expect(tooMany?.code).toBe("money/too-many-decimals");
    expect(tooMany?.field).toBe("lines[0].amount");
    expect(() => parseDecimal("12,30", 2)).toThrow(/not a decimal/);
    expect(() => parseDecimal("1e3", 2)).toThrow(/not a decimal/);
    expect(() => parseDecimal("", 2)).toThrow(/not a decimal/);
  });

  it("knows the ISO exponents that are not 2", () => {
    expect(isoExponent("USD")).toBe(2);
    expect(isoExponent("JPY")).toBe(0);
    expect(isoExponent("BHD")).toBe(3);
  });

  it("round-trips any storable amount at any exponent", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(2n ** 63n - 1n), max: 2n ** 63n - 1n }),
        fc.integer({ min: 0, max: 8 }),
        (amount, exp) => {
          expect(parseDecimal(formatMinor(amount, exp), exp)).toBe(amount);
        },
      ),
    );
  });
});

describe("allocate", () => {
  it("gives the remainder to the largest fractional parts, ties to the earlier part", () => {
    expect(allocate(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
    expect(allocate(-100n, [1n, 1n, 1n])).toEqual([-34n, -33n, -33n]);
    expect(allocate(5n, [3n, 7n])).toEqual([2n, 3n]); // 1.5 and 3.5: equal remainders, the earlier part gets the unit
  });

  it("always sums to the total and never moves more than one unit from the exact share", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc
          .array(fc.bigInt({ min: 0n, max: 10n ** 6n }), { minLength: 1, maxLength: 20 })
          .filter((w) => w.some((x) => x > 0n)),
        (total, weights) => {
          const parts = allocate(total, weights);
          expect(parts.reduce((a, b) => a + b, 0n)).toBe(total);
          const sum = weights.reduce((a, b) => a + b, 0n);
          parts.forEach((p, i) => {
            const exact = total * weights[i]!;
            const diff = p * sum - exact;
            expect(diff < 0n ? -diff : diff).toBeLessThan(sum);
          });
        },
      ),
    );
  });

  it("splits by percentages that total 100 and refuses others", () => {
    expect(allocateByPercent(1000n, ["33.33", "33.33", "33.34"])).toEqual([333n, 333n, 334n]);
    expect(() => allocateByPercent(1000n, ["50", "49"])).toThrow(/total 99%/);
  });
});
