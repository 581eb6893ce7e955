// What the Reports page shows, kept in its address (?report=…&period=…), so a report can be
// bookmarked, shared, and come back unchanged after a drill into the general ledger; and the one
// API query that selection asks for. Pure: tested in test/web/reports-params.test.ts.
import type { Query } from "../../api/client.ts";
import type { ReportKind } from "../../api/reports.ts";
import { isIsoDate, PERIOD_PRESETS, presetRange, type PeriodPreset, type Range } from "./period-model.ts";

export const REPORTS: Array<{ value: ReportKind; label: string }> = [
  { value: "profit-loss", label: "Profit and loss" },
  { value: "balance-sheet", label: "Balance sheet" },
  { value: "cash-flow", label: "Cash flows" },
];

export const COLUMN_LAYOUTS = [
  { value: "total", label: "Total only" },
  { value: "month", label: "By month" },
  { value: "class", label: "By class" },
  { value: "department", label: "By department" },
  { value: "project", label: "By project" },
  { value: "location", label: "By location" },
] as const;
export type ColumnLayout = (typeof COLUMN_LAYOUTS)[number]["value"];

export const COMPARISONS = [
  { value: "none", label: "No comparison" },
  { value: "prior-period", label: "Prior period" },
  { value: "prior-year", label: "Prior year" },
  { value: "prior-period,prior-year", label: "Prior period and prior year" },
] as const;
export type Comparison = (typeof COMPARISONS)[number]["value"];

export interface Selection {
  report: ReportKind;
  period: PeriodPreset;
  /** Only for a custom period (the balance sheet's "as of" is `to`). */
  custom: Range;
  columns: ColumnLayout;
  compare: Comparison;
}

function oneOf<T extends string>(value: string | null, allowed: readonly { value: T }[], fallback: T): T {
  return allowed.some((a) => a.value === value) ? (value as T) : fallback;
}

/** Reads the page's address; anything missing or unknown falls back to the P&L, year to date, by month. */
export function parseSelection(search: URLSearchParams, today: string, fyStart: number): Selection {
  const report = oneOf(search.get("report"), REPORTS, "profit-loss");
  const from = search.get("from") ?? "";
  const to = search.get("to") ?? "";
  const fallback = presetRange("ytd", today, fyStart);
  let columns = oneOf(search.get("by"), COLUMN_LAYOUTS, "month");
  // Only the profit and loss has dimension columns.
  if (report !== "profit-loss" && columns !== "month") columns = "total";
  return {
    report,
    period: oneOf(search.get("period"), PERIOD_PRESETS, "ytd"),
    custom: { from: isIsoDate(from) ? from : fallback.from, to: isIsoDate(to) ? to : fallback.to },
    columns,
    compare: oneOf(search.get("compare"), COMPARISONS, "none"),
  };
}

export function toSearch(s: Selection): string {
  const p = new URLSearchParams({ report: s.report, period: s.period, by: s.columns });
  if (s.compare !== "none") p.set("compare", s.compare);
  if (s.period === "custom") {
    p.set("from", s.custom.from);
    p.set("to", s.custom.to);
  }
  return `?${p.toString()}`;
}

export function rangeOf(s: Selection, today: string, fyStart: number): Range {
  return presetRange(s.period, today, fyStart, s.custom);
}

/** Comparisons are not offered with dimension columns (the server refuses them there). */
export function comparable(s: Selection): boolean {
  return s.columns === "total" || s.columns === "month";
}

/** The query of the one request the selection makes; null while a typed date is incomplete. */
export function apiQuery(s: Selection, today: string, fyStart: number): Query | null {
  const r = rangeOf(s, today, fyStart);
  if (!isIsoDate(r.from) || !isIsoDate(r.to)) return null;
  const compare = s.compare !== "none" && comparable(s) ? s.compare : undefined;
  const by = s.columns === "total" ? undefined : s.columns;
  if (s.report === "balance-sheet")
    return by === "month" ? { asOf: r.to, by, from: r.from, compare } : { asOf: r.to, compare };
  return { from: r.from, to: r.to, by, compare };
}
