// Imports a plain-text journal (hledger/ledger syntax) into a client's ledger in one transaction:
// the commodities become currencies (with the journal's precision), every account named becomes
// an account (with its parents), and every transaction a posted entry. Costs ("@", "@@") get the
// equity conversion lines `hledger --infer-equity` would add, so each currency balances exactly.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import type { OnProgress } from "../../platform/progress-model.ts";
import { inTransaction, type Executor } from "../../platform/db.ts";
import { AppError, validationError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { ISO_CODE, isoExponent, rescale } from "../../platform/money.ts";
import { roundHalfEven } from "./journal-text/decimal.ts";
import { toJson } from "../../platform/json.ts";
import { parseJournal } from "./journal-text/parse.ts";
import { inferEquityPostings } from "./journal-text/equity.ts";
import type { AccountType as JournalAccountType, Amount, ParsedJournal } from "./journal-text/types.ts";
import {
  DEFAULT_DETAIL_TYPE,
  inferAccountType,
  normalBalanceOf,
  splitAccountPath,
  type AccountType,
  type EntryInput,
  type LineInput,
} from "./model.ts";
import { postEntries } from "./entry-service.ts";
import { clientScope } from "./scope.ts";
import * as store from "./store.ts";
import type { Scope } from "./store.ts";

/** Where the unmatched side of an unbalanced virtual posting "(account)" is kept. */
export const VIRTUAL_COUNTERPART_ACCOUNT = "equity:unbalanced virtual postings";

export interface JournalImportResult {
  client: string;
  entries: number;
  accountsCreated: number;
  currencies: string[];
  warnings: string[];
}

export interface JournalImportOptions {
  fileName?: string | undefined;
  /** Refuse periodic (~) and automated (=) transactions instead of skipping them with a warning. */
  strict?: boolean | undefined;
  /** Told how far the import is (reading the file, then posting): the CLI draws it on a terminal. */
  onProgress?: OnProgress | undefined;
}

const TYPE_OF_LETTER: Record<JournalAccountType, { type: AccountType; detail?: string }> = {
  A: { type: "asset" },
  C: { type: "asset", detail: "bank" },
  L: { type: "liability" },
  E: { type: "equity" },
  V: { type: "equity", detail: "conversion" },
  R: { type: "income" },
  X: { type: "expense" },
};

export async function importJournal(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  text: string,
  options: JournalImportOptions = {},
): Promise<JournalImportResult> {
  const progress = options.onProgress ?? (() => undefined);
  progress({ phase: "reading the journal", done: 0, total: text.length, unit: "bytes" });
  // Parse before touching the database: a malformed file writes nothing and names its line.
  const journal = parseJournal(text, {
    ...(options.fileName ? { fileName: options.fileName } : {}),
    rules: options.strict ? "refuse" : "skip",
  });
  progress({ phase: "reading the journal", done: text.length, total: text.length, unit: "bytes" });
  return inTransaction(ctx.db, async (tx) => {
    const s = await clientScope(tx, actor, clientRef, "ledger.import");
    const scales = await registerCommodities(tx, s, journal);
    const { ids, created } = await ensureAccounts(tx, s, journal);
    const entries = toEntries(journal, ids, scales);
    progress({ phase: "posting", done: 0, total: entries.length, unit: "transactions" });
    await postEntries(tx, actor, s, entries, "import", {
      action: "ledger.journal.imported",
      detail: {
        fileName: options.fileName ?? null,
        accountsCreated: created,
        warnings: journal.warnings.length,
      },
    }).catch((error: unknown) => {
      throw withJournalLine(error, journal, options.fileName);
    });
    progress({ phase: "posting", done: entries.length, total: entries.length, unit: "transactions" });
    return {
      client: s.clientSlug,
      entries: entries.length,
      accountsCreated: created,
      currencies: [...journal.commodities.keys()],
      warnings: journal.warnings.map((w) => `line ${w.line}: ${w.message}`),
    };
  });
}

/** Most decimals an amount may be stored with (amounts are int8 minor units in the database). */
const MAX_SCALE = 12;

/**
 * The decimals each commodity is stored with: enough for every amount the file writes and every
 * cost it implies (so conversions stay exact), and the ISO minimum for bank currencies. A cost from
 * an absurdly long unit price ("$53.6599999999999999998612221219" makes a 34-decimal cost) is
 * capped at MAX_SCALE: it is rounded half-even and the entry's rounding difference is posted to
 * the conversion rounding account. Written amounts beyond MAX_SCALE are refused.
 */
export function commodityScales(journal: ParsedJournal): Map<string, { scale: number; written: number }> {
  const written = new Map<string, number>();
  for (const e of journal.entries) {
    for (const p of e.postings)
      written.set(p.amount.commodity, Math.max(written.get(p.amount.commodity) ?? 0, p.amount.scale));
  }
  const scales = new Map<string, { scale: number; written: number }>();
  for (const info of journal.commodities.values()) {
    const iso = ISO_CODE.test(info.symbol) ? isoExponent(info.symbol) : 0;
    const w = written.get(info.symbol) ?? 0;
    scales.set(info.symbol, { scale: Math.max(iso, w, Math.min(info.maxScale, MAX_SCALE)), written: w });
  }
  return scales;
}

/** Currencies for the journal's commodities; an existing currency must hold the journal's decimals. */
async function registerCommodities(
  tx: Executor,
  s: Scope,
  journal: ParsedJournal,
): Promise<Map<string, number>> {
  const scales = await store.currencyScales(tx, s);
  const fresh: Array<{ code: string; scale: number; display: string | null }> = [];
  for (const [symbol, { scale: needed, written }] of commodityScales(journal)) {
    const info = journal.commodities.get(symbol)!;
    const label = symbol === "" ? "amounts without a commodity" : `"${symbol}"`;
    if (written > MAX_SCALE) {
      throw validationError(
        "ledger/too-many-decimals",
        `${label} are written with ${written} decimal places; Closebook keeps at most ${MAX_SCALE}`,
        {
          field: "commodity",
          ...(info.line ? { line: info.line } : {}),
        },
      );
    }
    const existing = scales.get(symbol);
    if (existing === undefined) {
      fresh.push({ code: symbol, scale: needed, display: info.style ? toJson(info.style) : null });
      scales.set(symbol, needed);
    } else if (existing < needed) {
      throw validationError(
        "ledger/too-many-decimals",
        `${label} need ${needed} decimal places in this journal, but this client keeps ${existing}`,
        {
          field: "commodity",
          ...(info.line ? { line: info.line } : {}),
        },
      );
    }
  }
  if (fresh.length) {
    await store
      .q(tx)
      .insertInto("currencies")
      .values(
        fresh.map((c) => ({
          firm_id: s.firmId,
          client_id: s.clientId,
          code: c.code,
          scale: c.scale,
          display: c.display,
        })),
      )
      .execute();
  }
  return scales;
}

/** Every account the journal names (postings, declarations, generated lines), with parents. */
async function ensureAccounts(
  tx: Executor,
  s: Scope,
  journal: ParsedJournal,
): Promise<{ ids: Map<string, string>; created: number }> {
  const declared = new Map(journal.accounts.map((a) => [a.name, a.type]));
  const names = new Set<string>(journal.accounts.map((a) => a.name));
  for (const e of journal.entries) {
    for (const p of e.postings) names.add(p.account);
    for (const c of inferEquityPostings(e, { conversionAccount: journal.conversionAccount }))
      names.add(c.account);
    if (e.postings.some((p) => !p.balanced)) names.add(VIRTUAL_COUNTERPART_ACCOUNT);
    if (e.postings.some((p) => p.cost) || e.residual.length > 0) names.add(roundingAccount(journal));
  }
  const existing = new Map(
    (await store.listAccounts(tx, s, { includeInactive: true })).map((a) => [a.full_name, a]),
  );
  const ids = new Map<string, string>();
  for (const [name, a] of existing) ids.set(name, a.id);
  const rows: Parameters<typeof store.insertAccounts>[1] = [];
  const typeOf = (full: string): { type: AccountType; detail?: string } => {
    // Own declaration, else the nearest declared ancestor's, else hledger's naming conventions.
    const parts = full.split(":");
    for (let n = parts.length; n > 0; n--) {
      const t = declared.get(parts.slice(0, n).join(":"));
      if (t) return n === parts.length ? TYPE_OF_LETTER[t] : { type: TYPE_OF_LETTER[t].type };
    }
    return { type: inferAccountType(full) };
  };
  const ensure = (full: string): string => {
    const known = ids.get(full);
    if (known) return known;
    const parts = splitAccountPath(full);
    const parentId = parts.length > 1 ? ensure(parts.slice(0, -1).join(":")) : null;
    const { type, detail } = typeOf(full);
    const id = newId();
    ids.set(full, id);
    rows.push({
      id,
      firm_id: s.firmId,
      client_id: s.clientId,
      number: null,
      name: parts[parts.length - 1]!,
      full_name: full,
      type,
      detail_type: detail ?? DEFAULT_DETAIL_TYPE[type],
      parent_id: parentId,
      normal_balance: normalBalanceOf(type),
      description: null,
    });
    return id;
  };
  for (const name of names) ensure(name);
  await store.insertAccounts(tx, rows);
  return { ids, created: rows.length };
}

function roundingAccount(journal: ParsedJournal): string {
  return `${journal.conversionAccount}:rounding`;
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
function withJournalLine(error: unknown, journal: ParsedJournal, fileName: string | undefined): unknown {
  if (!(error instanceof AppError)) return error;
  const m = /^entries\[(\d+)\]/.exec(error.field ?? "");
  const entry = m ? journal.entries[Number(m[1])] : undefined;
  if (!entry) return error;
  const where = fileName ? `${fileName}:${entry.line}` : `line ${entry.line}`;
  return new AppError(error.kind, error.code, `${where}: ${error.detail.replace(/^entry \d+: /, "")}`, {
    field: error.field,
    line: entry.line,
    ...(error.extra ? { extra: error.extra } : {}),
  });
}
