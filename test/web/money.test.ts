// The portal's amount helpers: grouping for display, parsing what people type, exact sums.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { cleanAmount, debitCredit, formatAmount, fromMinor, toMinor } from "../../web/src/lib/money.ts";
import { entryTotal } from "../../web/src/modules/ledger/entryTotals.ts";
import { tokenFromHash } from "../../web/src/auth/tokenFromHash.ts";

describe("portal money helpers", () => {
  it("groups thousands without touching the digits", () => {
    expect(formatAmount("1234567.89")).toBe("1,234,567.89");
    expect(formatAmount("-12345.6")).toBe("-12,345.6");
    expect(formatAmount("999")).toBe("999");
    expect(formatAmount("0.00")).toBe("0.00");
    expect(formatAmount("+1000")).toBe("1,000");
    expect(formatAmount("n/a")).toBe("n/a");
  });

  it("parses typed amounts into minor units, refusing too many decimals", () => {
    expect(toMinor("1,250.00")).toBe(125000n);
    expect(toMinor(" 1 250.5 ")).toBe(125050n);
    expect(toMinor(".5")).toBe(50n);
    expect(toMinor("-3")).toBe(-300n);
    expect(toMinor("1.001")).toBeNull();
    expect(toMinor("abc")).toBeNull();
    expect(toMinor("")).toBeNull();
    expect(toMinor(".")).toBeNull();
    expect(toMinor("1.2345", 4)).toBe(12345n);
  });

  it("round-trips minor units through decimal strings", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.integer({ min: 0, max: 4 }),
        (units, scale) => {
          expect(toMinor(fromMinor(units, scale), scale)).toBe(units);
          expect(toMinor(formatAmount(fromMinor(units, scale)), scale)).toBe(units);
        },
      ),
    );
    expect(fromMinor(-5n)).toBe("-0.05");
    expect(fromMinor(0n, 0)).toBe("0");
  });

  it("splits signed amounts into debit and credit columns and cleans input for the API", () => {
    expect(debitCredit("-5.00")).toEqual({ debit: "", credit: "5.00" });
    expect(debitCredit("5.00")).toEqual({ debit: "5.00", credit: "" });
    expect(cleanAmount("1,250.00")).toBe("1250.00");
    expect(cleanAmount("  ")).toBeUndefined();
  });

  it("totals an entry's debits in its first currency", () => {
    const line = (amount: string, currency = "USD") => ({
      accountId: "a",
      amount,
      currency,
      contactId: null,
      memo: null,
    });
    expect(entryTotal([line("100.50"), line("-60.25"), line("-40.25")])).toEqual({
      amount: "100.50",
      currency: "USD",
    });
    expect(entryTotal([line("10", "JPY"), line("-10", "JPY"), line("5.00"), line("-5.00")])).toEqual({
      amount: "10",
      currency: "JPY",
    });
    expect(entryTotal([])).toBeNull();
  });

  it("reads tokens from e-mailed links' fragments", () => {
    expect(tokenFromHash("#token=abc.DEF-123")).toBe("abc.DEF-123");
    expect(tokenFromHash("")).toBeNull();
    expect(tokenFromHash("#other=1")).toBeNull();
  });
});
