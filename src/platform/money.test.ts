// Money: parsing and formatting decimal strings, and allocation that always sums to the total.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  allocate,
  allocateByPercent,
  formatMinor,
  isoScale,
  MAX_MINOR,
  parseDecimal,
  rescale,
} from "./money.ts";
import { AppError } from "./errors.ts";

describe("parseDecimal / formatMinor", () => {
  it("parses decimal strings into minor units at the currency's scale", () => {
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

  it("knows the ISO scales that are not 2", () => {
    expect(isoScale("USD")).toBe(2);
    expect(isoScale("JPY")).toBe(0);
    expect(isoScale("BHD")).toBe(3);
  });

  it("round-trips any storable amount at any scale", () => {
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

describe("rescale", () => {
  const codeOf = (f: () => unknown): string | undefined => {
    try {
      f();
    } catch (error) {
      if (error instanceof AppError) return error.code;
      throw error;
    }
    return undefined;
  };

  it("goes up a scale by multiplying and down only when no digit is lost", () => {
    expect(rescale(-1250n, 2, 4)).toBe(-125_000n);
    expect(rescale(-125_000n, 4, 2)).toBe(-1250n);
    expect(rescale(1200n, 2, 0)).toBe(12n);
    expect(rescale(7n, 3, 3)).toBe(7n);
    expect(rescale(0n, 4, 0)).toBe(0n);
  });

  it("refuses to drop digits, naming the amount, its currency and both scales", () => {
    let error: AppError | undefined;
    try {
      rescale(-1250n, 2, 0, { what: "the bank line of 2026-03-02", currency: "USD", field: "amount" });
    } catch (e) {
      error = e as AppError;
    }
    expect(error).toBeInstanceOf(AppError);
    expect(error?.code).toBe("money/scale-loses-digits");
    expect(error?.field).toBe("amount");
    expect(error?.detail).toBe(
      "the bank line of 2026-03-02 (-12.50 USD) cannot be written with 0 decimal places without losing digits (it has 2); amounts are never rounded",
    );
  });

  it("refuses an amount that would not fit 64 bits at the larger scale", () => {
    expect(codeOf(() => rescale(MAX_MINOR / 10n + 1n, 2, 3))).toBe("money/too-large");
    expect(rescale(MAX_MINOR / 10n, 2, 3)).toBe((MAX_MINOR / 10n) * 10n);
  });

  it("keeps the value: up and back down is the identity, and the decimal string only gains zeros", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 4 }),
        (amount, from, up) => {
          const to = from + up;
          const scaled = rescale(amount, from, to);
          expect(rescale(scaled, to, from)).toBe(amount);
          expect(parseDecimal(formatMinor(scaled, to), from)).toBe(amount);
          expect(formatMinor(scaled, to)).toBe(
            formatMinor(amount, from) + (from === 0 && to > 0 ? "." : "") + "0".repeat(up),
          );
        },
      ),
    );
  });

  it("going down succeeds exactly when the dropped digits are zeros", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        (amount, to, down) => {
          const from = to + down;
          const exact = amount % 10n ** BigInt(down) === 0n;
          if (exact) expect(rescale(amount, from, to) * 10n ** BigInt(down)).toBe(amount);
          else expect(codeOf(() => rescale(amount, from, to))).toBe("money/scale-loses-digits");
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
