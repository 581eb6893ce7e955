// SQL for transactions and per bank account automation. Transactions arrive in bulk (unnest
// arrays: a 10,000-line import is a couple of statements); reviews change one row at a time.
import { sql, type RawBuilder, type Selectable, type Updateable } from "kysely";
import type { Executor } from "../../platform/db.ts";
import { toJson } from "../../platform/json.ts";
import { withTables } from "../../platform/tables.ts";
import type { Band, Status } from "./model.ts";
import type { BankAutomationTable, TransactionTables, TransactionsTable } from "./tables.ts";

export const q = (ex: Executor) => withTables<TransactionTables>(ex);

export interface Scope {
  firmId: string;
  clientId: string;
}

export type TransactionRow = Selectable<TransactionsTable>;
export type TransactionPatch = Updateable<TransactionsTable>;
export type AutomationRow = Selectable<BankAutomationTable>;

const BATCH = 5_000;

// ── automation ──────────────────────────────────────────────────────────────────────────────────

export async function automationOf(
  ex: Executor,
  s: Scope,
  bankAccountIds?: readonly string[],
): Promise<AutomationRow[]> {
  let query = q(ex).selectFrom("bank_automation").selectAll().where("client_id", "=", s.clientId);
  if (bankAccountIds) {
    if (bankAccountIds.length === 0) return [];
    query = query.where("bank_account_id", "in", [...bankAccountIds]);
  }
  return query.execute();
}

export async function saveAutomation(
  ex: Executor,
  s: Scope,
  bankAccountId: string,
  value: { mode: AutomationRow["mode"]; startDate: string | null },
  who: { id: string; name: string },
): Promise<AutomationRow> {
  const set = {
    mode: value.mode,
    start_date: value.startDate,
    updated_by: who.id,
    updated_by_name: who.name,
  };
  return q(ex)
    .insertInto("bank_automation")
    .values({ bank_account_id: bankAccountId, firm_id: s.firmId, client_id: s.clientId, ...set })
    .onConflict((oc) => oc.column("bank_account_id").doUpdateSet({ ...set, updated_at: new Date() }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

// ── transactions ────────────────────────────────────────────────────────────────────────────────

/** One bank account's transactions are created by one job at a time (imports may overlap). */
export async function lockBankAccount(ex: Executor, bankAccountId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`transactions:${bankAccountId}`}))`.execute(ex);
}

export async function existingLineIds(
  ex: Executor,
  s: Scope,
  lineIds: readonly string[],
): Promise<Set<string>> {
  if (lineIds.length === 0) return new Set();
  const rows = await sql<{ bank_line_id: string }>`
    select bank_line_id from transactions
    where client_id = ${s.clientId}::uuid and bank_line_id = any(${[...lineIds]}::uuid[])`.execute(ex);
  return new Set(rows.rows.map((r) => r.bank_line_id));
}

export interface NewTransaction {
  id: string;
  bankAccountId: string;
  bankLineId: string;
  bankLedgerAccountId: string;
  date: string;
  /** Minor units at `scale`, the ledger's scale of `currency` (as are the split parts). */
  amount: bigint;
  currency: string;
  scale: number;
  description: string;
  bankPayee: string | null;
  status: Status;
  statusReason: string;
  method: TransactionRow["method"];
  modelVersion: string | null;
  confidence: number | null;
  band: Band | null;
  explanation: string | null;
  reason: unknown;
  ruleId: string | null;
  predictedAccountId: string | null;
  predictedPayee: string | null;
  predictedContactId: string | null;
  predictedClassId: string | null;
  predictedSplit: unknown;
  accountId: string | null;
  payee: string | null;
  contactId: string | null;
  classId: string | null;
  memo: string | null;
  split: unknown;
  entryId: string | null;
  material: boolean;
  assigneeId: string | null;
  /** Paid by an entry made elsewhere (entryId is that entry): see entry-link.ts. */
  linkedEntryKind?: "payroll" | null | undefined;
}

const json = (v: unknown) => (v === null || v === undefined ? null : toJson(v));

export async function insertTransactions(
  ex: Executor,
  s: Scope,
  rows: readonly NewTransaction[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const b = rows.slice(i, i + BATCH);
    const col = <T>(f: (r: NewTransaction) => T) => b.map(f);
    await sql`
      insert into transactions (id, firm_id, client_id, bank_account_id, bank_line_id, bank_ledger_account_id, date, amount,
        currency, scale, description, bank_payee, status, status_reason, method, model_version, confidence, band, explanation, reason,
        rule_id, predicted_account_id, predicted_payee, predicted_contact_id, predicted_class_id, predicted_split, account_id,
        payee, contact_id, class_id, memo, split, entry_id, posted_at, material, assignee_id, linked_entry_kind)
      select u.id, ${s.firmId}::uuid, ${s.clientId}::uuid, u.bank_account_id, u.bank_line_id, u.ledger_account_id, u.date,
        u.amount, u.currency, u.scale, u.description, u.bank_payee, u.status, u.status_reason, u.method, u.model_version, u.confidence,
        u.band, u.explanation, u.reason, u.rule_id, u.p_account, u.p_payee, u.p_contact, u.p_class, u.p_split, u.account_id,
        u.payee, u.contact_id, u.class_id, u.memo, u.split, u.entry_id, case when u.entry_id is null then null else now() end,
        u.material, u.assignee_id, u.linked
      from unnest(
        ${col((r) => r.id)}::uuid[], ${col((r) => r.bankAccountId)}::uuid[], ${col((r) => r.bankLineId)}::uuid[],
        ${col((r) => r.bankLedgerAccountId)}::uuid[], ${col((r) => r.date)}::date[], ${col((r) => r.amount.toString())}::int8[],
        ${col((r) => r.currency)}::text[], ${col((r) => r.scale)}::int2[], ${col((r) => r.description)}::text[], ${col((r) => r.bankPayee)}::text[],
        ${col((r) => r.status)}::text[], ${col((r) => r.statusReason)}::text[], ${col((r) => r.method)}::text[],
        ${col((r) => r.modelVersion)}::text[], ${col((r) => r.confidence)}::float8[], ${col((r) => r.band)}::text[],
        ${col((r) => r.explanation)}::text[], ${col((r) => json(r.reason))}::jsonb[], ${col((r) => r.ruleId)}::uuid[],
        ${col((r) => r.predictedAccountId)}::uuid[], ${col((r) => r.predictedPayee)}::text[],
        ${col((r) => r.predictedContactId)}::uuid[], ${col((r) => r.predictedClassId)}::uuid[],
        ${col((r) => json(r.predictedSplit))}::jsonb[], ${col((r) => r.accountId)}::uuid[], ${col((r) => r.payee)}::text[],
        ${col((r) => r.contactId)}::uuid[], ${col((r) => r.classId)}::uuid[], ${col((r) => r.memo)}::text[],
        ${col((r) => json(r.split))}::jsonb[], ${col((r) => r.entryId)}::uuid[], ${col((r) => r.material)}::bool[],
        ${col((r) => r.assigneeId)}::text[], ${col((r) => r.linkedEntryKind ?? null)}::text[]
      ) as u(id, bank_account_id, bank_line_id, ledger_account_id, date, amount, currency, scale, description, bank_payee, status,
        status_reason, method, model_version, confidence, band, explanation, reason, rule_id, p_account, p_payee, p_contact,
        p_class, p_split, account_id, payee, contact_id, class_id, memo, split, entry_id, material, assignee_id, linked)`.execute(
      ex,
    );
  }
}

export async function transactionById(
  ex: Executor,
  s: Scope,
  id: string,
  options: { lock?: boolean } = {},
): Promise<TransactionRow | undefined> {
  let query = q(ex)
    .selectFrom("transactions")
    .selectAll()
    .where("client_id", "=", s.clientId)
    .where("id", "=", id);
  if (options.lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function transactionsByIds(
  ex: Executor,
  s: Scope,
  ids: readonly string[],
  options: { lock?: boolean } = {},
): Promise<TransactionRow[]> {
  if (ids.length === 0) return [];
  let query = q(ex)
    .selectFrom("transactions")
    .selectAll()
    .where("client_id", "=", s.clientId)
    .where("id", "in", [...ids])
    .orderBy("date")
    .orderBy("id");
  if (options.lock) query = query.forUpdate();
  return query.execute();
}

export async function updateTransaction(
  ex: Executor,
  s: Scope,
  id: string,
  patch: TransactionPatch,
): Promise<TransactionRow> {
  return q(ex)
    .updateTable("transactions")
    .set({ ...patch, updated_at: new Date() })
    .where("client_id", "=", s.clientId)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export type Tab = "needs_review" | "processed" | "excluded" | "all";

export const TAB_STATUSES: Record<Exclude<Tab, "all">, readonly Status[]> = {
  needs_review: ["needs_review", "held"],
  processed: ["processed"],
  excluded: ["excluded"],
};

export interface TransactionFilter {
  tab: Tab;
  band?: Band | undefined;
  accountId?: string | undefined;
  bankAccountId?: string | undefined;
  /** Magnitudes in minor units (money in and out alike). */
  minAmount?: bigint | undefined;
  maxAmount?: bigint | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** A user id, or "none" for unassigned. */
  assigneeId?: string | undefined;
  search?: string | undefined;
  /**
   * The transactions `search` matches, when the search index found them (search-store.ts): read
   * by id instead of checking the text of every line. A page or count over them is exact as long
   * as they hold every match, or the newest matches and enough of them (query-service.ts).
   */
  searchIds?: readonly string[] | undefined;
  /** Only those nobody has reviewed or edited yet (apply-to-existing). */
  untouched?: boolean | undefined;
  limit: number;
  offset: number;
}

/** The statuses of a tab, as SQL literals: the Needs Review index (0028) is partial on exactly these. */
const TAB_SQL: Record<Exclude<Tab, "all">, RawBuilder<boolean>> = {
  needs_review: sql<boolean>`status in ('needs_review', 'held')`,
  processed: sql<boolean>`status = 'processed'`,
  excluded: sql<boolean>`status = 'excluded'`,
};

/** True when the filter narrows a tab beyond its bank account: its total must be counted. */
export function narrowsTab(f: Omit<TransactionFilter, "limit" | "offset">): boolean {
  return Boolean(
    f.band ||
    f.accountId ||
    f.minAmount !== undefined ||
    f.maxAmount !== undefined ||
    f.from ||
    f.to ||
    f.assigneeId ||
    f.search ||
    f.untouched,
  );
}

/**
 * The transactions a filter selects. Under row-level security only leakproof comparisons can
 * use an index, so an amount's size is compared as two ranges of the signed amount, not abs().
 */
function filtered(ex: Executor, s: Scope, f: Omit<TransactionFilter, "limit" | "offset">) {
  let query = q(ex).selectFrom("transactions").where("client_id", "=", s.clientId);
  if (f.tab !== "all") query = query.where(TAB_SQL[f.tab]);
  if (f.band) query = query.where("band", "=", f.band);
  if (f.accountId)
    query = query.where((eb) =>
      eb.or([
        eb("account_id", "=", f.accountId!),
        eb.and([
          eb("split", "is not", null),
          sql<boolean>`split @> ${toJson([{ accountId: f.accountId }])}::jsonb`,
        ]),
      ]),
    );
  if (f.bankAccountId) query = query.where("bank_account_id", "=", f.bankAccountId);
  const min = f.minAmount;
  const max = f.maxAmount;
  if (min !== undefined || max !== undefined)
    query = query.where((eb) => {
      const side = (lo: bigint | undefined, hi: bigint | undefined) =>
        eb.and([
          ...(lo !== undefined ? [eb("amount", ">=", lo)] : []),
          ...(hi !== undefined ? [eb("amount", "<=", hi)] : []),
        ]);
      return eb.or([
        side(min ?? 0n, max),
        side(max !== undefined ? -max : undefined, min !== undefined ? -min : 0n),
      ]);
    });
  if (f.from) query = query.where("date", ">=", f.from);
  if (f.to) query = query.where("date", "<=", f.to);
  if (f.assigneeId === "none") query = query.where("assignee_id", "is", null);
  else if (f.assigneeId) query = query.where("assignee_id", "=", f.assigneeId);
  if (f.untouched) query = query.where("reviewed_at", "is", null).where("edited_at", "is", null);
  if (f.searchIds) query = query.where(sql<boolean>`id = any(${[...f.searchIds]}::uuid[])`);
  else if (f.search) {
    const like = `%${f.search.replace(/[%_\\]/g, "\\$&")}%`;
    query = query.where((eb) =>
      eb.or([eb("description", "ilike", like), eb("payee", "ilike", like), eb("bank_payee", "ilike", like)]),
    );
  }
  return query;
}

/** A page of the transactions a filter selects, newest first. */
export async function listRows(ex: Executor, s: Scope, f: TransactionFilter): Promise<TransactionRow[]> {
  return filtered(ex, s, f)
    .selectAll()
    .orderBy("date", "desc")
    .orderBy("id", "desc")
    .limit(f.limit)
    .offset(f.offset)
    .execute();
}

/** How many transactions a filter selects, counting no further than `cap`. */
export async function countRows(
  ex: Executor,
  s: Scope,
  f: Omit<TransactionFilter, "limit" | "offset">,
  cap: number,
): Promise<number> {
  const r = await q(ex)
    .selectFrom(
      filtered(ex, s, f)
        .select(sql<number>`1`.as("one"))
        .limit(cap)
        .as("matches"),
    )
    .select((eb) => eb.fn.countAll<bigint>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Every transaction a filter selects with their exact count (for in-memory work: rule previews). */
export async function listTransactions(
  ex: Executor,
  s: Scope,
  f: TransactionFilter,
): Promise<{ rows: TransactionRow[]; total: number }> {
  const [rows, total] = await Promise.all([listRows(ex, s, f), countRows(ex, s, f, Number.MAX_SAFE_INTEGER)]);
  return { rows, total };
}

/** Accepted codings of a client, oldest first: the labelled lines the categorizer learns from. */
export async function labelledRows(ex: Executor, s: Scope): Promise<TransactionRow[]> {
  return q(ex)
    .selectFrom("transactions")
    .selectAll()
    .where("client_id", "=", s.clientId)
    .where("status", "=", "processed")
    .where("account_id", "is not", null)
    .where("split", "is", null)
    .orderBy("date")
    .orderBy("id")
    .execute();
}

/** Unposted, unreviewed transactions of a bank account from a date: what a new automation setting re-runs. */
export async function pendingOfBankAccount(
  ex: Executor,
  s: Scope,
  bankAccountId: string,
): Promise<TransactionRow[]> {
  return q(ex)
    .selectFrom("transactions")
    .selectAll()
    .where("client_id", "=", s.clientId)
    .where("bank_account_id", "=", bankAccountId)
    .where("entry_id", "is", null)
    .where("reviewed_at", "is", null)
    .where("edited_at", "is", null)
    .where("status", "in", ["needs_review", "held", "excluded"])
    .orderBy("date")
    .orderBy("id")
    .forUpdate()
    .execute();
}
