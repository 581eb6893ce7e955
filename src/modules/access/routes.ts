// HTTP routes for the firm's clients (the identity issue adds users, roles and client details).
import { z } from "zod";
import type { App } from "../../platform/http.ts";
import type { Ctx } from "../../platform/context.ts";
import { requirePermission } from "./permissions.ts";
import * as access from "./service.ts";
import type { Client } from "./store.ts";

const client = z.object({ id: z.string(), slug: z.string(), name: z.string(), homeCurrency: z.string(), status: z.string(), createdAt: z.string() });
const clientOut = (c: Client) => ({ id: c.id, slug: c.slug, name: c.name, homeCurrency: c.home_currency, status: c.status, createdAt: new Date(c.created_at).toISOString() });
const problem = z.object({ type: z.string(), title: z.string(), status: z.number(), detail: z.string() }).loose();

export function accessRoutes(ctx: Ctx) {
  return async (app: App) => {
    app.get("/api/clients", { schema: { tags: ["Clients"], summary: "List the clients you can see", response: { 200: z.object({ clients: z.array(client) }) } } },
      async (req) => ({ clients: (await access.listClients(ctx.db, req.actor)).map(clientOut) }));
    app.post("/api/clients", { schema: { tags: ["Clients"], summary: "Add a client", body: z.object({ slug: z.string(), name: z.string() }), response: { 201: client, 400: problem, 403: problem, 409: problem } } },
      async (req, reply) => {
        requirePermission(req.actor, "client.create");
        return reply.code(201).send(clientOut(await access.createClient(ctx.db, req.actor, req.body)));
      });
    app.get("/api/clients/:client", { schema: { tags: ["Clients"], summary: "Get a client", params: z.object({ client: z.string() }), response: { 200: client, 404: problem } } },
      async (req) => clientOut(await access.requireClient(ctx.db, req.actor, req.params.client)));
  };
}
