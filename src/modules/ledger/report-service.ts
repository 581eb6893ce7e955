// Use cases for ledger reports: trial balance, roll-up by account type, general ledger detail
// and an account's register, all as of dates the caller gives.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { addDays, parseIsoDate } from "../../platform/dates.ts";
import { notFound, validationError } from "../../platform/errors.ts";
import { trialBalanceOf, type AccountType, type BalanceRow, type TrialBalance } from "./model.ts";
import { clientScope, type ClientScope } from "./scope.ts";
import * as reports from "./report-store.ts";
import * as store from "./store.ts";

export interface TrialBalanceReport extends TrialBalance {
  client: string;
  asOf: string;
  scales: Map<string, number>;
}

export async function trialBalance(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  asOfText?: string,
): Promise<TrialBalanceReport> {
  const asOf = asOfText ? parseIsoDate(asOfText, "asOf") : ctx.clock.today();
  const s = await clientScope(ctx.db, actor, clientRef, "ledger.read");
  const [rows, scales] = await Promise.all([balanceRows(ctx, s, asOf), store.currencyScales(ctx.db, s)]);
  return { client: s.clientSlug, asOf, scales, ...trialBalanceOf(rows) };
}

async function balanceRows(
  ctx: Ctx,
  s: ClientScope,
  asOf: string,
  accountId?: string,
): Promise<BalanceRow[]> {
  const [raw, accounts] = await Promise.all([
    reports.balancesAsOf(ctx.db, s, asOf, accountId),
    reports.accountInfo(ctx.db, s),
  ]);
  return raw.map((r) => {
    const a = accounts.get(r.account_id)!;
    return {
      accountId: r.account_id,
      account: a.full_name,
      accountType: a.type,
      number: a.number,
      currency: r.currency,
      balance: r.balance,
    };
  });
}

export interface TypeRollup {
  asOf: string;
  rows: Array<{ type: AccountType; currency: string; balance: bigint }>;
  scales: Map<string, number>;
}

/** Balance-sheet style totals: the sum of balances per account type and currency. */
export async function rollupByType(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  asOfText?: string,
): Promise<TypeRollup> {
  const asOf = asOfText ? parseIsoDate(asOfText, "asOf") : ctx.clock.today();
  const s = await clientScope(ctx.db, actor, clientRef, "ledger.read");
  const [rows, scales] = await Promise.all([balanceRows(ctx, s, asOf), store.currencyScales(ctx.db, s)]);
  const totals = new Map<string, { type: AccountType; currency: string; balance: bigint }>();
  for (const r of rows) {
    const key = `${r.accountType}\u0000${r.currency}`;
    const t = totals.get(key) ?? { type: r.accountType, currency: r.currency, balance: 0n };
    t.balance += r.balance;
    totals.set(key, t);
  }
  return {
    asOf,
    scales,
    rows: [...totals.values()].sort((a, b) => (a.type + a.currency < b.type + b.currency ? -1 : 1)),
  };
}

export interface LedgerLine {
  entryId: string;
  entryNumber: bigint;
  date: string;
  description: string;
  reference: string | null;
  memo: string | null;
  contact: string | null;
  amount: bigint;
  /** Running balance of the account in this currency after this line. */
  balance: bigint;
}

export interface AccountDetail {
  accountId: string;
  account: string;
  number: string | null;
  currency: string;
  opening: bigint;
  debits: bigint;
  credits: bigint;
  closing: bigint;
  lines: LedgerLine[];
}

export interface GeneralLedger {
  client: string;
  from: string;
  to: string;
  accounts: AccountDetail[];
  scales: Map<string, number>;
}

function checkRange(fromText: string, toText: string): { from: string; to: string } {
  const from = parseIsoDate(fromText, "from");
  const to = parseIsoDate(toText, "to");
  if (from > to)
    throw validationError("ledger/invalid-range", `the range starts (${from}) after it ends (${to})`, {
      field: "from",
    });
  return { from, to };
}

/** General ledger detail: per account and currency, opening balance, the lines, closing balance. */
export async function generalLedger(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  range: { from: string; to: string; accountId?: string | undefined },
): Promise<GeneralLedger> {
  const { from, to } = checkRange(range.from, range.to);
  const s = await clientScope(ctx.db, actor, clientRef, "ledger.read");
  if (range.accountId && !(await store.accountById(ctx.db, s, range.accountId)))
    throw notFound("ledger/account-not-found", `no account ${range.accountId}`, { field: "accountId" });
  const [opening, lines, accounts, scales] = await Promise.all([
    reports.balancesAsOf(ctx.db, s, addDays(from, -1), range.accountId),
    reports.linesInRange(ctx.db, s, from, to, range.accountId ? { accountId: range.accountId } : {}),
    reports.accountInfo(ctx.db, s),
    store.currencyScales(ctx.db, s),
  ]);
  const details = new Map<string, AccountDetail>();
  const detailFor = (accountId: string, currency: string) => {
    const key = `${accountId}\u0000${currency}`;
    let d = details.get(key);
    if (!d) {
      const a = accounts.get(accountId)!;
      d = {
        accountId,
        account: a.full_name,
        number: a.number,
        currency,
        opening: 0n,
        debits: 0n,
        credits: 0n,
        closing: 0n,
        lines: [],
      };
      details.set(key, d);
    }
    return d;
  };
  for (const o of opening) {
    const d = detailFor(o.account_id, o.currency);
    d.opening = o.balance;
    d.closing = o.balance;
  }
  for (const l of lines) {
    const d = detailFor(l.account_id, l.currency);
    d.closing += l.amount;
    if (l.amount >= 0n) d.debits += l.amount;
    else d.credits -= l.amount;
    d.lines.push({
      entryId: l.entry_id,
      entryNumber: l.number,
      date: l.date,
      description: l.description,
      reference: l.reference,
      memo: l.memo,
      contact: l.contact_name,
      amount: l.amount,
      balance: d.closing,
    });
  }
  const list = [...details.values()]
    .filter((d) => d.lines.length > 0 || d.opening !== 0n)
    .sort((a, b) =>
      a.account === b.account ? (a.currency < b.currency ? -1 : 1) : a.account < b.account ? -1 : 1,
    );
  return { client: s.clientSlug, from, to, accounts: list, scales };
}

export interface Register {
  accountId: string;
  account: string;
  from: string;
  to: string;
  total: number;
  opening: Array<{ currency: string; balance: bigint }>;
  /** lineNo: the line's number in its entry (with entryId, the journal line's key). */
  lines: Array<LedgerLine & { currency: string; lineNo: number }>;
  scales: Map<string, number>;
}

/** One account's register, paged; running balances are correct on every page. */
export async function accountRegister(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  accountId: string,
  range: { from: string; to: string; limit: number; offset: number },
): Promise<Register> {
  const { from, to } = checkRange(range.from, range.to);
  const s = await clientScope(ctx.db, actor, clientRef, "ledger.read");
  const account = await store.accountById(ctx.db, s, accountId);
  if (!account) throw notFound("ledger/account-not-found", `no account ${accountId}`);
  const [opening, total, scales] = await Promise.all([
    reports.balancesAsOf(ctx.db, s, addDays(from, -1), accountId),
    reports.countLinesInRange(ctx.db, s, from, to, accountId),
    store.currencyScales(ctx.db, s),
  ]);
  // The running balance at the page start is the opening plus every line before the page.
  const before =
    range.offset > 0
      ? await reports.linesInRange(ctx.db, s, from, to, { accountId, limit: range.offset })
      : [];
  const running = new Map(opening.map((o) => [o.currency, o.balance]));
  for (const l of before) running.set(l.currency, (running.get(l.currency) ?? 0n) + l.amount);
  const page = await reports.linesInRange(ctx.db, s, from, to, {
    accountId,
    limit: range.limit,
    offset: range.offset,
  });
  const lines = page.map((l) => {
    const balance = (running.get(l.currency) ?? 0n) + l.amount;
    running.set(l.currency, balance);
    return {
      entryId: l.entry_id,
      entryNumber: l.number,
      date: l.date,
      description: l.description,
      reference: l.reference,
      memo: l.memo,
      contact: l.contact_name,
      amount: l.amount,
      balance,
      currency: l.currency,
      lineNo: l.line_no,
    };
  });
  return {
    accountId,
    account: account.full_name,
    from,
    to,
    total,
    opening: opening.map((o) => ({ currency: o.currency, balance: o.balance })),
    lines,
    scales,
  };
}
