// HTTP routes of comments, under /api/clients/{client}/comments: an object's thread, writing,
// editing and deleting one's own comment, a comment's history, and the people one may mention.
import { z } from "zod";
import type { App } from "../../platform/http.ts";
import { clientParam, errors } from "../../platform/route-schemas.ts";
import type { CommsCtx } from "./comms-ctx.ts";
import {
  commentHistory,
  createComment,
  deleteComment,
  editComment,
  listComments,
  mentionPeople,
} from "./comment-service.ts";
import {
  commentChangeIn,
  commentIn,
  commentOut,
  commentParam,
  mentionableOut,
  peopleQuery,
  threadQuery,
  versionOut,
  writtenOut,
} from "./schemas.ts";

const base = "/api/clients/:client/comments";
const tags = ["Comments"];

export function commsRoutes(cctx: CommsCtx) {
  return async (app: App) => {
    app.get(
      base,
      {
        schema: {
          tags,
          summary: "The comments on an object (task, document, transaction, journal entry, reconciliation)",
          params: clientParam,
          querystring: threadQuery,
          response: { 200: z.object({ comments: z.array(commentOut) }), ...errors },
        },
      },
      async (req) => ({ comments: await listComments(cctx, req.actor, req.params.client, req.query.object) }),
    );
    app.post(
      base,
      {
        schema: {
          tags,
          summary: "Comment on an object; mentioned people who may not see it are not told (see warnings)",
          params: clientParam,
          body: commentIn,
          response: { 201: writtenOut, ...errors },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await createComment(cctx, req.actor, req.params.client, req.body)),
    );
    app.patch(
      `${base}/:id`,
      {
        schema: {
          tags,
          summary: "Edit your own comment (the earlier text is kept in its history)",
          params: commentParam,
          body: commentChangeIn,
          response: { 200: writtenOut, ...errors },
        },
      },
      async (req) => editComment(cctx, req.actor, req.params.client, req.params.id, req.body),
    );
    app.delete(
      `${base}/:id`,
      {
        schema: {
          tags,
          summary: "Delete your own comment (it stays in the thread as deleted; its history is kept)",
          params: commentParam,
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        await deleteComment(cctx, req.actor, req.params.client, req.params.id);
        return reply.code(204).send(null);
      },
    );
    app.get(
      `${base}/:id/history`,
      {
        schema: {
          tags,
          summary: "Every version of a comment, oldest first",
          params: commentParam,
          response: { 200: z.object({ versions: z.array(versionOut) }), ...errors },
        },
      },
      async (req) => ({
        versions: await commentHistory(cctx, req.actor, req.params.client, req.params.id),
      }),
    );
    app.get(
      "/api/clients/:client/comment-people",
      {
        schema: {
          tags,
          summary: "The people who may be mentioned in a comment of this visibility on this client",
          params: clientParam,
          querystring: peopleQuery,
          response: { 200: mentionableOut, ...errors },
        },
      },
      async (req) => ({
        people: await mentionPeople(cctx, req.actor, req.params.client, req.query.visibility),
      }),
    );
  };
}
