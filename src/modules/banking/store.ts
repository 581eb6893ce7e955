// SQL for institutions and bank accounts, and the figures Smart Connect shows (balances, line counts).
// Every query names the client it reads or writes.
import { sql, type Selectable } from "kysely";
import type { Executor } from "../../platform/db.ts";
import { withTables } from "../../platform/tables.ts";
import type { BankAccountsTable, BankingTables, InstitutionsTable } from "./tables.ts";
import type { Scope } from "./scope.ts";

export type InstitutionRow = Selectable<InstitutionsTable>;
export type BankAccountRow = Selectable<BankAccountsTable>;

export const q = (ex: Executor) => withTables<BankingTables>(ex);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (text: string) => UUID.test(text);

// ── institutions ────────────────────────────────────────────────────────────────────────────────

export async function listInstitutions(ex: Executor, s: Scope): Promise<InstitutionRow[]> {
  return q(ex)
    .selectFrom("institutions")
    .selectAll()
    .where("client_id", "=", s.clientId)
    .orderBy("name")
    .execute();
}

export async function institutionById(
  ex: Executor,
  s: Scope,
  id: string,
): Promise<InstitutionRow | undefined> {
  if (!isUuid(id)) return undefined;
  return q(ex)
    .selectFrom("institutions")
    .selectAll()
    .where("client_id", "=", s.clientId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** The client's institution of this name (case-insensitive), created when it does not exist yet. */
export async function ensureInstitution(
  ex: Executor,
  s: Scope,
  input: { id: string; name: string; bankCode: string | null },
): Promise<{ row: InstitutionRow; created: boolean }> {
  const existing = await q(ex)
    .selectFrom("institutions")
    .selectAll()
    .where("client_id", "=", s.clientId)
    .where(sql<boolean>`lower(name) = lower(${input.name})`)
    .executeTakeFirst();
  if (existing) return { row: existing, created: false };
  const row = await q(ex)
    .insertInto("institutions")
    .values({
      id: input.id,
      firm_id: s.firmId,
      client_id: s.clientId,
      name: input.name,
      bank_code: input.bankCode,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { row, created: true };
}

// ── bank accounts ───────────────────────────────────────────────────────────────────────────────

export async function listBankAccounts(
  ex: Executor,
  s: Scope,
  options: { includeInactive?: boolean } = {},
): Promise<BankAccountRow[]> {
  let query = q(ex).selectFrom("bank_accounts").selectAll().where("client_id", "=", s.clientId);
  if (!options.includeInactive) query = query.where("is_active", "=", true);
  return query.orderBy("kind").orderBy("name").execute();
}

/** A bank account by id or short name. */
export async function bankAccountByRef(
  ex: Executor,
  s: Scope,
  ref: string,
  options: { lock?: boolean } = {},
): Promise<BankAccountRow | undefined> {
  let query = q(ex).selectFrom("bank_accounts").selectAll().where("client_id", "=", s.clientId);
  query = isUuid(ref) ? query.where("id", "=", ref) : query.where("short_name", "=", ref.toLowerCase());
  if (options.lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function shortNamesStartingWith(ex: Executor, s: Scope, base: string): Promise<Set<string>> {
  const rows = await q(ex)
    .selectFrom("bank_accounts")
    .select("short_name")
    .where("client_id", "=", s.clientId)
    .where("short_name", "like", `${base.replace(/[%_\\]/g, "\\$&")}%`)
    .execute();
  return new Set(rows.map((r) => r.short_name));
}

export async function bankAccountOfLedgerAccount(
  ex: Executor,
  s: Scope,
  ledgerAccountId: string,
): Promise<BankAccountRow | undefined> {
  return q(ex)
    .selectFrom("bank_accounts")
    .selectAll()
    .where("client_id", "=", s.clientId)
    .where("ledger_account_id", "=", ledgerAccountId)
    .executeTakeFirst();
}

export type NewBankAccount = Omit<
  BankAccountRow,
  "firm_id" | "client_id" | "created_at" | "updated_at" | "is_active" | "csv_mapping"
> & {
  csv_mapping: string | null;
};

export async function insertBankAccount(
  ex: Executor,
  s: Scope,
  row: NewBankAccount,
): Promise<BankAccountRow> {
  return q(ex)
    .insertInto("bank_accounts")
    .values({ ...row, firm_id: s.firmId, client_id: s.clientId })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export type BankAccountPatch = Partial<
  Pick<
    BankAccountRow,
    | "name"
    | "short_name"
    | "mask"
    | "account_number"
    | "institution_id"
    | "connection_id"
    | "ledger_account_id"
    | "is_active"
  > & {
    csv_mapping: string | null;
  }
>;

export async function updateBankAccount(
  ex: Executor,
  s: Scope,
  id: string,
  patch: BankAccountPatch,
): Promise<BankAccountRow> {
  return q(ex)
    .updateTable("bank_accounts")
    .set({ ...patch, updated_at: new Date() })
    .where("client_id", "=", s.clientId)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The CSV layouts saved for the other accounts at an institution, most recently changed first, each once. */
export async function institutionMappings(
  ex: Executor,
  s: Scope,
  institutionId: string,
  exceptAccountId: string,
): Promise<unknown[]> {
  const rows = await q(ex)
    .selectFrom("bank_accounts")
    .select("csv_mapping")
    .where("client_id", "=", s.clientId)
    .where("institution_id", "=", institutionId)
    .where("id", "!=", exceptAccountId)
    .where("csv_mapping", "is not", null)
    .orderBy("updated_at", "desc")
    .execute();
  const seen = new Set<string>();
  return rows
    .map((r) => r.csv_mapping)
    .filter((m) => !seen.has(JSON.stringify(m)) && seen.add(JSON.stringify(m)));
}

/** Detaches the accounts a removed connection fed. */
export async function detachConnection(ex: Executor, s: Scope, connectionId: string): Promise<void> {
  await q(ex)
    .updateTable("bank_accounts")
    .set({ connection_id: null, updated_at: new Date() })
    .where("client_id", "=", s.clientId)
    .where("connection_id", "=", connectionId)
    .execute();
}

// ── balances and activity ───────────────────────────────────────────────────────────────────────

export interface AccountFigures {
  bankAccountId: string;
  /** The latest statement that states a closing balance, and the day it is as of. */
  anchor: { closingBalance: bigint; asOf: string | null } | null;
  /** Sum of the lines dated after the anchor's day. */
  linesAfter: bigint;
  lineCount: number;
  lastLineDate: string | null;
  lastImportAt: Date | null;
}

export async function accountFigures(ex: Executor, s: Scope): Promise<Map<string, AccountFigures>> {
  // Per bank account, so that every figure is read through that account's indexes (bank_lines has
  // no index by client: it would be one more index to keep up on every imported line).
  const rows = await sql<{
    id: string;
    closing_balance: bigint | null;
    as_of: string | null;
    lines_after: bigint | null;
    n: bigint;
    last_date: string | null;
    last_import: Date | null;
  }>`
    select ba.id, st.closing_balance, st.as_of,
      (select sum(l.amount) from bank_lines l
        where l.bank_account_id = ba.id and l.date > st.as_of)::int8 as lines_after,
      (select count(*) from bank_lines l where l.bank_account_id = ba.id)::int8 as n,
      (select max(l.date) from bank_lines l where l.bank_account_id = ba.id) as last_date,
      (select max(i.created_at) from bank_imports i where i.bank_account_id = ba.id) as last_import
    from bank_accounts ba
    left join lateral (
      select s.closing_balance, coalesce(s.end_date, s.last_line_date) as as_of
      from statements s
      where s.bank_account_id = ba.id and s.closing_balance is not null
      order by coalesce(s.end_date, s.last_line_date) desc nulls last, s.created_at desc, s.position desc
      limit 1
    ) st on true
    where ba.client_id = ${s.clientId}::uuid`.execute(ex);
  return new Map(
    rows.rows.map((r) => [
      r.id,
      {
        bankAccountId: r.id,
        anchor: r.closing_balance === null ? null : { closingBalance: r.closing_balance, asOf: r.as_of },
        linesAfter: r.lines_after ?? 0n,
        lineCount: Number(r.n),
        lastLineDate: r.last_date,
        lastImportAt: r.last_import,
      },
    ]),
  );
}
