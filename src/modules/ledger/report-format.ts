// Renders ledger reports for people and programs: the JSON contract of the CLI and API
// (amounts as decimal strings), CSV, and aligned plain text.
import { formatMinor } from "../../platform/money.ts";
import type { TrialBalanceReport } from "./report-service.ts";

export interface TrialBalanceJson {
  client: string;
  asOf: string;
  rows: Array<{ account: string; currency: string; debit: string; credit: string; balance: string }>;
  totals: Array<{ currency: string; debit: string; credit: string }>;
}

export function trialBalanceJson(tb: TrialBalanceReport): TrialBalanceJson {
  const fmt = (amount: bigint, currency: string) => formatMinor(amount, tb.scales.get(currency) ?? 2);
  return {
    client: tb.client,
    asOf: tb.asOf,
    rows: tb.rows.map((r) => ({
      account: r.account,
      currency: r.currency,
      debit: fmt(r.debit, r.currency),
      credit: fmt(r.credit, r.currency),
      balance: fmt(r.balance, r.currency),
    })),
    totals: tb.totals.map((t) => ({
      currency: t.currency,
      debit: fmt(t.debit, t.currency),
      credit: fmt(t.credit, t.currency),
    })),
  };
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function trialBalanceCsv(tb: TrialBalanceReport): string {
  const json = trialBalanceJson(tb);
  const lines = ["account,currency,debit,credit,balance"];
  for (const r of json.rows)
    lines.push([r.account, r.currency, r.debit, r.credit, r.balance].map(csvField).join(","));
  for (const t of json.totals)
    lines.push(["Total", t.currency, t.debit, t.credit, ""].map(csvField).join(","));
  return `${lines.join("\n")}\n`;
}

export function trialBalanceText(tb: TrialBalanceReport): string {
  const json = trialBalanceJson(tb);
  const header = ["Account", "Currency", "Debit", "Credit"];
  const body = json.rows.map((r) => [
    r.account,
    r.currency,
    r.debit === formatZero(r.debit) ? "" : r.debit,
    r.credit === formatZero(r.credit) ? "" : r.credit,
  ]);
  const totals = json.totals.map((t) => ["Total", t.currency, t.debit, t.credit]);
  const all = [header, ...body, ...totals];
  const widths = header.map((_, i) => Math.max(...all.map((row) => row[i]!.length)));
  const render = (row: string[]) =>
    row
      .map((cell, i) => (i >= 2 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [
    `Trial balance — ${json.client} — as of ${json.asOf}`,
    "",
    render(header),
    rule,
    ...body.map(render),
    rule,
    ...totals.map(render),
    "",
  ].join("\n");
}

function formatZero(amount: string): string {
  return amount.replace(/[1-9]/g, "0").replace(/^-/, "");
}
