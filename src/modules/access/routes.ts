// HTTP routes for the firm's clients: the clients table, the add-client wizard (its first step and
// saved progress), client details, termination and its cancellation; and the roles list.
import { z } from "zod";
import type { App } from "../../platform/http.ts";
import type { Ctx } from "../../platform/context.ts";
import type { Actor } from "../../platform/actor.ts";
import { ROLES, ROLE_INFO, can, canGrant } from "./model.ts";
import {
  ACCOUNTING_SYSTEMS,
  CADENCES,
  ONBOARDING_STEPS,
  parseOnboarding,
  type ContactPerson,
} from "./client-model.ts";
import * as access from "./service.ts";
import type { Client } from "./store.ts";
import { clientParam, errors } from "../../platform/route-schemas.ts";
import { TEXT_LIMITS } from "../../platform/text-limits.ts";

const contactOut = z
  .object({ name: z.string(), email: z.string().nullable(), phone: z.string().nullable() })
  .nullable();
const contactIn = z
  .object({
    name: z.string().max(200).optional(),
    email: z.string().max(320).nullable().optional(),
    phone: z.string().max(50).nullable().optional(),
  })
  .nullable();

export const client = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  homeCurrency: z.string(),
  status: z.enum(["active", "terminated"]),
  createdAt: z.string().describe("when the client was added"),
  legalName: z.string().nullable(),
  dba: z.string().nullable(),
  industry: z.string().nullable(),
  accountingSystem: z.enum(ACCOUNTING_SYSTEMS).nullable(),
  bookkeepingCadence: z.enum(CADENCES).nullable(),
  closeDay: z.number().nullable(),
  serviceStartDate: z.string().nullable(),
  pointOfContact: contactOut,
  bankStatementContact: contactOut,
  notes: z.string().nullable().optional().describe("the firm's internal notes: never sent to client users"),
  terminatedAt: z.string().nullable(),
  purgeAfter: z
    .string()
    .nullable()
    .describe("terminated clients are purged after this moment unless the termination is cancelled"),
  onboarding: z.object({
    step: z.string(),
    completedSteps: z.array(z.string()),
    data: z.record(z.string(), z.unknown()),
  }),
});

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** One role in GET /api/roles. */
export const roleInfo = z.object({
  role: z.enum(ROLES),
  label: z.string(),
  side: z.enum(["partner", "client"]),
  grantable: z.boolean(),
});

export function clientOut(c: Client, actor: Actor): z.infer<typeof client> {
  return {
    id: c.id,
    slug: c.slug,
    name: c.name,
    homeCurrency: c.home_currency,
    status: c.status,
    createdAt: iso(c.created_at)!,
    legalName: c.legal_name,
    dba: c.dba,
    industry: c.industry,
    accountingSystem: c.accounting_system,
    bookkeepingCadence: c.bookkeeping_cadence,
    closeDay: c.close_day,
    serviceStartDate: c.service_start_date,
    pointOfContact: (c.point_of_contact as ContactPerson | null) ?? null,
    bankStatementContact: (c.bank_statement_contact as ContactPerson | null) ?? null,
    ...(can(actor, "client.notes") ? { notes: c.notes } : {}),
    terminatedAt: iso(c.terminated_at),
    purgeAfter: iso(c.purge_after),
    onboarding: parseOnboarding(c.onboarding),
  };
}

const details = {
  legalName: z.string().max(200).nullable().optional(),
  dba: z.string().max(200).nullable().optional(),
  industry: z.string().max(100).nullable().optional(),
  accountingSystem: z.enum(ACCOUNTING_SYSTEMS).nullable().optional(),
  bookkeepingCadence: z.enum(CADENCES).nullable().optional(),
  closeDay: z.number().int().min(1).max(31).nullable().optional(),
  serviceStartDate: z.string().max(40).nullable().optional().describe("YYYY-MM-DD"),
  pointOfContact: contactIn.optional(),
  bankStatementContact: contactIn.optional(),
  notes: z.string().max(10_000).nullable().optional(),
};

export interface AccessRouteHooks {
  /** A client was terminated or its termination cancelled (the app tells the firm's Partner Admins). */
  clientTerminationChanged?(actor: Actor, client: Client): Promise<void>;
}

export function accessRoutes(ctx: Ctx, hooks: AccessRouteHooks = {}) {
  const told = async (actor: Actor, client: Client) => {
    await hooks.clientTerminationChanged?.(actor, client).catch(() => undefined);
    return clientOut(client, actor);
  };
  return async (app: App) => {
    const tags = ["Clients"];
    app.get(
      "/api/clients",
      {
        schema: {
          tags,
          summary: "The clients table: every client you can see",
          querystring: z.object({ status: z.enum(["active", "terminated"]).optional() }),
          response: { 200: z.object({ clients: z.array(client) }), ...errors },
        },
      },
      async (req) => ({
        clients: (await access.listClients(ctx.db, req.actor, req.query.status)).map((c) =>
          clientOut(c, req.actor),
        ),
      }),
    );
    app.post(
      "/api/clients",
      {
        schema: {
          tags,
          summary: "Add a client (the first step of the add-client wizard)",
          body: z.object({
            slug: z.string().max(TEXT_LIMITS.name).optional(),
            name: z.string().max(TEXT_LIMITS.name),
            ...details,
          }),
          response: { 201: client, ...errors },
        },
      },
      async (req, reply) =>
        reply.code(201).send(clientOut(await access.createClient(ctx.db, req.actor, req.body), req.actor)),
    );
    app.get(
      "/api/clients/:client",
      {
        schema: {
          tags,
          summary: "A client's details",
          params: clientParam,
          response: { 200: client, ...errors },
        },
      },
      async (req) => clientOut(await access.requireClient(ctx.db, req.actor, req.params.client), req.actor),
    );
    app.patch(
      "/api/clients/:client",
      {
        schema: {
          tags,
          summary: "Edit a client's details",
          params: clientParam,
          body: z.object({ name: z.string().max(TEXT_LIMITS.name).optional(), ...details }),
          response: { 200: client, ...errors },
        },
      },
      async (req) =>
        clientOut(await access.updateClientDetails(ctx, req.actor, req.params.client, req.body), req.actor),
    );
    app.put(
      "/api/clients/:client/onboarding",
      {
        schema: {
          tags,
          summary: "Save the add-client wizard's progress on one step (so it can be resumed)",
          params: clientParam,
          body: z.object({
            step: z.enum(ONBOARDING_STEPS),
            completed: z.boolean().default(false),
            data: z
              .record(z.string().max(TEXT_LIMITS.name), z.unknown())
              .refine((d) => JSON.stringify(d).length <= TEXT_LIMITS.note, {
                message: `at most ${TEXT_LIMITS.note} characters once written as JSON`,
              })
              .optional(),
          }),
          response: { 200: client, ...errors },
        },
      },
      async (req) =>
        clientOut(await access.saveOnboarding(ctx, req.actor, req.params.client, req.body), req.actor),
    );
    app.post(
      "/api/clients/:client/terminate",
      {
        schema: {
          tags,
          summary: "Terminate a client: its data is kept 90 days, then purged",
          params: clientParam,
          body: z.object({ reason: z.string().max(1000).nullable().optional() }).nullish(),
          response: { 200: client, ...errors },
        },
      },
      async (req) =>
        told(req.actor, await access.terminateClient(ctx, req.actor, req.params.client, req.body ?? {})),
    );
    app.post(
      "/api/clients/:client/cancel-termination",
      {
        schema: {
          tags,
          summary: "Cancel a client's termination during the retention period",
          params: clientParam,
          response: { 200: client, ...errors },
        },
      },
      async (req) => told(req.actor, await access.cancelClientTermination(ctx, req.actor, req.params.client)),
    );

    app.get(
      "/api/roles",
      {
        schema: {
          tags: ["Users"],
          summary: "The roles, and whether you may give each",
          response: {
            200: z.object({
              roles: z.array(roleInfo),
            }),
            ...errors,
          },
        },
      },
      async (req) => ({
        roles: ROLES.map((role) => ({
          role,
          label: ROLE_INFO[role].label,
          side: ROLE_INFO[role].side,
          grantable: canGrant(req.actor.role, role),
        })),
      }),
    );
  };
}
