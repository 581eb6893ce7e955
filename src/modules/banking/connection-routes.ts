// HTTP routes for connections: list, request one from the client, add one, set up, reconnect,
// disconnect, link bank accounts, sync now, remove.
import { TEXT_LIMITS } from "../../platform/text-limits.ts";
import { z } from "zod";
import type { App } from "../../platform/http.ts";
import type { BankingCtx } from "./banking-ctx.ts";
import * as connections from "./connection-service.ts";
import { clientParam, connection, connectionOut, errors, idParam, pollReport } from "./schemas.ts";

const tags = ["Connections"];
const institutionRef = {
  institutionId: z.uuid().nullable().optional(),
  institutionName: z.string().max(200).nullable().optional(),
};

export function connectionRoutes(bctx: BankingCtx) {
  return async (app: App) => {
    const base = "/api/clients/:client/connections";
    const one = (summary: string) => ({
      schema: { tags, summary, params: idParam, response: { 200: connection, ...errors } },
    });

    app.get(
      base,
      {
        schema: {
          tags,
          summary:
            "The client's connections (requested, setting up, connected, disconnected) and the providers that can back one",
          params: clientParam,
          response: {
            200: z.object({
              connections: z.array(connection),
              providers: z.array(z.object({ name: z.string(), label: z.string() })),
            }),
            ...errors,
          },
        },
      },
      async (req) => ({
        connections: (await connections.listConnections(bctx, req.actor, req.params.client)).map(
          connectionOut,
        ),
        providers: [...bctx.providers.values()].map((p) => ({ name: p.name, label: p.label })),
      }),
    );
    app.post(
      base,
      {
        schema: {
          tags,
          summary: "Connect a bank now through a provider (file-drop: a folder under the data dir)",
          params: clientParam,
          body: z.object({
            ...institutionRef,
            provider: z.string().max(TEXT_LIMITS.name),
            bankAccountIds: z.array(z.uuid()).max(100).optional(),
          }),
          response: { 201: connection, ...errors },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(connectionOut(await connections.addConnection(bctx, req.actor, req.params.client, req.body))),
    );
    app.post(
      `${base}/request`,
      {
        schema: {
          tags,
          summary:
            "Ask the client to connect a bank: a requested connection and a task (with a notification) for the person asked, or the client's people",
          params: clientParam,
          body: z.object({
            ...institutionRef,
            assigneeId: z.uuid().nullable().optional(),
            message: z.string().max(2000).nullable().optional(),
          }),
          response: { 201: connection, ...errors },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(
            connectionOut(await connections.requestConnection(bctx, req.actor, req.params.client, req.body)),
          ),
    );
    app.get(`${base}/:id`, one("A connection with its history and open requests"), async (req) =>
      connectionOut(await connections.getConnection(bctx, req.actor, req.params.client, req.params.id)),
    );
    app.post(
      `${base}/:id/set-up`,
      {
        schema: {
          tags,
          summary: "Start connecting a requested connection (the person setting it up becomes its owner)",
          params: idParam,
          body: z.object({
            provider: z.string().max(TEXT_LIMITS.name),
            bankAccountIds: z.array(z.uuid()).max(100).optional(),
          }),
          response: { 200: connection, ...errors },
        },
      },
      async (req) =>
        connectionOut(
          await connections.setUpConnection(bctx, req.actor, req.params.client, req.params.id, req.body),
        ),
    );
    app.post(`${base}/:id/reconnect`, one("Connect a disconnected connection again"), async (req) =>
      connectionOut(await connections.reconnect(bctx, req.actor, req.params.client, req.params.id)),
    );
    app.post(
      `${base}/:id/disconnect`,
      {
        schema: {
          tags,
          summary:
            "Disconnect a connection (someone other than the owner doing so gives the owner a reconnect task)",
          params: idParam,
          body: z.object({ reason: z.string().max(1000).nullable().optional() }),
          response: { 200: connection, ...errors },
        },
      },
      async (req) =>
        connectionOut(
          await connections.disconnect(bctx, req.actor, req.params.client, req.params.id, req.body.reason),
        ),
    );
    app.put(
      `${base}/:id/bank-accounts`,
      {
        schema: {
          tags,
          summary: "Choose the bank accounts the connection feeds",
          params: idParam,
          body: z.object({ bankAccountIds: z.array(z.uuid()).max(100) }),
          response: { 200: connection, ...errors },
        },
      },
      async (req) =>
        connectionOut(
          await connections.linkBankAccounts(
            bctx,
            req.actor,
            req.params.client,
            req.params.id,
            req.body.bankAccountIds,
          ),
        ),
    );
    app.post(
      `${base}/:id/sync`,
      {
        schema: {
          tags,
          summary: "Fetch what is new now (file-drop: import the files in the folder)",
          params: idParam,
          response: { 200: pollReport, ...errors },
        },
      },
      async (req) => connections.syncConnection(bctx, req.actor, req.params.client, req.params.id),
    );
    app.delete(
      `${base}/:id`,
      {
        schema: {
          tags,
          summary: "Remove a connection (its owner or a Partner Admin); its bank accounts and lines stay",
          params: idParam,
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        await connections.removeConnection(bctx, req.actor, req.params.client, req.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
