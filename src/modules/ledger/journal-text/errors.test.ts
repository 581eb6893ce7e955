// Bad input: every malformed journal fails with an AppError naming the line and what is wrong.
import { describe, expect, it } from "vitest";
import { AppError } from "../../../platform/errors.ts";
import { parseJournal } from "./parse.ts";

function failure(text: string, fileName?: string): AppError {
  try {
    parseJournal(text, fileName ? { fileName } : {});
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error("expected the journal to be refused");
}

const lines = (...l: string[]) => l.join("\n") + "\n";

describe("refused journals", () => {
  it("a malformed amount names its line", () => {
    const e = failure(lines("2024-01-01 x", "  a  $1,2.3,4", "  b"), "books.journal");
    expect(e).toMatchObject({ kind: "validation", code: "journal/malformed-amount", line: 2, status: 400 });
    expect(e.detail).toMatch(/^books\.journal:2: /);
    expect(e.extra).toEqual({ fileName: "books.journal" });
    expect(failure(lines("2024-01-01 x", "  a  (9G * 6)", "  b"))).toMatchObject({
      code: "journal/malformed-amount",
      line: 2,
    });
    expect(failure(lines("2024-01-01 x", "  a  EUR", "  b"))).toMatchObject({
      code: "journal/malformed-amount",
      line: 2,
    });
  });

  it("a transaction without a date, or with an impossible one, names its line", () => {
    const e = failure(lines("; fine", "Coffee shop", "  expenses:coffee  $4", "  assets:cash"));
    expect(e).toMatchObject({ code: "journal/unknown-directive", line: 2 });
    expect(e.detail).toContain("start with a date");
    expect(failure(lines("2024-01-01 x", "  a  1 X", "  b", "", "  c  1 X"))).toMatchObject({
      code: "journal/orphan-posting",
      line: 5,
    });
    expect(failure(lines("2023-02-29 x", "  a  1 X", "  b"))).toMatchObject({
      code: "journal/bad-date",
      line: 1,
    });
    expect(failure(lines("2023-13-01 x", "  a  1 X", "  b"))).toMatchObject({
      code: "journal/bad-date",
      line: 1,
    });
    expect(failure(lines("2023-01-01x", "  a  1 X", "  b"))).toMatchObject({
      code: "journal/bad-date",
      line: 1,
    });
    expect(failure(lines("01/15 x", "  a  1 X", "  b"))).toMatchObject({
      code: "journal/date-without-year",
      line: 1,
    });
  });

  it("an unbalanced transaction names its first line and the imbalance per commodity", () => {
    const e = failure(
      lines("", "2024-01-01 x", "  a  1 EUR", "  b  -1.50 USD", "  c  1.00 USD", "  d  2 EUR @ 1 USD"),
    );
    expect(e).toMatchObject({ code: "journal/unbalanced", line: 2 });
    expect(e.detail).toContain("postings sum to 1 EUR, 1.50 USD");
    const v = failure(lines("2024-01-01 x", "  a  1 X", "  b  -1 X", "  [c]  5 X", "  [d]  -4 X"));
    expect(v).toMatchObject({ code: "journal/unbalanced", line: 1 });
    expect(v.detail).toContain("balanced virtual postings ([account]) sum to 1 X");
  });

  it("balances to hledger's precision: half a unit of the last shown digit passes, more fails", () => {
    expect(() =>
      parseJournal(lines("2024-01-01 x", "  a  1 EUR @ 1.125 USD", "  b  -1.12 USD")),
    ).not.toThrow();
    const e = failure(lines("2024-01-01 x", "  a  1 EUR @ 1.136 USD", "  b  -1.13 USD"));
    expect(e.detail).toContain("postings sum to 0.006 USD");
  });

  it("two postings without amounts name both lines", () => {
    const e = failure(lines("2024-01-01 x", "  a  1 X", "  b", "  c"));
    expect(e).toMatchObject({ code: "journal/several-missing-amounts", line: 1 });
    expect(e.detail).toContain("lines 3, 4");
  });

  it("periodic and automated transactions are refused with their line", () => {
    expect(
      failure(lines("2024-01-01 x", "  a  1 X", "  b", "", "~ monthly", "  a  $500", "  b")),
    ).toMatchObject({
      code: "journal/periodic-transaction",
      line: 5,
    });
    const e = failure(lines("; tithe", "= /^Income/", "  (Liabilities:Tithe)  0.12"));
    expect(e).toMatchObject({ code: "journal/automated-transaction", line: 2 });
    expect(e.detail).toContain("automated transaction");
  });

  it("include and ledger-only directives are refused clearly", () => {
    const e = failure(lines("include prices.journal"));
    expect(e).toMatchObject({ code: "journal/include-not-supported", line: 1 });
    expect(e.detail).toContain("print");
    expect(failure(lines("2024-01-01 x", "  a  1 X", "  b", "apply tag foo"))).toMatchObject({
      code: "journal/unsupported-directive",
      line: 4,
    });
    expect(failure(lines("bucket Assets:Checking"))).toMatchObject({ code: "journal/unsupported-directive" });
    expect(failure(lines("end apply account"))).toMatchObject({ code: "journal/bad-apply" });
  });

  it("bad directives name their line", () => {
    expect(failure(lines("account a  ; type: Q"))).toMatchObject({
      code: "journal/bad-account-type",
      line: 1,
    });
    expect(failure(lines("; x", "commodity 1000 EUR"))).toMatchObject({
      code: "journal/bad-commodity",
      line: 2,
    });
    expect(failure(lines("P 2024-01-01 EUR"))).toMatchObject({ code: "journal/malformed-price", line: 1 });
    expect(failure(lines("alias nothing"))).toMatchObject({ code: "journal/bad-alias", line: 1 });
    expect(failure(lines("2024-01-01 x", "  (a  1 X", "  b"))).toMatchObject({
      code: "journal/bad-account",
      line: 2,
    });
  });

  it("too many decimals for a declared precision is not an error (hledger accepts it): kept, with a warning", () => {
    const p = parseJournal(lines("commodity $1,000.00", "2024-01-01 x", "  a  $0.125", "  b"));
    expect(p.entries[0]!.postings[1]!.amount).toEqual({ quantity: -125n, scale: 3, commodity: "$" });
    expect(p.warnings.map((w) => [w.line, w.code])).toEqual([[3, "more-decimals-than-declared"]]);
  });
});
