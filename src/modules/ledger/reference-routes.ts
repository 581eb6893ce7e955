// HTTP routes of the reference lists that journal lines point at — contacts (vendors, customers, …)
// and dimensions (classes, departments, locations, projects) — under /api/clients/{client}/….
import { TEXT_LIMITS } from "../../platform/text-limits.ts";
import { z } from "zod";
import type { App } from "../../platform/http.ts";
import type { Ctx } from "../../platform/context.ts";
import * as ledger from "./index.ts";
import type { ContactRow, DimensionRow } from "./reference-service.ts";
import { base, clientParam, errors, idParam, tags } from "./route-schemas.ts";

const contactKinds = ["vendor", "customer", "employee", "other"] as const;
export const contact = z.object({
  id: z.string(),
  kind: z.enum(contactKinds),
  name: z.string(),
  email: z.string().nullable(),
  isActive: z.boolean(),
});
const contactOut = (c: ContactRow): z.infer<typeof contact> => ({
  id: c.id,
  kind: c.kind,
  name: c.name,
  email: c.email,
  isActive: c.is_active,
});
const dimensionKinds = ["class", "department", "location", "project"] as const;
export const dimension = z.object({
  id: z.string(),
  kind: z.enum(dimensionKinds),
  name: z.string(),
  parentId: z.string().nullable(),
  isActive: z.boolean(),
});
const dimensionOut = (d: DimensionRow): z.infer<typeof dimension> => ({
  id: d.id,
  kind: d.kind,
  name: d.name,
  parentId: d.parent_id,
  isActive: d.is_active,
});

export function referenceRoutes(ctx: Ctx) {
  return async (app: App) => {
    // ── contacts ──
    app.get(
      `${base}/contacts`,
      {
        schema: {
          ...tags("Contacts"),
          summary: "List vendors, customers and other contacts",
          params: clientParam,
          querystring: z.object({ kind: z.enum(contactKinds).optional() }),
          response: { 200: z.object({ contacts: z.array(contact) }), ...errors },
        },
      },
      async (req) => ({
        contacts: (await ledger.listContacts(ctx, req.actor, req.params.client, req.query.kind)).map(
          contactOut,
        ),
      }),
    );
    app.post(
      `${base}/contacts`,
      {
        schema: {
          ...tags("Contacts"),
          summary: "Create a contact",
          params: clientParam,
          body: z.object({
            kind: z.enum(contactKinds),
            name: z.string().max(TEXT_LIMITS.name),
            email: z.email().max(320).nullable().optional(),
          }),
          response: { 201: contact, ...errors },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(contactOut(await ledger.createContact(ctx, req.actor, req.params.client, req.body))),
    );
    app.patch(
      `${base}/contacts/:id`,
      {
        schema: {
          ...tags("Contacts"),
          summary: "Edit or (de)activate a contact",
          params: idParam,
          body: z.object({
            name: z.string().max(TEXT_LIMITS.name).optional(),
            email: z.email().max(320).nullable().optional(),
            isActive: z.boolean().optional(),
          }),
          response: { 200: contact, ...errors },
        },
      },
      async (req) =>
        contactOut(await ledger.updateContact(ctx, req.actor, req.params.client, req.params.id, req.body)),
    );

    // ── dimensions ──
    app.get(
      `${base}/dimensions`,
      {
        schema: {
          ...tags("Dimensions"),
          summary: "List classes, departments, locations and projects",
          params: clientParam,
          querystring: z.object({ kind: z.enum(dimensionKinds).optional() }),
          response: { 200: z.object({ dimensions: z.array(dimension) }), ...errors },
        },
      },
      async (req) => ({
        dimensions: (await ledger.listDimensions(ctx, req.actor, req.params.client, req.query.kind)).map(
          dimensionOut,
        ),
      }),
    );
    app.post(
      `${base}/dimensions`,
      {
        schema: {
          ...tags("Dimensions"),
          summary: "Create a class, department, location or project",
          params: clientParam,
          body: z.object({
            kind: z.enum(dimensionKinds),
            name: z.string().max(TEXT_LIMITS.name),
            parentId: z.uuid().nullable().optional(),
          }),
          response: { 201: dimension, ...errors },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(dimensionOut(await ledger.createDimension(ctx, req.actor, req.params.client, req.body))),
    );
    app.patch(
      `${base}/dimensions/:id`,
      {
        schema: {
          ...tags("Dimensions"),
          summary: "Rename or (de)activate a dimension",
          params: idParam,
          body: z.object({
            name: z.string().max(TEXT_LIMITS.name).optional(),
            isActive: z.boolean().optional(),
          }),
          response: { 200: dimension, ...errors },
        },
      },
      async (req) =>
        dimensionOut(
          await ledger.updateDimension(ctx, req.actor, req.params.client, req.params.id, req.body),
        ),
    );
  };
}
