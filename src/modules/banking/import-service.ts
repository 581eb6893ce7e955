// Use cases for statement imports: preview a file without saving anything, import it into a bank
// account (idempotent and lossless, one transaction, one audit event, one job for the Transaction
// Manager), and read back the raw bank lines, statements and import runs.
import crypto from "node:crypto";
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { inTransaction, type Executor } from "../../platform/db.ts";
import { recordAudit } from "../../platform/audit.ts";
import { AppError, notFound, ruleViolation, validationError } from "../../platform/errors.ts";
import { isoExponent, parseDecimal } from "../../platform/money.ts";
import { newId } from "../../platform/ids.ts";
import { toJson } from "../../platform/json.ts";
import { csvGrid, type CsvGrid } from "./csv-preview.ts";
import { detectFormat, StatementParseError, type CsvMapping, type FormatName } from "./formats/index.ts";
import { prepareImport, selectStatements, type ImportTarget } from "./import-model.ts";
import * as lines from "./line-store.ts";
import type { BankImportRow, BankLineRow, LineFilter, StatementRow } from "./line-store.ts";
import { NO_SAVED_MAPPINGS, parseUpload, type SavedMappings } from "./parse-file.ts";
import { clientScope, type ClientScope } from "./scope.ts";
import * as store from "./store.ts";
import type { BankAccountRow } from "./store.ts";
import type { ImportSource } from "./tables.ts";

/** The job the Transaction Manager works: new raw lines to predict and post (data: BankLinesImported). */
export const BANK_LINES_IMPORTED = "bank-lines.imported";

export interface BankLinesImported {
  firmId: string;
  clientId: string;
  bankAccountId: string;
  importId: string;
  /** How many lines the import added; they are the bank lines with this import_id. */
  newLines: number;
}

export interface ImportInput {
  bytes: Uint8Array;
  fileName: string;
  format?: FormatName | undefined;
  csvMapping?: CsvMapping | undefined;
  /** Remember the given CSV layout for the account (default: yes when one is given). */
  saveMapping?: boolean | undefined;
  source: ImportSource;
  connectionId?: string | null | undefined;
}

export interface ImportSummary {
  importId: string;
  bankAccount: { id: string; shortName: string; name: string; currency: string };
  file: { id: string; name: string; format: string; sha256: string; size: number; alreadyImported: boolean };
  statements: number;
  totalLines: number;
  newLines: number;
  duplicateLines: number;
  period: { from: string; to: string } | null;
  warnings: string[];
  mappingSaved: boolean;
}

const sha256 = (bytes: Uint8Array) => crypto.createHash("sha256").update(bytes).digest("hex");

export const targetOf = (a: BankAccountRow): ImportTarget => ({
  name: a.name,
  currency: a.currency,
  mask: a.mask,
  accountNumber: a.account_number,
});

/** The account's own saved CSV layout, and those of the other accounts at its bank (the layout is remembered per bank). */
async function savedMappingsOf(
  ex: Executor,
  s: ClientScope,
  account: BankAccountRow,
): Promise<SavedMappings> {
  const bank = account.institution_id
    ? await store.institutionMappings(ex, s, account.institution_id, account.id)
    : [];
  return { own: (account.csv_mapping as CsvMapping | null) ?? null, bank: bank as CsvMapping[] };
}

async function requireAccount(
  ex: Executor,
  s: ClientScope,
  ref: string,
  options: { lock?: boolean } = {},
): Promise<BankAccountRow> {
  const account = await store.bankAccountByRef(ex, s, ref, options);
  if (!account)
    throw notFound("banking/bank-account-not-found", `no bank account "${ref}"`, { field: "bankAccount" });
  return account;
}

/** Imports a statement file into a bank account. Lines the account already has are counted, not added. */
export async function importStatementFile(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  bankAccountRef: string,
  input: ImportInput,
): Promise<ImportSummary> {
  // Parsing is CPU work: done before the transaction so that it never holds the database.
  const { before, saved } = await (async () => {
    const s = await clientScope(ctx.db, actor, clientRef, "import");
    const account = await requireAccount(ctx.db, s, bankAccountRef);
    return { before: account, saved: await savedMappingsOf(ctx.db, s, account) };
  })();
  const parsed = parseUpload(input, saved);
  const digest = sha256(input.bytes);
  return inTransaction(ctx.db, async (tx) => {
    const s = await clientScope(tx, actor, clientRef, "import");
    // Locked: two imports into one account run one after the other, so their counts are exact.
    const account = await requireAccount(tx, s, before.id, { lock: true });
    if (!account.is_active)
      throw ruleViolation(
        "banking/inactive-bank-account",
        `"${account.name}" is inactive; activate it to import into it`,
      );
    const prepared = prepareImport(parsed.file, targetOf(account));
    let file = await lines.fileByHash(tx, s, account.id, digest);
    const alreadyImported = file !== undefined;
    file ??= await lines.insertFile(tx, s, {
      id: newId(),
      bankAccountId: account.id,
      sha256: digest,
      name: input.fileName.slice(0, 255) || "statement",
      format: parsed.file.format,
      encoding: parsed.file.encoding,
      bytes: input.bytes,
      uploadedBy: actor.id,
      source: input.source,
    });
    const statementIds = await lines.ensureStatements(
      tx,
      s,
      { id: file.id, bankAccountId: account.id, currency: account.currency },
      prepared.statements,
      newId,
    );
    const importId = newId();
    let newLines = 0;
    for (const st of prepared.statements) {
      newLines += await lines.insertLines(
        tx,
        s,
        {
          bankAccountId: account.id,
          currency: account.currency,
          fileId: file.id,
          statementId: statementIds.get(st.position)!,
          importId,
        },
        st.lines,
      );
    }
    const warnings = [...parsed.warnings, ...prepared.warnings];
    await lines.insertImport(tx, s, {
      id: importId,
      bank_account_id: account.id,
      statement_file_id: file.id,
      source: input.source,
      connection_id: input.connectionId ?? null,
      imported_by: actor.id,
      imported_by_name: actor.displayName,
      total_lines: prepared.totalLines,
      new_lines: newLines,
      duplicate_lines: prepared.totalLines - newLines,
      warnings,
    });
    const mapping = parsed.file.csvMapping;
    const mappingSaved =
      mapping !== null &&
      ((parsed.mappingSource === "given" && input.saveMapping !== false) ||
        ((parsed.mappingSource === "detected" || parsed.mappingSource === "bank") &&
          account.csv_mapping === null));
    if (mappingSaved) await store.updateBankAccount(tx, s, account.id, { csv_mapping: toJson(mapping) });
    const dates = prepared.statements
      .flatMap((st) => [st.firstLineDate, st.lastLineDate])
      .filter((d): d is string => d !== null);
    const summary: ImportSummary = {
      importId,
      bankAccount: {
        id: account.id,
        shortName: account.short_name,
        name: account.name,
        currency: account.currency,
      },
      file: {
        id: file.id,
        name: file.name,
        format: file.format,
        sha256: digest,
        size: file.size,
        alreadyImported,
      },
      statements: prepared.statements.length,
      totalLines: prepared.totalLines,
      newLines,
      duplicateLines: prepared.totalLines - newLines,
      period: dates.length
        ? { from: dates.reduce((a, b) => (a < b ? a : b)), to: dates.reduce((a, b) => (a > b ? a : b)) }
        : null,
      warnings,
      mappingSaved,
    };
    await recordAudit(tx, actor, {
      action: "banking.statement.imported",
      clientId: s.clientId,
      subjectType: "bank_account",
      subjectId: account.id,
      after: {
        importId,
        source: input.source,
        file: { id: file.id, name: file.name, format: file.format, sha256: digest, alreadyImported },
        statements: summary.statements,
        totalLines: summary.totalLines,
        newLines,
        duplicateLines: summary.duplicateLines,
        warnings: warnings.length,
        mappingSaved,
      },
    });
    if (newLines > 0) {
      const job: BankLinesImported = {
        firmId: s.firmId,
        clientId: s.clientId,
        bankAccountId: account.id,
        importId,
        newLines,
      };
      await ctx.jobs.send(BANK_LINES_IMPORTED, job, tx);
    }
    return summary;
  });
}

// ── preview ─────────────────────────────────────────────────────────────────────────────────────

export interface PreviewInput {
  bytes: Uint8Array;
  fileName: string;
  format?: FormatName | undefined;
  csvMapping?: CsvMapping | undefined;
  bankAccountRef?: string | undefined;
}

export interface PreviewLine {
  statement: number;
  line: number | null;
  date: string;
  amount: string;
  description: string;
  payee: string | null;
  reference: string | null;
  bankTransactionId: string | null;
}

export interface Preview {
  fileName: string;
  size: number;
  sha256: string;
  format: FormatName;
  encoding: string;
  statements: Array<{
    position: number;
    account: string | null;
    currency: string | null;
    start: string | null;
    end: string | null;
    openingBalance: string | null;
    closingBalance: string | null;
    lines: number;
    /** Whether an import into the chosen bank account would take this statement. */
    chosen: boolean;
  }>;
  lines: PreviewLine[];
  totalLines: number;
  warnings: string[];
  csv: (CsvGrid & { mapping: CsvMapping; mappingSource: "given" | "saved" | "bank" | "detected" }) | null;
  /** When a bank account was named: whether this exact file was imported into it before. */
  alreadyImported: { importedAt: Date } | null;
  /** Why an import into the named bank account would be refused, when it would. */
  blocked: { code: string; detail: string; line: number | null } | null;
}

/** Parses a file the way an import would, and shows it; nothing is saved. */
export async function previewStatementFile(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  input: PreviewInput,
  maxLines = 20,
): Promise<Preview> {
  const s = await clientScope(ctx.db, actor, clientRef, "import");
  const account = input.bankAccountRef ? await requireAccount(ctx.db, s, input.bankAccountRef) : null;
  const saved = account ? await savedMappingsOf(ctx.db, s, account) : NO_SAVED_MAPPINGS;
  let parsed;
  try {
    parsed = parseUpload(input, saved);
  } catch (error) {
    // A CSV whose columns are wrong: send the grid along so that the person can fix the mapping.
    if (error instanceof AppError && looksLikeCsv(input)) {
      const mapping = input.csvMapping ?? saved.own;
      throw new AppError(error.kind, error.code, error.detail, {
        ...(error.field ? { field: error.field } : {}),
        ...(error.line !== undefined ? { line: error.line } : {}),
        extra: { ...error.extra, csv: { ...csvGrid(input.bytes, mapping), mapping } },
      });
    }
    throw error;
  }
  const { file } = parsed;
  const digest = sha256(input.bytes);
  let chosen: Set<number> = new Set(file.statements.map((_, i) => i));
  let blocked: Preview["blocked"] = null;
  const warnings = [...file.warnings, ...parsed.warnings];
  if (account) {
    try {
      const selection = selectStatements(file, targetOf(account));
      chosen = new Set(selection.positions);
      warnings.push(...selection.warnings);
      prepareImport(file, targetOf(account));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      blocked = { code: error.code, detail: error.detail, line: error.line ?? null };
    }
  }
  const previewLines: PreviewLine[] = [];
  let totalLines = 0;
  file.statements.forEach((st, position) => {
    if (!chosen.has(position)) return;
    totalLines += st.transactions.length;
    for (const t of st.transactions) {
      if (previewLines.length >= maxLines) break;
      previewLines.push({
        statement: position,
        line: t.line,
        date: t.date,
        amount: t.amount,
        description: t.description,
        payee: t.payee,
        reference: t.reference,
        bankTransactionId: t.id,
      });
    }
  });
  const known = account ? await lines.fileByHash(ctx.db, s, account.id, digest) : undefined;
  return {
    fileName: input.fileName,
    size: input.bytes.length,
    sha256: digest,
    format: file.format,
    encoding: file.encoding,
    statements: file.statements.map((st, position) => ({
      position,
      account: st.account.id,
      currency: st.account.currency,
      start: st.start,
      end: st.end,
      openingBalance: st.openingBalance,
      closingBalance: st.closingBalance,
      lines: st.transactions.length,
      chosen: chosen.has(position),
    })),
    lines: previewLines,
    totalLines,
    warnings,
    csv:
      file.format === "csv" && file.csvMapping
        ? {
            ...csvGrid(input.bytes, file.csvMapping),
            mapping: file.csvMapping,
            mappingSource: parsed.mappingSource ?? "detected",
          }
        : null,
    alreadyImported: known ? { importedAt: known.created_at } : null,
    blocked,
  };
}

function looksLikeCsv(input: PreviewInput): boolean {
  if (input.format === "csv" || input.csvMapping) return true;
  if (input.format) return false;
  try {
    return detectFormat(input.bytes, input.fileName) === "csv";
  } catch (error) {
    if (error instanceof StatementParseError) return false;
    throw error;
  }
}

// ── reading back ────────────────────────────────────────────────────────────────────────────────

export interface LineQuery extends Omit<LineFilter, "bankAccountId" | "minAmount" | "maxAmount"> {
  bankAccountRef?: string | undefined;
  /** Decimal strings in the bank account's currency (amount filters need a bank account). */
  minAmount?: string | undefined;
  maxAmount?: string | undefined;
}

export async function listBankLines(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  query: LineQuery,
): Promise<{ lines: BankLineRow[]; total: number }> {
  const s = await clientScope(ctx.db, actor, clientRef, "read");
  const account = query.bankAccountRef ? await requireAccount(ctx.db, s, query.bankAccountRef) : null;
  const bound = (text: string | undefined, field: string) => {
    if (text === undefined) return undefined;
    if (!account)
      throw validationError(
        "banking/amount-filter-needs-account",
        "choose a bank account to filter by amount (amounts are compared in its currency)",
        { field },
      );
    return parseDecimal(text, isoExponent(account.currency), field);
  };
  const { rows, total } = await lines.listLines(ctx.db, s, {
    ...query,
    bankAccountId: account?.id,
    minAmount: bound(query.minAmount, "minAmount"),
    maxAmount: bound(query.maxAmount, "maxAmount"),
  });
  return { lines: rows, total };
}

export async function listStatements(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  bankAccountRef: string,
): Promise<Array<StatementRow & { file_name: string }>> {
  const s = await clientScope(ctx.db, actor, clientRef, "read");
  const account = await requireAccount(ctx.db, s, bankAccountRef);
  return lines.listStatements(ctx.db, s, account.id);
}

export async function listImports(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  filter: { bankAccountRef?: string | undefined; limit: number },
): Promise<Array<BankImportRow & { file_name: string; format: string }>> {
  const s = await clientScope(ctx.db, actor, clientRef, "read");
  const account = filter.bankAccountRef ? await requireAccount(ctx.db, s, filter.bankAccountRef) : null;
  return lines.listImports(ctx.db, s, { bankAccountId: account?.id, limit: filter.limit });
}

/** The file exactly as it was received (the source every raw line points back to). */
export async function statementFile(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  fileId: string,
): Promise<{ name: string; format: string; bytes: Uint8Array }> {
  const s = await clientScope(ctx.db, actor, clientRef, "read");
  const file = store.isUuid(fileId) ? await lines.fileWithBytes(ctx.db, s, fileId) : undefined;
  if (!file) throw notFound("banking/statement-file-not-found", `no statement file ${fileId}`);
  return { name: file.name, format: file.format, bytes: file.bytes };
}
