// HTTP routes of the reconciliation, under /api/clients/{client}/reconciliations: the list per bank
// account, one reconciliation with its matches and both sides, start/refresh, the decisions,
// completion, unreconcile and the report (JSON, CSV or PDF); then auto-reconcile's (auto-routes.ts).
import { z } from "zod";
import type { FastifyReply } from "fastify";
import type { App } from "../../platform/http.ts";
import type { Ctx } from "../../platform/context.ts";
import { attachmentDisposition } from "../../platform/content-disposition.ts";
import * as access from "../access/index.ts";
import * as banking from "../banking/index.ts";
import {
  clientParam,
  completeIn,
  decideIn,
  entryIn,
  errors,
  lineParam,
  listOut,
  listQuery,
  matchParam,
  outstandingIn,
  recParam,
  reconciliationOut,
  reportQuery,
  startIn,
  unreconcileIn,
} from "./schemas.ts";
import { listReconciliations, getReconciliation } from "./query-service.ts";
import { startReconciliation } from "./start-service.ts";
import { createEntryFromLine, decideMatch, setOutstanding } from "./decision-service.ts";
import { completeReconciliation, unreconcile } from "./completion-service.ts";
import { reconciliationJson } from "./view.ts";
import { reconciliationCsv } from "./report-format.ts";
import { reconciliationPdf } from "./report-pdf.ts";
import { autoReconcileRoutes } from "./auto-routes.ts";

const base = "/api/clients/:client/reconciliations";
const tags = { tags: ["Reconciliation"] };
const one = { 200: reconciliationOut, ...errors };

export function reconcileRoutes(ctx: Ctx) {
  return async (app: App) => {
    app.get(
      base,
      {
        schema: {
          ...tags,
          summary:
            "Bank and card accounts with their last reconciled period and balance, and the difference of the one in progress",
          params: clientParam,
          querystring: listQuery,
          response: { 200: listOut, ...errors },
        },
      },
      async (req) => ({
        accounts: await listReconciliations(ctx, req.actor, req.params.client, {
          bankAccount: req.query.bankAccount,
        }),
      }),
    );
    app.post(
      base,
      {
        schema: {
          ...tags,
          summary: "Start (or refresh) the reconciliation of a bank account for a statement period",
          params: clientParam,
          body: startIn,
          response: { 200: reconciliationOut, ...errors },
        },
      },
      async (req) =>
        reconciliationJson((await startReconciliation(ctx, req.actor, req.params.client, req.body)).state),
    );
    app.get(
      `${base}/:id`,
      {
        schema: {
          ...tags,
          summary: "A reconciliation: its matches, what is unmatched on each side, the difference",
          params: recParam,
          response: one,
        },
      },
      async (req) =>
        reconciliationJson(await getReconciliation(ctx, req.actor, req.params.client, req.params.id)),
    );
    app.patch(
      `${base}/:id/matches/:match`,
      {
        schema: {
          ...tags,
          summary: "Accept or reject a proposed match",
          params: matchParam,
          body: decideIn,
          response: one,
        },
      },
      async (req) =>
        reconciliationJson(
          await decideMatch(ctx, req.actor, req.params.client, req.params.id, req.params.match, req.body),
        ),
    );
    app.patch(
      `${base}/:id/ledger-lines/:line`,
      {
        schema: {
          ...tags,
          summary: "Set a ledger line aside as not on this statement (outstanding), or take it back",
          params: lineParam,
          body: outstandingIn,
          response: one,
        },
      },
      async (req) =>
        reconciliationJson(
          await setOutstanding(ctx, req.actor, req.params.client, req.params.id, req.params.line, req.body),
        ),
    );
    app.post(
      `${base}/:id/entries`,
      {
        schema: {
          ...tags,
          summary:
            "Create the missing ledger entry of a statement line (the bot's coding, posted by the Transaction Manager)",
          params: recParam,
          body: entryIn,
          response: one,
        },
      },
      async (req) =>
        reconciliationJson(
          await createEntryFromLine(ctx, req.actor, req.params.client, req.params.id, req.body.bankLineId),
        ),
    );
    app.post(
      `${base}/:id/complete`,
      {
        schema: {
          ...tags,
          summary: "Complete the reconciliation (only at a zero difference); its cleared lines are locked",
          params: recParam,
          body: completeIn,
          response: one,
        },
      },
      async (req) =>
        reconciliationJson(
          await completeReconciliation(ctx, req.actor, req.params.client, req.params.id, req.body ?? {}),
        ),
    );
    app.post(
      `${base}/:id/unreconcile`,
      {
        schema: {
          ...tags,
          summary: "Undo a completed reconciliation (audited): its lines are unlocked",
          params: recParam,
          body: unreconcileIn,
          response: one,
        },
      },
      async (req) =>
        reconciliationJson(await unreconcile(ctx, req.actor, req.params.client, req.params.id, req.body)),
    );
    app.get(
      `${base}/:id/report`,
      {
        schema: {
          ...tags,
          summary: "The reconciliation report (format=csv or format=pdf for the file)",
          params: recParam,
          querystring: reportQuery,
          response: { 200: reconciliationOut.or(z.string()), ...errors },
        },
      },
      async (req, reply) => {
        const r = reconciliationJson(
          await getReconciliation(ctx, req.actor, req.params.client, req.params.id),
        );
        if (req.query.format !== "csv" && req.query.format !== "pdf") return r;
        const account = await banking.getBankAccount(ctx, req.actor, req.params.client, r.bankAccountId);
        if (req.query.format === "pdf") {
          // The reconciliation was read with the actor's rights already; this only names the client.
          const client = await access.requireClient(ctx.db, req.actor, req.params.client);
          return (reply as FastifyReply)
            .type("application/pdf")
            .header(
              "content-disposition",
              attachmentDisposition(`reconciliation-${account.shortName}-${r.period.to}.pdf`),
            )
            .send(await reconciliationPdf(r, account, client.name));
        }
        return reply
          .type("text/csv; charset=utf-8")
          .header(
            "content-disposition",
            attachmentDisposition(`reconciliation-${account.shortName}-${r.period.to}.csv`),
          )
          .send(reconciliationCsv(r, account));
      },
    );
    await autoReconcileRoutes(ctx)(app);
  };
}
