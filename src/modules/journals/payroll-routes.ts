// HTTP routes of payroll journal entries under /api/clients/{client}/journals/payroll: the
// built-in presets, a provider's saved column mapping (read, save, delete), a register file's
// preview and import, the payroll entries (list) and their approve / post / reverse / discard.
import { z } from "zod";
import type { Ctx } from "../../platform/context.ts";
import type { App } from "../../platform/http.ts";
import { clientParam, errors } from "../../platform/route-schemas.ts";
import {
  approvePayroll,
  discardPayroll,
  importPayroll,
  listPayrollEntries,
  matchPayroll,
  postPayroll,
  previewPayroll,
  reversePayroll,
} from "./payroll-entry-service.ts";
import { deleteMapping, existingMapping, listMappings, saveMapping } from "./payroll-mapping-service.ts";
import { PAYROLL_PRESETS } from "./payroll-presets.ts";
import {
  mappingIn,
  mappingOut as mappingSchema,
  payrollEntriesOut,
  payrollEntryOut as entrySchema,
  payrollEntryParam,
  payrollMonthQuery,
  presetOut,
  previewOut as previewSchema,
  providerParam,
  registerIn,
  reverseIn,
} from "./payroll-schemas.ts";
import { mappingOut, payrollEntryOut, previewOut } from "./payroll-views.ts";
import type { JournalsHooks } from "./batch-service.ts";
import { journalsScope } from "./scope.ts";

const tags = ["JE Automation"];

export function payrollRoutes(ctx: Ctx, app: App, hooks: JournalsHooks = {}) {
  const base = "/api/clients/:client/journals/payroll";
  app.get(
    `${base}/presets`,
    {
      schema: {
        tags,
        summary: "The built-in column mappings of the usual providers' exports, to copy and edit",
        params: clientParam,
        response: { 200: z.object({ items: z.array(presetOut) }), ...errors },
      },
    },
    async (req) => {
      await journalsScope(ctx.db, req.actor, req.params.client, "view");
      return { items: PAYROLL_PRESETS.map((p) => ({ ...p })) };
    },
  );
  app.get(
    `${base}/mappings`,
    {
      schema: {
        tags,
        summary: "The client's saved column mappings, one per payroll provider",
        params: clientParam,
        response: { 200: z.object({ items: z.array(mappingSchema) }), ...errors },
      },
    },
    async (req) => ({ items: (await listMappings(ctx, req.actor, req.params.client)).map(mappingOut) }),
  );
  app.get(
    `${base}/mappings/:provider`,
    {
      schema: {
        tags,
        summary: "A provider's saved column mapping",
        params: providerParam,
        response: { 200: mappingSchema, ...errors },
      },
    },
    async (req) => {
      const s = await journalsScope(ctx.db, req.actor, req.params.client, "view");
      return mappingOut(await existingMapping(ctx.db, s, req.params.provider));
    },
  );
  app.put(
    `${base}/mappings/:provider`,
    {
      schema: {
        tags,
        summary:
          "Save a provider's column mapping (refused naming the role with no column or the account missing)",
        params: providerParam,
        body: mappingIn,
        response: { 200: mappingSchema, ...errors },
      },
    },
    async (req) =>
      mappingOut(await saveMapping(ctx, req.actor, req.params.client, req.params.provider, req.body)),
  );
  app.delete(
    `${base}/mappings/:provider`,
    {
      schema: {
        tags,
        summary: "Delete a provider's column mapping",
        params: providerParam,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await deleteMapping(ctx, req.actor, req.params.client, req.params.provider);
      reply.code(204);
      return null;
    },
  );
  app.post(
    `${base}/preview`,
    {
      schema: {
        tags,
        summary:
          "The entries a payroll register gives, one per pay date (nothing is saved); refused saying which column does not map or which row does not balance",
        params: clientParam,
        body: registerIn,
        response: { 200: previewSchema, ...errors },
      },
    },
    async (req) => previewOut(await previewPayroll(ctx, req.actor, req.params.client, req.body)),
  );
  app.post(
    `${base}/import`,
    {
      schema: {
        tags,
        summary:
          "Import a payroll register: one draft entry per pay date (a pay date already imported from the provider is refused)",
        params: clientParam,
        body: registerIn,
        response: { 201: payrollEntriesOut, ...errors },
      },
    },
    async (req, reply) => {
      const { rows, scale } = await importPayroll(ctx, req.actor, req.params.client, req.body);
      // What follows from the import (the month's register ticked) never undoes it.
      if (rows[0])
        await hooks
          .onPayrollImported?.(req.actor, {
            clientId: rows[0].client_id,
            payDates: rows.map((r) => r.pay_date),
          })
          .catch(() => undefined);
      reply.code(201);
      return { items: rows.map((r) => payrollEntryOut(r, scale)) };
    },
  );
  app.get(
    `${base}/entries`,
    {
      schema: {
        tags,
        summary: "The client's payroll entries, newest pay date first (of one month when asked)",
        params: clientParam,
        querystring: payrollMonthQuery,
        response: { 200: payrollEntriesOut, ...errors },
      },
    },
    async (req) => {
      const { rows, scale } = await listPayrollEntries(ctx, req.actor, req.params.client, req.query.month);
      return { items: rows.map((r) => payrollEntryOut(r, scale)) };
    },
  );
  const steps = [
    ["approve", "Approve a draft payroll entry (the reviewer's)", approvePayroll],
    [
      "post",
      "Post an approved payroll entry to the ledger (its net pay is then matched to the bank line)",
      postPayroll,
    ],
    [
      "match",
      'Match a posted entry\'s net pay to its bank line imported before it (shown as "payroll entry")',
      matchPayroll,
    ],
  ] as const;
  for (const [path, summary, run] of steps)
    app.post(
      `${base}/entries/:id/${path}`,
      { schema: { tags, summary, params: payrollEntryParam, response: { 200: entrySchema, ...errors } } },
      async (req) => {
        const { row, scale } = await run(ctx, req.actor, req.params.client, req.params.id);
        return payrollEntryOut(row!, scale);
      },
    );
  app.post(
    `${base}/entries/:id/reverse`,
    {
      schema: {
        tags,
        summary:
          "Reverse a posted payroll entry (a correction: posted entries are never edited); the pay date may then be imported again",
        params: payrollEntryParam,
        body: reverseIn,
        response: { 200: entrySchema, ...errors },
      },
    },
    async (req) => {
      const { row, scale } = await reversePayroll(
        ctx,
        req.actor,
        req.params.client,
        req.params.id,
        req.body.date,
      );
      return payrollEntryOut(row!, scale);
    },
  );
  app.delete(
    `${base}/entries/:id`,
    {
      schema: {
        tags,
        summary: "Discard a draft or approved payroll entry and its ledger draft",
        params: payrollEntryParam,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await discardPayroll(ctx, req.actor, req.params.client, req.params.id);
      reply.code(204);
      return null;
    },
  );
}
