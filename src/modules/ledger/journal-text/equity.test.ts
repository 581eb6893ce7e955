// Equity conversion postings as hledger 1.25's --infer-equity makes them (naming and signs checked
// against hledger), and the trial balance they produce.
import { describe, expect, it } from "vitest";
import { inferEquityPostings } from "./equity.ts";
import { parseJournal } from "./parse.ts";
import { totalsByCommodity, trialBalanceOf } from "./trial-balance.ts";

const j = (...lines: string[]) => parseJournal(lines.join("\n") + "\n");
const amt = (quantity: bigint, scale: number, commodity: string) => ({ quantity, scale, commodity });

describe("inferEquityPostings", () => {
  it("names the pair in sorted order and books -amount and +cost", () => {
    // hledger 1.25: `1 Z @ 2 A` → equity:conversion:A-Z:Z -1 Z and equity:conversion:A-Z:A 2 A
    const p = j(
      "2020-01-01 t",
      "  a  1 Z @ 2 A",
      "  b",
      "",
      "2015-01-03 * Exchange",
      "  cash  -20 EUR @ 7.53 HRK",
      "  cash  150.60 HRK",
    );
    expect(inferEquityPostings(p.entries[0]!).map((x) => [x.account, x.amount])).toEqual([
      ["equity:conversion:A-Z:Z", amt(-1n, 0, "Z")],
      ["equity:conversion:A-Z:A", amt(2n, 0, "A")],
    ]);
    expect(inferEquityPostings(p.entries[1]!).map((x) => [x.account, x.amount])).toEqual([
      ["equity:conversion:EUR-HRK:EUR", amt(20n, 0, "EUR")],
      ["equity:conversion:EUR-HRK:HRK", amt(-15060n, 2, "HRK")],
    ]);
  });

  it("follows the sign of @@ as hledger does (-1 X @@ -2 Y costs +2 Y)", () => {
    const p = j("2020-01-01 x", "  a  -1 X @@ -2 Y", "  b  -2 Y");
    expect(inferEquityPostings(p.entries[0]!).map((x) => x.amount)).toEqual([
      amt(1n, 0, "X"),
      amt(2n, 0, "Y"),
    ]);
  });

  it("uses the declared conversion account and keeps virtual postings virtual", () => {
    const p = j(
      "account Equity:Conversion  ; type: V",
      "2020-01-01 x",
      "  [a]  1 X @ 2 Y",
      "  [b]  -2 Y",
      "  c  1 X",
      "  d",
    );
    const out = inferEquityPostings(p.entries[0]!, { conversionAccount: p.conversionAccount });
    expect(out).toMatchObject([
      { account: "Equity:Conversion:X-Y:X", isVirtual: true, balanced: true, line: 3, isConversion: true },
      { account: "Equity:Conversion:X-Y:Y", isVirtual: true, balanced: true, line: 3, isConversion: true },
    ]);
  });

  it("makes every entry balance per commodity; a rounding account takes what hledger tolerated", () => {
    const p = j(
      "2024-01-09 fund",
      "  fund  6.273 RGAGX @ 114.78 USD",
      "  cash  -720.01 USD",
      "",
      "2024-01-10 plain",
      "  x  1 A @@ 3 B",
      "  y  -3 B",
    );
    const exact = totalsByCommodity(trialBalanceOf({ entries: [p.entries[1]!] }));
    expect([...exact.values()].every((d) => d.quantity === 0n)).toBe(true);
    const loose = totalsByCommodity(trialBalanceOf(p));
    expect(loose.get("USD")).toEqual({ quantity: 494n, scale: 5 });
    const rounded = totalsByCommodity(trialBalanceOf(p, { roundingAccount: "equity:rounding" }));
    expect([...rounded.values()].every((d) => d.quantity === 0n)).toBe(true);
    expect(inferEquityPostings(p.entries[0]!, { roundingAccount: "equity:rounding" }).at(-1)).toMatchObject({
      account: "equity:rounding",
      amount: amt(-494n, 5, "USD"),
    });
  });
});

describe("trialBalanceOf", () => {
  it("sums per account and commodity, sorted, leaving out zeros; options choose what counts", () => {
    const p = j(
      "2024-01-01 x",
      "  a  1 EUR @ 2 USD",
      "  b  -2 USD",
      "  (memo)  5 USD",
      "  c  1 X",
      "  c  -1 X",
    );
    expect(trialBalanceOf(p, { inferEquity: false })).toEqual([
      { account: "a", commodity: "EUR", quantity: 1n, scale: 0 },
      { account: "b", commodity: "USD", quantity: -2n, scale: 0 },
      { account: "memo", commodity: "USD", quantity: 5n, scale: 0 },
    ]);
    expect(trialBalanceOf(p, { includeUnbalancedVirtual: false }).map((r) => r.account)).toEqual([
      "a",
      "b",
      "equity:conversion:EUR-USD:EUR",
      "equity:conversion:EUR-USD:USD",
    ]);
  });
});
