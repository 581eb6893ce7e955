// Imports a plain-text journal (hledger/ledger syntax) into a client's ledger in one transaction:
// the commodities become currencies (with the journal's precision), every account named becomes
// an account (with its parents), and every transaction a posted entry. Costs ("@", "@@") get the
// equity conversion lines `hledger --infer-equity` would add, so each currency balances exactly.
// Transactions already imported (same content, same occurrence) are skipped, as are transactions
// that change no balance (hledger accepts them; a ledger entry of zeros is refused).
import * as access from "../access/index.ts";
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import type { OnProgress } from "../../platform/progress-model.ts";
import { inTransaction } from "../../platform/db.ts";
import { AppError, validationError } from "../../platform/errors.ts";
import { rescale } from "../../platform/money.ts";
import { roundHalfEven } from "./journal-text/decimal.ts";
import { parseJournal } from "./journal-text/parse.ts";
import { inferEquityPostings } from "./journal-text/equity.ts";
import type { Amount, ParsedEntry, ParsedJournal, ParseOptions } from "./journal-text/types.ts";
import type { EntryInput, LineInput } from "./model.ts";
import { postEntries } from "./entry-service.ts";
import { announceHistoryImport } from "./history-import.ts";
import { existingImportKeys } from "./entry-store.ts";
import { ensureAccounts, roundingAccount, VIRTUAL_COUNTERPART_ACCOUNT } from "./journal-import-accounts.ts";
import { registerCommodities } from "./journal-import-commodities.ts";
import { readJournalFile } from "./journal-files.ts";
import { importKeysOf } from "./journal-fingerprint.ts";
import { clientScope } from "./scope.ts";

export { VIRTUAL_COUNTERPART_ACCOUNT };

export interface JournalImportResult {
  client: string;
  /** Entries posted. */
  entries: number;
  /** Transactions skipped because this client already has them (a journal imported again). */
  skippedDuplicates: number;
  /** Transactions skipped because every amount in them is zero. */
  skippedZero: number;
  /** Whether the client was created by this import. */
  clientCreated: boolean;
  /** The client's home currency (its reports' currency). */
  homeCurrency: string;
  accountsCreated: number;
  currencies: string[];
  warnings: string[];
}

export interface JournalImportOptions {
  fileName?: string | undefined;
  /**
   * Refuse what `hledger bal` would pass over instead of skipping it with a warning: periodic (~)
   * and automated (=) transactions, and transactions whose amounts are all zero.
   */
  strict?: boolean | undefined;
  /** Import transactions this client already has from an earlier import too (they are doubled). */
  allowDuplicates?: boolean | undefined;
  /**
   * Create the client (named by its slug) when it does not exist, inside the import's transaction:
   * an import that is refused or interrupted leaves no empty client behind.
   */
  createClient?: boolean | undefined;
  /**
   * The home currency of a client this import creates: by default the journal's most used
   * commodity (the one most postings are in). An existing client keeps its own.
   */
  currency?: string | undefined;
  /** Told how far the import is (reading the file, then posting): the CLI draws it on a terminal. */
  onProgress?: OnProgress | undefined;
}

/** Imports journal text; an `include` in it is refused (use importJournalFile to read included files). */
export async function importJournal(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  text: string,
  options: JournalImportOptions = {},
): Promise<JournalImportResult> {
  return importParsed(ctx, actor, clientRef, text, {}, options);
}

/** Imports a journal file with the files its `include` directives name (paths and globs, as hledger). */
export async function importJournalFile(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  file: string,
  options: JournalImportOptions = {},
): Promise<JournalImportResult> {
  const source = readJournalFile(file);
  const parse: ParseOptions = { filePath: source.filePath, fileId: source.fileId, include: source.include };
  return importParsed(ctx, actor, clientRef, source.text, parse, {
    ...options,
    fileName: options.fileName ?? source.fileName,
  });
}

async function importParsed(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  text: string,
  parse: ParseOptions,
  options: JournalImportOptions,
): Promise<JournalImportResult> {
  const progress = options.onProgress ?? (() => undefined);
  progress({ phase: "reading the journal", done: 0, total: text.length, unit: "bytes" });
  // Parse before touching the database: a malformed file writes nothing and names its line.
  const journal = parseJournal(text, {
    ...parse,
    ...(options.fileName ? { fileName: options.fileName } : {}),
    rules: options.strict ? "refuse" : "skip",
    currentYear: Number(ctx.clock.today().slice(0, 4)),
  });
  const warnings = journal.warnings.map(
    (w) => `${w.file ?? "line"}${w.file ? ":" : " "}${w.line}: ${w.message}`,
  );
  progress({ phase: "reading the journal", done: text.length, total: text.length, unit: "bytes" });
  return inTransaction(ctx.db, async (tx) => {
    let clientCreated = false;
    if (options.createClient && !(await access.clientExists(tx, actor, clientRef))) {
      await access.createClient(tx, actor, {
        slug: access.checkSlug(clientRef, "client"),
        name: clientRef,
        homeCurrency: options.currency ?? mostUsedCommodity(journal),
      });
      clientCreated = true;
    }
    const s = await clientScope(tx, actor, clientRef, "ledger.import");
    const scales = await registerCommodities(tx, s, journal);
    const { ids, created } = await ensureAccounts(tx, s, journal);
    const built = toEntries(journal, ids, scales);

    const keys = importKeysOf(journal.entries);
    const known = await existingImportKeys(tx, s, keys);
    const posted: { entry: EntryInput; key: string | null; source: ParsedEntry }[] = [];
    let skippedDuplicates = 0;
    let skippedZero = 0;
    built.forEach((entry, i) => {
      const source = journal.entries[i]!;
      if (entry.lines.every((l) => l.amount === 0n)) {
        if (options.strict) {
          throw validationError(
            "ledger/all-zero-entry",
            `${where(source, options.fileName)}: every amount of this transaction is zero; it changes no balance`,
            { line: source.line },
          );
        }
        skippedZero++;
        warnings.push(
          `${where(source, options.fileName)}: skipped: every amount of this transaction is zero (hledger reads it, but it changes no balance)`,
        );
        return;
      }
      const seen = known.has(keys[i]!);
      if (seen && !options.allowDuplicates) {
        skippedDuplicates++;
        return;
      }
      posted.push({ entry, key: seen ? null : keys[i]!, source });
    });
    progress({ phase: "posting", done: 0, total: posted.length, unit: "transactions" });
    if (posted.length > 0) {
      await postEntries(
        tx,
        actor,
        s,
        posted.map((p) => p.entry),
        "import",
        {
          action: "ledger.journal.imported",
          detail: {
            fileName: options.fileName ?? null,
            accountsCreated: created,
            skippedDuplicates,
            skippedZero,
            warnings: warnings.length,
          },
        },
        posted.map((p) => p.key),
      ).catch((error: unknown) => {
        throw withJournalLine(
          error,
          posted.map((p) => p.source),
          options.fileName,
        );
      });
      await announceHistoryImport(
        ctx,
        tx,
        actor,
        s,
        posted.map((p) => p.entry),
        options.fileName ?? null,
      );
    }
    progress({ phase: "posting", done: posted.length, total: posted.length, unit: "transactions" });
    return {
      client: s.clientSlug,
      entries: posted.length,
      skippedDuplicates,
      skippedZero,
      clientCreated,
      homeCurrency: s.homeCurrency,
      accountsCreated: created,
      currencies: [...journal.commodities.keys()],
      warnings,
    };
  });
}

/**
 * The commodity most postings of the journal are in (ties: the one met first); USD for a journal
 * with no postings.
 */
export function mostUsedCommodity(journal: ParsedJournal): string {
  const counts = new Map<string, number>();
  for (const e of journal.entries)
    for (const p of e.postings) counts.set(p.amount.commodity, (counts.get(p.amount.commodity) ?? 0) + 1);
  let best = "USD";
  let most = 0;
  for (const [commodity, n] of counts)
    if (n > most) {
      best = commodity;
      most = n;
    }
  return best;
}

/** "file:line" of a transaction: its included file, else the file imported. */
function where(entry: ParsedEntry, fileName: string | undefined): string {
  const file = entry.file ?? fileName;
  return file ? `${file}:${entry.line}` : `line ${entry.line}`;
}

function toEntries(
  journal: ParsedJournal,
  ids: Map<string, string>,
  scales: Map<string, number>,
): EntryInput[] {
  // Exact when the amount fits the scale; costs from long prices are rounded half-even.
  const minor = (a: Amount): bigint => {
    const scale = scales.get(a.commodity)!;
    return a.scale <= scale ? rescale(a.quantity, a.scale, scale) : roundHalfEven(a, scale).quantity;
  };
  return journal.entries.map((e) => {
    const lines: LineInput[] = e.postings.map((p) => ({
      accountId: ids.get(p.account)!,
      amount: minor(p.amount),
      currency: p.amount.commodity,
      cost: p.cost ? { amount: minor(p.cost), currency: p.cost.commodity } : undefined,
      isVirtual: !p.balanced,
      memo: p.comment.trim() || null,
    }));
    for (const c of inferEquityPostings(e, { conversionAccount: journal.conversionAccount })) {
      lines.push({
        accountId: ids.get(c.account)!,
        amount: minor(c.amount),
        currency: c.amount.commodity,
        isConversion: true,
      });
    }
    // What is left per currency: the other side of unbalanced virtual postings "(account)", or
    // the rounding of a transaction hledger balances only at display precision.
    const sums = new Map<string, bigint>();
    for (const l of lines) sums.set(l.currency, (sums.get(l.currency) ?? 0n) + l.amount);
    const hasVirtual = e.postings.some((p) => !p.balanced);
    for (const [currency, sum] of sums) {
      if (sum === 0n) continue;
      const account = hasVirtual ? VIRTUAL_COUNTERPART_ACCOUNT : roundingAccount(journal);
      lines.push({ accountId: ids.get(account)!, amount: -sum, currency, isConversion: true });
    }
    return {
      date: e.date,
      description: e.description,
      reference: e.code || null,
      comment: e.comment.trim() || null,
      lines,
    };
  });
}

/** Points a posting-rule error ("entry 12: …") at the transaction's line in the file. */
function withJournalLine(
  error: unknown,
  sources: readonly ParsedEntry[],
  fileName: string | undefined,
): unknown {
  if (!(error instanceof AppError)) return error;
  const m = /^entries\[(\d+)\]/.exec(error.field ?? "");
  const entry = m ? sources[Number(m[1])] : undefined;
  if (!entry) return error;
  return new AppError(
    error.kind,
    error.code,
    `${where(entry, fileName)}: ${error.detail.replace(/^entry \d+: /, "")}`,
    {
      field: error.field,
      line: entry.line,
      ...(error.extra ? { extra: error.extra } : {}),
    },
  );
}
