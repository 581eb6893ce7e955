// The reconciliation report as CSV (pure): opening balance, cleared deposits and payments, the
// cleared balance against the closing balance, what is outstanding on each side, the difference,
// and who completed it when — what a reviewer or auditor files with the month.
import { formatMinor, parseDecimal } from "../../platform/money.ts";
import type { LedgerLineJson, ReconciliationJson, StatementLineJson } from "./view.ts";

function csvField(value: string): string {
  // Formula characters first (a spreadsheet would run them), then the usual quoting.
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const row = (...cells: string[]) => cells.map(csvField).join(",");

/** Sum of decimal strings at a scale, as a decimal string. */
function total(lines: ReadonlyArray<{ amount: string }>, scale: number): string {
  return formatMinor(
    lines.reduce((sum, l) => sum + parseDecimal(l.amount, scale), 0n),
    scale,
  );
}

/** What the report shows beyond the reconciliation's own figures (the CSV and the PDF share it). */
export function reportParts(r: ReconciliationJson) {
  const scale = r.opening.includes(".") ? r.opening.split(".")[1]!.length : 0;
  const outstandingIn = r.unmatched.ledger.filter((l) => !l.amount.startsWith("-"));
  const outstandingOut = r.unmatched.ledger.filter((l) => l.amount.startsWith("-"));
  return {
    scale,
    outstandingIn,
    outstandingOut,
    notInBooks: r.unmatched.statement,
    cleared: r.matches.filter((m) => m.status === "accepted").flatMap((m) => m.ledger),
    totals: {
      outstandingIn: total(outstandingIn, scale),
      outstandingOut: total(outstandingOut, scale),
      notInBooks: total(r.unmatched.statement, scale),
    },
  };
}

export function reconciliationCsv(r: ReconciliationJson, account: { name: string }): string {
  const { outstandingIn, outstandingOut, cleared, totals } = reportParts(r);
  const out: string[] = [
    row("Reconciliation", account.name),
    row("Period", `${r.period.from} – ${r.period.to}`),
    row("Status", r.status.replace("_", " ")),
    row("Currency", r.currency),
    "",
    row("Item", "Amount"),
    row("Opening balance", r.opening),
    row("Cleared deposits", r.clearedDeposits),
    row("Cleared payments", r.clearedPayments),
    row("Cleared balance", r.clearedBalance),
    row("Statement closing balance", r.closing),
    row("Outstanding deposits", totals.outstandingIn),
    row("Outstanding checks and payments", totals.outstandingOut),
    row("Statement lines not in the books", totals.notInBooks),
    row("Difference", r.difference),
    "",
    row("Started by", r.startedBy.name, r.startedAt),
    row("Completed by", r.completedBy?.name ?? "", r.completedAt ?? ""),
  ];
  if (r.unreconciledAt) out.push(row("Unreconciled", r.unreconciledAt, r.unreconcileReason ?? ""));
  const ledgerRows = (title: string, lines: LedgerLineJson[]) => {
    if (lines.length === 0) return;
    out.push("", row(title), row("Date", "Reference", "Description", "Amount"));
    for (const l of lines) out.push(row(l.date, l.reference ?? "", l.description, l.amount));
  };
  const statementRows = (title: string, lines: StatementLineJson[]) => {
    if (lines.length === 0) return;
    out.push("", row(title), row("Date", "Bank id", "Description", "Amount"));
    for (const l of lines) out.push(row(l.date, l.externalId, l.description, l.amount));
  };
  ledgerRows("Outstanding deposits", outstandingIn);
  ledgerRows("Outstanding checks and payments", outstandingOut);
  statementRows("Statement lines not in the books", r.unmatched.statement);
  ledgerRows("Cleared", cleared);
  return `${out.join("\n")}\n`;
}
