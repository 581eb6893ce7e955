// Sums of a journal entry's lines, exact in minor units: the entry's size (total debits) per currency.
import type { EntryLine } from "../../api/ledger.ts";
import { fromMinor, toMinor } from "../../lib/money.ts";

const scaleOf = (amount: string) => (amount.includes(".") ? amount.length - amount.indexOf(".") - 1 : 0);

/** Total debits of the entry in its first currency (what a list shows as the entry's amount). */
export function entryTotal(
  lines: ReadonlyArray<Pick<EntryLine, "amount" | "currency">>,
): { amount: string; currency: string } | null {
  const first = lines[0];
  if (!first) return null;
  const same = lines.filter((l) => l.currency === first.currency);
  const scale = Math.max(...same.map((l) => scaleOf(l.amount)));
  let sum = 0n;
  for (const l of same) {
    const v = toMinor(l.amount, scale) ?? 0n;
    if (v > 0n) sum += v;
  }
  return { amount: fromMinor(sum, scale), currency: first.currency };
}
