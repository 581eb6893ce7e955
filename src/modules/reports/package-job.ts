// Making one version of a monthly package (the job queued by requestPackage, or run at once by the
// CLI): read where the books stand, compute the statements the settings name, lay out the package,
// render its PDF and XLSX, and store them with the ledger version they were made from — recording
// the stage and percent as it goes, so the portal and the CLI can show progress. A posting that
// lands while the statements are computed would mix two versions of the books: the statements are
// then computed again (up to three times) so that the recorded version is the one they show.
import { systemActor, type Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Ctx } from "../../platform/context.ts";
import { inTransaction, type Executor } from "../../platform/db.ts";
import type { OnProgress } from "../../platform/progress-model.ts";
import * as access from "../access/index.ts";
import * as ledger from "../ledger/index.ts";
import { balanceSheetTable, cashFlowTable, profitLossTable, type ExportTable } from "./export-table-model.ts";
import {
  drawableLogo,
  packageDocument,
  packageProfitLossColumns,
  trailingTwelveFrom,
  type Unfinished,
} from "./package-model.ts";
import { packagePdf } from "./package-pdf.ts";
import { monthInWords } from "../../platform/dates.ts";
import { packageMonth, type PackageMonth, type PackageSettings } from "./package-settings-model.ts";
import type { PackageJob } from "./package-service.ts";
import * as store from "./package-store.ts";
import { packageXlsx } from "./package-xlsx.ts";
import { balanceSheetReport, cashFlowReport, profitAndLoss, profitAndLossColumns } from "./report-service.ts";
import { settingsFor } from "./settings-service.ts";
import { fiscalYearStart } from "./period-model.ts";

/** Bank lines waiting for review: the Transaction Manager's count, handed in by the app. */
export type ReviewBacklog = (
  ex: Executor,
  actor: Actor,
  clientId: string,
  period: { from: string; to: string },
) => Promise<{ waiting: number; oldest: string | null }>;

export interface PackageSources {
  reviewBacklog?: ReviewBacklog | undefined;
}

const MAX_TRIES = 3;

async function statements(
  ctx: Ctx,
  actor: Actor,
  client: { slug: string; name: string },
  m: PackageMonth,
  settings: PackageSettings,
  fiscalYearStartMonth: number,
  step: (stage: string) => Promise<void>,
): Promise<ExportTable[]> {
  const c = { clientName: client.name };
  const words = monthInWords(m.month);
  const out: ExportTable[] = [];
  for (const kind of settings.statements) {
    if (kind === "balance-sheet") {
      await step("balance sheet");
      const r = await balanceSheetReport(ctx, actor, client.slug, { asOf: m.to, compare: ["prior-period"] });
      out.push({ ...balanceSheetTable(r, c), period: `As of ${m.to}, compared with the prior month end` });
    } else if (kind === "profit-loss") {
      await step("profit and loss");
      const specs = packageProfitLossColumns(m, fiscalYearStartMonth, settings.priorYear);
      const r = await profitAndLossColumns(ctx, actor, client.slug, specs);
      const ytdFrom = fiscalYearStart(m.to, fiscalYearStartMonth);
      out.push({
        ...profitLossTable(r, c),
        period: `${words} and the fiscal year to date (${ytdFrom} to ${m.to})`,
      });
      // The year to date month by month (issue 12's package), once the fiscal year has two months.
      if (ytdFrom < m.from) {
        await step("profit and loss by month, year to date");
        const byMonth = await profitAndLoss(ctx, actor, client.slug, {
          from: ytdFrom,
          to: m.to,
          by: "month",
        });
        out.push({
          ...profitLossTable(byMonth, c),
          title: "Profit and loss by month, year to date",
          sheetName: "P&L YTD by month",
          period: `The fiscal year to date by month, ${ytdFrom} to ${m.to}`,
        });
      }
    } else {
      await step("cash flows");
      const r = await cashFlowReport(ctx, actor, client.slug, { from: m.from, to: m.to });
      out.push({ ...cashFlowTable(r, c), period: words });
    }
  }
  if (settings.trailingTwelve) {
    await step("profit and loss by month");
    const from = trailingTwelveFrom(m);
    const r = await profitAndLoss(ctx, actor, client.slug, { from, to: m.to, by: "month" });
    out.push({
      ...profitLossTable(r, c),
      title: "Profit and loss by month",
      sheetName: "P&L by month",
      period: `The twelve months ${from} to ${m.to}`,
    });
  }
  return out;
}

/**
 * Fills one package row. Never throws for a failure of the package itself: that is recorded on
 * the row (status failed, and why) and in the audit trail, and the job is done.
 */
export async function runPackageJob(
  ctx: Ctx,
  job: PackageJob,
  sources: PackageSources = {},
  onProgress?: OnProgress,
): Promise<void> {
  const s = { firmId: job.firmId, clientId: job.clientId };
  const row = await store.packageById(ctx.db, s, job.packageId);
  if (!row || row.status === "done" || row.status === "failed") return;
  const actor = systemActor(job.firmId);
  const settings = row.options as PackageSettings;
  const m = packageMonth(row.month.slice(0, 7));
  const withYtdByMonth = settings.statements.includes("profit-loss") ? 1 : 0;
  const total = settings.statements.length + withYtdByMonth + (settings.trailingTwelve ? 1 : 0) + 3;
  let done = 0;
  const step = async (stage: string) => {
    const progress = Math.min(99, Math.floor((100 * done++) / total));
    onProgress?.({ phase: `package: ${stage}`, done: progress, total: 100, unit: "%" });
    await store.setProgress(ctx.db, s, job.packageId, { status: "running", progress, stage });
  };
  try {
    await step("reading the books");
    const client = await access.requireClient(ctx.db, actor, job.clientId);
    const firm = await access.firmById(ctx.db, job.firmId);
    const logoUrl = await access.logoDataUrl(ctx.db, job.firmId);
    const logo = drawableLogo(
      logoUrl ? Buffer.from(logoUrl.slice(logoUrl.indexOf(",") + 1), "base64") : null,
    );
    const { fiscalYearStart: fy } = await settingsFor(ctx.db, s);
    let tables: ExportTable[] = [];
    let state: ledger.BookState | undefined;
    for (let tries = 0; tries < MAX_TRIES; tries++) {
      const before = await ledger.bookState(ctx, actor, client.id, m);
      const counted = done;
      tables = await statements(ctx, actor, { slug: client.slug, name: client.name }, m, settings, fy, step);
      const after = await ledger.bookState(ctx, actor, client.id, m);
      state = after;
      if (after.version === before.version) break;
      done = counted;
    }
    const backlog = sources.reviewBacklog
      ? await sources.reviewBacklog(ctx.db, actor, client.id, m)
      : { waiting: null, oldest: null };
    const unfinished: Unfinished = {
      drafts: state!.drafts,
      draftsEarlier: state!.draftsEarlier,
      bankLinesInReview: backlog.waiting,
      oldestInReview: backlog.oldest,
    };
    const doc = packageDocument({
      firmName: firm?.name ?? "",
      clientName: client.name,
      month: m,
      version: row.version,
      preparedAt: ctx.clock.now().toISOString(),
      preparedBy: row.requested_by_name,
      logo,
      color: firm?.brand_color ?? null,
      statements: tables,
      rounding: settings.rounding,
      notes: settings.notes,
      unfinished,
    });
    await step("PDF");
    const pdf = await packagePdf(doc);
    await step("XLSX");
    const xlsx = await packageXlsx(doc);
    await inTransaction(ctx.db, async (tx) => {
      await store.finishPackage(tx, s, job.packageId, {
        pdf,
        xlsx,
        ledger_version: state!.version,
        warnings: unfinished,
        finished_at: ctx.clock.now(),
      });
      await recordAudit(tx, actor, {
        action: "reports.package.generated",
        clientId: s.clientId,
        subjectType: "report_package",
        subjectId: job.packageId,
        after: {
          month: m.month,
          version: row.version,
          ledgerVersion: String(state!.version),
          requestedBy: row.requested_by_name,
          pdfBytes: pdf.length,
          xlsxBytes: xlsx.length,
          unfinished,
        },
      });
    });
    onProgress?.({ phase: "package: done", done: 100, total: 100, unit: "%" });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await inTransaction(ctx.db, async (tx) => {
      await store.failPackage(tx, s, job.packageId, message, ctx.clock.now());
      await recordAudit(tx, actor, {
        action: "reports.package.failed",
        clientId: s.clientId,
        subjectType: "report_package",
        subjectId: job.packageId,
        after: { month: m.month, version: row.version, error: message },
      });
    });
  }
}
