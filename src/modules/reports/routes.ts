// HTTP routes of the financial statements, under /api/clients/{client}/reports (next to the
// ledger's trial balance and general ledger), and the client's report settings.
import { z } from "zod";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { App } from "../../platform/http.ts";
import type { Ctx } from "../../platform/context.ts";
import {
  balanceQuery,
  balanceSheetOut,
  cashFlowOut,
  clientParam,
  errors,
  periodQuery,
  profitLossOut,
  profitLossQuery,
  settingsIn,
  settingsOut,
} from "./schemas.ts";
import { balanceSheetReport, cashFlowReport, profitAndLoss } from "./report-service.ts";
import {
  balanceSheetCsv,
  balanceSheetJson,
  cashFlowCsv,
  cashFlowJson,
  profitLossCsv,
  profitLossJson,
} from "./report-format.ts";
import { getReportSettings, updateReportSettings } from "./settings-service.ts";
import { exportStatement, type StatementExport } from "./export-service.ts";
import { attachmentDisposition } from "../../platform/content-disposition.ts";

const base = "/api/clients/:client";
const tags = { tags: ["Reports"] };
const CSV = "text/csv; charset=utf-8";

/** Sends a statement as an XLSX or PDF download (format=xlsx|pdf). */
async function sendFile(
  ctx: Ctx,
  req: FastifyRequest,
  reply: FastifyReply,
  s: StatementExport,
  format: "xlsx" | "pdf",
) {
  const file = await exportStatement(ctx, req.actor, s, format);
  return reply
    .type(file.contentType)
    .header("content-disposition", attachmentDisposition(file.filename))
    .send(file.bytes);
}

export function reportRoutes(ctx: Ctx) {
  return async (app: App) => {
    app.get(
      `${base}/reports/profit-loss`,
      {
        schema: {
          ...tags,
          summary:
            "Profit and loss for a period: one column, by month, or by class/department/project/location",
          params: clientParam,
          querystring: profitLossQuery,
          response: { 200: profitLossOut.or(z.string()), ...errors },
        },
      },
      async (req, reply) => {
        const { format, ...query } = req.query;
        const r = await profitAndLoss(ctx, req.actor, req.params.client, query);
        if (format === "xlsx" || format === "pdf")
          return sendFile(ctx, req, reply, { kind: "profit-loss", report: r }, format);
        return format === "csv" ? reply.type(CSV).send(profitLossCsv(r)) : profitLossJson(r);
      },
    );
    app.get(
      `${base}/reports/balance-sheet`,
      {
        schema: {
          ...tags,
          summary: "Balance sheet as of a date, or at each month end from a date (by=month)",
          params: clientParam,
          querystring: balanceQuery,
          response: { 200: balanceSheetOut.or(z.string()), ...errors },
        },
      },
      async (req, reply) => {
        const { format, ...query } = req.query;
        const r = await balanceSheetReport(ctx, req.actor, req.params.client, query);
        if (format === "xlsx" || format === "pdf")
          return sendFile(ctx, req, reply, { kind: "balance-sheet", report: r }, format);
        return format === "csv" ? reply.type(CSV).send(balanceSheetCsv(r)) : balanceSheetJson(r);
      },
    );
    app.get(
      `${base}/reports/cash-flow`,
      {
        schema: {
          ...tags,
          summary: "Statement of cash flows (indirect method) for a period",
          params: clientParam,
          querystring: periodQuery,
          response: { 200: cashFlowOut.or(z.string()), ...errors },
        },
      },
      async (req, reply) => {
        const { format, ...query } = req.query;
        const r = await cashFlowReport(ctx, req.actor, req.params.client, query);
        if (format === "xlsx" || format === "pdf")
          return sendFile(ctx, req, reply, { kind: "cash-flow", report: r }, format);
        return format === "csv" ? reply.type(CSV).send(cashFlowCsv(r)) : cashFlowJson(r);
      },
    );
    app.get(
      `${base}/report-settings`,
      {
        schema: {
          ...tags,
          summary: "The client's report settings (fiscal year start)",
          params: clientParam,
          response: { 200: settingsOut, ...errors },
        },
      },
      async (req) => getReportSettings(ctx, req.actor, req.params.client),
    );
    app.patch(
      `${base}/report-settings`,
      {
        schema: {
          ...tags,
          summary: "Change the client's report settings",
          params: clientParam,
          body: settingsIn,
          response: { 200: settingsOut, ...errors },
        },
      },
      async (req) => updateReportSettings(ctx, req.actor, req.params.client, req.body),
    );
  };
}
