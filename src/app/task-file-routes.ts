// HTTP routes that join work, documents and banking (which may not call each other that way):
// uploading a file through a document upload request (it lands in the task's folder, is attached to
// the task and answers it), asking a client for a missing month's statement, and a filed statement's
// import offer and one-click import into the bank account of its folder.
import multipart from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import type { Ctx } from "../platform/context.ts";
import type { App } from "../platform/http.ts";
import { conflict, ruleViolation, validationError } from "../platform/errors.ts";
import { assertSafeText } from "../platform/safe-text.ts";
import * as documents from "../modules/documents/index.ts";
import type { DocumentsCtx, TaskFolder } from "../modules/documents/index.ts";
import * as work from "../modules/work/index.ts";
import { taskFileArrived } from "./required-info.ts";
import { importDocument, importOffer } from "./statement-import.ts";
import { parseStatementKey, requestStatement } from "./statement-tasks.ts";
import {
  clientParam,
  documentParam,
  errors,
  importOffer as importOfferOut,
  importOut,
  statementRequestIn,
  statementRequestOut,
  taskParam,
  taskUploadOut,
  taskUploadQuery,
  uploadErrors,
} from "./task-file-schemas.ts";

declare module "fastify" {
  interface FastifyRequest {
    taskUpload?: { task: work.TaskDetail; folder: TaskFolder };
  }
}

/** The task an upload answers, checked before a byte of the body is read. */
async function uploadTask(ctx: Ctx, dctx: DocumentsCtx, req: FastifyRequest, id: string) {
  const task = await work.getTask(ctx, req.actor, id);
  if (task.type !== "document_upload_request")
    throw ruleViolation("work/not-an-upload-request", "only a document upload request takes files", {
      field: "id",
    });
  if (!work.isOpen(task.status))
    throw conflict("work/task-closed", "the request is closed: reopen it to upload more", { field: "id" });
  if (!task.folder)
    throw ruleViolation("work/no-folder", "the request names no folder for the file", { field: "id" });
  const folder = await documents.resolveTaskFolder(dctx, req.actor, task.client.slug, task.folder);
  return { task, folder };
}

export function taskFileRoutes(ctx: Ctx, dctx: DocumentsCtx) {
  return async (app: App) => {
    await app.register(async (scope) => {
      await scope.register(multipart, {
        limits: { fileSize: dctx.limits.maxBytes + 1, files: 1, fields: 5, fieldSize: 1024, parts: 6 },
        preservePath: true,
      });
      const typed = scope as unknown as App;
      typed.addHook("preHandler", async (req) => {
        req.taskUpload = await uploadTask(ctx, dctx, req, (req.params as { id: string }).id);
      });
      typed.post(
        "/api/tasks/:id/upload",
        {
          schema: {
            tags: ["Work"],
            summary:
              "Answer a document upload request with a file (multipart field `file`): it lands in the task's folder, is attached to the task, and the task is done (in progress with keepOpen=true). A bank statement is offered for import into its account",
            consumes: ["multipart/form-data"],
            params: taskParam,
            querystring: taskUploadQuery,
            response: { 201: taskUploadOut, ...uploadErrors },
          },
        },
        async (req, reply) => {
          const { task, folder } = req.taskUpload!;
          const part = await req.file();
          if (!part || part.fieldname !== "file") {
            part?.file.resume();
            throw validationError("documents/no-file", "send the file as the multipart field `file`", {
              field: "file",
            });
          }
          assertSafeText(part.filename, "file.filename");
          const client = task.client.slug;
          const uploaded = await documents.uploadDocument(dctx, req.actor, client, {
            folderId: folder.id,
            fileName: part.filename || "file",
            stream: part.file,
            period: parseStatementKey(task.systemKey)?.month ?? null,
          });
          const doc = uploaded.document;
          await work.attachDocument(ctx, req.actor, task.id, doc.id);
          const after = await work.updateTask(ctx, req.actor, task.id, {
            status: req.query.keepOpen ? "in_progress" : "done",
          });
          // A required item's request: its arrival ticks the month's required information.
          await taskFileArrived(ctx, req.actor, task, doc.id);
          return reply.code(201).send({
            taskId: task.id,
            status: after.status,
            document: {
              id: doc.id,
              name: doc.name,
              folderId: doc.folderId,
              folderPath: folder.path,
              period: doc.period,
              version: doc.version,
            },
            created: uploaded.created,
            importOffer: await importOffer(ctx, dctx, req.actor, client, doc.id),
          });
        },
      );
    });
    app.post(
      "/api/clients/:client/missing-statements/request",
      {
        schema: {
          tags: ["Documents"],
          summary:
            "Ask the client for a missing month's bank statement: a document upload request for the client, landing in Bank statements / <account> / <year> (the same task when asked again)",
          params: clientParam,
          body: statementRequestIn,
          response: { 201: statementRequestOut, 200: statementRequestOut, ...errors },
        },
      },
      async (req, reply) => {
        const r = await requestStatement(ctx, dctx, req.actor, req.params.client, req.body);
        return reply.code(r.created ? 201 : 200).send(r);
      },
    );
    app.get(
      "/api/clients/:client/documents/:id/statement-import",
      {
        schema: {
          tags: ["Documents"],
          summary:
            "Whether a document is a statement Closebook reads, filed in a bank account's folder, and so offered for import into that account",
          params: documentParam,
          response: { 200: importOfferOut, ...errors },
        },
      },
      async (req) => importOffer(ctx, dctx, req.actor, req.params.client, req.params.id),
    );
    app.post(
      "/api/clients/:client/documents/:id/statement-import",
      {
        schema: {
          tags: ["Documents"],
          summary:
            "Import the document into the bank account of its folder (idempotent: lines the account has are not added again)",
          params: documentParam,
          response: { 201: importOut, ...errors, 413: uploadErrors[413] },
        },
      },
      async (req, reply) => {
        const s = await importDocument(ctx, dctx, req.actor, req.params.client, req.params.id);
        return reply.code(201).send({
          importId: s.importId,
          bankAccount: { id: s.bankAccount.id, name: s.bankAccount.name },
          format: s.file.format,
          alreadyImported: s.file.alreadyImported,
          totalLines: s.totalLines,
          newLines: s.newLines,
          duplicateLines: s.duplicateLines,
          period: s.period,
          warnings: s.warnings,
        });
      },
    );
  };
}
