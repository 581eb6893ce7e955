// The banking API's shapes: zod schemas for what comes in and goes out, and the functions that turn
// service results into them (amounts as decimal strings at the currency's scale).
import { TEXT_LIMITS } from "../../platform/text-limits.ts";
import { z } from "zod";
import { formatMinor, isoScale } from "../../platform/money.ts";
import type { BankAccountView } from "./account-service.ts";
import type { ConnectionView } from "./connection-service.ts";
import type { ImportSummary, Preview } from "./import-service.ts";
import type { BankLineRow } from "./line-store.ts";
import type { BankImportRow, StatementRow } from "./statement-store.ts";
import type { CurrencyTotals } from "./model.ts";
import { CONNECTION_STATES } from "./connection-model.ts";
import { FORMAT_NAMES } from "./formats/index.ts";
import {
  accountParam,
  clientParam,
  date,
  decimal,
  errors,
  flag,
  idParam,
} from "../../platform/route-schemas.ts";

export { accountParam, clientParam, date, decimal, errors, flag, idParam };

const money = (amount: bigint | null, currency: string) =>
  amount === null ? null : formatMinor(amount, isoScale(currency));
const iso = (d: Date | null) => (d === null ? null : d.toISOString());

// ── CSV mapping (formats/csv-mapping.ts CsvMapping) ─────────────────────────────────────────────

const column = z.number().int().min(0).max(500).nullable();
export const csvMapping = z.object({
  version: z.literal(1),
  delimiter: z.enum([",", ";", "\t", "|"]),
  header: z.array(z.string().max(500)).max(500).nullable(),
  skipRecords: z.number().int().min(0).max(10_000),
  columns: z.object({
    date: z.number().int().min(0).max(500),
    amount: column,
    debit: column,
    credit: column,
    indicator: column,
    description: column,
    payee: column,
    reference: column,
    id: column,
    balance: column,
    currency: column,
    account: column,
  }),
  dateOrder: z.enum(["YMD", "MDY", "DMY"]),
  decimalSeparator: z.enum([".", ","]),
  sign: z.enum(["signed", "inverted", "debit-credit", "indicator"]),
});

// ── bank accounts ───────────────────────────────────────────────────────────────────────────────

export const bankAccount = z.object({
  id: z.string(),
  shortName: z.string(),
  name: z.string(),
  kind: z.enum(["bank", "credit_card"]),
  currency: z.string(),
  mask: z.string().nullable(),
  accountNumber: z.string().nullable(),
  institution: z.object({ id: z.string(), name: z.string() }).nullable(),
  connectionId: z.string().nullable(),
  ledgerAccount: z.object({ id: z.string(), name: z.string(), number: z.string().nullable() }),
  csvMapping: csvMapping.nullable(),
  isActive: z.boolean(),
  balance: z.string().nullable().describe("as the bank states it: negative on a card means owed"),
  balanceAsOf: z.string().nullable(),
  lineCount: z.number(),
  lastLineDate: z.string().nullable(),
  lastImportAt: z.string().nullable(),
});

/** The body of POST /bank-accounts. */
export const bankAccountIn = z.object({
  name: z.string().max(TEXT_LIMITS.name),
  kind: z.enum(["bank", "credit_card"]),
  ledgerAccountId: z
    .string()
    .min(1)
    .max(TEXT_LIMITS.name)
    .describe("the ledger account's id, number or full name"),
  shortName: z.string().max(TEXT_LIMITS.name).nullable().optional(),
  currency: z.string().max(64).nullable().optional().describe("defaults to the client's home currency"),
  mask: z.string().max(40).nullable().optional().describe("the last 4 digits"),
  accountNumber: z.string().max(80).nullable().optional(),
  institutionId: z.uuid().nullable().optional(),
  institutionName: z.string().max(200).nullable().optional(),
});

/** The body of PATCH /bank-accounts/:account. */
export const bankAccountPatch = z.object({
  name: z.string().max(TEXT_LIMITS.name).optional(),
  shortName: z.string().max(TEXT_LIMITS.name).optional(),
  mask: z.string().max(40).nullable().optional(),
  accountNumber: z.string().max(80).nullable().optional(),
  ledgerAccountId: z.string().min(1).max(TEXT_LIMITS.name).optional(),
  institutionId: z.uuid().nullable().optional(),
  institutionName: z.string().max(200).nullable().optional(),
  isActive: z.boolean().optional(),
  csvMapping: csvMapping.nullable().optional(),
});

export const bankAccountOut = (v: BankAccountView): z.infer<typeof bankAccount> => ({
  ...v,
  csvMapping: v.csvMapping,
  balance: money(v.balance, v.currency),
  lastImportAt: iso(v.lastImportAt),
});

export const totals = z.object({
  currency: z.string(),
  cashAvailable: z.string(),
  creditUsed: z.string(),
  netCash: z.string(),
  accountsWithoutBalance: z.number(),
});

export const totalsOut = (t: CurrencyTotals): z.infer<typeof totals> => ({
  currency: t.currency,
  cashAvailable: money(t.cashAvailable, t.currency)!,
  creditUsed: money(t.creditUsed, t.currency)!,
  netCash: money(t.netCash, t.currency)!,
  accountsWithoutBalance: t.accountsWithoutBalance,
});

export const institution = z.object({ id: z.string(), name: z.string(), bankCode: z.string().nullable() });

// ── lines, statements, imports ──────────────────────────────────────────────────────────────────

export const bankLine = z.object({
  id: z.string(),
  bankAccountId: z.string(),
  date: z.string(),
  amount: z.string(),
  currency: z.string(),
  description: z.string(),
  payee: z.string().nullable(),
  reference: z.string().nullable(),
  bankTransactionId: z.string().nullable(),
  occurrence: z.number(),
  source: z.object({
    fileId: z.string(),
    statementId: z.string(),
    line: z.number().nullable(),
    importId: z.string(),
  }),
  fields: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});

export const bankLineOut = (l: BankLineRow): z.infer<typeof bankLine> => ({
  id: l.id,
  bankAccountId: l.bank_account_id,
  date: l.date,
  amount: money(l.amount, l.currency)!,
  currency: l.currency,
  description: l.description,
  payee: l.payee,
  reference: l.reference,
  bankTransactionId: l.bank_transaction_id,
  occurrence: l.occurrence,
  source: {
    fileId: l.statement_file_id,
    statementId: l.statement_id,
    line: l.source_line,
    importId: l.import_id,
  },
  fields: l.fields as Record<string, unknown>,
  createdAt: l.created_at.toISOString(),
});

export const statement = z.object({
  id: z.string(),
  fileId: z.string(),
  fileName: z.string(),
  position: z.number(),
  account: z.string().nullable(),
  currency: z.string(),
  start: z.string().nullable(),
  end: z.string().nullable(),
  firstLineDate: z.string().nullable(),
  lastLineDate: z.string().nullable(),
  openingBalance: z.string().nullable(),
  closingBalance: z.string().nullable(),
  lines: z.number(),
  createdAt: z.string(),
});

export const statementOut = (s: StatementRow & { file_name: string }): z.infer<typeof statement> => ({
  id: s.id,
  fileId: s.statement_file_id,
  fileName: s.file_name,
  position: s.position,
  account: s.account_ref,
  currency: s.currency,
  start: s.start_date,
  end: s.end_date,
  firstLineDate: s.first_line_date,
  lastLineDate: s.last_line_date,
  openingBalance: money(s.opening_balance, s.currency),
  closingBalance: money(s.closing_balance, s.currency),
  lines: s.line_count,
  createdAt: s.created_at.toISOString(),
});

export const importRun = z.object({
  id: z.string(),
  bankAccountId: z.string(),
  fileId: z.string(),
  fileName: z.string(),
  format: z.string(),
  source: z.string(),
  connectionId: z.string().nullable(),
  importedBy: z.string(),
  totalLines: z.number(),
  newLines: z.number(),
  duplicateLines: z.number(),
  warnings: z.array(z.string()),
  createdAt: z.string(),
});

export const importRunOut = (
  i: BankImportRow & { file_name: string; format: string },
): z.infer<typeof importRun> => ({
  id: i.id,
  bankAccountId: i.bank_account_id,
  fileId: i.statement_file_id,
  fileName: i.file_name,
  format: i.format,
  source: i.source,
  connectionId: i.connection_id,
  importedBy: i.imported_by_name,
  totalLines: i.total_lines,
  newLines: i.new_lines,
  duplicateLines: i.duplicate_lines,
  warnings: i.warnings as string[],
  createdAt: i.created_at.toISOString(),
});

export const importSummary = z.object({
  importId: z.string(),
  bankAccount: z.object({ id: z.string(), shortName: z.string(), name: z.string(), currency: z.string() }),
  file: z.object({
    id: z.string(),
    name: z.string(),
    format: z.string(),
    sha256: z.string(),
    size: z.number(),
    alreadyImported: z.boolean(),
  }),
  statements: z.number(),
  totalLines: z.number(),
  newLines: z.number(),
  duplicateLines: z.number(),
  period: z.object({ from: z.string(), to: z.string() }).nullable(),
  warnings: z.array(z.string()),
  mappingSaved: z.boolean(),
});

export const importSummaryOut = (s: ImportSummary): z.infer<typeof importSummary> => s;

export const preview = z.object({
  fileName: z.string(),
  size: z.number(),
  sha256: z.string(),
  format: z.enum(FORMAT_NAMES),
  encoding: z.string(),
  statements: z.array(
    z.object({
      position: z.number(),
      account: z.string().nullable(),
      currency: z.string().nullable(),
      start: z.string().nullable(),
      end: z.string().nullable(),
      openingBalance: z.string().nullable(),
      closingBalance: z.string().nullable(),
      lines: z.number(),
      chosen: z.boolean(),
    }),
  ),
  lines: z.array(
    z.object({
      statement: z.number(),
      line: z.number().nullable(),
      date: z.string(),
      amount: z.string(),
      description: z.string(),
      payee: z.string().nullable(),
      reference: z.string().nullable(),
      bankTransactionId: z.string().nullable(),
    }),
  ),
  totalLines: z.number(),
  warnings: z.array(z.string()),
  csv: z
    .object({
      columns: z.array(z.string()),
      rows: z.array(z.array(z.string())),
      mapping: csvMapping,
      mappingSource: z.enum(["given", "saved", "bank", "detected"]),
    })
    .nullable(),
  alreadyImported: z.object({ importedAt: z.string() }).nullable(),
  blocked: z.object({ code: z.string(), detail: z.string(), line: z.number().nullable() }).nullable(),
});

export const previewOut = (p: Preview): z.infer<typeof preview> => ({
  ...p,
  alreadyImported: p.alreadyImported ? { importedAt: p.alreadyImported.importedAt.toISOString() } : null,
});

// ── connections ─────────────────────────────────────────────────────────────────────────────────

export const connection = z.object({
  id: z.string(),
  institution: z.object({ id: z.string(), name: z.string() }),
  provider: z.string().nullable(),
  providerLabel: z.string().nullable(),
  state: z.enum(CONNECTION_STATES),
  owner: z.object({ id: z.string(), name: z.string() }),
  createdBy: z.string(),
  lastError: z.string().nullable(),
  lastSyncedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  bankAccountIds: z.array(z.string()),
  openRequests: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(["connect", "reconnect"]),
      assigneeId: z.string().nullable(),
      message: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  history: z.array(
    z.object({
      event: z.string(),
      from: z.string().nullable(),
      to: z.string().nullable(),
      actorName: z.string(),
      reason: z.string().nullable(),
      at: z.string(),
    }),
  ),
  folder: z.string().nullable(),
  canRemove: z.boolean(),
});

export const connectionOut = (c: ConnectionView): z.infer<typeof connection> => ({
  ...c,
  lastSyncedAt: iso(c.lastSyncedAt),
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
  openRequests: c.openRequests.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
  history: c.history.map((h) => ({ ...h, at: h.at.toISOString() })),
});

export const pollReport = z.object({
  files: z.array(
    z.object({
      name: z.string(),
      ok: z.boolean(),
      result: z
        .object({
          imports: z.array(
            z.object({ bankAccount: z.string(), newLines: z.number(), duplicateLines: z.number() }),
          ),
        })
        .optional(),
      error: z.object({ code: z.string(), detail: z.string(), line: z.number().nullable() }).optional(),
    }),
  ),
});
