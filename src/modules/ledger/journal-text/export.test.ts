// exportJournal: what it writes, what it refuses, and the round trip parse(export(x)) — property-based
// over random balanced ledgers with prices, virtual postings and awkward commodity symbols.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "../../../platform/errors.ts";
import { compareDec, type Dec } from "./decimal.ts";
import { exportJournal } from "./export.ts";
import { parseJournal } from "./parse.ts";
import { compareBalances, hledgerAvailable, hledgerBalance } from "./testkit.ts";
import { totalsByCommodity, trialBalanceOf } from "./trial-balance.ts";
import type { CommodityStyle, ExportEntry, ExportInput, ExportPosting, TrialBalanceRow } from "./types.ts";

const style = (s: Partial<CommodityStyle>): CommodityStyle => ({
  side: "right",
  spaced: true,
  decimalMark: ".",
  digitGroupMark: null,
  digitGroupSizes: [],
  precision: 2,
  ...s,
});

describe("exportJournal", () => {
  it("writes directives, explicit amounts, costs, virtual postings and comments", () => {
    const text = exportJournal({
      accounts: [{ name: "assets:bank", type: "A" }, { name: "expenses:office supplies" }],
      commodities: [
        {
          symbol: "EUR",
          scale: 2,
          style: style({ decimalMark: ",", digitGroupMark: ".", digitGroupSizes: [3] }),
        },
        { symbol: "$", scale: 2, style: style({ side: "left", spaced: false }) },
        { symbol: "ABC 1", scale: 0 },
      ],
      prices: [
        { date: "2024-01-01", commodity: "EUR", price: { quantity: 10850n, scale: 4, commodity: "$" } },
      ],
      entries: [
        {
          date: "2024-01-05",
          status: "*",
          code: "INV-1",
          description: "Acme; chairs\nand desks",
          comment: "first\nsecond",
          postings: [
            {
              account: "expenses:office supplies",
              quantity: 123456n,
              scale: 2,
              commodity: "EUR",
              memo: "VAT incl.",
            },
            {
              account: "assets:bank",
              quantity: -5n,
              scale: 0,
              commodity: "ABC 1",
              cost: { quantity: -123456n, scale: 2, commodity: "EUR" },
            },
            {
              account: "equity:conversion:ABC 1-EUR:ABC 1",
              quantity: 5n,
              scale: 0,
              commodity: "ABC 1",
              isConversion: true,
            },
            { account: "budget", quantity: -1n, scale: 0, commodity: "$", virtual: "unbalanced" },
          ],
        },
      ],
    });
    expect(text).toContain("account assets:bank  ; type: A\naccount expenses:office supplies\n");
    expect(text).toContain('commodity 1.000,00 EUR\ncommodity $1000.00\ncommodity 1000. "ABC 1"\n');
    expect(text).toContain("P 2024-01-01 EUR $1.0850\n");
    expect(text).toContain("2024-01-05 * (INV-1) Acme, chairs and desks  ; first\n    ; second\n");
    expect(text).toContain("    expenses:office supplies  1234,56 EUR  ; VAT incl.\n");
    expect(text).toContain('    assets:bank               -5 "ABC 1" @@ 1234,56 EUR\n');
    expect(text).toContain("    (budget)                  $-1.00\n");
    expect(text).not.toContain("equity:conversion");
  });

  it("writes a unit price instead of @@ when it gives the cost exactly", () => {
    const posting = (unit: bigint): ExportPosting => ({
      account: "a",
      quantity: 6273n,
      scale: 3,
      commodity: "RGAGX",
      cost: { quantity: 72001494n, scale: 5, commodity: "USD" },
      unitPrice: { quantity: unit, scale: 2, commodity: "USD" },
    });
    const write = (p: ExportPosting) =>
      exportJournal({
        accounts: [],
        commodities: [],
        entries: [{ date: "2024-01-01", description: "x", postings: [p] }],
      });
    expect(write(posting(11478n))).toContain("6.273 RGAGX @ 114.78 USD");
    expect(write(posting(11479n))).toContain("6.273 RGAGX @@ 720.01494 USD");
  });

  it.each([
    [
      "an account with two spaces",
      { account: "a  b" },
      "journal/export-bad-account",
      "entries[0].postings[0].account",
    ],
    [
      "an account looking virtual",
      { account: "(a)" },
      "journal/export-bad-account",
      "entries[0].postings[0].account",
    ],
    [
      "a symbol with a quote",
      { commodity: 'A"B' },
      "journal/export-bad-commodity",
      "entries[0].postings[0].commodity",
    ],
    [
      "a cost on a zero amount",
      { quantity: 0n, cost: { quantity: 1n, scale: 0, commodity: "B" } },
      "journal/export-cost-without-quantity",
      "entries[0].postings[0].cost",
    ],
  ] as const)("refuses %s", (_, change, code, field) => {
    const input: ExportInput = {
      accounts: [],
      commodities: [],
      entries: [
        {
          date: "2024-01-01",
          description: "x",
          postings: [{ account: "a", quantity: 1n, scale: 0, commodity: "A", ...change }],
        },
      ],
    };
    const attempt = () => exportJournal(input);
    expect(attempt).toThrow(AppError);
    expect(attempt).toThrow(expect.objectContaining({ code, field }));
  });

  it("refuses a date that is not YYYY-MM-DD", () => {
    expect(() =>
      exportJournal({
        accounts: [],
        commodities: [],
        entries: [{ date: "2024/01/01", description: "", postings: [] }],
      }),
    ).toThrow(expect.objectContaining({ code: "journal/export-bad-date", field: "entries[0].date" }));
  });
});

// ---- round trip ------------------------------------------------------------------------------

const SYMBOLS = ["$", "EUR", "VACHR", "ABC 1", "£", "JPY", ""] as const;
const ACCOUNTS = [
  "assets:bank",
  "assets:petty cash",
  "expenses:food",
  "income:sales",
  "liabilities:card",
  "Équité:Ouverture",
  "a",
  "x:y:z",
];

const styleArb: fc.Arbitrary<CommodityStyle | undefined> = fc.option(
  fc
    .record({
      side: fc.constantFrom("left" as const, "right" as const),
      spaced: fc.boolean(),
      decimalMark: fc.constantFrom("." as const, "," as const),
      grouped: fc.constantFrom(null, "other", " "),
      precision: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
    })
    .map(({ grouped, decimalMark, ...s }) => ({
      ...s,
      decimalMark,
      digitGroupMark: grouped === null ? null : grouped === " " ? " " : decimalMark === "." ? "," : ".",
      digitGroupSizes: grouped === null ? [] : [3],
    })),
  { nil: undefined },
);

interface Leg {
  account: string;
  symbol: number;
  quantity: bigint;
  scale: number;
  /** Cost in the entry's main commodity, for conversion legs. */
  cost?: { quantity: bigint; scale: number };
  virtual?: "balanced" | "unbalanced";
}

const quantityArb = fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n });

const legArb: fc.Arbitrary<Leg> = fc.record({
  account: fc.constantFrom(...ACCOUNTS),
  symbol: fc.integer({ min: 0, max: SYMBOLS.length - 1 }),
  quantity: quantityArb,
  scale: fc.integer({ min: 0, max: 6 }),
});

const entryArb = fc.record({
  date: fc
    .date({ min: new Date("1990-01-01"), max: new Date("2090-12-31"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  description: fc.string({ maxLength: 20 }),
  main: fc.integer({ min: 0, max: SYMBOLS.length - 1 }),
  legs: fc.array(legArb, { minLength: 0, maxLength: 4 }),
  conversions: fc.array(
    fc.record({
      leg: legArb,
      cost: quantityArb.filter((q) => q !== 0n),
      costScale: fc.integer({ min: 0, max: 4 }),
    }),
    { maxLength: 2 },
  ),
  balancing: fc.constantFrom(...ACCOUNTS),
  virtualPair: fc.option(fc.record({ quantity: quantityArb, scale: fc.integer({ min: 0, max: 3 }) }), {
    nil: undefined,
  }),
  memo: fc.option(fc.string({ maxLength: 10 }), { nil: undefined }),
});

type EntrySpec = typeof entryArb extends fc.Arbitrary<infer T> ? T : never;

function buildEntry(e: EntrySpec): ExportEntry {
  const main = SYMBOLS[e.main]!;
  const postings: ExportPosting[] = [];
  const sums = new Map<string, Dec>();
  const add = (c: string, q: bigint, s: number) => {
    const old = sums.get(c) ?? { quantity: 0n, scale: 0 };
    const scale = Math.max(old.scale, s);
    sums.set(c, {
      quantity: old.quantity * 10n ** BigInt(scale - old.scale) + q * 10n ** BigInt(scale - s),
      scale,
    });
  };
  for (const leg of e.legs) {
    const c = SYMBOLS[leg.symbol]!;
    postings.push({
      account: leg.account,
      quantity: leg.quantity,
      scale: leg.scale,
      commodity: c,
      ...(e.memo ? { memo: e.memo } : {}),
    });
    add(c, leg.quantity, leg.scale);
  }
  for (const { leg, cost, costScale } of e.conversions) {
    const c = SYMBOLS[leg.symbol]!;
    if (c === main || leg.quantity === 0n) continue;
    const signed = leg.quantity < 0n ? -(cost < 0n ? -cost : cost) : cost < 0n ? -cost : cost;
    postings.push({
      account: leg.account,
      quantity: leg.quantity,
      scale: leg.scale,
      commodity: c,
      cost: { quantity: signed, scale: costScale, commodity: main },
    });
    postings.push({
      account: `equity:conversion:x:${c}`,
      quantity: -leg.quantity,
      scale: leg.scale,
      commodity: c,
      isConversion: true,
    });
    add(main, signed, costScale);
  }
  // One balancing posting per commodity left over keeps the entry exactly balanced.
  for (const [c, d] of sums) {
    if (d.quantity !== 0n)
      postings.push({ account: e.balancing, quantity: -d.quantity, scale: d.scale, commodity: c });
  }
  if (e.virtualPair) {
    const { quantity, scale } = e.virtualPair;
    postings.push({ account: "budget:a", quantity, scale, commodity: main, virtual: "balanced" });
    postings.push({ account: "budget:b", quantity: -quantity, scale, commodity: main, virtual: "balanced" });
    postings.push({ account: "memo", quantity, scale, commodity: main, virtual: "unbalanced" });
  }
  return { date: e.date, description: e.description, postings };
}

const inputArb: fc.Arbitrary<ExportInput> = fc
  .record({
    styles: fc.array(styleArb, { minLength: SYMBOLS.length, maxLength: SYMBOLS.length }),
    entries: fc.array(entryArb, { maxLength: 8 }),
    types: fc.array(
      fc.constantFrom(undefined, "A" as const, "L" as const, "E" as const, "R" as const, "X" as const),
      {
        minLength: ACCOUNTS.length,
        maxLength: ACCOUNTS.length,
      },
    ),
  })
  .map(({ styles, entries, types }) => ({
    accounts: ACCOUNTS.map((name, i) => (types[i] ? { name, type: types[i] } : { name })),
    commodities: SYMBOLS.map((symbol, i) =>
      styles[i] ? { symbol, scale: 6, style: styles[i] } : { symbol, scale: 6 },
    ),
    entries: entries.map(buildEntry),
  }));

/** The trial balance the input describes, computed directly (no text involved). */
function expectedRows(input: ExportInput): TrialBalanceRow[] {
  const entries = input.entries.map((e) => ({
    postings: e.postings
      .filter((p) => !p.isConversion)
      .map((p) => ({
        account: p.account,
        amount: { quantity: p.quantity, scale: p.scale, commodity: p.commodity },
        balanced: p.virtual !== "unbalanced",
        isVirtual: p.virtual !== undefined,
      })),
  }));
  return trialBalanceOf({ entries } as never, { inferEquity: false });
}

function sameRows(a: readonly TrialBalanceRow[], b: readonly TrialBalanceRow[]): void {
  expect(a.map((r) => `${r.account}|${r.commodity}`)).toEqual(b.map((r) => `${r.account}|${r.commodity}`));
  a.forEach((r, i) => expect(compareDec(r, b[i]!), `${r.account} ${r.commodity}`).toBe(0));
}

describe("round trip", () => {
  it("parse(export(x)) has x's postings and trial balance; with equity postings every commodity sums to zero", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const text = exportJournal(input);
        const parsed = parseJournal(text);
        sameRows(trialBalanceOf(parsed, { inferEquity: false }), expectedRows(input));

        const written = input.entries.map((e) => e.postings.filter((p) => !p.isConversion));
        expect(parsed.entries.map((e) => e.postings.length)).toEqual(written.map((ps) => ps.length));
        expect(parsed.entries.map((e) => e.description)).toEqual(
          input.entries.map((e) =>
            e.description
              .replace(/[\r\n\t]+/g, " ")
              .replace(/;/g, ",")
              .trim(),
          ),
        );
        parsed.entries.forEach((e, i) =>
          e.postings.forEach((p, k) => {
            const w = written[i]![k]!;
            expect(p.account).toBe(w.account);
            expect(p.amount.commodity).toBe(w.commodity);
            expect(compareDec(p.amount, w)).toBe(0);
            if (w.cost) expect(compareDec(p.cost!, w.cost)).toBe(0);
          }),
        );
        expect(parsed.accounts.map((a) => [a.name, a.type])).toEqual(
          input.accounts.map((a) => [a.name, a.type]),
        );

        const totals = totalsByCommodity(trialBalanceOf(parsed, { includeUnbalancedVirtual: false }));
        for (const [c, d] of totals) expect(d.quantity, `total of "${c}"`).toBe(0n);
      }),
      { numRuns: 300 },
    );
  });
});

describe.skipIf(!hledgerAvailable())("round trip through hledger", () => {
  it("hledger balances random exported ledgers as we do, with and without --infer-equity", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const text = exportJournal(input);
        const parsed = parseJournal(text);
        for (const inferEquity of [false, true]) {
          const theirs = hledgerBalance("-", inferEquity ? ["--infer-equity"] : [], text);
          expect(
            compareBalances(trialBalanceOf(parsed, { inferEquity }), theirs, parsed.commodities),
          ).toEqual([]);
        }
      }),
      { numRuns: 25 },
    );
  }, 300_000); // each run starts hledger twice
});
