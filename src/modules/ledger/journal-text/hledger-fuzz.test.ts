// Differential test against hledger 1.25: random journal text (amount styles, digit groups, decimal
// commas, prices, inferred amounts, virtual postings, directives). We must accept exactly what hledger
// accepts — except failing balance assertions, which we import with a warning — and balance alike.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "../../../platform/errors.ts";
import { parseJournal } from "./parse.ts";
import { compareBalances, hledgerAvailable, hledgerBalance, runHledger } from "./testkit.ts";
import { trialBalanceOf } from "./trial-balance.ts";
import type { ParsedJournal } from "./types.ts";

const SYMBOLS = ["$", "EUR", "X", "£", '"AB 1"'];

const numberArb = fc
  .record({
    q: fc.integer({ min: -9_999_999, max: 9_999_999 }),
    scale: fc.integer({ min: 0, max: 3 }),
    grouped: fc.boolean(),
  })
  .map(({ q, scale, grouped }) => {
    const digits = String(Math.abs(q)).padStart(scale + 1, "0");
    let whole = scale ? digits.slice(0, -scale) : digits;
    if (grouped) whole = whole.replace(/\B(?=(\d{3})+$)/g, ",");
    return (q < 0 ? "-" : "") + whole + (scale ? "." + digits.slice(-scale) : "");
  });

const amountArb = fc
  .record({ n: numberArb, c: fc.constantFrom(...SYMBOLS), left: fc.boolean(), spaced: fc.boolean() })
  .map(({ n, c, left, spaced }) => (left ? `${c}${spaced ? " " : ""}${n}` : `${n}${spaced ? " " : ""}${c}`));

const postingArb = fc
  .record({
    account: fc.constantFrom("a", "b:c", "d e", "(v)", "[w]", "[w2]"),
    amount: fc.option(amountArb, { freq: 3, nil: undefined }),
    price: fc.option(fc.tuple(fc.constantFrom("@", "@@"), amountArb), { freq: 4, nil: undefined }),
    assertion: fc.option(amountArb, { freq: 12, nil: undefined }),
  })
  .map(({ account, amount, price, assertion }) => {
    let line = `  ${account}`;
    if (amount) line += `  ${amount}${price ? ` ${price[0]} ${price[1].replace("-", "")}` : ""}`;
    if (assertion) line += `${amount ? " " : "  "}= ${assertion}`;
    return line;
  });

const transactionArb = fc
  .record({
    day: fc.integer({ min: 1, max: 28 }),
    postings: fc.array(postingArb, { minLength: 1, maxLength: 3 }),
    balancing: fc.option(fc.constantFrom("f", "g:h"), { freq: 4, nil: undefined }),
  })
  .map(({ day, postings, balancing }) =>
    [`2024-01-${String(day).padStart(2, "0")} t`, ...postings, ...(balancing ? [`  ${balancing}`] : [])].join(
      "\n",
    ),
  );

const directiveArb = fc.oneof(
  fc
    .tuple(fc.constantFrom(...SYMBOLS), numberArb)
    .map(([c, n]) => `P 2024-01-01 Z ${n.replace("-", "")} ${c}`),
  fc
    .tuple(fc.constantFrom(...SYMBOLS), fc.integer({ min: 0, max: 3 }), fc.boolean())
    .map(
      ([c, p, comma]) => `commodity ${comma ? "1.000" : "1,000"}${comma ? "," : "."}${"0".repeat(p)} ${c}`,
    ),
  fc.constantFrom(...SYMBOLS).map((c) => `D ${c}1,000.00`),
);

const journalArb = fc
  .tuple(fc.array(directiveArb, { maxLength: 2 }), fc.array(transactionArb, { minLength: 1, maxLength: 4 }))
  .map(([directives, transactions]) => [...directives, "", ...transactions].join("\n") + "\n");

function hledgerReads(text: string): boolean {
  try {
    runHledger("-", ["bal"], text);
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!hledgerAvailable())("random journals against hledger 1.25", () => {
  it("are accepted or refused alike and balance alike", () => {
    fc.assert(
      fc.property(journalArb, (text) => {
        let ours: ParsedJournal | null = null;
        try {
          ours = parseJournal(text);
        } catch (e) {
          expect(e).toBeInstanceOf(AppError);
        }
        const assertionFailed = ours?.warnings.some((w) => w.code === "balance-assertion-failed") ?? false;
        expect(ours !== null && !assertionFailed, text).toBe(hledgerReads(text));
        if (ours === null || assertionFailed) return;
        for (const inferEquity of [false, true]) {
          const theirs = hledgerBalance("-", inferEquity ? ["--infer-equity"] : [], text);
          expect(
            compareBalances(trialBalanceOf(ours, { inferEquity }), theirs, ours.commodities),
            text,
          ).toEqual([]);
        }
      }),
      { numRuns: 60 },
    );
  }, 300_000); // each run starts hledger up to three times
});
