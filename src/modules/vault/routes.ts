// HTTP routes of the Password Manager, under /api/clients/{client}/vault: entries (list, create,
// read, change, delete — never a password), reveal (a fresh second factor; logged), the client's
// vault settings, and credential requests with the client's answer.
import { z } from "zod";
import type { App } from "../../platform/http.ts";
import { secondFactorOf } from "../identity/index.ts";
import {
  answerIn,
  clientParam,
  entryIn,
  entryOut,
  entryPatch,
  errors,
  idParam,
  listOut,
  listQuery,
  requestIn,
  requestOut,
  requestsOut,
  recipientsOut,
  revealIn,
  revealOut,
  settingsIn,
  settingsOut,
} from "./schemas.ts";
import {
  createEntry,
  deleteEntry,
  getEntry,
  getSettings,
  listEntries,
  revealEntry,
  updateEntry,
  updateSettings,
} from "./entry-service.ts";
import { answerRequest, listRequests, requestCredentials } from "./request-service.ts";
import { listRecipients } from "./recipients.ts";
import type { VaultCtx } from "./vault-ctx.ts";

const base = "/api/clients/:client/vault";
const tags = { tags: ["Password Manager"] };

export function vaultRoutes(vctx: VaultCtx) {
  return async (app: App) => {
    app.get(
      base,
      {
        schema: {
          ...tags,
          summary: "The client's logins (site, address, username, nickname, tags; never a password)",
          params: clientParam,
          querystring: listQuery,
          response: { 200: listOut, ...errors },
        },
      },
      async (req) => ({ entries: await listEntries(vctx, req.actor, req.params.client, req.query) }),
    );
    app.post(
      base,
      {
        schema: {
          ...tags,
          summary: "Add a login (the username, password and notes are encrypted at rest)",
          params: clientParam,
          body: entryIn,
          response: { 201: entryOut, ...errors },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await createEntry(vctx, req.actor, req.params.client, req.body)),
    );
    app.get(
      `${base}/settings`,
      {
        schema: {
          ...tags,
          summary: "Whether the client's own users may use its vault",
          params: clientParam,
          response: { 200: settingsOut, ...errors },
        },
      },
      async (req) => getSettings(vctx, req.actor, req.params.client),
    );
    app.put(
      `${base}/settings`,
      {
        schema: {
          ...tags,
          summary: "Let the client's own users use its vault, or not (the firm decides; off by default)",
          params: clientParam,
          body: settingsIn,
          response: { 200: settingsOut, ...errors },
        },
      },
      async (req) => updateSettings(vctx, req.actor, req.params.client, req.body),
    );
    app.get(
      `${base}/requests`,
      {
        schema: {
          ...tags,
          summary: "Open credential requests (a client user: the ones sent to them or to the client)",
          params: clientParam,
          response: { 200: requestsOut, ...errors },
        },
      },
      async (req) => ({ requests: await listRequests(vctx, req.actor, req.params.client) }),
    );
    app.get(
      `${base}/recipients`,
      {
        schema: {
          ...tags,
          summary: "The client's users a credential request can be sent to",
          params: clientParam,
          response: { 200: recipientsOut, ...errors },
        },
      },
      async (req) => ({ recipients: await listRecipients(vctx, req.actor, req.params.client) }),
    );
    app.post(
      `${base}/requests`,
      {
        schema: {
          ...tags,
          summary: "Ask the client for a login: a credential request task, answered into the vault",
          params: clientParam,
          body: requestIn,
          response: { 201: requestOut, ...errors },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await requestCredentials(vctx, req.actor, req.params.client, req.body)),
    );
    app.post(
      `${base}/requests/:id/answer`,
      {
        schema: {
          ...tags,
          summary: "Answer a credential request: the login goes into the vault, the request is done",
          params: idParam,
          body: answerIn,
          response: { 201: entryOut, ...errors },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(await answerRequest(vctx, req.actor, req.params.client, req.params.id, req.body)),
    );
    app.get(
      `${base}/:id`,
      {
        schema: {
          ...tags,
          summary: "One login (without its password or notes)",
          params: idParam,
          response: { 200: entryOut, ...errors },
        },
      },
      async (req) => getEntry(vctx, req.actor, req.params.client, req.params.id),
    );
    app.patch(
      `${base}/:id`,
      {
        schema: {
          ...tags,
          summary: "Change a login (only the fields sent)",
          params: idParam,
          body: entryPatch,
          response: { 200: entryOut, ...errors },
        },
      },
      async (req) => updateEntry(vctx, req.actor, req.params.client, req.params.id, req.body),
    );
    app.delete(
      `${base}/:id`,
      {
        schema: {
          ...tags,
          summary: "Delete a login for good (audited)",
          params: idParam,
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        await deleteEntry(vctx, req.actor, req.params.client, req.params.id);
        return reply.code(204).send(null);
      },
    );
    app.post(
      `${base}/:id/reveal`,
      {
        schema: {
          ...tags,
          summary:
            "The password and notes of a login: needs your second factor from the last 5 minutes (403 vault/step-up-required); logged",
          params: idParam,
          body: revealIn,
          response: { 200: revealOut, ...errors },
        },
      },
      async (req) =>
        revealEntry(
          vctx,
          req.actor,
          req.params.client,
          req.params.id,
          secondFactorOf(req),
          req.body?.purpose ?? "view",
        ),
    );
  };
}
