// The service procedures API's shapes (zod): the catalogue, a client's scope, and a client's month
// checklist and required information. The portal takes its types from these.
import { z } from "zod";
import { clientParam, date, errors } from "../../platform/route-schemas.ts";
import { INFO_KINDS, LIMITS, SERVICE_TIERS } from "./catalogue-model.ts";
import { SIGN_ROLES } from "./checklist-service.ts";

export { clientParam, errors };

const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "expected YYYY-MM")
  .describe("a month, YYYY-MM");
const code = z.string().min(1).max(60).describe("the service's code, e.g. bank_card_reconciliation");
const day = z.number().int().min(1).max(28);
const name = z.string().max(LIMITS.name);

export const codeParam = z.object({ code });
export const monthParam = clientParam.extend({ month });

export const serviceIn = z.object({
  name,
  tier: z.enum(SERVICE_TIERS),
  description: z.string().max(LIMITS.text).default(""),
  tasks: z
    .array(
      z.object({
        title: name,
        description: z.string().max(LIMITS.text).default(""),
        dueDay: day.describe("due on this day of the month after the month worked"),
        checklist: z.array(name).max(LIMITS.checklist).default([]),
      }),
    )
    .max(LIMITS.tasks),
  checklist: z.array(name).max(LIMITS.checklist).describe("the month's close checklist items"),
  requiredInfo: z
    .array(z.object({ kind: z.enum(INFO_KINDS), name }))
    .max(LIMITS.requiredInfo)
    .describe("statements are asked per bank (or card) account"),
  cutOff: z.object({
    day: day.describe("information due by this day of the month after"),
    rule: z.string().max(LIMITS.text),
  }),
});

export const serviceOut = serviceIn.extend({
  id: z.string(),
  code: z.string(),
  archived: z.boolean(),
  workTemplateId: z.string().nullable(),
  updatedAt: z.string(),
});
export const catalogueOut = z.object({ services: z.array(serviceOut) });

export const scopeIn = z.object({
  services: z
    .array(
      z.object({ code, from: month.optional().describe("the first month it covers (default: this month)") }),
    )
    .max(100)
    .describe("the services on; any other is switched off"),
});
export const scopeOut = z.object({
  client: z.string(),
  services: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      tier: z.enum(SERVICE_TIERS),
      archived: z.boolean(),
      on: z.boolean(),
      from: z.string().nullable(),
      until: z.string().nullable(),
    }),
  ),
  generatedTasks: z.number().optional(),
});

export const checklistOut = z.object({
  client: z.string(),
  month: z.string(),
  closed: z.boolean(),
  services: z.array(z.object({ code: z.string(), name: z.string() })),
  checklist: z.array(
    z.object({
      key: z.string(),
      service: z.string(),
      serviceName: z.string(),
      text: z.string(),
      preparedBy: z.string().nullable(),
      preparedAt: z.string().nullable(),
      reviewedBy: z.string().nullable(),
      reviewedAt: z.string().nullable(),
    }),
  ),
  requiredInfo: z.array(
    z.object({
      key: z.string(),
      kind: z.enum(INFO_KINDS),
      name: z.string(),
      accountId: z.string().nullable(),
      services: z.array(z.string()),
      received: z.boolean(),
      receivedOn: z.string().nullable(),
      receivedVia: z.enum(["document", "statement_import", "payroll_import", "manual"]).nullable(),
      documentId: z.string().nullable(),
      importId: z.string().nullable(),
      receivedBy: z.string().nullable(),
      requestTaskId: z.string().nullable(),
    }),
  ),
  signed: z.object({ prepared: z.number(), reviewed: z.number(), total: z.number() }),
  missingInfo: z.number(),
  informationCompleteOn: z.string().nullable(),
  cutOffDay: z.number().nullable(),
  opened: z.number().optional().describe("requests opened (request only)"),
});

const key = z.string().min(1).max(200);
export const signIn = z.object({ key, role: z.enum(SIGN_ROLES) });
export const unsignIn = signIn.extend({ reason: z.string().min(1).max(2000) });
export const tickIn = z.object({ key, receivedOn: date.optional().describe("default: today") });
export const untickIn = z.object({ key });
