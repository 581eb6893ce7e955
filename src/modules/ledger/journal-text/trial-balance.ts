// Trial balance of a parsed journal: exact sums per account and commodity, including unbalanced
// virtual postings (as `hledger bal` does) and, by default, the equity conversion postings
// (as `hledger bal --infer-equity`). Our in-memory oracle against hledger and the round-trip tests.
import { addDec, type Dec } from "./decimal.ts";
import { inferEquityPostings } from "./equity.ts";
import type { Amount, ParsedJournal, TrialBalanceRow } from "./types.ts";

export interface TrialBalanceOptions {
  /** Add `inferEquityPostings` for entries with costs (default true). */
  inferEquity?: boolean;
  /** Include `(account)` postings (default true, like hledger). */
  includeUnbalancedVirtual?: boolean;
  /** See InferEquityOptions.roundingAccount. */
  roundingAccount?: string;
}

/** Rows sorted by account then commodity; accounts whose sum is exactly zero are left out. */
export function trialBalanceOf(
  journal: Pick<ParsedJournal, "entries"> & Partial<Pick<ParsedJournal, "conversionAccount">>,
  options: TrialBalanceOptions = {},
): TrialBalanceRow[] {
  const inferEquity = options.inferEquity ?? true;
  const includeUnbalanced = options.includeUnbalancedVirtual ?? true;
  const sums = new Map<string, Map<string, Dec>>();
  const add = (account: string, a: Amount) => {
    let byCommodity = sums.get(account);
    if (byCommodity === undefined) {
      byCommodity = new Map();
      sums.set(account, byCommodity);
    }
    const old = byCommodity.get(a.commodity);
    byCommodity.set(
      a.commodity,
      old === undefined ? { quantity: a.quantity, scale: a.scale } : addDec(old, a),
    );
  };
  for (const entry of journal.entries) {
    for (const p of entry.postings) {
      if (includeUnbalanced || p.balanced) add(p.account, p.amount);
    }
    if (inferEquity) {
      const generated = inferEquityPostings(entry, {
        ...(journal.conversionAccount !== undefined ? { conversionAccount: journal.conversionAccount } : {}),
        ...(options.roundingAccount !== undefined ? { roundingAccount: options.roundingAccount } : {}),
      });
      for (const g of generated) if (includeUnbalanced || g.balanced) add(g.account, g.amount);
    }
  }
  const rows: TrialBalanceRow[] = [];
  for (const [account, byCommodity] of sums) {
    for (const [commodity, d] of byCommodity) {
      if (d.quantity !== 0n) rows.push({ account, commodity, quantity: d.quantity, scale: d.scale });
    }
  }
  rows.sort((a, b) =>
    a.account < b.account
      ? -1
      : a.account > b.account
        ? 1
        : a.commodity < b.commodity
          ? -1
          : a.commodity > b.commodity
            ? 1
            : 0,
  );
  return rows;
}

/** Per commodity, the sum of all rows: zero everywhere for a journal that balances exactly. */
export function totalsByCommodity(rows: readonly TrialBalanceRow[]): Map<string, Dec> {
  const totals = new Map<string, Dec>();
  for (const r of rows) {
    const old = totals.get(r.commodity);
    totals.set(r.commodity, old === undefined ? { quantity: r.quantity, scale: r.scale } : addDec(old, r));
  }
  return totals;
}
