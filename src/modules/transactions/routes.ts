// HTTP routes of the Transaction Manager under /api/clients/{client}: transactions (tabs, filters,
// paging, one with its explanation), review actions (edit, split, mark reviewed, bulk, rule from
// this), rule preview and apply-to-existing, and the automation of each bank account.
import { z } from "zod";
import type { App } from "../../platform/http.ts";
import type { Ctx } from "../../platform/context.ts";
import { validationError } from "../../platform/errors.ts";
import { ruleInSchema as ruleIn, ruleSchema as rule, ruleOut } from "../categorize/index.ts";
import { getAutomation, listAutomation, setAutomation } from "./automation-service.ts";
import { getTransaction, listTransactions } from "./query-service.ts";
import { bulkEdit, editTransaction, reviewTransactions, splitTransaction } from "./review-service.ts";
import { applyRule, previewRule, ruleFromTransaction } from "./rule-service.ts";
import {
  accountParam,
  applyOut,
  automation,
  automationOut,
  bulkIn,
  clientParam,
  date,
  detailOut,
  editIn,
  idParam,
  listQuery,
  page,
  previewOut,
  previewViewOut,
  splitIn,
  transaction,
  transactionDetail,
  transactionOut,
} from "./schemas.ts";
import { MODES } from "./model.ts";
import { errors } from "../../platform/route-schemas.ts";

export function transactionRoutes(ctx: Ctx) {
  return async (app: App) => {
    const base = "/api/clients/:client";
    const tags = { tags: ["Transaction Manager"] };

    app.get(
      `${base}/transactions`,
      {
        schema: {
          ...tags,
          summary:
            "A tab of the Transaction Manager (Needs Review holds held lines too), newest first, with filters and paging",
          params: clientParam,
          querystring: listQuery,
          response: { 200: page, ...errors },
        },
      },
      async (req) => {
        const r = await listTransactions(ctx, req.actor, req.params.client, req.query);
        return { ...r, transactions: r.transactions.map(transactionOut) };
      },
    );
    app.get(
      `${base}/transactions/:id`,
      {
        schema: {
          ...tags,
          summary: "One transaction: its prediction and explanation, the past lines behind it, its history",
          params: idParam,
          response: { 200: transactionDetail, ...errors },
        },
      },
      async (req) => detailOut(await getTransaction(ctx, req.actor, req.params.client, req.params.id)),
    );
    app.patch(
      `${base}/transactions/:id`,
      {
        schema: {
          ...tags,
          summary:
            "Edit account, payee, class/department, memo or assignee (a posted transaction is reversed and posted again)",
          params: idParam,
          body: editIn,
          response: { 200: transaction, ...errors },
        },
      },
      async (req) =>
        transactionOut(await editTransaction(ctx, req.actor, req.params.client, req.params.id, req.body)),
    );
    app.post(
      `${base}/transactions/:id/split`,
      {
        schema: {
          ...tags,
          summary:
            "Split by amounts (which must total the transaction) or percentages (which must total 100)",
          params: idParam,
          body: splitIn,
          response: { 200: transaction, ...errors },
        },
      },
      async (req) =>
        transactionOut(await splitTransaction(ctx, req.actor, req.params.client, req.params.id, req.body)),
    );
    app.post(
      `${base}/transactions/:id/review`,
      {
        schema: {
          ...tags,
          summary: "Mark reviewed (posts it first when it is not posted yet: Manual Push's push)",
          params: idParam,
          response: { 200: transaction, ...errors },
        },
      },
      async (req) =>
        transactionOut((await reviewTransactions(ctx, req.actor, req.params.client, [req.params.id]))[0]!),
    );
    app.post(
      `${base}/transactions/:id/rule`,
      {
        schema: {
          ...tags,
          summary:
            "Create a rule from this transaction's coding, optionally applying it to transactions waiting for review",
          params: idParam,
          body: z.object({
            applyToExisting: z.boolean().default(false),
            name: z.string().max(200).optional(),
          }),
          response: { 201: z.object({ rule, applied: applyOut.nullable() }), ...errors },
        },
      },
      async (req, reply) => {
        const r = await ruleFromTransaction(ctx, req.actor, req.params.client, req.params.id, req.body);
        return reply.code(201).send({ rule: ruleOut(r.rule), applied: r.applied });
      },
    );
    app.post(
      `${base}/transactions/bulk`,
      {
        schema: {
          ...tags,
          summary: "Mark many reviewed, or give many the same account/payee/class/assignee (all or nothing)",
          params: clientParam,
          body: bulkIn,
          response: { 200: z.object({ transactions: z.array(transaction) }), ...errors },
        },
      },
      async (req) => {
        const { ids, action, edit } = req.body;
        if (action === "edit" && (!edit || Object.keys(edit).length === 0))
          throw validationError("transactions/nothing-to-change", "say what to change", { field: "edit" });
        const views =
          action === "review"
            ? await reviewTransactions(ctx, req.actor, req.params.client, ids)
            : await bulkEdit(ctx, req.actor, req.params.client, ids, edit!);
        return { transactions: views.map(transactionOut) };
      },
    );

    app.post(
      `${base}/rules/preview`,
      {
        schema: {
          tags: ["Rules and AI settings"],
          summary:
            "What a rule would take among the client's transactions (the same conditions apply-to-existing uses)",
          params: clientParam,
          body: ruleIn.extend({ ruleId: z.uuid().optional().describe("the rule being edited, if any") }),
          response: { 200: previewOut, ...errors },
        },
      },
      async (req) => {
        const { ruleId, ...input } = req.body;
        return previewViewOut(await previewRule(ctx, req.actor, req.params.client, input, { ruleId }));
      },
    );
    app.post(
      `${base}/rules/:id/apply`,
      {
        schema: {
          tags: ["Rules and AI settings"],
          summary:
            "Apply a rule to the transactions waiting for review (posting them as their bank account's automation says)",
          params: idParam,
          response: { 200: applyOut, ...errors },
        },
      },
      async (req) => applyRule(ctx, req.actor, req.params.client, req.params.id),
    );

    app.get(
      `${base}/automation`,
      {
        schema: {
          ...tags,
          summary: "The automation of every bank account of the client",
          params: clientParam,
          response: { 200: z.object({ bankAccounts: z.array(automation) }), ...errors },
        },
      },
      async (req) => ({
        bankAccounts: (await listAutomation(ctx, req.actor, req.params.client)).map(automationOut),
      }),
    );
    app.get(
      `${base}/bank-accounts/:account/automation`,
      {
        schema: {
          ...tags,
          summary: "A bank account's automation",
          params: accountParam,
          response: { 200: automation, ...errors },
        },
      },
      async (req) =>
        automationOut(await getAutomation(ctx, req.actor, req.params.client, req.params.account)),
    );
    app.put(
      `${base}/bank-accounts/:account/automation`,
      {
        schema: {
          ...tags,
          summary:
            "Set a bank account's automation: AutoPush, Manual Push or none, from a start date at most 24 months back",
          params: accountParam,
          body: z.object({ mode: z.enum(MODES), startDate: date.nullable().default(null) }),
          response: {
            200: automation.extend({ rerun: z.object({ transactions: z.number(), posted: z.number() }) }),
            ...errors,
          },
        },
      },
      async (req) => setAutomation(ctx, req.actor, req.params.client, req.params.account, req.body),
    );
  };
}
