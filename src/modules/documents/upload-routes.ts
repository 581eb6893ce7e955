// HTTP routes that take files: one document (multipart field `file`; the same name again in the
// folder adds a version) and a whole folder as a zip archive. The file streams from the request to
// the store; the client and folder are checked before the body is read.
import multipart from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import type { App } from "../../platform/http.ts";
import { validationError } from "../../platform/errors.ts";
import { assertSafeText } from "../../platform/safe-text.ts";
import type { DocumentsCtx } from "./documents-ctx.ts";
import { uploadArchive } from "./archive-service.ts";
import { uploadDocument, uploadTarget } from "./upload-service.ts";
import { archiveResult, clientParam, documentOut, folderOut, uploadErrors, uploadResult } from "./schemas.ts";

const tags = ["Documents"];

const uploadQuery = z.object({
  folder: z.uuid().describe("the folder the file goes in"),
  period: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional()
    .describe("the statement month (YYYY-MM) a bank statement covers; else read from its name"),
});
const archiveQuery = uploadQuery.pick({ folder: true });

async function filePart(req: FastifyRequest) {
  const part = await req.file();
  if (!part || part.fieldname !== "file") {
    part?.file.resume();
    throw validationError("documents/no-file", "send the file as the multipart field `file`", {
      field: "file",
    });
  }
  // Multipart names bypass the JSON checks of the platform: the same rule for their text here.
  assertSafeText(part.filename, "file.filename");
  return part;
}

export function uploadRoutes(ctx: DocumentsCtx) {
  return async (app: App) => {
    await app.register(async (scope) => {
      await scope.register(multipart, {
        // One past the limit: the store's own count refuses first, with the 413 the API promises.
        limits: { fileSize: ctx.limits.maxBytes + 1, files: 1, fields: 5, fieldSize: 1024, parts: 6 },
        // The name as sent, so that a path in it is refused rather than quietly cut off.
        preservePath: true,
      });
      const typed = scope as unknown as App;
      // Who may file into the client and folder is settled before the body is read, so another
      // tenant gets 404/403 whatever it sends, never a remark about its upload.
      typed.addHook("preHandler", async (req) => {
        const params = req.params as { client: string };
        const query = req.query as { folder: string };
        await uploadTarget(ctx, req.actor, params.client, query.folder);
      });
      typed.post(
        "/api/clients/:client/documents",
        {
          schema: {
            tags,
            summary:
              "Upload a file into a folder (multipart/form-data, field `file`). The same name again adds a version. Its kind is read from its content; refused: 413 too large, 415 a kind not accepted",
            consumes: ["multipart/form-data"],
            params: clientParam,
            querystring: uploadQuery,
            response: { 201: uploadResult, 200: uploadResult, ...uploadErrors },
          },
        },
        async (req, reply) => {
          const part = await filePart(req);
          const result = await uploadDocument(ctx, req.actor, req.params.client, {
            folderId: req.query.folder,
            fileName: part.filename || "file",
            stream: part.file,
            period: req.query.period,
          });
          return reply
            .code(result.created ? 201 : 200)
            .send({ document: documentOut(result.document), created: result.created });
        },
      );
      typed.post(
        "/api/clients/:client/documents/archive",
        {
          schema: {
            tags,
            summary:
              "Upload a folder as a zip archive (multipart field `file`): each file becomes a document, its sub-folders are made. All or nothing; a zip bomb (too many files, too many bytes unpacked, too high a ratio) is refused with 413",
            consumes: ["multipart/form-data"],
            params: clientParam,
            querystring: archiveQuery,
            response: { 201: archiveResult, ...uploadErrors },
          },
        },
        async (req, reply) => {
          const part = await filePart(req);
          const result = await uploadArchive(ctx, req.actor, req.params.client, {
            folderId: req.query.folder,
            stream: part.file,
          });
          return reply.code(201).send({
            documents: result.documents.map(documentOut),
            folders: result.folders.map(folderOut),
            skipped: result.skipped,
          });
        },
      );
    });
  };
}
