// HTTP routes of journal entries — drafts, posting, reversal — under
// /api/clients/{client}/journal-entries.
import { z } from "zod";
import type { App } from "../../platform/http.ts";
import type { Ctx } from "../../platform/context.ts";
import * as ledger from "./index.ts";
import { currencyScalesFor } from "./scales.ts";
import { entry, entryIn, entryOut } from "./entry-schemas.ts";
import { base, clientParam, date, errors, flag, idParam, tags } from "./route-schemas.ts";

export function entryRoutes(ctx: Ctx) {
  return async (app: App) => {
    app.get(
      `${base}/journal-entries`,
      {
        schema: {
          ...tags("Journal entries"),
          summary: "List journal entries, newest first",
          params: clientParam,
          querystring: z.object({
            status: z.enum(["draft", "posted"]).optional(),
            from: date.optional(),
            to: date.optional(),
            limit: z.coerce.number().int().min(1).max(500).default(50),
            offset: z.coerce.number().int().min(0).default(0),
          }),
          response: { 200: z.object({ entries: z.array(entry) }), ...errors },
        },
      },
      async (req) => {
        const list = await ledger.listEntries(ctx, req.actor, req.params.client, req.query);
        const scales = await currencyScalesFor(ctx, req.actor, req.params.client);
        return { entries: list.map((e) => entryOut(e, scales)) };
      },
    );
    app.post(
      `${base}/journal-entries`,
      {
        schema: {
          ...tags("Journal entries"),
          summary: "Create a draft entry, or post it at once with post=true",
          params: clientParam,
          querystring: z.object({ post: flag.default(false) }),
          body: entryIn,
          response: { 201: entry, ...errors },
        },
      },
      async (req, reply) => {
        const input = await ledger.toEntryInput(ctx, req.actor, req.params.client, req.body);
        const created = req.query.post
          ? await ledger.postEntry(ctx, req.actor, req.params.client, input)
          : await ledger.createDraft(ctx, req.actor, req.params.client, input);
        return reply
          .code(201)
          .send(entryOut(created, await currencyScalesFor(ctx, req.actor, req.params.client)));
      },
    );
    app.get(
      `${base}/journal-entries/:id`,
      {
        schema: {
          ...tags("Journal entries"),
          summary: "Get a journal entry with its lines",
          params: idParam,
          response: { 200: entry, ...errors },
        },
      },
      async (req) =>
        entryOut(
          await ledger.getEntry(ctx, req.actor, req.params.client, req.params.id),
          await currencyScalesFor(ctx, req.actor, req.params.client),
        ),
    );
    app.put(
      `${base}/journal-entries/:id`,
      {
        schema: {
          ...tags("Journal entries"),
          summary: "Replace a draft entry",
          params: idParam,
          body: entryIn,
          response: { 200: entry, ...errors },
        },
      },
      async (req) => {
        const input = await ledger.toEntryInput(ctx, req.actor, req.params.client, req.body);
        return entryOut(
          await ledger.updateDraft(ctx, req.actor, req.params.client, req.params.id, input),
          await currencyScalesFor(ctx, req.actor, req.params.client),
        );
      },
    );
    app.delete(
      `${base}/journal-entries/:id`,
      {
        schema: {
          ...tags("Journal entries"),
          summary: "Delete a draft entry",
          params: idParam,
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        await ledger.deleteDraft(ctx, req.actor, req.params.client, req.params.id);
        return reply.code(204).send(null);
      },
    );
    app.post(
      `${base}/journal-entries/:id/post`,
      {
        schema: {
          ...tags("Journal entries"),
          summary: "Post a draft entry",
          params: idParam,
          response: { 200: entry, ...errors },
        },
      },
      async (req) =>
        entryOut(
          await ledger.postDraft(ctx, req.actor, req.params.client, req.params.id),
          await currencyScalesFor(ctx, req.actor, req.params.client),
        ),
    );
    app.post(
      `${base}/journal-entries/:id/reverse`,
      {
        schema: {
          ...tags("Journal entries"),
          summary: "Reverse a posted entry with a new entry",
          params: idParam,
          body: z.object({ date: date.optional(), description: z.string().max(1000).optional() }).default({}),
          response: { 201: entry, ...errors },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(
            entryOut(
              await ledger.reverseEntry(ctx, req.actor, req.params.client, req.params.id, req.body ?? {}),
              await currencyScalesFor(ctx, req.actor, req.params.client),
            ),
          ),
    );
  };
}
