// The accounts a journal import needs: every account the journal names (postings, declarations and
// the generated conversion, rounding and virtual-counterpart lines), with their parents and types.
import type { Executor } from "../../platform/db.ts";
import { validationError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { inferEquityPostings } from "./journal-text/equity.ts";
import type { AccountType as JournalAccountType, ParsedJournal } from "./journal-text/types.ts";
import { DEFAULT_DETAIL_TYPE, inferAccountType, normalBalanceOf, type AccountType } from "./model.ts";
import * as store from "./store.ts";
import type { Scope } from "./store.ts";

/** Where the unmatched side of an unbalanced virtual posting "(account)" is kept. */
export const VIRTUAL_COUNTERPART_ACCOUNT = "equity:unbalanced virtual postings";

const TYPE_OF_LETTER: Record<JournalAccountType, { type: AccountType; detail?: string }> = {
  A: { type: "asset" },
  C: { type: "asset", detail: "bank" },
  L: { type: "liability" },
  E: { type: "equity" },
  V: { type: "equity", detail: "conversion" },
  R: { type: "income" },
  X: { type: "expense" },
};

/**
 * hledger's Cash accounts by name (hledger 1.25's cashAccountRegex): an asset under a cash, bank,
 * checking, savings or current segment. They are the cash of the statement of cash flows.
 */
const HLEDGER_CASH = /^assets?(:.+)?:(cash|bank|che(ck|que?)(ing)?|savings?|current)(:|$)/i;

export function roundingAccount(journal: ParsedJournal): string {
  return `${journal.conversionAccount}:rounding`;
}

/**
 * The segments of an account name. hledger names the conversion account of amounts without a
 * commodity with an empty last segment ("equity:conversion:-$:"); only generated conversion
 * accounts may end so, every other empty segment is refused.
 */
function segmentsOf(full: string, conversion: ReadonlySet<string>): string[] {
  const parts = full.split(":");
  const emptyAt = parts.findIndex((p) => p.trim() === "");
  if (emptyAt >= 0 && !(conversion.has(full) && emptyAt === parts.length - 1)) {
    throw validationError("ledger/invalid-account-name", `account name "${full}" has an empty segment`, {
      field: "name",
    });
  }
  return parts;
}

/** Every account the journal names (postings, declarations, generated lines), with parents. */
export async function ensureAccounts(
  tx: Executor,
  s: Scope,
  journal: ParsedJournal,
): Promise<{ ids: Map<string, string>; created: number }> {
  const declared = new Map(journal.accounts.map((a) => [a.name, a.type]));
  const names = new Set<string>(journal.accounts.map((a) => a.name));
  const conversion = new Set<string>();
  for (const e of journal.entries) {
    for (const p of e.postings) names.add(p.account);
    for (const c of inferEquityPostings(e, { conversionAccount: journal.conversionAccount })) {
      names.add(c.account);
      conversion.add(c.account);
    }
    if (e.postings.some((p) => !p.balanced)) names.add(VIRTUAL_COUNTERPART_ACCOUNT);
    if (e.postings.some((p) => p.cost) || e.residual.length > 0) names.add(roundingAccount(journal));
  }
  const existing = new Map(
    (await store.listAccounts(tx, s, { includeInactive: true })).map((a) => [a.full_name, a]),
  );
  const ids = new Map<string, string>();
  for (const [name, a] of existing) ids.set(name, a.id);
  const rows: Parameters<typeof store.insertAccounts>[1] = [];
  const typeOf = (full: string): { type: AccountType; detail?: string } => {
    // Own declaration, else the nearest declared ancestor's, else hledger's naming conventions.
    const parts = full.split(":");
    for (let n = parts.length; n > 0; n--) {
      const t = declared.get(parts.slice(0, n).join(":"));
      if (t) return n === parts.length ? TYPE_OF_LETTER[t] : { type: TYPE_OF_LETTER[t].type };
    }
    const type = inferAccountType(full);
    return type === "asset" && HLEDGER_CASH.test(full) ? { type, detail: "bank" } : { type };
  };
  const ensure = (full: string): string => {
    const known = ids.get(full);
    if (known) return known;
    const parts = segmentsOf(full, conversion);
    const parentId = parts.length > 1 ? ensure(parts.slice(0, -1).join(":")) : null;
    const { type, detail } = typeOf(full);
    const id = newId();
    ids.set(full, id);
    rows.push({
      id,
      firm_id: s.firmId,
      client_id: s.clientId,
      number: null,
      name: parts[parts.length - 1]!,
      full_name: full,
      type,
      detail_type: detail ?? DEFAULT_DETAIL_TYPE[type],
      parent_id: parentId,
      normal_balance: normalBalanceOf(type),
      description: null,
    });
    return id;
  };
  for (const name of names) ensure(name);
  await store.insertAccounts(tx, rows);
  return { ids, created: rows.length };
}
