// The categorization API's shapes: rules (conditions and actions as the engine's data), AI settings
// and model versions, as zod schemas, and the functions that turn service results into them.
import { TEXT_LIMITS } from "../../platform/text-limits.ts";
import { z } from "zod";
import { formatMinor, isoScale } from "../../platform/money.ts";
import type { StoredRule } from "./rule-store.ts";
import type { AiSettings } from "./settings-model.ts";
import type { SettingsView } from "./settings-service.ts";
import { clientParam, date, decimal, errors, idParam } from "../../platform/route-schemas.ts";

export { clientParam, errors, idParam };

const text = z.string().min(1).max(500);
export const condition = z.union([
  z.object({
    field: z.enum(["description", "payee"]),
    op: z.enum(["contains", "equals", "startsWith", "regex"]),
    value: text,
  }),
  z.object({ field: z.literal("amount"), op: z.literal("equals"), value: decimal }),
  z.object({ field: z.literal("amount"), op: z.literal("between"), min: decimal, max: decimal }),
  z.object({
    field: z.literal("amount"),
    op: z.literal("approx"),
    value: decimal,
    tolerancePercent: decimal,
  }),
  z.object({ field: z.literal("direction"), op: z.literal("is"), value: z.enum(["in", "out"]) }),
  z.object({ field: z.literal("bankAccount"), op: z.literal("is"), value: z.uuid() }),
]);

const part = {
  account: z.string().min(1).max(TEXT_LIMITS.name),
  classId: z.uuid().optional(),
  memo: z.string().max(1000).optional(),
};
export const actions = z.object({
  account: z.string().min(1).max(TEXT_LIMITS.name).optional().describe("ledger account id"),
  payee: z.string().min(1).max(200).optional(),
  classId: z.uuid().optional(),
  memo: z.string().max(1000).optional(),
  split: z
    .union([
      z.object({
        by: z.literal("amount"),
        parts: z
          .array(z.object({ ...part, amount: decimal.optional() }))
          .min(2)
          .max(20),
      }),
      z.object({
        by: z.literal("percent"),
        parts: z
          .array(z.object({ ...part, percent: decimal }))
          .min(2)
          .max(20),
      }),
    ])
    .optional(),
});

export const ruleIn = z.object({
  name: z.string().max(200).optional(),
  match: z.enum(["all", "any"]).default("all"),
  conditions: z.array(condition).min(1).max(20),
  actions,
  enabled: z.boolean().optional(),
});

export const rule = z.object({
  id: z.string(),
  name: z.string(),
  match: z.enum(["all", "any"]),
  conditions: z.array(condition),
  actions,
  enabled: z.boolean(),
  version: z.number(),
  origin: z.enum(["manual", "correction"]),
  sourceTransactionId: z.string().nullable(),
  createdBy: z.object({ id: z.string(), name: z.string() }),
  updatedBy: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export function ruleOut(r: StoredRule): z.infer<typeof rule> {
  return {
    id: r.id,
    name: r.name,
    match: r.match,
    conditions: r.conditions as z.infer<typeof rule>["conditions"],
    actions: r.actions as z.infer<typeof actions>,
    enabled: r.enabled,
    version: r.version,
    origin: r.origin,
    sourceTransactionId: r.sourceTransactionId,
    createdBy: r.createdBy,
    updatedBy: r.updatedBy,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

const stamp = z.object({ by: z.string(), name: z.string(), at: z.string() });
const settingsShape = z.object({
  trainingWindow: z.object({ from: date.nullable(), to: date.nullable() }),
  excludedAccountIds: z.array(z.string().max(TEXT_LIMITS.name)),
  materiality: decimal
    .nullable()
    .describe("in the client's home currency; at or above it a line always needs review"),
  bands: z.object({
    high: decimal.describe("percent: at or above it a prediction is posted and processed (default 98)"),
    medium: decimal.describe("percent: at or above it a prediction is posted and needs review (default 90)"),
  }),
  lowConfidence: z.enum(["post_default", "hold"]),
  defaultExpenseAccountId: z.string().max(TEXT_LIMITS.name).nullable(),
  defaultIncomeAccountId: z.string().max(TEXT_LIMITS.name).nullable(),
  defaultPayeeContactId: z.string().max(TEXT_LIMITS.name).nullable(),
  defaultAssigneeId: z.string().max(TEXT_LIMITS.name).nullable(),
});
export const settingsOut = z.object({
  settings: settingsShape.extend({ updated: z.record(z.string(), stamp) }),
  defaults: settingsShape,
  lastUpdated: stamp.nullable(),
  currency: z.string(),
});
export const settingsIn = settingsShape.partial();

/** A band limit kept in hundredths of a percent (9800), written as the percentage ("98"), exactly. */
const percentOf = (hundredths: number) => formatMinor(BigInt(hundredths), 2).replace(/\.?0+$/, "");

function settingsJson(s: AiSettings, currency: string) {
  return {
    trainingWindow: s.trainingWindow,
    excludedAccountIds: s.excludedAccountIds,
    materiality: s.materiality === null ? null : formatMinor(s.materiality, isoScale(currency)),
    bands: { high: percentOf(s.bands.high), medium: percentOf(s.bands.medium) },
    lowConfidence: s.lowConfidence,
    defaultExpenseAccountId: s.defaultExpenseAccountId,
    defaultIncomeAccountId: s.defaultIncomeAccountId,
    defaultPayeeContactId: s.defaultPayeeContactId,
    defaultAssigneeId: s.defaultAssigneeId,
  };
}

export function settingsViewOut(v: SettingsView): z.infer<typeof settingsOut> {
  return {
    settings: {
      ...settingsJson(v.settings, v.currency),
      updated: v.settings.updated as Record<string, z.infer<typeof stamp>>,
    },
    defaults: settingsJson(v.defaults, v.currency),
    lastUpdated: v.lastUpdated,
    currency: v.currency,
  };
}

// ── taxonomy and learning ──

export const modelVersion = z.object({
  id: z.string(),
  scope: z.enum(["firm", "client"]),
  version: z.string(),
  generation: z.number(),
  rows: z.number(),
  trainedThrough: z.string().nullable(),
  heldOut: z.unknown(),
  isCurrent: z.boolean(),
  trainedBy: z.string(),
  trainedAt: z.string(),
  sizeBytes: z.number(),
});

export const accountCategory = z.object({
  accountId: z.string(),
  number: z.string().nullable(),
  fullName: z.string(),
  type: z.string(),
  isActive: z.boolean(),
  category: z.string().nullable(),
  source: z.enum(["set", "default", "none"]),
});

export const taxonomyOut = z.object({
  categories: z.array(z.object({ id: z.string(), name: z.string(), type: z.string() })),
  accounts: z.array(accountCategory),
});

export const learningOut = z.object({
  models: z.array(modelVersion),
  pendingCorrections: z.number(),
  trainingQueued: z.boolean(),
  /** Where the last tracked training (after a history import) stands. */
  training: z
    .object({
      stage: z.enum(["queued", "reading", "training", "done", "failed", "nothing-to-learn"]),
      lines: z.number().optional(),
      moneyEntries: z.number().optional(),
      error: z.string().optional(),
      at: z.string(),
    })
    .nullable(),
  memory: z.object({ clientTallies: z.number(), firmTallies: z.number(), learned: z.string() }),
  categories: z.number(),
});
