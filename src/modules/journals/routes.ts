// HTTP routes of JE Automation under /api/clients/{client}/journals: recurring entries and
// schedules (create, list, read with the full table, replace, switch on/off, delete), and the
// month-end batch (list, generate, approve all, post all approved), and one generated entry at a
// time (approve, post, reverse); payroll journal entries (payroll-routes.ts).
import { z } from "zod";
import type { Ctx } from "../../platform/context.ts";
import type { App } from "../../platform/http.ts";
import { date } from "../../platform/route-schemas.ts";
import {
  approveMonth,
  generateMonth,
  monthBatch,
  postMonth,
  reverseMonthEntry,
  type JournalsHooks,
} from "./batch-service.ts";
import { approveRun, postOneRun } from "./run-service.ts";
import {
  createSource,
  deleteSource,
  getSource,
  listSources,
  setSourceActive,
  updateSource,
  type SourceInput,
} from "./source-service.ts";
import {
  batchOut as batchSchema,
  clientParam,
  errors,
  monthBody,
  monthQuery,
  patchIn,
  recurringIn,
  runParam,
  scheduleIn,
  sourceDetail,
  sourceOut as sourceSchema,
  sourceParam,
} from "./schemas.ts";
import { payrollRoutes } from "./payroll-routes.ts";
import { batchOut, detailOut, sourceOut } from "./views.ts";

const tags = ["JE Automation"];

export function journalsRoutes(ctx: Ctx, hooks: JournalsHooks = {}) {
  return async (app: App) => {
    const base = "/api/clients/:client/journals";
    payrollRoutes(ctx, app, hooks);
    const kinds = [
      {
        path: "recurring",
        body: recurringIn,
        wrap: (b: unknown) => ({ type: "recurring", body: b }) as SourceInput,
      },
      {
        path: "schedules",
        body: scheduleIn,
        wrap: (b: unknown) => ({ type: "schedule", body: b }) as SourceInput,
      },
    ] as const;
    for (const k of kinds) {
      const isKind = (kind: string) => (k.path === "recurring") === (kind === "recurring");
      app.get(
        `${base}/${k.path}`,
        {
          schema: {
            tags,
            summary: `The client's ${k.path === "recurring" ? "recurring entries" : "schedules"}`,
            params: clientParam,
            response: { 200: z.object({ items: z.array(sourceSchema) }), ...errors },
          },
        },
        async (req) => ({
          items: (await listSources(ctx, req.actor, req.params.client))
            .filter((r) => isKind(r.kind))
            .map(sourceOut),
        }),
      );
      app.post(
        `${base}/${k.path}`,
        {
          schema: {
            tags,
            summary: `Create a ${k.path === "recurring" ? "recurring entry" : "schedule"} (refused with the field when it cannot make balanced entries or a schedule that totals)`,
            params: clientParam,
            body: k.body,
            response: { 201: sourceSchema, ...errors },
          },
        },
        async (req, reply) => {
          reply.code(201);
          return sourceOut(await createSource(ctx, req.actor, req.params.client, k.wrap(req.body)));
        },
      );
      app.get(
        `${base}/${k.path}/:id`,
        {
          schema: {
            tags,
            summary: "One, with its full table (every period's amounts) and the months generated",
            params: sourceParam,
            response: { 200: sourceDetail, ...errors },
          },
        },
        async (req) => detailOut(await getSource(ctx, req.actor, req.params.client, req.params.id)),
      );
      app.put(
        `${base}/${k.path}/:id`,
        {
          schema: {
            tags,
            summary: "Replace its terms: months already generated keep their entries",
            params: sourceParam,
            body: k.body,
            response: { 200: sourceSchema, ...errors },
          },
        },
        async (req) =>
          sourceOut(await updateSource(ctx, req.actor, req.params.client, req.params.id, k.wrap(req.body))),
      );
      app.patch(
        `${base}/${k.path}/:id`,
        {
          schema: {
            tags,
            summary: "Switch it on or off (off: no more months are generated)",
            params: sourceParam,
            body: patchIn,
            response: { 200: sourceSchema, ...errors },
          },
        },
        async (req) =>
          sourceOut(await setSourceActive(ctx, req.actor, req.params.client, req.params.id, req.body.active)),
      );
      app.delete(
        `${base}/${k.path}/:id`,
        {
          schema: {
            tags,
            summary: "Delete it (only while no entry was generated from it)",
            params: sourceParam,
            response: { 204: z.null(), ...errors },
          },
        },
        async (req, reply) => {
          await deleteSource(ctx, req.actor, req.params.client, req.params.id);
          reply.code(204);
          return null;
        },
      );
    }
    app.get(
      `${base}/batch`,
      {
        schema: {
          tags,
          summary: "Every entry the month gets from recurring entries and schedules, with its state",
          params: clientParam,
          querystring: monthQuery,
          response: { 200: batchSchema, ...errors },
        },
      },
      async (req) => batchOut(await monthBatch(ctx, req.actor, req.params.client, req.query.month)),
    );
    const batchPost = (path: string, summary: string, run: typeof generateMonth) =>
      app.post(
        `${base}/batch/${path}`,
        {
          schema: {
            tags,
            summary,
            params: clientParam,
            body: monthBody,
            response: { 200: batchSchema, ...errors },
          },
        },
        async (req) => batchOut(await run(ctx, req.actor, req.params.client, req.body.month)),
      );
    batchPost(
      "generate",
      "Create the month's entries as ledger drafts (idempotent; held entries are tried again, newly held ones are notified to the preparer)",
      (c, actor, client, month) => generateMonth(c, actor, client, month, hooks),
    );
    batchPost(
      "approve",
      "Approve every draft of the month (held drafts wait for the preparer)",
      approveMonth,
    );
    batchPost(
      "post",
      "Post every approved entry of the month (accruals also post their reversal on the 1st)",
      postMonth,
    );
    const runOut = z.object({
      id: z.string(),
      state: z.string(),
      entryId: z.string().nullable(),
      reversalEntryId: z.string().nullable(),
    });
    const out = (run: {
      id: string;
      state: string;
      entry_id: string | null;
      reversal_entry_id: string | null;
    }) => ({
      id: run.id,
      state: run.state,
      entryId: run.entry_id,
      reversalEntryId: run.reversal_entry_id,
    });
    app.post(
      `${base}/runs/:run/approve`,
      {
        schema: {
          tags,
          summary: "Approve one generated draft (a held draft waits for the preparer)",
          params: runParam,
          response: { 200: runOut, ...errors },
        },
      },
      async (req) => out(await approveRun(ctx, req.actor, req.params.client, req.params.run)),
    );
    app.post(
      `${base}/runs/:run/post`,
      {
        schema: {
          tags,
          summary: "Post one approved entry (accruals also post their reversal on the 1st)",
          params: runParam,
          response: { 200: runOut, ...errors },
        },
      },
      async (req) => out(await postOneRun(ctx, req.actor, req.params.client, req.params.run)),
    );
    app.post(
      `${base}/runs/:run/reverse`,
      {
        schema: {
          tags,
          summary: "Reverse a posted entry (a correction: posted entries are never edited)",
          params: runParam,
          body: z.object({ date: date.optional() }),
          response: { 200: runOut, ...errors },
        },
      },
      async (req) =>
        out(await reverseMonthEntry(ctx, req.actor, req.params.client, req.params.run, req.body.date)),
    );
  };
}
