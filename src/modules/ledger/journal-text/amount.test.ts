// Amount syntax as hledger 1.25 reads it: symbol placement, signs, quoting, digit groups, the
// decimal-mark guess and what a commodity directive changes about it.
import { describe, expect, it } from "vitest";
import { scanAmount, symbolNeedsQuotes, type AmountContext } from "./amount.ts";
import { LineError } from "./errors.ts";

function ctx(marks: Record<string, "." | ","> = {}, defaultCommodity?: string): AmountContext {
  return { declaredDecimalMark: (c) => marks[c] ?? null, defaultCommodity };
}

function read(text: string, c: AmountContext = ctx()) {
  const r = scanAmount(text, 0, text.length, c);
  return { ...r.amount, end: r.end, side: r.style.side, spaced: r.style.spaced };
}

describe("scanAmount", () => {
  it.each([
    ["$1", 1n, 0, "$", "left", false],
    ["-$1.50", -150n, 2, "$", "left", false],
    ["$-1.50", -150n, 2, "$", "left", false],
    ["- $1.50", -150n, 2, "$", "left", false],
    ["+$1.50", 150n, 2, "$", "left", false],
    ["$ -1.50", -150n, 2, "$", "left", true],
    ["-$-1", 1n, 0, "$", "left", false],
    ["10 EUR", 10n, 0, "EUR", "right", true],
    ["10EUR", 10n, 0, "EUR", "right", false],
    ["EUR 10", 10n, 0, "EUR", "left", true],
    ["-EUR 1.50", -150n, 2, "EUR", "left", true],
    ["1,000.00 USD", 100000n, 2, "USD", "right", true],
    ["$1,173.15", 117315n, 2, "$", "left", false],
    ["1.000,00 EUR", 100000n, 2, "EUR", "right", true],
    ["1 000 000,5 EUR", 10000005n, 1, "EUR", "right", true],
    ['"VACHR" 5', 5n, 0, "VACHR", "left", true],
    ['5 "ABC 1"', 5n, 0, "ABC 1", "right", true],
    ['-5"ABC 1"', -5n, 0, "ABC 1", "right", false],
    ["£-80", -80n, 0, "£", "left", false],
    ["500.00€", 50000n, 2, "€", "right", false],
    [".5 X", 5n, 1, "X", "right", true],
    ["1E3", 1000n, 0, "", "right", false],
    ["2.5e-2 X", 25n, 3, "X", "right", true],
    ["866.231000 GGGGG", 866231000n, 6, "GGGGG", "right", true],
    ["12345678901234567890.123456789 X", 12345678901234567890123456789n, 9, "X", "right", true],
  ] as const)("%s", (text, quantity, scale, commodity, side, spaced) => {
    expect(read(text)).toMatchObject({ quantity, scale, commodity, side, spaced, end: text.length });
  });

  it("takes a single mark as the decimal mark, as hledger guesses (1,000 is one, to three places)", () => {
    expect(read("1,000 X")).toMatchObject({ quantity: 1000n, scale: 3 });
    expect(read("1.000 X")).toMatchObject({ quantity: 1000n, scale: 3 });
    expect(read("1,000,000 X")).toMatchObject({ quantity: 1000000n, scale: 0 });
  });

  it("follows the decimal mark a commodity directive declared", () => {
    expect(read("$1,000", ctx({ $: "." }))).toMatchObject({ quantity: 1000n, scale: 0 });
    expect(read("1.000 EUR", ctx({ EUR: "," }))).toMatchObject({ quantity: 1000n, scale: 0 });
    expect(read("2,5 EUR", ctx({ EUR: "," }))).toMatchObject({ quantity: 25n, scale: 1 });
    // with both marks the last one is the decimal mark whatever was declared (hledger does the same)
    expect(read("1,000.00 EUR", ctx({ EUR: "," }))).toMatchObject({ quantity: 100000n, scale: 2 });
    expect(read(".5 EUR", ctx({ EUR: "," }))).toMatchObject({ quantity: 5n, scale: 1 });
  });

  it("gives symbol-less amounts the default commodity", () => {
    expect(read("1.000", ctx({ EUR: "," }, "EUR"))).toMatchObject({
      quantity: 1000n,
      scale: 0,
      commodity: "EUR",
    });
  });

  it("stops before a price, an assertion or a comment", () => {
    const s = "10 EUR @ 1.1 USD";
    expect(scanAmount(s, 0, s.length, ctx()).end).toBe(6);
    const t = "$5  ; note";
    expect(scanAmount(t, 0, t.length, ctx()).end).toBe(2);
  });

  it.each(["$", "-", "EUR", "1,,0 X", "1.5E3 EUR", "1,000.000,0 X", '"ABC 1 5'])("refuses %s", (text) => {
    expect(() => scanAmount(text, 0, text.length, ctx({ EUR: "," }))).toThrow(LineError);
  });

  it("knows which symbols need quotes", () => {
    expect(symbolNeedsQuotes("ABC 1")).toBe(true);
    expect(symbolNeedsQuotes("VACHR2")).toBe(true);
    expect(symbolNeedsQuotes("$")).toBe(false);
    expect(symbolNeedsQuotes("EUR")).toBe(false);
  });
});
