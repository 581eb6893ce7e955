// Balances at several dates from the movements between them: the ledger sums each stretch between
// two consecutive dates once (a month of buckets), instead of all history again for every date.
import { addDays } from "../../platform/dates.ts";
import { BEGINNING, type Range } from "./period-model.ts";

/** Per currency, per account: signed minor units. */
export type SumsByCurrency = ReadonlyMap<string, ReadonlyMap<string, bigint>>;

/** The stretches ending at each of `dates` (sorted, distinct): the first from the beginning of time. */
export function stretchesEnding(dates: readonly string[]): Range[] {
  return dates.map((to, i) => ({ from: i === 0 ? BEGINNING : addDays(dates[i - 1]!, 1), to }));
}

/** Balances at each date: the running sum of the stretches' movements. */
export function cumulate(
  dates: readonly string[],
  stretches: readonly SumsByCurrency[],
): Map<string, Map<string, Map<string, bigint>>> {
  const running = new Map<string, Map<string, bigint>>();
  const out = new Map<string, Map<string, Map<string, bigint>>>();
  dates.forEach((date, i) => {
    for (const [currency, byAccount] of stretches[i] ?? new Map<string, ReadonlyMap<string, bigint>>()) {
      let target = running.get(currency);
      if (!target) running.set(currency, (target = new Map()));
      for (const [account, amount] of byAccount) target.set(account, (target.get(account) ?? 0n) + amount);
    }
    out.set(date, new Map([...running].map(([c, m]) => [c, new Map(m)])));
  });
  return out;
}
