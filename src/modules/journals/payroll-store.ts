// SQL for payroll mappings (one per client and provider) and payroll entries (one live entry per
// provider and pay date). Every query names the firm and client (row-level security checks it again).
import type { Selectable } from "kysely";
import type { Executor } from "../../platform/db.ts";
import { withTables } from "../../platform/tables.ts";
import type { JournalsTables, PayrollEntriesTable, PayrollMappingsTable, RunState } from "./tables.ts";

export type MappingRow = Selectable<PayrollMappingsTable>;
export type PayrollEntryRow = Selectable<PayrollEntriesTable>;

interface Scope {
  firmId: string;
  clientId: string;
}

const q = (ex: Executor) => withTables<JournalsTables>(ex);

export interface MappingValues {
  columns: Record<string, string>;
  accounts: Record<string, string>;
  departmentAccounts: Record<string, string>;
}

/** Saves the provider's mapping, replacing the one it had. */
export async function upsertMapping(
  ex: Executor,
  s: Scope,
  m: MappingValues & { id: string; provider: string; createdBy: string; at: Date },
): Promise<MappingRow> {
  const values = {
    columns: JSON.stringify(m.columns),
    accounts: JSON.stringify(m.accounts),
    department_accounts: JSON.stringify(m.departmentAccounts),
    updated_at: m.at,
  };
  return q(ex)
    .insertInto("payroll_mappings")
    .values({
      id: m.id,
      firm_id: s.firmId,
      client_id: s.clientId,
      provider: m.provider,
      created_by: m.createdBy,
      created_at: m.at,
      ...values,
    })
    .onConflict((oc) => oc.columns(["client_id", "provider"]).doUpdateSet(values))
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function getMapping(ex: Executor, s: Scope, provider: string): Promise<MappingRow | undefined> {
  return q(ex)
    .selectFrom("payroll_mappings")
    .selectAll()
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId)
    .where("provider", "=", provider)
    .executeTakeFirst();
}

export async function listMappings(ex: Executor, s: Scope): Promise<MappingRow[]> {
  return q(ex)
    .selectFrom("payroll_mappings")
    .selectAll()
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId)
    .orderBy("provider")
    .execute();
}

export async function deleteMapping(ex: Executor, s: Scope, provider: string): Promise<void> {
  await q(ex)
    .deleteFrom("payroll_mappings")
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId)
    .where("provider", "=", provider)
    .execute();
}

export interface NewPayrollEntry {
  id: string;
  provider: string;
  payDate: string;
  entryId: string;
  bankAccountId: string;
  netPay: bigint;
  grossWages: bigint;
  employees: number;
  fileName: string;
  createdBy: string;
  at: Date;
}

export async function insertEntry(ex: Executor, s: Scope, e: NewPayrollEntry): Promise<PayrollEntryRow> {
  return q(ex)
    .insertInto("payroll_entries")
    .values({
      id: e.id,
      firm_id: s.firmId,
      client_id: s.clientId,
      provider: e.provider,
      pay_date: e.payDate,
      state: "draft",
      entry_id: e.entryId,
      reversal_entry_id: null,
      bank_account_id: e.bankAccountId,
      net_pay: e.netPay,
      gross_wages: e.grossWages,
      employees: e.employees,
      file_name: e.fileName,
      matched_transaction_id: null,
      approved_by: null,
      approved_at: null,
      created_by: e.createdBy,
      created_at: e.at,
      updated_at: e.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The provider's live (not reversed) entries of these pay dates: what an import would duplicate. */
export async function liveEntriesOn(
  ex: Executor,
  s: Scope,
  provider: string,
  payDates: readonly string[],
): Promise<PayrollEntryRow[]> {
  if (payDates.length === 0) return [];
  return q(ex)
    .selectFrom("payroll_entries")
    .selectAll()
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId)
    .where("provider", "=", provider)
    .where("pay_date", "in", [...payDates])
    .where("state", "<>", "reversed")
    .execute();
}

export async function listEntries(
  ex: Executor,
  s: Scope,
  filter: { month?: string | undefined } = {},
): Promise<PayrollEntryRow[]> {
  let query = q(ex)
    .selectFrom("payroll_entries")
    .selectAll()
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId);
  if (filter.month)
    query = query
      .where("pay_date", ">=", `${filter.month}-01`)
      .where("pay_date", "<", nextMonth(filter.month));
  return query.orderBy("pay_date", "desc").orderBy("provider").execute();
}

function nextMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
}

export async function lockEntry(ex: Executor, s: Scope, id: string): Promise<PayrollEntryRow | undefined> {
  return q(ex)
    .selectFrom("payroll_entries")
    .selectAll()
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId)
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateEntry(
  ex: Executor,
  s: Scope,
  id: string,
  patch: Partial<
    Pick<PayrollEntryRow, "reversal_entry_id" | "matched_transaction_id" | "approved_by" | "approved_at">
  > & { state?: RunState; updated_at: Date },
): Promise<PayrollEntryRow> {
  return q(ex)
    .updateTable("payroll_entries")
    .set(patch)
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Posted entries not yet matched whose net pay leaves this ledger account in this amount and
 * whose pay date is within the window (oldest first), locked so two imports cannot both claim one.
 */
export async function unmatchedPosted(
  ex: Executor,
  s: Scope,
  bankAccountId: string,
  netPay: bigint,
  window: { from: string; to: string },
): Promise<PayrollEntryRow[]> {
  return q(ex)
    .selectFrom("payroll_entries")
    .selectAll()
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId)
    .where("bank_account_id", "=", bankAccountId)
    .where("net_pay", "=", netPay)
    .where("state", "=", "posted")
    .where("matched_transaction_id", "is", null)
    .where("pay_date", ">=", window.from)
    .where("pay_date", "<=", window.to)
    .orderBy("pay_date")
    .forUpdate()
    .execute();
}

/** A draft's payroll entry goes with its ledger draft (a discarded import). */
export async function deleteEntry(ex: Executor, s: Scope, id: string): Promise<void> {
  await q(ex)
    .deleteFrom("payroll_entries")
    .where("firm_id", "=", s.firmId)
    .where("client_id", "=", s.clientId)
    .where("id", "=", id)
    .where("state", "in", ["draft", "approved"])
    .execute();
}
