// The reconciliation report as a printable PDF, laid out like the report package's statements
// (platform/pdf-layout): the same content as the CSV — opening balance, cleared deposits and
// payments, the cleared balance against the statement's closing balance, what is outstanding on
// each side, the difference, who started and completed it — then the lines behind each figure.
import { TablePdf } from "../../platform/pdf-layout.ts";
import { reportParts } from "./report-format.ts";
import type { LedgerLineJson, ReconciliationJson, StatementLineJson } from "./view.ts";

/** "-1234.5" → "(1,234.50)": grouped, a negative in parentheses, as the report package prints. */
export function printedDecimal(text: string): string {
  const negative = text.startsWith("-");
  const [whole, fraction] = (negative ? text.slice(1) : text).split(".");
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const figure = fraction === undefined ? grouped : `${grouped}.${fraction}`;
  return negative && /[1-9]/.test(figure) ? `(${figure})` : figure;
}

const when = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : "");

export async function reconciliationPdf(
  r: ReconciliationJson,
  account: { name: string },
  clientName: string,
): Promise<Buffer> {
  const parts = reportParts(r);
  const status =
    r.status === "completed" ? "Completed" : r.status === "in_progress" ? "In progress" : "Unreconciled";
  const pdf = new TablePdf({
    title: `Bank reconciliation — ${account.name}`,
    subtitles: [clientName, `Statement period ${r.period.from} – ${r.period.to} (${r.currency}) · ${status}`],
    columns: ["Amount"],
    labelHeading: "Item",
  });
  const money = (text: string) => [printedDecimal(text)];
  pdf.row("Opening balance", money(r.opening));
  pdf.row("Cleared deposits", money(r.clearedDeposits), { depth: 1 });
  pdf.row("Cleared payments", money(r.clearedPayments), { depth: 1 });
  pdf.row("Cleared balance", money(r.clearedBalance), { bold: true, rule: "single" });
  pdf.row("Statement closing balance", money(r.closing), { bold: true });
  pdf.gap();
  pdf.row("Outstanding deposits", money(parts.totals.outstandingIn));
  pdf.row("Outstanding checks and payments", money(parts.totals.outstandingOut));
  pdf.row("Statement lines not in the books", money(parts.totals.notInBooks));
  pdf.gap();
  pdf.row("Difference", money(r.difference), { bold: true, rule: "double" });
  pdf.gap();
  pdf.note(`Started by ${r.startedBy.name}, ${when(r.startedAt)}.`);
  pdf.note(
    r.completedBy
      ? `Completed by ${r.completedBy.name}, ${when(r.completedAt)}.`
      : "Not completed: the figures may still change.",
  );
  if (r.unreconciledAt)
    pdf.note(`Unreconciled ${when(r.unreconciledAt)}: ${r.unreconcileReason ?? "no reason given"}.`);

  const ledgerRows = (title: string, lines: LedgerLineJson[]) => {
    if (lines.length === 0) return;
    pdf.gap();
    pdf.heading(title);
    for (const l of lines)
      pdf.row([l.date, l.reference, l.description].filter(Boolean).join("  "), money(l.amount));
  };
  const statementRows = (title: string, lines: StatementLineJson[]) => {
    if (lines.length === 0) return;
    pdf.gap();
    pdf.heading(title);
    for (const l of lines) pdf.row(`${l.date}  ${l.description}`, money(l.amount));
  };
  ledgerRows("Outstanding deposits", parts.outstandingIn);
  ledgerRows("Outstanding checks and payments", parts.outstandingOut);
  statementRows("Statement lines not in the books", parts.notInBooks);
  ledgerRows("Cleared", parts.cleared);
  return pdf.finish();
}
