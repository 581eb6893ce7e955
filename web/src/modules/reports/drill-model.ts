// Which ledger accounts a report row's figure is made of: the account the row names and, since a
// parent's figure rolls up its sub-accounts, every account below it. Pure: tested in
// test/web/reports-model.test.ts.

interface ChartAccount {
  id: string;
  fullName: string;
  parentId: string | null;
}

export interface Subtree {
  /** The row's own account (null when the chart has no account of that name). */
  rootId: string | null;
  /** The row's account and all its sub-accounts (empty when not found). */
  ids: Set<string>;
  /** The one account to ask the general ledger for, or null to ask for all and keep `ids`. */
  filterId: string | null;
}

export function subtreeOf(chart: readonly ChartAccount[], fullName: string): Subtree {
  const root = chart.find((a) => a.fullName === fullName);
  if (!root) return { rootId: null, ids: new Set(), filterId: null };
  const children = new Map<string, string[]>();
  for (const a of chart) {
    if (!a.parentId) continue;
    const list = children.get(a.parentId) ?? [];
    list.push(a.id);
    children.set(a.parentId, list);
  }
  const ids = new Set<string>();
  const stack = [root.id];
  // A cycle in the chart would loop forever; the set stops it.
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (ids.has(id)) continue;
    ids.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return { rootId: root.id, ids, filterId: ids.size === 1 ? root.id : null };
}
