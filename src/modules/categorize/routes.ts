// HTTP routes of categorization under /api/clients/{client}: the client's rules, its AI settings
// (with "last updated by"), the mapping of its accounts to the standard taxonomy, and its learning
// (model versions, waiting corrections, training on demand). Preview and apply-to-existing live
// with the transactions they read (transactions/routes.ts).
import { z } from "zod";
import type { App } from "../../platform/http.ts";
import type { Ctx } from "../../platform/context.ts";
import { getRule, listRules, createRule, updateRule, deleteRule } from "./rule-service.ts";
import { accountCategories, getSettings, setAccountCategory, updateSettings } from "./settings-service.ts";
import { learningStatus, trainNow, type HistorySource } from "./training-service.ts";
import {
  accountCategory,
  clientParam,
  errors,
  idParam,
  learningOut,
  rule,
  ruleIn,
  ruleOut,
  settingsIn,
  settingsOut,
  settingsViewOut,
  taxonomyOut,
} from "./schemas.ts";
import { STANDARD_CATEGORIES } from "./engine/taxonomy.ts";

const trainingReport = z.object({
  scope: z.enum(["firm", "client"]),
  generation: z.number(),
  lines: z.number(),
  clientModels: z.array(z.object({ clientId: z.string(), version: z.string(), rows: z.number() })),
  heldOut: z.unknown(),
  note: z.string().nullable(),
});

export function categorizeRoutes(ctx: Ctx, deps: { history: HistorySource }) {
  return async (app: App) => {
    const base = "/api/clients/:client";
    const tags = { tags: ["Rules and AI settings"] };

    app.get(
      `${base}/rules`,
      {
        schema: {
          ...tags,
          summary: "The client's rules, learned ones included",
          params: clientParam,
          response: { 200: z.object({ rules: z.array(rule) }), ...errors },
        },
      },
      async (req) => ({ rules: (await listRules(ctx, req.actor, req.params.client)).map(ruleOut) }),
    );
    app.post(
      `${base}/rules`,
      {
        schema: {
          ...tags,
          summary: "Create a rule (accounts are ledger account ids)",
          params: clientParam,
          body: ruleIn,
          response: { 201: rule, ...errors },
        },
      },
      async (req, reply) =>
        reply.code(201).send(ruleOut(await createRule(ctx, req.actor, req.params.client, req.body))),
    );
    app.get(
      `${base}/rules/:id`,
      { schema: { ...tags, summary: "One rule", params: idParam, response: { 200: rule, ...errors } } },
      async (req) => ruleOut(await getRule(ctx, req.actor, req.params.client, req.params.id)),
    );
    app.patch(
      `${base}/rules/:id`,
      {
        schema: {
          ...tags,
          summary:
            "Edit a rule (a change to its conditions or actions makes a new version), or enable/disable it",
          params: idParam,
          body: ruleIn.partial(),
          response: { 200: rule, ...errors },
        },
      },
      async (req) => ruleOut(await updateRule(ctx, req.actor, req.params.client, req.params.id, req.body)),
    );
    app.delete(
      `${base}/rules/:id`,
      {
        schema: {
          ...tags,
          summary: "Delete a rule",
          params: idParam,
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        await deleteRule(ctx, req.actor, req.params.client, req.params.id);
        return reply.code(204).send(null);
      },
    );

    app.get(
      `${base}/ai-settings`,
      {
        schema: {
          ...tags,
          summary: "The client's AI settings, their defaults and who last changed each",
          params: clientParam,
          response: { 200: settingsOut, ...errors },
        },
      },
      async (req) => settingsViewOut(await getSettings(ctx, req.actor, req.params.client)),
    );
    app.patch(
      `${base}/ai-settings`,
      {
        schema: {
          ...tags,
          summary: "Change AI settings (only the given ones)",
          params: clientParam,
          body: settingsIn,
          response: { 200: settingsOut, ...errors },
        },
      },
      async (req) => settingsViewOut(await updateSettings(ctx, req.actor, req.params.client, req.body)),
    );
    app.get(
      `${base}/ai-settings/taxonomy`,
      {
        schema: {
          ...tags,
          summary: "The standard categories and the category of each of the client's accounts",
          params: clientParam,
          response: {
            200: taxonomyOut,
            ...errors,
          },
        },
      },
      async (req) => {
        const r = await accountCategories(ctx, req.actor, req.params.client);
        return { categories: [...r.categories], accounts: r.accounts };
      },
    );
    app.put(
      `${base}/ai-settings/taxonomy/:accountId`,
      {
        schema: {
          ...tags,
          summary:
            'Set an account\'s category: a category id, null (not used for firm-wide learning) or "default"',
          params: clientParam.extend({ accountId: z.uuid() }),
          body: z.object({ category: z.string().max(100).nullable() }),
          response: { 200: accountCategory, ...errors },
        },
      },
      async (req) =>
        setAccountCategory(
          ctx,
          req.actor,
          req.params.client,
          req.params.accountId,
          req.body.category as string | null,
        ),
    );
    app.get(
      `${base}/ai-settings/learning`,
      {
        schema: {
          ...tags,
          summary:
            "Model versions (firm-wide and this client's), corrections waiting for training, memory size",
          params: clientParam,
          response: {
            200: learningOut,
            ...errors,
          },
        },
      },
      async (req) => ({
        ...(await learningStatus(ctx, req.actor, req.params.client)),
        categories: STANDARD_CATEGORIES.length,
      }),
    );
    app.post(
      `${base}/ai-settings/train`,
      {
        schema: {
          ...tags,
          summary:
            "Train now: this client's model, or the firm-wide model across every client (partners only). Queued as a job (202) unless wait=true.",
          params: clientParam,
          body: z.object({
            scope: z.enum(["client", "firm"]).default("client"),
            wait: z.boolean().default(false),
          }),
          response: { 200: trainingReport, 202: z.object({ queued: z.literal(true) }), ...errors },
        },
      },
      async (req, reply) => {
        const outcome = await trainNow(ctx, req.actor, req.params.client, req.body, deps.history);
        return "queued" in outcome ? reply.code(202).send(outcome) : outcome;
      },
    );
  };
}
