// The rows of a statement section: every account with an amount, under its parents, each row
// showing its own amount plus its children's (the roll-up), in chart order (number, then name).
import type { ReportAccount } from "./section-model.ts";

export interface ReportRow {
  accountId: string | null;
  account: string;
  number: string | null;
  /** 0 for a top row; a row's amounts include those of the rows below it with a greater depth. */
  depth: number;
  amounts: bigint[];
}

export const zeros = (width: number): bigint[] => Array.from({ length: width }, () => 0n);

export function addInto(target: bigint[], values: readonly bigint[]): void {
  for (let i = 0; i < target.length; i++) target[i]! += values[i] ?? 0n;
}

/**
 * Rows for the accounts in `values` (one amount per column, already signed for the section).
 * Accounts whose amounts are all zero are left out; a parent that is not itself in the section
 * still heads its children (its amounts are theirs).
 */
export function rollupRows(
  chart: ReadonlyMap<string, ReportAccount>,
  values: ReadonlyMap<string, readonly bigint[]>,
  width: number,
): { rows: ReportRow[]; totals: bigint[] } {
  const totals = zeros(width);
  const amounts = new Map<string, bigint[]>();
  for (const [id, v] of values) {
    if (v.every((x) => x === 0n)) continue;
    addInto(totals, v);
    // Each account and all its ancestors carry the amount (a cycle in the chart stops the walk).
    const seen = new Set<string>();
    for (let a = chart.get(id); a && !seen.has(a.id); a = a.parentId ? chart.get(a.parentId) : undefined) {
      seen.add(a.id);
      let row = amounts.get(a.id);
      if (!row) amounts.set(a.id, (row = zeros(width)));
      addInto(row, v);
    }
  }
  const children = new Map<string | null, ReportAccount[]>();
  for (const id of amounts.keys()) {
    const a = chart.get(id)!;
    const parent = a.parentId && amounts.has(a.parentId) ? a.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(a);
    children.set(parent, list);
  }
  const rows: ReportRow[] = [];
  const visit = (parent: string | null, depth: number) => {
    for (const a of (children.get(parent) ?? []).sort(chartOrder)) {
      rows.push({
        accountId: a.id,
        account: a.fullName,
        number: a.number,
        depth,
        amounts: amounts.get(a.id)!,
      });
      visit(a.id, depth + 1);
    }
  };
  visit(null, 0);
  return { rows, totals };
}

function chartOrder(a: ReportAccount, b: ReportAccount): number {
  const an = a.number ?? "";
  const bn = b.number ?? "";
  if (an !== bn) return an === "" ? 1 : bn === "" ? -1 : an < bn ? -1 : 1;
  return a.fullName < b.fullName ? -1 : a.fullName > b.fullName ? 1 : 0;
}
