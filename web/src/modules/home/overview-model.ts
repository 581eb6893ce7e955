// The firm overview's table logic, free of React: where each figure links to (the Transaction
// Manager and banking pages, filtered), the sortable columns and their order.
import type { Overview, OverviewClient } from "../../api/overview.ts";

const at = (slug: string) => `/c/${encodeURIComponent(slug)}`;

export const overviewLinks = {
  client: (slug: string) => at(slug),
  needsReview: (slug: string) => `${at(slug)}/transactions?tab=needs_review`,
  /** Needs Review up to the oldest waiting line's date: the oldest lines first in view. */
  oldest: (slug: string, date: string) => `${at(slug)}/transactions?tab=needs_review&to=${date}`,
  /** Processed, dated this month, nobody reviewed or edited: exactly what the figure counts. */
  autoPosted: (slug: string, month: Overview["month"]) =>
    `${at(slug)}/transactions?tab=processed&untouched=true&from=${month.from}&to=${month.to}`,
  banking: (slug: string) => `${at(slug)}/banking`,
  bankAccount: (slug: string, id: string) => `${at(slug)}/banking/accounts/${encodeURIComponent(id)}`,
};

export const SORT_KEYS = ["name", "needsReview", "oldest", "autoPosted", "bankFeeds", "lastImport"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type Direction = "asc" | "desc";

/** Bank accounts gone quiet plus connections needing someone. */
export const bankIssues = (c: OverviewClient) =>
  c.bankAccounts.quiet.length + c.bankAccounts.connections.length;

/** The direction a column sorts in when first chosen: most work first, oldest first, names A–Z. */
export const FIRST_DIRECTION: Record<SortKey, Direction> = {
  name: "asc",
  needsReview: "desc",
  oldest: "asc",
  autoPosted: "desc",
  bankFeeds: "desc",
  lastImport: "asc",
};

// Each column's value; null (no waiting line, no import) sorts last in either direction.
const VALUE: Record<SortKey, (c: OverviewClient) => string | number | null> = {
  name: (c) => c.name.toLocaleLowerCase(),
  needsReview: (c) => c.needsReview.count,
  oldest: (c) => c.needsReview.oldestDate,
  autoPosted: (c) => c.autoPosted.count,
  bankFeeds: bankIssues,
  lastImport: (c) => c.lastImport?.at ?? null,
};

export function sortClients(
  clients: readonly OverviewClient[],
  key: SortKey,
  direction: Direction,
): OverviewClient[] {
  const sign = direction === "asc" ? 1 : -1;
  const value = VALUE[key];
  return [...clients].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      return (x < y ? -1 : 1) * sign;
    }
    return a.name.localeCompare(b.name);
  });
}

/** Days between two YYYY-MM-DD dates (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
