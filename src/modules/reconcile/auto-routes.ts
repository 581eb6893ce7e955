// HTTP routes of auto-reconcile, under /api/clients/{client}/reconciliations: the settings of a bank
// account (auto, excluded), "Reconciled by Closebook" with undo, and write-up batches (a multipart
// upload of many statement files, worked by a job; polled for its progress).
import multipart from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import type { App } from "../../platform/http.ts";
import type { Ctx } from "../../platform/context.ts";
import { tooLarge, validationError } from "../../platform/errors.ts";
import { assertSafeText } from "../../platform/safe-text.ts";
import {
  accountParam,
  autoListOut,
  autoParam,
  autoQuery,
  settingsIn,
  settingsOut,
  undoIn,
  writeUpListOut,
  writeUpOut,
  writeUpParam,
} from "./auto-schemas.ts";
import { clientParam, errors, reconciliationOut } from "./schemas.ts";
import { clientScope } from "./scope.ts";
import { getReconcileSettings, updateReconcileSettings } from "./settings-service.ts";
import { listAutoReconciled, undoAutoReconciled } from "./auto-list-service.ts";
import { createWriteUp, getWriteUp, listWriteUps, MAX_WRITE_UP_FILES } from "./write-up-service.ts";

const base = "/api/clients/:client/reconciliations";
const tags = { tags: ["Reconciliation"] };
/** One statement file; a year of them stays far under the batch's total. */
const MAX_FILE_BYTES = 50 * 1024 * 1024;

async function readFiles(
  req: FastifyRequest,
): Promise<{ files: Array<{ name: string; bytes: Uint8Array }>; fields: Record<string, string> }> {
  const files: Array<{ name: string; bytes: Uint8Array }> = [];
  const fields: Record<string, string> = {};
  for await (const part of req.parts()) {
    if (part.type === "file") {
      if (part.fieldname !== "files" && part.fieldname !== "file") {
        await part.toBuffer().catch(() => undefined);
        throw validationError("reconcile/unknown-part", "send the statements as multipart fields `files`", {
          field: part.fieldname,
        });
      }
      const bytes = await part.toBuffer().catch(() => {
        throw tooLarge(
          "reconcile/file-too-large",
          `${part.filename} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`,
          {
            field: "files",
          },
        );
      });
      files.push({ name: (part.filename || `statement-${files.length + 1}`).slice(0, 255), bytes });
    } else fields[part.fieldname] = String(part.value);
  }
  assertSafeText(
    files.map((f) => f.name),
    "files",
  );
  assertSafeText(fields, "fields");
  return { files, fields };
}

export function autoReconcileRoutes(ctx: Ctx) {
  return async (app: App) => {
    app.get(
      `${base}/settings/:bankAccount`,
      {
        schema: {
          ...tags,
          summary: "Auto-reconcile settings of a bank account: auto, excluded, who gets its tasks",
          params: accountParam,
          response: { 200: settingsOut, ...errors },
        },
      },
      async (req) => getReconcileSettings(ctx, req.actor, req.params.client, req.params.bankAccount),
    );
    app.patch(
      `${base}/settings/:bankAccount`,
      {
        schema: {
          ...tags,
          summary:
            "Turn auto-reconcile on or off for a bank account, exclude it from reconciliation, or name who gets its tasks",
          params: accountParam,
          body: settingsIn,
          response: { 200: settingsOut, ...errors },
        },
      },
      async (req) =>
        updateReconcileSettings(ctx, req.actor, req.params.client, req.params.bankAccount, req.body),
    );
    app.get(
      `${base}/auto`,
      {
        schema: {
          ...tags,
          summary:
            "Reconciled by Closebook: the periods it completed by itself, the auto and the excluded accounts",
          params: clientParam,
          querystring: autoQuery,
          response: { 200: autoListOut, ...errors },
        },
      },
      async (req) =>
        listAutoReconciled(ctx, req.actor, req.params.client, { bankAccount: req.query.bankAccount }),
    );
    app.post(
      `${base}/auto/:id/undo`,
      {
        schema: {
          ...tags,
          summary: "Undo a period Closebook reconciled (an audited unreconcile: its lines are unlocked)",
          params: autoParam,
          body: undoIn,
          response: { 200: reconciliationOut, ...errors },
        },
      },
      async (req) => undoAutoReconciled(ctx, req.actor, req.params.client, req.params.id, req.body ?? {}),
    );
    app.get(
      `${base}/write-ups`,
      {
        schema: {
          ...tags,
          summary: "Write-up batches of the client, newest first",
          params: clientParam,
          response: { 200: writeUpListOut, ...errors },
        },
      },
      async (req) => ({ writeUps: await listWriteUps(ctx, req.actor, req.params.client) }),
    );
    app.get(
      `${base}/write-ups/:id`,
      {
        schema: {
          ...tags,
          summary: "A write-up batch: its progress, each file, each month, and what needs a person",
          params: writeUpParam,
          response: { 200: writeUpOut, ...errors },
        },
      },
      async (req) => getWriteUp(ctx, req.actor, req.params.client, req.params.id),
    );
    await app.register(async (scope) => {
      await scope.register(multipart, {
        limits: { fileSize: MAX_FILE_BYTES, files: MAX_WRITE_UP_FILES, fields: 10, fieldSize: 1024 },
      });
      const typed = scope as unknown as App;
      // Who may write up the client is settled before the body is read.
      typed.addHook("preHandler", async (req) => {
        const client = (req.params as { client: string }).client;
        await clientScope(ctx.db, req.actor, client, "writeUp");
        await clientScope(ctx.db, req.actor, client, "reconcile");
      });
      typed.post(
        `${base}/write-ups`,
        {
          schema: {
            ...tags,
            summary:
              'Write up a bank account from many statement files at once (multipart: `files` (many), `bankAccount`, optional `startDate` "move-back" or "keep"); imported, posted and reconciled month by month by a job — poll the batch',
            consumes: ["multipart/form-data"],
            params: clientParam,
            response: { 202: writeUpOut, ...errors },
          },
        },
        async (req, reply) => {
          const { files, fields } = await readFiles(req);
          const bankAccount = fields.bankAccount?.trim();
          if (!bankAccount)
            throw validationError(
              "reconcile/bank-account-required",
              "name the bank account (field `bankAccount`)",
              {
                field: "bankAccount",
              },
            );
          const startDate = fields.startDate?.trim() || undefined;
          if (startDate !== undefined && startDate !== "move-back" && startDate !== "keep")
            throw validationError(
              "reconcile/invalid-start-date-choice",
              'startDate is "move-back" or "keep"',
              {
                field: "startDate",
              },
            );
          const batch = await createWriteUp(ctx, req.actor, req.params.client, {
            bankAccount,
            startDate,
            files,
          });
          return reply.code(202).send(batch);
        },
      );
    });
  };
}
