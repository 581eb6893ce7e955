// Use cases for statement imports: import a file into a bank account (idempotent and lossless, one
// transaction, one audit event, one job for the Transaction Manager) here; previewing a file without
// saving anything (import-preview-service.ts) and reading back the raw bank lines, statements and
// import runs (import-view-service.ts) are re-exported, so the routes, index.ts and the tests keep one
// import for the family. What they share is in import-support.ts.
import type { OnProgress } from "../../platform/progress-model.ts";
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { inTransaction } from "../../platform/db.ts";
import { recordAudit } from "../../platform/audit.ts";
import { ruleViolation } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { toJson } from "../../platform/json.ts";
import type { CsvMapping, FormatName } from "./formats/index.ts";
import { prepareImport } from "./import-model.ts";
import { requireAccount, savedMappingsOf, sha256, targetOf } from "./import-support.ts";
import * as lines from "./line-store.ts";
import * as statements from "./statement-store.ts";
import { parseUpload } from "./parse-file.ts";
import { clientScope } from "./scope.ts";
import * as store from "./store.ts";
import type { ImportSource } from "./tables.ts";

export { previewStatementFile } from "./import-preview-service.ts";
export type { Preview, PreviewInput, PreviewLine } from "./import-preview-service.ts";
export {
  listBankLines,
  importLineCount,
  importLinesAfter,
  listStatements,
  listImports,
  statementFile,
} from "./import-view-service.ts";
export type { LineQuery } from "./import-view-service.ts";

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
  /** Told how far the import is (parsing, then writing the lines): the CLI draws it on a terminal. */
  onProgress?: OnProgress | undefined;
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
  const progress = input.onProgress ?? (() => undefined);
  progress({ phase: "parsing", done: 0, total: input.bytes.length, unit: "bytes" });
  const parsed = await parseUpload(input, saved);
  progress({ phase: "parsing", done: input.bytes.length, total: input.bytes.length, unit: "bytes" });
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
    let file = await statements.fileByHash(tx, s, account.id, digest);
    const alreadyImported = file !== undefined;
    file ??= await statements.insertFile(tx, s, {
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
    const statementIds = await statements.ensureStatements(
      tx,
      s,
      { id: file.id, bankAccountId: account.id, currency: account.currency },
      prepared.statements,
      newId,
    );
    const importId = newId();
    let newLines = 0;
    let written = 0;
    for (const st of prepared.statements) {
      progress({ phase: "writing", done: written, total: prepared.totalLines, unit: "lines" });
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
      written += st.lines.length;
    }
    progress({ phase: "writing", done: written, total: prepared.totalLines, unit: "lines" });
    const warnings = [...parsed.warnings, ...prepared.warnings];
    await statements.insertImport(tx, s, {
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
