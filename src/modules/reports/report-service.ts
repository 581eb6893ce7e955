// The financial statements of a client: profit and loss, balance sheet and cash flows, in the home
// currency at cost. Each use case checks its input, lays out the columns, asks the ledger for the
// valued sums of every period the columns need, and hands them to the pure statement builders.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { addDays, endOfMonth, monthOf, parseIsoDate } from "../../platform/dates.ts";
import { validationError } from "../../platform/errors.ts";
import { isoScale } from "../../platform/money.ts";
import * as access from "../access/index.ts";
import * as ledger from "../ledger/index.ts";
import { balanceSheet, type BalanceSheet } from "./balance-sheet-model.ts";
import { cashFlow, type CashFlow } from "./cash-flow-model.ts";
import type { ColumnSpec } from "./column-model.ts";
import {
  addMonths,
  fiscalYearStart,
  monthEnds,
  monthLabel,
  yearEarlier,
  type Range,
} from "./period-model.ts";
import { profitLoss, type ColumnSums, type ProfitLoss } from "./profit-loss-model.ts";
import type { ReportAccount } from "./section-model.ts";
import {
  checkRange,
  periodColumns,
  type BalanceQuery,
  type Basis,
  type Dimension,
  type PeriodQuery,
} from "./report-query.ts";
import { settingsFor } from "./settings-service.ts";
import { cumulate, stretchesEnding } from "./cumulative-model.ts";

export interface Report<T> {
  client: string;
  currency: string;
  scale: number;
  basis: Basis;
  columns: ColumnSpec[];
  statement: T;
  /** The same statement for each commodity that has no recorded cost in the home currency. */
  others: Array<{ currency: string; scale: number; statement: T }>;
  warnings: string[];
  fiscalYearStart: number;
}

/** Sums per currency of one range: the home currency's and each other currency's. */
function byCurrency(sums: readonly ledger.ValuedSum[]): Map<string, Map<string, bigint>> {
  const out = new Map<string, Map<string, bigint>>();
  for (const x of sums) {
    let m = out.get(x.currency);
    if (!m) out.set(x.currency, (m = new Map()));
    m.set(x.accountId, (m.get(x.accountId) ?? 0n) + x.amount);
  }
  return out;
}

interface Loaded {
  books: ledger.ValuedBooks;
  chart: Map<string, ReportAccount>;
  /** Per range asked: valued sums by currency, then by account. */
  sums: Array<Map<string, Map<string, bigint>>>;
  currencies: string[];
  fiscalYearStart: number;
}

async function load(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  ranges: (fiscalYearStart: number) => Range[],
): Promise<Loaded> {
  const s = await access.clientScopeFor(ctx.db, actor, clientRef, "ledger.read");
  const { fiscalYearStart } = await settingsFor(ctx.db, s);
  const books = await ledger.valuedBooks(ctx, actor, s.clientId, ranges(fiscalYearStart));
  const chart = new Map(books.accounts.map((a) => [a.id, a]));
  const sums = books.sums.map(byCurrency);
  const others = new Set<string>();
  for (const m of sums) for (const c of m.keys()) if (c !== books.homeCurrency) others.add(c);
  return { books, chart, sums, currencies: [...others].sort(), fiscalYearStart };
}

function scaleOf(books: ledger.ValuedBooks, currency: string): number {
  return books.scales.get(currency) ?? isoScale(currency);
}

function warningsOf(books: ledger.ValuedBooks, basis: Basis | null): string[] {
  const warnings: string[] = [];
  if (basis === "cash")
    warnings.push(
      "cash basis: this client has no receivables or payables kept apart yet, so the cash-basis report is the accrual one",
    );
  const home = books.homeCurrency || "amounts without a commodity";
  for (const f of books.firstOther) {
    warnings.push(
      `amounts in ${f.currency === "" ? "no commodity" : f.currency} have no recorded cost in ${home}: reported apart, not converted (first: entry ${f.entryNumber} of ${f.date}, "${f.description}")`,
    );
  }
  return warnings;
}

const EMPTY: ColumnSums = new Map();

export async function profitAndLoss(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  query: PeriodQuery,
): Promise<Report<ProfitLoss>> {
  const range = checkRange(query.from, query.to);
  const basis = query.basis ?? "accrual";
  if (query.by && query.by !== "month") return profitAndLossBy(ctx, actor, clientRef, range, query.by, query);
  return profitAndLossColumns(ctx, actor, clientRef, periodColumns(range, query, false), basis);
}

/**
 * The profit and loss over columns laid out by the caller (the monthly package's month, year to
 * date and their prior years): each amount column is summed from the ledger, the others computed.
 */
export async function profitAndLossColumns(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  specs: ColumnSpec[],
  basis: Basis = "accrual",
): Promise<Report<ProfitLoss>> {
  const amountAt: number[] = [];
  const loaded = await load(ctx, actor, clientRef, () =>
    specs.flatMap((c, i) => (c.kind === "amount" ? (amountAt.push(i), [{ from: c.from, to: c.to }]) : [])),
  );
  const columnsFor = (currency: string) => {
    const cols: Array<ColumnSums | null> = specs.map(() => null);
    amountAt.forEach((specIndex, k) => (cols[specIndex] = loaded.sums[k]!.get(currency) ?? EMPTY));
    return cols;
  };
  const { books } = loaded;
  return {
    client: books.client,
    currency: books.homeCurrency,
    scale: scaleOf(books, books.homeCurrency),
    basis,
    columns: specs,
    statement: profitLoss(loaded.chart, specs, columnsFor(books.homeCurrency)),
    others: loaded.currencies.map((c) => ({
      currency: c,
      scale: scaleOf(books, c),
      statement: profitLoss(loaded.chart, specs, columnsFor(c)),
    })),
    warnings: warningsOf(books, basis),
    fiscalYearStart: loaded.fiscalYearStart,
  };
}

/**
 * The profit and loss with one column per value of a dimension (class, department, project,
 * location): every active value, inactive ones that have amounts, "Not set", and the total.
 */
async function profitAndLossBy(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  range: Range,
  dimension: Dimension,
  query: PeriodQuery,
): Promise<Report<ProfitLoss>> {
  if (query.compare?.length)
    throw validationError("reports/unsupported-comparison", `comparisons are not available by ${dimension}`, {
      field: "compare",
    });
  const s = await access.clientScopeFor(ctx.db, actor, clientRef, "ledger.read");
  const [{ fiscalYearStart }, books, split] = await Promise.all([
    settingsFor(ctx.db, s),
    ledger.valuedBooks(ctx, actor, s.clientId, [range]),
    ledger.valuedByDimension(ctx, actor, s.clientId, range, dimension),
  ]);
  const used = new Set(split.sums.map((x) => x.dimensionId));
  const values = split.values.filter((v) => v.isActive || used.has(v.id));
  const keys: Array<string | null> = [...values.map((v) => v.id), null];
  const specs: ColumnSpec[] = [
    ...values.map((v): ColumnSpec => ({ kind: "amount", label: v.name, ...range })),
    { kind: "amount", label: "Not set", ...range },
    { kind: "total", label: "Total", ...range, of: keys.map((_, i) => i) },
  ];
  const chart = new Map<string, ReportAccount>(books.accounts.map((a) => [a.id, a]));
  const currencies = new Set(split.sums.map((x) => x.currency));
  const columnsFor = (currency: string) => {
    const cols: Array<Map<string, bigint> | null> = specs.map((c) =>
      c.kind === "amount" ? new Map() : null,
    );
    for (const x of split.sums) {
      if (x.currency !== currency) continue;
      const col = cols[keys.indexOf(x.dimensionId)];
      // A line naming a value of another client cannot be posted; were one there, "not set" keeps it.
      const target = col ?? cols[keys.length - 1]!;
      target.set(x.accountId, (target.get(x.accountId) ?? 0n) + x.amount);
    }
    return cols;
  };
  const home = books.homeCurrency;
  return {
    client: books.client,
    currency: home,
    scale: scaleOf(books, home),
    basis: query.basis ?? "accrual",
    columns: specs,
    statement: profitLoss(chart, specs, columnsFor(home)),
    others: [...currencies]
      .filter((c) => c !== home)
      .sort()
      .map((c) => ({
        currency: c,
        scale: scaleOf(books, c),
        statement: profitLoss(chart, specs, columnsFor(c)),
      })),
    warnings: warningsOf(books, query.basis ?? "accrual"),
    fiscalYearStart,
  };
}

/** The as-of date one month earlier: a month end stays a month end (Mar 31 → Feb 28). */
function monthEarlier(date: string): string {
  const month = addMonths(monthOf(date), -1);
  if (date === endOfMonth(date)) return endOfMonth(month);
  const day = `${month.slice(0, 8)}${date.slice(8)}`;
  return day > endOfMonth(month) ? endOfMonth(month) : day;
}

export async function balanceSheetReport(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  query: BalanceQuery,
): Promise<Report<BalanceSheet>> {
  const asOf = parseIsoDate(query.asOf, "asOf");
  const from = query.by === "month" ? checkRange(query.from ?? asOf, asOf).from : asOf;
  const label = (d: string) => (d === endOfMonth(d) ? monthLabel(d) : d);
  const specs: ColumnSpec[] = monthEnds(from, asOf).map((d) => ({
    kind: "amount",
    label: label(d),
    from: d,
    to: d,
  }));
  const base = specs.length - 1;
  for (const which of new Set(query.compare ?? [])) {
    const d =
      which === "prior-period"
        ? monthEarlier(asOf)
        : yearEarlier(asOf === endOfMonth(asOf) ? monthOf(asOf) : asOf);
    const date = which === "prior-year" && asOf === endOfMonth(asOf) ? endOfMonth(d) : d;
    const name = which === "prior-period" ? "Prior month" : "Prior year";
    const prior = specs.push({ kind: "amount", label: `${name} (${label(date)})`, from: date, to: date }) - 1;
    specs.push({
      kind: "change",
      label: `Change from ${name.toLowerCase()}`,
      from: asOf,
      to: asOf,
      of: base,
      base: prior,
    });
    specs.push({
      kind: "percent",
      label: `Change from ${name.toLowerCase()} (%)`,
      from: asOf,
      to: asOf,
      of: base,
      base: prior,
    });
  }
  // Balances at every date a column needs (its own, and the day before its fiscal year), summed
  // stretch by stretch between consecutive dates.
  let dates: string[] = [];
  const loaded = await load(ctx, actor, clientRef, (fy) => {
    const wanted = new Set<string>();
    for (const c of specs) {
      if (c.kind !== "amount") continue;
      wanted.add(c.to);
      wanted.add(addDays(fiscalYearStart(c.to, fy), -1));
    }
    dates = [...wanted].sort();
    return stretchesEnding(dates);
  });
  const balances = cumulate(dates, loaded.sums);
  const columnsFor = (currency: string) =>
    specs.map((c) => {
      if (c.kind !== "amount") return null;
      const beforeYear = addDays(fiscalYearStart(c.to, loaded.fiscalYearStart), -1);
      return {
        balances: balances.get(c.to)!.get(currency) ?? EMPTY,
        beforeFiscalYear: balances.get(beforeYear)!.get(currency) ?? EMPTY,
      };
    });
  const { books } = loaded;
  const home = books.homeCurrency;
  return {
    client: books.client,
    currency: home,
    scale: scaleOf(books, home),
    basis: "accrual",
    columns: specs,
    statement: balanceSheet(loaded.chart, specs, columnsFor(home), { earnings: true, home }),
    others: loaded.currencies.map((c) => ({
      currency: c,
      scale: scaleOf(books, c),
      statement: balanceSheet(loaded.chart, specs, columnsFor(c), { earnings: false, home }),
    })),
    warnings: warningsOf(books, null),
    fiscalYearStart: loaded.fiscalYearStart,
  };
}

export async function cashFlowReport(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  query: PeriodQuery,
): Promise<Report<CashFlow>> {
  const range = checkRange(query.from, query.to);
  const basis = query.basis ?? "accrual";
  if (query.by && query.by !== "month")
    throw validationError(
      "reports/unsupported-columns",
      `the cash flows are by month or for the period, not by ${query.by}`,
      {
        field: "by",
      },
    );
  // The total of several months is summed from the ledger: opening cash is the first month's.
  const specs = periodColumns(range, query, true);
  // Balances the day before each column and at its end, stretch by stretch: a movement is the
  // difference of the two, the opening cash the first.
  const dates = [
    ...new Set(specs.flatMap((c) => (c.kind === "amount" ? [addDays(c.from, -1), c.to] : []))),
  ].sort();
  const loaded = await load(ctx, actor, clientRef, () => stretchesEnding(dates));
  const balances = cumulate(dates, loaded.sums);
  const { books } = loaded;
  const home = books.homeCurrency;
  const cols = specs.map((c) => {
    if (c.kind !== "amount") return null;
    const opening = balances.get(addDays(c.from, -1))!.get(home) ?? EMPTY;
    const closing = balances.get(c.to)!.get(home) ?? EMPTY;
    const movements = new Map(closing);
    for (const [account, amount] of opening) movements.set(account, (movements.get(account) ?? 0n) - amount);
    return { movements, opening };
  });
  return {
    client: books.client,
    currency: home,
    scale: scaleOf(books, home),
    basis,
    columns: specs,
    statement: cashFlow(loaded.chart, specs, cols, { home }),
    others: [],
    warnings: warningsOf(books, basis),
    fiscalYearStart: loaded.fiscalYearStart,
  };
}
