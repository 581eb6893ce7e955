// The client's facts that model.ts's checkEntry needs, loaded for the entries at hand: only the
// accounts, contacts, dimensions and months they refer to. Ids that are not UUIDs are left out of
// the queries (the database would refuse them), so the checks report them as unknown instead.
import type { Executor } from "../../platform/db.ts";
import { monthOf } from "../../platform/dates.ts";
import type { EntryInput, PostingContext } from "./model.ts";
import * as store from "./store.ts";
import type { Scope } from "./store.ts";

/** Loads what checkEntry needs for these entries: only the accounts, contacts and months they use. */
export async function postingContext(
  ex: Executor,
  s: Scope,
  list: readonly EntryInput[],
): Promise<PostingContext> {
  const accountIds = new Set<string>();
  const contactIds = new Set<string>();
  const dimensionIds = new Set<string>();
  const months = new Set<string>();
  for (const e of list) {
    months.add(monthOf(e.date));
    for (const l of e.lines) {
      accountIds.add(l.accountId);
      if (l.contactId) contactIds.add(l.contactId);
      for (const d of [l.classId, l.departmentId, l.locationId, l.projectId]) if (d) dimensionIds.add(d);
    }
  }
  const validIds = [...accountIds].filter((id) => UUID_RE.test(id));
  const [accounts, currencies, contacts, dimensions, locked] = await Promise.all([
    store.accountsByIds(ex, s, validIds),
    store.currencyScales(ex, s),
    store.existingContactIds(
      ex,
      s,
      [...contactIds].filter((id) => UUID_RE.test(id)),
    ),
    store.dimensionKinds(
      ex,
      s,
      [...dimensionIds].filter((id) => UUID_RE.test(id)),
    ),
    store.lockedMonths(ex, s, [...months]),
  ]);
  return {
    accounts: new Map(
      accounts.map((a) => [a.id, { id: a.id, fullName: a.full_name, isActive: a.is_active }]),
    ),
    currencies: new Set(currencies.keys()),
    contacts,
    dimensions,
    lockedMonths: locked,
  };
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
