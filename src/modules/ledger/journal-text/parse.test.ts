// parseJournal on the syntax a bookkeeper's journal may contain: transactions, postings, inferred
// amounts, prices, assertions and assignments, virtual postings and the directives.
import { describe, expect, it } from "vitest";
import { parseJournal } from "./parse.ts";
import { trialBalanceOf } from "./trial-balance.ts";

const j = (...lines: string[]) => parseJournal(lines.join("\n") + "\n");
const amt = (quantity: bigint, scale: number, commodity: string) => ({ quantity, scale, commodity });

describe("transactions", () => {
  it("reads date forms, secondary date, status, code, payee|note, comments and tags", () => {
    const p = j(
      "2024/1/5=2024/01/07 * (INV-12) Acme Ltd | office chairs ; paid:yes, ref: 77",
      "    ; second comment line client:acme",
      "    expenses:office  $1,200.00  ; receipt:r1",
      "    ; more about the posting",
      "    ! assets:bank",
      "",
      "2024.02.29 ! Leap day",
      "    a  1 X",
      "    b  -1 X",
    );
    const [e1, e2] = p.entries;
    expect(e1).toMatchObject({
      date: "2024-01-05",
      date2: "2024-01-07",
      status: "*",
      code: "INV-12",
      description: "Acme Ltd | office chairs",
      payee: "Acme Ltd",
      note: "office chairs",
      comment: "paid:yes, ref: 77\nsecond comment line client:acme",
      line: 1,
    });
    expect(e1!.tags).toEqual([
      { name: "paid", value: "yes" },
      { name: "ref", value: "77" },
      { name: "client", value: "acme" },
    ]);
    expect(e1!.postings[0]).toMatchObject({
      account: "expenses:office",
      amount: amt(120000n, 2, "$"),
      comment: "receipt:r1\nmore about the posting",
      tags: [{ name: "receipt", value: "r1" }],
      line: 3,
      isVirtual: false,
      balanced: true,
    });
    expect(e1!.postings[1]).toMatchObject({
      account: "assets:bank",
      status: "!",
      amount: amt(-120000n, 2, "$"),
      amountSource: "inferred",
      line: 5,
    });
    expect(e2).toMatchObject({
      date: "2024-02-29",
      status: "!",
      description: "Leap day",
      payee: "Leap day",
      note: "Leap day",
    });
  });

  it("keeps single spaces inside account names; two spaces or a tab start the amount", () => {
    const p = j("2024-01-01 x", "  assets:petty cash\t5 EUR", "  equity:opening balances  -5 EUR");
    expect(p.entries[0]!.postings.map((x) => x.account)).toEqual([
      "assets:petty cash",
      "equity:opening balances",
    ]);
  });

  it("infers the missing amount per commodity, at cost, as hledger does", () => {
    const p = j("2024-01-01 x", "  a  10 EUR", "  b  5 USD", "  c  2 GBP @ 1.25 USD", "  d");
    const d = p.entries[0]!.postings.filter((x) => x.account === "d");
    expect(d.map((x) => x.amount)).toEqual([amt(-10n, 0, "EUR"), amt(-750n, 2, "USD")]);
    expect(d.every((x) => x.amountSource === "inferred" && x.line === 5)).toBe(true);
  });

  it("keeps both the posted amount and the cost for @ and @@", () => {
    const p = j(
      "2024-01-01 x",
      "  a  -20 EUR @ 7.53 HRK",
      "  b  3 X @@ 10.00 Y",
      "  c  150.60 HRK",
      "  d  -10.00 Y",
    );
    const [a, b] = p.entries[0]!.postings;
    expect(a).toMatchObject({
      amount: amt(-20n, 0, "EUR"),
      price: { kind: "unit", amount: amt(753n, 2, "HRK") },
      cost: amt(-15060n, 2, "HRK"),
    });
    expect(b).toMatchObject({
      amount: amt(3n, 0, "X"),
      price: { kind: "total", amount: amt(1000n, 2, "Y") },
      cost: amt(1000n, 2, "Y"),
    });
  });

  it("infers a conversion price when exactly two commodities are left, as hledger does", () => {
    const p = j("2024-01-01 buy", "  assets:fund  866.231000 GGGGG", "  assets:cash  $-17,783.72");
    expect(p.entries[0]!.postings[0]).toMatchObject({
      price: { kind: "inferred", amount: amt(1778372n, 2, "$") },
      cost: amt(1778372n, 2, "$"),
    });
  });

  it("shares an inferred price between several postings exactly", () => {
    const p = j("2024-01-01 x", "  a  1 A", "  b  1 A", "  c  1 A", "  d  -1.00 B");
    const costs = p.entries[0]!.postings.slice(0, 3).map((x) => x.cost!.quantity);
    expect(costs.reduce((s, c) => s + c, 0n)).toBe(100n);
    expect(costs.sort()).toEqual([33n, 33n, 34n]);
  });

  it("balances at display precision and keeps the residual", () => {
    // 6.273 × 114.78 = 720.01494 against 720.01 paid: within half a cent, hledger accepts it.
    const p = j("2024-01-09 x", "  fund  6.273 RGAGX @ 114.78 USD", "  cash  -720.01 USD");
    expect(p.entries[0]!.residual).toEqual([amt(494n, 5, "USD")]);
    expect(j("2024-01-01 x", "  a  1 EUR", "  b  -1 EUR").entries[0]!.residual).toEqual([]);
  });
});

describe("virtual postings", () => {
  it("keeps (unbalanced) out of balancing but in the trial balance, and balances [virtual] among themselves", () => {
    const p = j("2024-01-01 x", "  a  1 X", "  b", "  (budget:food)  -50 X", "  [c]  3 X", "  [d]");
    const ps = p.entries[0]!.postings;
    expect(ps.find((x) => x.account === "budget:food")).toMatchObject({ isVirtual: true, balanced: false });
    expect(ps.find((x) => x.account === "d")).toMatchObject({
      isVirtual: true,
      balanced: true,
      amount: amt(-3n, 0, "X"),
    });
    expect(ps.find((x) => x.account === "b")!.amount).toEqual(amt(-1n, 0, "X"));
    expect(trialBalanceOf(p).find((r) => r.account === "budget:food")).toMatchObject({ quantity: -50n });
  });

  it("gives an amountless (unbalanced) posting zero, as hledger does", () => {
    const p = j("2024-01-01 x", "  (memo)", "  a  1 X", "  b");
    expect(p.entries[0]!.postings[0]).toMatchObject({ account: "memo", amount: amt(0n, 0, "") });
  });
});

describe("balance assertions and assignments", () => {
  it("keeps assertions and checks them in date order, warning on failure", () => {
    const p = j(
      "2024-01-02 later",
      "  assets:vat  -20 GBP = 0 GBP",
      "  x",
      "",
      "2024-01-01 earlier",
      "  assets:vat  20 GBP",
      "  y",
      "",
      "2024-01-03 wrong",
      "  assets:vat  5 GBP == 6 GBP",
      "  z",
    );
    expect(p.entries[0]!.postings[0]!.assertion).toEqual({
      amount: amt(0n, 0, "GBP"),
      total: false,
      inclusive: false,
    });
    expect(p.warnings).toEqual([
      expect.objectContaining({
        line: 10,
        code: "balance-assertion-failed",
        message: expect.stringContaining("5 GBP"),
      }),
    ]);
  });

  it("applies balance assignments (==* closes an account and its subaccounts)", () => {
    const p = j(
      "2015-01-02 gift",
      "  Income:Random  -20 EUR",
      "  Assets:Cash",
      "",
      "2015-12-31 retain earnings",
      "  Income  ==* 0",
      "  Equity:Retained Earnings",
    );
    const close = p.entries[1]!.postings;
    expect(close[0]).toMatchObject({
      account: "Income",
      amount: amt(20n, 0, "EUR"),
      amountSource: "assigned",
    });
    expect(close[1]).toMatchObject({ account: "Equity:Retained Earnings", amount: amt(-20n, 0, "EUR") });
  });

  it("drops prices in a transaction completed by a balance assignment, as hledger 1.25 does", () => {
    const p = j("2024-01-01 t", "  a  = 0 USD", "  b  -1 USD @ 1 USD", "  c  1 USD");
    expect(p.entries[0]!.postings[1]).not.toHaveProperty("cost");
    expect(p.warnings).toEqual([expect.objectContaining({ line: 1, code: "prices-dropped-by-assignment" })]);
  });
});

describe("directives", () => {
  it("declares accounts with types, from a type: tag or a ledger-style sub-directive", () => {
    const p = j(
      "account assets:bank  ; type: A",
      "account liabilities  ; type:Liability",
      "account equity:conversion",
      "  ; type: V",
      "account expenses",
      "  note Everything we spend",
    );
    expect(p.accounts).toEqual([
      { name: "assets:bank", type: "A", line: 1 },
      { name: "liabilities", type: "L", line: 2 },
      { name: "equity:conversion", type: "V", line: 3 },
      { name: "expenses", note: "Everything we spend", line: 5 },
    ]);
    expect(p.conversionAccount).toBe("equity:conversion");
  });

  it("takes commodity formats (precision, decimal comma) from commodity directives", () => {
    const p = j(
      "commodity 1.000,00 EUR",
      "commodity $1,000.0000",
      'commodity "ABC 1"',
      '  format 1000.000 "ABC 1"',
      "2024-01-01 x",
      "  a  1.000 EUR",
      "  b  -1000 EUR",
      "  c  $1,000",
      "  d  -1000 $",
    );
    expect(p.entries[0]!.postings[0]!.amount).toEqual(amt(1000n, 0, "EUR"));
    expect(p.entries[0]!.postings[2]!.amount).toEqual(amt(1000n, 0, "$"));
    expect(p.commodities.get("EUR")).toMatchObject({
      declared: true,
      style: { side: "right", spaced: true, decimalMark: ",", digitGroupMark: ".", precision: 2 },
    });
    expect(p.commodities.get("$")!.style!.precision).toBe(4);
    expect(p.commodities.get("ABC 1")!.style).toMatchObject({ precision: 3, side: "right" });
  });

  it("infers styles like hledger: side from the first amount, precision the most decimals, maxScale for storage", () => {
    const p = j(
      "2024-01-01 x",
      "  a  1.00 USD",
      "  b  -1.125 USD",
      "  c",
      "",
      "2024-01-02 y",
      "  d  1 EUR @ 1.33333 USD",
      "  e",
    );
    expect(p.commodities.get("USD")).toMatchObject({ style: { precision: 3, side: "right" }, maxScale: 5 });
  });

  it("keeps P prices, applies D to amounts without a symbol, completes dates with Y", () => {
    const p = j(
      "P 2024-01-01 EUR 1.0850 USD",
      "P 2004/06/21 02:18:02 AAPL $32.91",
      "D 1.000,00 EUR",
      "Y 2023",
      "03/15 x",
      "  a  1.000",
      "  b",
    );
    expect(p.prices).toEqual([
      { date: "2024-01-01", commodity: "EUR", price: amt(10850n, 4, "USD"), line: 1 },
      { date: "2004-06-21", commodity: "AAPL", price: amt(3291n, 2, "$"), line: 2 },
    ]);
    expect(p.defaultCommodity).toBe("EUR");
    expect(p.entries[0]).toMatchObject({ date: "2023-03-15" });
    expect(p.entries[0]!.postings[0]!.amount).toEqual(amt(1000n, 0, "EUR"));
  });

  it("reads ambiguous numbers by decimal-mark, then the commodity's directive, then D's style (hledger 1.25)", () => {
    // Found by the fuzz test against hledger (seed 1116429043): with "D $1,000.00", "1,000£" is a
    // thousand pounds, not one — every commodity without a directive borrows D's decimal mark.
    const withD = j("D $1,000.00", "", "2024-01-01 t", "  a  = -1,000£", "  f");
    expect(withD.entries[0]!.postings[0]!.amount).toEqual(amt(-1000n, 0, "£"));
    expect(j("2024-01-01 t", "  a  1,000£", "  f").entries[0]!.postings[0]!.amount).toEqual(
      amt(1000n, 3, "£"),
    );
    // a commodity's own directive beats D; a decimal-mark directive beats both
    const own = j("D 1.000,00 EUR", "commodity 1,000.00 £", "2024-01-01 t", "  a  1,000£", "  f");
    expect(own.entries[0]!.postings[0]!.amount).toEqual(amt(1000n, 0, "£"));
    const global = j("decimal-mark ,", "commodity 1,000.00 £", "2024-01-01 t", "  a  1,000£", "  f");
    expect(global.entries[0]!.postings[0]!.amount).toEqual(amt(1000n, 3, "£"));
    // D written later does not reach back
    expect(j("2024-01-01 t", "  a  1,000£", "  f", "D $1,000.00").entries[0]!.postings[0]!.amount).toEqual(
      amt(1000n, 3, "£"),
    );
  });

  it("refuses a D sample without a decimal mark, as hledger 1.25 does", () => {
    expect(() => j("D 1000 EUR")).toThrow(/decimal mark/);
  });

  it("applies aliases (most recent first, regex case-insensitive) after the apply account prefix", () => {
    const p = j(
      "alias checking = assets:bank:checking",
      "alias /^exp(enses)?:(.*)$/ = expenses:\\2",
      "2024-01-15 x",
      "  checking:sub  $1",
      "  Exp:Food  $1",
      "  c",
      "apply account biz",
      "2024-01-16 y",
      "  checking  $1",
      "  d",
      "end apply account",
      "end aliases",
      "2024-01-17 z",
      "  checking  $1",
      "  e",
    );
    expect(p.entries.map((e) => e.postings.map((x) => x.account))).toEqual([
      ["assets:bank:checking:sub", "expenses:Food", "c"],
      ["biz:checking", "biz:d"],
      ["checking", "e"],
    ]);
  });

  it("skips comments: ; # * % | lines, comment blocks, indented comments", () => {
    const p = j(
      "; top",
      "# hash",
      "* org heading",
      "% percent",
      "| bar",
      "comment",
      "2024-01-01 not a transaction",
      "  a  garbage",
      "end comment",
      "  ; indented comment between transactions",
      "2024-01-02 real",
      "  a  1 X",
      "  b",
    );
    expect(p.entries.map((e) => e.description)).toEqual(["real"]);
  });

  it("ignores lot annotations with a warning, as hledger does", () => {
    const p = j("2024-01-01 x", "  a  10 AAPL {$30} [2024-01-01] @ $30", "  b");
    expect(p.entries[0]!.postings[1]!.amount).toEqual(amt(-300n, 0, "$"));
    expect(p.warnings.map((w) => w.code)).toEqual(["lot-annotation-ignored", "lot-annotation-ignored"]);
  });

  it("reads an indented # line inside a transaction as a posting, as hledger does", () => {
    const p = j("2024-01-01 x", "  # not a comment", "  b  1 X");
    expect(p.entries[0]!.postings[0]!.account).toBe("# not a comment");
  });

  it("warns when a single space before ; makes a comment part of the account name (hledger's rule)", () => {
    const p = j("2024-01-01 x", "  a ; note", "  b  1 X");
    expect(p.entries[0]!.postings[0]!.account).toBe("a ; note");
    expect(p.warnings[0]).toMatchObject({ line: 2, code: "semicolon-in-account" });
  });

  it("keeps amounts with more decimals than declared exactly, with a warning (hledger only rounds the display)", () => {
    const p = j("commodity 1.00 EUR", "2024-01-01 x", "  a  0.125 EUR", "  b  0.500 EUR", "  c");
    expect(p.entries[0]!.postings[0]!.amount).toEqual(amt(125n, 3, "EUR"));
    expect(p.warnings).toEqual([expect.objectContaining({ line: 3, code: "more-decimals-than-declared" })]);
    expect(p.commodities.get("EUR")).toMatchObject({ style: { precision: 2 }, maxScale: 3 });
  });

  it("skips periodic and automated transactions with a warning when asked to", () => {
    const text = [
      "= /^Income/",
      "  (Liabilities:Tithe)  0.12",
      "",
      "~ monthly",
      "  a  $500",
      "  b",
      "",
      "2024-01-01 x",
      "  a  $1",
      "  b",
    ];
    const p = parseJournal(text.join("\n"), { rules: "skip" });
    expect(p.entries).toHaveLength(1);
    expect(p.warnings).toEqual([
      expect.objectContaining({ line: 1, code: "automated-skipped" }),
      expect.objectContaining({ line: 4, code: "periodic-skipped" }),
    ]);
  });
});
