// Previewing a statement file: parsed the way an import would parse it and shown — statements, the
// first lines, the CSV grid and layout, and why an import into the named account would be refused —
// with nothing saved.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { AppError } from "../../platform/errors.ts";
import { csvGrid, type CsvGrid } from "./csv-preview.ts";
import { detectFormat, StatementParseError, type CsvMapping, type FormatName } from "./formats/index.ts";
import { prepareImport, selectStatements } from "./import-model.ts";
import { requireAccount, savedMappingsOf, sha256, targetOf } from "./import-support.ts";
import * as statements from "./statement-store.ts";
import { NO_SAVED_MAPPINGS, parseUpload } from "./parse-file.ts";
import { clientScope } from "./scope.ts";

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
    parsed = await parseUpload(input, saved);
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
  const known = account ? await statements.fileByHash(ctx.db, s, account.id, digest) : undefined;
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
