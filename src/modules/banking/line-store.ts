// SQL for raw bank lines (statement files, statements and import runs: statement-store.ts). Rows
// here are only ever inserted (the database refuses updates and deletes); lines go in as arrays through unnest, so a
// 100,000-line statement is a handful of statements, and `on conflict do nothing` on the line's
// idempotency key is what makes a repeated import add nothing.
import { sql, type Selectable } from "kysely";
import { isUniqueViolation, type Executor } from "../../platform/db.ts";
import { batchIdPrefix } from "../../platform/ids.ts";
import { arrayLiteral, textArrayLiteral } from "../../platform/sql-arrays.ts";
import type { PreparedLine } from "./import-model.ts";
import type { Scope } from "./scope.ts";
import { q } from "./store.ts";
import type { BankLinesTable } from "./tables.ts";

export type BankLineRow = Selectable<BankLinesTable>;

const BATCH = 25_000;

// ── bank lines ──────────────────────────────────────────────────────────────────────────────────

export interface LineBatchContext {
  bankAccountId: string;
  currency: string;
  fileId: string;
  statementId: string;
  importId: string;
}

/**
 * Inserts one statement's lines; those whose key the bank account already has are skipped. Returns
 * how many were new. The keys the account has on the statement's days are read first and skipped
 * in memory, so that the rest goes in with a plain insert; only when a key still collides (a bank
 * id whose line the bank re-dated) is the batch redone with `on conflict do nothing`, which costs
 * a fifth more for every row.
 */
export async function insertLines(
  ex: Executor,
  s: Scope,
  c: LineBatchContext,
  lines: readonly PreparedLine[],
): Promise<number> {
  if (lines.length === 0) return 0;
  let from = lines[0]!.date;
  let to = from;
  for (const l of lines) {
    if (l.date < from) from = l.date;
    if (l.date > to) to = l.date;
  }
  const known = await keysBetween(ex, s, c.bankAccountId, from, to);
  const fresh = known.size === 0 ? lines : lines.filter((l) => !known.has(l.key));
  let inserted = 0;
  for (let i = 0; i < fresh.length; i += BATCH) {
    const batch = fresh.slice(i, i + BATCH);
    await sql`savepoint bank_lines_batch`.execute(ex);
    try {
      inserted += await insertBatch(ex, s, c, batch, false);
      await sql`release savepoint bank_lines_batch`.execute(ex);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      await sql`rollback to savepoint bank_lines_batch`.execute(ex);
      inserted += await insertBatch(ex, s, c, batch, true);
    }
  }
  return inserted;
}

async function keysBetween(
  ex: Executor,
  s: Scope,
  bankAccountId: string,
  from: string,
  to: string,
): Promise<Set<string>> {
  const rows = await q(ex)
    .selectFrom("bank_lines")
    .select("idem_key")
    .where("client_id", "=", s.clientId)
    .where("bank_account_id", "=", bankAccountId)
    .where("date", ">=", from)
    .where("date", "<=", to)
    .execute();
  return new Set(rows.map((r) => r.idem_key));
}

async function insertBatch(
  ex: Executor,
  s: Scope,
  c: LineBatchContext,
  batch: readonly PreparedLine[],
  onConflict: boolean,
): Promise<number> {
  const n = batch.length;
  const sourceLine = new Array<number | null>(n);
  const date = new Array<string>(n);
  const amount = new Array<string>(n);
  const description = new Array<string>(n);
  const payee = new Array<string | null>(n);
  const reference = new Array<string | null>(n);
  const bankId = new Array<string | null>(n);
  const fingerprint = new Array<string>(n);
  const occurrence = new Array<number>(n);
  const fields = new Array<string>(n);
  for (let j = 0; j < n; j++) {
    const l = batch[j]!;
    sourceLine[j] = l.sourceLine;
    date[j] = l.date;
    amount[j] = l.amount.toString();
    description[j] = l.description;
    payee[j] = l.payee;
    reference[j] = l.reference;
    bankId[j] = l.bankTransactionId;
    fingerprint[j] = l.fingerprint;
    occurrence[j] = l.occurrence;
    fields[j] = JSON.stringify(l.fields);
  }
  // The key (see fingerprint.ts keyLines) and the id are composed in SQL from what is sent anyway:
  // the drivers pass every parameter through JavaScript, so fewer bytes is less time.
  const result = await sql`
    insert into bank_lines (id, firm_id, client_id, bank_account_id, statement_file_id, statement_id, import_id, currency,
      source_line, date, amount, description, payee, reference, bank_transaction_id, fingerprint, occurrence, idem_key, fields)
    select (${batchIdPrefix()} || lpad(to_hex(u.n), 8, '0'))::uuid, ${s.firmId}::uuid, ${s.clientId}::uuid,
      ${c.bankAccountId}::uuid, ${c.fileId}::uuid, ${c.statementId}::uuid, ${c.importId}::uuid, ${c.currency},
      u.source_line, u.date, u.amount, u.description, u.payee, u.reference, u.bank_id, u.fingerprint, u.occurrence,
      case when u.bank_id is null then 'fp:' || u.fingerprint else 'id:' || u.bank_id end || '#' || u.occurrence, u.fields
    from unnest(
      ${arrayLiteral(sourceLine)}::int4[], ${arrayLiteral(date)}::date[], ${arrayLiteral(amount)}::int8[],
      ${textArrayLiteral(description)}::text[], ${textArrayLiteral(payee)}::text[], ${textArrayLiteral(reference)}::text[],
      ${textArrayLiteral(bankId)}::text[], ${arrayLiteral(fingerprint)}::text[], ${arrayLiteral(occurrence)}::int4[],
      ${textArrayLiteral(fields)}::jsonb[]
    ) with ordinality as u(source_line, date, amount, description, payee, reference, bank_id, fingerprint, occurrence, fields, n)
    ${onConflict ? sql`on conflict (bank_account_id, idem_key) do nothing` : sql``}`.execute(ex);
  return Number(result.numAffectedRows ?? 0n);
}

export interface LineFilter {
  bankAccountId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  search?: string | undefined;
  importId?: string | undefined;
  minAmount?: bigint | undefined;
  maxAmount?: bigint | undefined;
  limit: number;
  offset: number;
}

export async function listLines(
  ex: Executor,
  s: Scope,
  f: LineFilter,
): Promise<{ rows: BankLineRow[]; total: number }> {
  let query = q(ex).selectFrom("bank_lines").where("client_id", "=", s.clientId);
  // Through the bank accounts' indexes: bank_lines keeps no index by client (see store.ts accountFigures).
  query = f.bankAccountId
    ? query.where("bank_account_id", "=", f.bankAccountId)
    : query.where(
        "bank_account_id",
        "in",
        q(ex).selectFrom("bank_accounts").select("id").where("client_id", "=", s.clientId),
      );
  if (f.from) query = query.where("date", ">=", f.from);
  if (f.to) query = query.where("date", "<=", f.to);
  if (f.importId) query = query.where("import_id", "=", f.importId);
  if (f.minAmount !== undefined) query = query.where("amount", ">=", f.minAmount);
  if (f.maxAmount !== undefined) query = query.where("amount", "<=", f.maxAmount);
  if (f.search) {
    const like = `%${f.search.replace(/[%_\\]/g, "\\$&")}%`;
    query = query.where((eb) =>
      eb.or([
        eb("description", "ilike", like),
        eb("payee", "ilike", like),
        eb("reference", "ilike", like),
        eb("bank_transaction_id", "=", f.search!),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy("date", "desc")
      .orderBy("source_line", "desc")
      .orderBy("id", "desc")
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<bigint>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** How many lines an import has (its job checks they are all visible before it starts). */
export async function importLineCount(ex: Executor, s: Scope, importId: string): Promise<number> {
  const row = await q(ex)
    .selectFrom("bank_lines")
    .select((eb) => eb.fn.countAll<bigint>().as("n"))
    .where("client_id", "=", s.clientId)
    .where("import_id", "=", importId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The next `limit` lines of an import after `after`, in (date, id) order: a keyset walk along the
 * bank account's (bank_account_id, date, id) index, so each batch of a 200,000-line import costs
 * about its own size (lines of other imports on the same days are stepped over).
 */
export async function importLinesAfter(
  ex: Executor,
  s: Scope,
  where: { bankAccountId: string; importId: string },
  after: { date: string; id: string } | null,
  limit: number,
): Promise<BankLineRow[]> {
  let query = q(ex)
    .selectFrom("bank_lines")
    .selectAll()
    .where("client_id", "=", s.clientId)
    .where("bank_account_id", "=", where.bankAccountId)
    .where("import_id", "=", where.importId);
  if (after) query = query.where(sql<boolean>`(date, id) > (${after.date}::date, ${after.id}::uuid)`);
  return query.orderBy("date").orderBy("id").limit(limit).execute();
}
