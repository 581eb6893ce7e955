// Small books for the report models' tests: entries as plain dated lines, summed per account over a
// range the way the ledger's balance queries would, and an amount column over a range.
import type { ColumnSpec } from "./column-model.ts";

export type Entry = { date: string; lines: Array<[string, bigint]> };

/** Sums per account of the entries dated in [from, to]. */
export function sums(entries: readonly Entry[], from: string, to: string): Map<string, bigint> {
  const out = new Map<string, bigint>();
  for (const e of entries)
    if (e.date >= from && e.date <= to) for (const [a, x] of e.lines) out.set(a, (out.get(a) ?? 0n) + x);
  return out;
}

export const amount = (label: string, from: string, to: string): ColumnSpec => ({
  kind: "amount",
  label,
  from,
  to,
});
