// The firm overview as a pure composition: one row per client the actor may reach, joining the
// Transaction Manager's figures and banking's, and the month "posted automatically this month" counts.
import { endOfMonth, monthOf } from "../../platform/dates.ts";
import type { BankFigures } from "../banking/index.ts";
import type { ReviewFigures } from "../transactions/index.ts";

export interface OverviewClient {
  id: string;
  slug: string;
  name: string;
  review: ReviewFigures;
  bank: BankFigures;
}

export interface FirmOverview {
  asOf: string;
  /** The calendar month of `asOf`: the period of the automatic postings counted. */
  month: { from: string; to: string };
  staleDays: number;
  clients: OverviewClient[];
}

/** The calendar month containing `today`, first to last day. */
export function monthPeriod(today: string): { from: string; to: string } {
  return { from: monthOf(today), to: endOfMonth(today) };
}

const NO_REVIEW: ReviewFigures = { needsReview: 0, oldestWaiting: null, autoPosted: 0 };
const NO_BANK: BankFigures = { accounts: 0, quiet: [], connections: [], lastImport: null };

/** One row per client, in the order given; a client missing from a figure's map reads as "nothing". */
export function composeOverview(
  clients: ReadonlyArray<{ id: string; slug: string; name: string }>,
  review: ReadonlyMap<string, ReviewFigures>,
  bank: ReadonlyMap<string, BankFigures>,
): OverviewClient[] {
  return clients.map((c) => ({
    id: c.id,
    slug: c.slug,
    name: c.name,
    review: review.get(c.id) ?? NO_REVIEW,
    bank: bank.get(c.id) ?? NO_BANK,
  }));
}
