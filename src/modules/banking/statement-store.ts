// SQL for statement files, the statements read from them and import runs. Rows here are only ever
// inserted (the database refuses updates and deletes); a file is stored once per content hash.
import { sql, type Selectable } from "kysely";
import type { Executor } from "../../platform/db.ts";
import { toJson } from "../../platform/json.ts";
import type { PreparedStatement } from "./import-model.ts";
import type { Scope } from "./scope.ts";
import { q } from "./store.ts";
import type { BankImportsTable, ImportSource, StatementFilesTable, StatementsTable } from "./tables.ts";

export type StatementFileRow = Omit<Selectable<StatementFilesTable>, "bytes">;
export type StatementRow = Selectable<StatementsTable>;
export type BankImportRow = Selectable<BankImportsTable>;

// ── files ───────────────────────────────────────────────────────────────────────────────────────

const FILE_COLUMNS = [
  "id",
  "firm_id",
  "client_id",
  "bank_account_id",
  "sha256",
  "name",
  "format",
  "encoding",
  "size",
  "uploaded_by",
  "source",
  "created_at",
] as const;

export async function fileByHash(
  ex: Executor,
  s: Scope,
  bankAccountId: string,
  sha256: string,
): Promise<StatementFileRow | undefined> {
  return q(ex)
    .selectFrom("statement_files")
    .select(FILE_COLUMNS)
    .where("client_id", "=", s.clientId)
    .where("bank_account_id", "=", bankAccountId)
    .where("sha256", "=", sha256)
    .executeTakeFirst();
}

export interface NewFile {
  id: string;
  bankAccountId: string;
  sha256: string;
  name: string;
  format: string;
  encoding: string | null;
  bytes: Uint8Array;
  uploadedBy: string;
  source: ImportSource;
}

export async function insertFile(ex: Executor, s: Scope, f: NewFile): Promise<StatementFileRow> {
  return q(ex)
    .insertInto("statement_files")
    .values({
      id: f.id,
      firm_id: s.firmId,
      client_id: s.clientId,
      bank_account_id: f.bankAccountId,
      sha256: f.sha256,
      name: f.name,
      format: f.format,
      encoding: f.encoding,
      size: f.bytes.length,
      // As base64 text decoded by the database: the drivers' own bytea encoding goes byte by byte
      // in JavaScript, which for a 10 MB statement costs more than storing its lines.
      bytes: sql<Uint8Array>`decode(${Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength).toString("base64")}, 'base64')`,
      uploaded_by: f.uploadedBy,
      source: f.source,
    })
    .returning(FILE_COLUMNS)
    .executeTakeFirstOrThrow();
}

export async function fileWithBytes(
  ex: Executor,
  s: Scope,
  id: string,
): Promise<(StatementFileRow & { bytes: Uint8Array }) | undefined> {
  const row = await q(ex)
    .selectFrom("statement_files")
    .select(FILE_COLUMNS)
    .select(sql<string>`encode(bytes, 'base64')`.as("base64"))
    .where("client_id", "=", s.clientId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) return undefined;
  const { base64, ...file } = row;
  // base64 from the database may be wrapped in lines; Buffer ignores the line breaks.
  return { ...file, bytes: Buffer.from(base64, "base64") };
}

// ── statements ──────────────────────────────────────────────────────────────────────────────────

/** Inserts the file's statements that are not there yet; returns the id of each position. */
export async function ensureStatements(
  ex: Executor,
  s: Scope,
  file: { id: string; bankAccountId: string; currency: string },
  statements: readonly PreparedStatement[],
  newId: () => string,
): Promise<Map<number, string>> {
  if (statements.length > 0) {
    await q(ex)
      .insertInto("statements")
      .values(
        statements.map((st) => ({
          id: newId(),
          firm_id: s.firmId,
          client_id: s.clientId,
          bank_account_id: file.bankAccountId,
          statement_file_id: file.id,
          position: st.position,
          account_ref: st.accountRef,
          currency: file.currency,
          start_date: st.start,
          end_date: st.end,
          first_line_date: st.firstLineDate,
          last_line_date: st.lastLineDate,
          opening_balance: st.openingBalance,
          closing_balance: st.closingBalance,
          line_count: st.lines.length,
          source_line: st.sourceLine,
          source_entry: st.sourceEntry,
          raw: toJson(st.raw),
        })),
      )
      .onConflict((oc) => oc.columns(["statement_file_id", "position"]).doNothing())
      .execute();
  }
  const rows = await q(ex)
    .selectFrom("statements")
    .select(["id", "position"])
    .where("client_id", "=", s.clientId)
    .where("statement_file_id", "=", file.id)
    .execute();
  return new Map(rows.map((r) => [r.position, r.id]));
}

export async function listStatements(
  ex: Executor,
  s: Scope,
  bankAccountId: string,
): Promise<Array<StatementRow & { file_name: string }>> {
  return q(ex)
    .selectFrom("statements as st")
    .innerJoin("statement_files as f", "f.id", "st.statement_file_id")
    .selectAll("st")
    .select("f.name as file_name")
    .where("st.client_id", "=", s.clientId)
    .where("st.bank_account_id", "=", bankAccountId)
    .orderBy(sql`coalesce(st.end_date, st.last_line_date)`, (ob) => ob.desc().nullsLast())
    .orderBy("st.created_at", "desc")
    .execute();
}

// ── import runs ─────────────────────────────────────────────────────────────────────────────────

export async function insertImport(
  ex: Executor,
  s: Scope,
  row: Omit<BankImportRow, "firm_id" | "client_id" | "created_at" | "warnings"> & { warnings: string[] },
): Promise<BankImportRow> {
  return q(ex)
    .insertInto("bank_imports")
    .values({ ...row, firm_id: s.firmId, client_id: s.clientId, warnings: toJson(row.warnings) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listImports(
  ex: Executor,
  s: Scope,
  filter: { bankAccountId?: string | undefined; limit: number },
): Promise<Array<BankImportRow & { file_name: string; format: string }>> {
  let query = q(ex)
    .selectFrom("bank_imports as i")
    .innerJoin("statement_files as f", "f.id", "i.statement_file_id")
    .selectAll("i")
    .select(["f.name as file_name", "f.format"])
    .where("i.client_id", "=", s.clientId);
  if (filter.bankAccountId) query = query.where("i.bank_account_id", "=", filter.bankAccountId);
  return query.orderBy("i.created_at", "desc").orderBy("i.id", "desc").limit(filter.limit).execute();
}
