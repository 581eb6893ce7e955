// HTTP routes for documents: the list (a folder's, a search, the trash), one document with its
// versions, its history, its content (download, or inline for the portal's preview), rename and
// move, trash and restore, and the missing statements of the client's bank accounts.
import { z } from "zod";
import type { App } from "../../platform/http.ts";
import { attachmentDisposition } from "../../platform/content-disposition.ts";
import type { DocumentsCtx } from "./documents-ctx.ts";
import * as documents from "./document-service.ts";
import { listMissingStatements } from "./missing-statements-service.ts";
import {
  clientParam,
  document,
  documentChange,
  documentOut,
  documentQuery,
  downloadQuery,
  errors,
  historyEntry,
  historyOut,
  idParam,
  missingOut,
  missingStatements,
} from "./schemas.ts";

const tags = ["Documents"];

/** What a stored file may do when opened from the portal: nothing but show itself. */
const CONTENT_POLICY =
  "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'self'";

export function documentRoutes(ctx: DocumentsCtx) {
  return async (app: App) => {
    const base = "/api/clients/:client/documents";
    app.get(
      base,
      {
        schema: {
          tags,
          summary: "Documents of a folder (or all), by name; `trash=true` lists the trash instead",
          params: clientParam,
          querystring: documentQuery,
          response: { 200: z.object({ documents: z.array(document) }), ...errors },
        },
      },
      async (req) => ({
        documents: (
          await documents.listDocuments(ctx, req.actor, req.params.client, {
            folderId: req.query.folder,
            trash: req.query.trash,
            search: req.query.search,
            limit: req.query.limit,
          })
        ).map(documentOut),
      }),
    );
    app.get(
      `${base}/:id`,
      {
        schema: {
          tags,
          summary: "One document with its versions (recorded in its history as viewed)",
          params: idParam,
          response: { 200: document, ...errors },
        },
      },
      async (req) =>
        documentOut(await documents.getDocument(ctx, req.actor, req.params.client, req.params.id)),
    );
    app.get(
      `${base}/:id/history`,
      {
        schema: {
          tags,
          summary:
            "Who uploaded, viewed, downloaded, renamed, moved, deleted or restored the document, oldest first",
          params: idParam,
          response: { 200: z.object({ history: z.array(historyEntry) }), ...errors },
        },
      },
      async (req) => ({
        history: (await documents.documentHistory(ctx, req.actor, req.params.client, req.params.id)).map(
          historyOut,
        ),
      }),
    );
    app.get(
      `${base}/:id/content`,
      {
        schema: {
          tags,
          summary:
            "The document's bytes (the latest version, or `version`), streamed; `inline=true` shows a PDF or image in the browser instead of saving it",
          params: idParam,
          querystring: downloadQuery,
          response: { 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404] },
        },
      },
      async (req, reply) => {
        const file = await documents.openDocument(ctx, req.actor, req.params.client, req.params.id, {
          version: req.query.version,
          inline: req.query.inline,
        });
        const inline = req.query.inline === true && file.preview;
        const disposition = attachmentDisposition(file.fileName);
        reply
          .type(inline ? file.contentType : "application/octet-stream")
          .header("content-length", String(file.size))
          .header("content-disposition", inline ? disposition.replace(/^attachment/, "inline") : disposition)
          .header("x-content-type-options", "nosniff")
          // The portal frames its previews: same origin only, and the file itself may run nothing.
          .header(
            "content-security-policy",
            inline && file.contentType === "application/pdf" ? CONTENT_POLICY : `${CONTENT_POLICY}; sandbox`,
          )
          .header("x-frame-options", "SAMEORIGIN")
          .header("cross-origin-resource-policy", "same-origin");
        return reply.send(file.stream as never);
      },
    );
    app.patch(
      `${base}/:id`,
      {
        schema: {
          tags,
          summary:
            "Rename a document, move it to another folder (`folderId`), or set its statement month (`period`)",
          params: idParam,
          body: documentChange,
          response: { 200: document, ...errors },
        },
      },
      async (req) =>
        documentOut(
          await documents.changeDocument(ctx, req.actor, req.params.client, req.params.id, req.body),
        ),
    );
    app.delete(
      `${base}/:id`,
      {
        schema: {
          tags,
          summary: "Move a document to the trash (purged after 30 days; restore brings it back)",
          params: idParam,
          response: { 200: document, ...errors },
        },
      },
      async (req) =>
        documentOut(await documents.trashDocument(ctx, req.actor, req.params.client, req.params.id)),
    );
    app.post(
      `${base}/:id/restore`,
      {
        schema: {
          tags,
          summary: "Bring a document back from the trash",
          params: idParam,
          response: { 200: document, ...errors },
        },
      },
      async (req) =>
        documentOut(await documents.restoreDocument(ctx, req.actor, req.params.client, req.params.id)),
    );
    app.get(
      "/api/clients/:client/missing-statements",
      {
        schema: {
          tags,
          summary:
            "Per bank or card account, the months from its start to last month that have no statement in its folder",
          params: clientParam,
          response: { 200: z.object({ accounts: z.array(missingStatements) }), ...errors },
        },
      },
      async (req) => ({
        accounts: (await listMissingStatements(ctx, req.actor, req.params.client)).map(missingOut),
      }),
    );
  };
}
