// Exact decimal helpers: rounding as hledger displays, hledger's "looks zero" balancing test, text form.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDec,
  compareDec,
  decFromString,
  decToString,
  looksZero,
  mulDec,
  normalizeDec,
  roundHalfEven,
} from "./decimal.ts";

const d = (quantity: bigint, scale: number) => ({ quantity, scale });

describe("decimal", () => {
  it("adds and multiplies exactly across scales", () => {
    expect(addDec(d(150n, 2), d(-2n, 0))).toEqual(d(-50n, 2));
    expect(mulDec(d(6273000000000000n, 15), d(11478n, 2))).toEqual(d(72001494000000000000n, 17));
  });

  it("rounds half to even, like the amounts hledger shows", () => {
    expect(roundHalfEven(d(125n, 3), 2)).toEqual(d(12n, 2)); // 0.125 → 0.12
    expect(roundHalfEven(d(135n, 3), 2)).toEqual(d(14n, 2)); // 0.135 → 0.14
    expect(roundHalfEven(d(-135n, 3), 2)).toEqual(d(-14n, 2));
    expect(roundHalfEven(d(1251n, 4), 2)).toEqual(d(13n, 2));
    expect(roundHalfEven(d(5n, 0), 2)).toEqual(d(500n, 2));
  });

  it("treats up to half a unit of the last shown digit as zero (inclusive), as hledger balances", () => {
    expect(looksZero(d(5n, 3), 2)).toBe(true);
    expect(looksZero(d(-5n, 3), 2)).toBe(true);
    expect(looksZero(d(6n, 3), 2)).toBe(false);
    expect(looksZero(d(1n, 2), 2)).toBe(false);
    expect(looksZero(d(1n, 30), null)).toBe(false);
    expect(looksZero(d(0n, 30), null)).toBe(true);
  });

  it("writes and reads plain decimal text", () => {
    expect(decToString(-5n, 2)).toBe("-0.05");
    expect(decToString(12345n, 2)).toBe("123.45");
    expect(decToString(7n, 0)).toBe("7");
    expect(decFromString("-0.050")).toEqual(d(-50n, 3));
    expect(decFromString("abc")).toBeNull();
    expect(normalizeDec(d(1500n, 3))).toEqual(d(15n, 1));
  });

  it("round-trips any value through text and compares by value", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
        fc.integer({ min: 0, max: 20 }),
        (q, s) => {
          const back = decFromString(decToString(q, s))!;
          expect(back).toEqual(d(q, s));
          expect(compareDec(d(q, s), normalizeDec(d(q, s)))).toBe(0);
        },
      ),
    );
  });
});
