// Balance assignments and assertions, run in date order with running balances as hledger does.
// Assignments (`acct  = $100` without an amount) set the posting's amount; assertions are checked
// and a failure becomes a warning (hledger would stop; we import and say where the books disagree).
import { balanceEntry, type PrecisionOf } from "./balancing.ts";
import { addDec, compareDec, type Dec } from "./decimal.ts";
import { showAmount, showAmounts } from "./format.ts";
import type { DraftEntry, DraftPosting, ParserState } from "./state.ts";
import type { Amount, BalanceAssertion } from "./types.ts";

type Balance = Map<string, Dec>;

class RunningBalances {
  private readonly byAccount = new Map<string, Balance>();

  add(account: string, a: Amount): void {
    let bal = this.byAccount.get(account);
    if (bal === undefined) {
      bal = new Map();
      this.byAccount.set(account, bal);
    }
    const old = bal.get(a.commodity);
    bal.set(a.commodity, old === undefined ? { quantity: a.quantity, scale: a.scale } : addDec(old, a));
  }

  /** The account's balance, with its subaccounts when `inclusive`. */
  of(account: string, inclusive: boolean): Balance {
    if (!inclusive) return new Map(this.byAccount.get(account) ?? []);
    const total: Balance = new Map();
    const prefix = account + ":";
    for (const [name, bal] of this.byAccount) {
      if (name !== account && !name.startsWith(prefix)) continue;
      for (const [c, d] of bal) {
        const old = total.get(c);
        total.set(c, old === undefined ? d : addDec(old, d));
      }
    }
    return total;
  }
}

function amountsOf(bal: Balance): Amount[] {
  return [...bal].filter(([, d]) => d.quantity !== 0n).map(([commodity, d]) => ({ ...d, commodity }));
}

function check(
  state: ParserState,
  balances: RunningBalances,
  p: DraftPosting,
  assertion: BalanceAssertion,
  file: string | undefined,
): void {
  const actual = balances.of(p.account, assertion.inclusive);
  const want = assertion.amount;
  const have = actual.get(want.commodity) ?? { quantity: 0n, scale: 0 };
  let ok = compareDec(have, want) === 0;
  if (ok && assertion.total) {
    ok = amountsOf(actual).every((a) => a.commodity === want.commodity);
  }
  if (!ok) {
    const shown = amountsOf(actual);
    state.warn(
      p.line,
      "balance-assertion-failed",
      `balance assertion failed: ${p.account}${assertion.inclusive ? " (with subaccounts)" : ""} is ` +
        `${shown.length ? showAmounts(shown) : "0"}, the file asserts ${showAmount(want)}` +
        (assertion.total ? " and nothing else" : ""),
      file,
    );
  }
}

/** Computes an assigned amount: what takes the balance to the asserted one (several commodities for `==`). */
function assign(balances: RunningBalances, p: DraftPosting, assertion: BalanceAssertion): Amount[] {
  const current = balances.of(p.account, assertion.inclusive);
  const target: Balance = assertion.total ? new Map() : new Map(current);
  target.set(assertion.amount.commodity, {
    quantity: assertion.amount.quantity,
    scale: assertion.amount.scale,
  });
  const diff: Amount[] = [];
  for (const c of new Set([...current.keys(), ...target.keys()])) {
    const t = target.get(c) ?? { quantity: 0n, scale: 0 };
    const cur = current.get(c) ?? { quantity: 0n, scale: 0 };
    const d = addDec(t, { quantity: -cur.quantity, scale: cur.scale });
    if (d.quantity !== 0n) diff.push({ ...d, commodity: c });
  }
  return diff.length > 0
    ? diff
    : [{ quantity: 0n, scale: assertion.amount.scale, commodity: assertion.amount.commodity }];
}

/**
 * Walks entries by date (file order within a day). Entries with assignments are completed and
 * balanced here; all others must already be balanced.
 */
export function runBalanceAssertions(
  state: ParserState,
  entries: DraftEntry[],
  precisionOf: PrecisionOf,
): void {
  const ordered = entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.date < b.e.date ? -1 : a.e.date > b.e.date ? 1 : a.i - b.i))
    .map((x) => x.e);
  const balances = new RunningBalances();
  for (const entry of ordered) {
    if (!state.assignmentEntries.has(entry)) {
      for (const p of entry.postings) {
        balances.add(p.account, p.amount!);
        if (p.assertion) check(state, balances, p, p.assertion, entry.file);
      }
      continue;
    }
    const counted = new Set<DraftPosting>();
    const out: DraftPosting[] = [];
    if (entry.postings.some((p) => p.price !== undefined)) {
      // hledger 1.25 strips prices from a transaction it completes by balance assignment (and then
      // balances it without them); doing the same keeps us reading such files as hledger does.
      state.warn(
        entry.line,
        "prices-dropped-by-assignment",
        "prices are ignored in a transaction with a balance assignment (as hledger does); write the amount instead",
        entry.file,
      );
      entry.postings = entry.postings.map((p) => {
        if (p.price === undefined) return p;
        const { price: _price, cost: _cost, ...rest } = p;
        return rest;
      });
    }
    for (const p of entry.postings) {
      if (p.amount === null && p.assertion) {
        for (const amount of assign(balances, p, p.assertion)) {
          const filled: DraftPosting = { ...p, amount, amountSource: "assigned" };
          balances.add(p.account, amount);
          counted.add(filled);
          out.push(filled);
        }
      } else {
        if (p.amount !== null) {
          balances.add(p.account, p.amount);
          counted.add(p);
          if (p.assertion) check(state, balances, p, p.assertion, entry.file);
        }
        out.push(p);
      }
    }
    entry.postings = out;
    try {
      balanceEntry(entry, precisionOf);
    } catch (e) {
      state.rethrow(e, entry.line, entry.file);
    }
    for (const p of entry.postings) if (!counted.has(p)) balances.add(p.account, p.amount!);
  }
}
