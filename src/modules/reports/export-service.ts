// A statement as a file to download or save: XLSX or PDF, with its content type and a file name
// that says which client, statement and period it holds. The statement is computed by the caller
// (route or CLI, with the same query as its JSON); this adds the client's display name.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import * as access from "../access/index.ts";
import type { BalanceSheet } from "./balance-sheet-model.ts";
import type { CashFlow } from "./cash-flow-model.ts";
import { statementPdf } from "./export-pdf.ts";
import { balanceSheetTable, cashFlowTable, profitLossTable, type ExportTable } from "./export-table-model.ts";
import { statementsXlsx } from "./export-xlsx.ts";
import type { ProfitLoss } from "./profit-loss-model.ts";
import type { Report } from "./report-service.ts";

export const EXPORT_FORMATS = ["xlsx", "pdf"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
};

export type StatementExport =
  | { kind: "profit-loss"; report: Report<ProfitLoss> }
  | { kind: "balance-sheet"; report: Report<BalanceSheet> }
  | { kind: "cash-flow"; report: Report<CashFlow> };

export interface ExportFile {
  bytes: Buffer;
  contentType: string;
  filename: string;
}

function tableOf(s: StatementExport, clientName: string): ExportTable {
  switch (s.kind) {
    case "profit-loss":
      return profitLossTable(s.report, { clientName });
    case "balance-sheet":
      return balanceSheetTable(s.report, { clientName });
    case "cash-flow":
      return cashFlowTable(s.report, { clientName });
  }
}

/** "acme-profit-loss-2026-01-01-2026-03-31.xlsx", "acme-balance-sheet-2026-03-31.pdf". */
export function exportFileName(s: StatementExport, format: ExportFormat): string {
  const amounts = s.report.columns.filter((c) => c.kind === "amount" || c.kind === "total");
  const first = amounts[0]!;
  const span =
    s.kind === "balance-sheet"
      ? amounts.length > 1
        ? `${first.to}-${amounts.at(-1)!.to}`
        : first.to
      : `${first.from}-${(amounts.find((c) => c.label === "Total") ?? first).to}`;
  return `${s.report.client}-${s.kind}-${span}.${format}`;
}

export async function exportStatement(
  ctx: Ctx,
  actor: Actor,
  s: StatementExport,
  format: ExportFormat,
): Promise<ExportFile> {
  // The report was read with the actor's rights already; this only looks up the display name.
  const client = await access.requireClient(ctx.db, actor, s.report.client);
  const table = tableOf(s, client.name);
  const bytes = format === "xlsx" ? await statementsXlsx([table]) : await statementPdf(table);
  return { bytes, contentType: CONTENT_TYPES[format], filename: exportFileName(s, format) };
}
