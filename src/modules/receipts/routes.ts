// HTTP routes of receipts under /api/clients/{client}/receipts: Receipts to match (the list), one
// receipt's reading, upload (multipart `file`, filed in the Receipts folder and read in the
// background), choose its transaction, dismiss, read again.
import multipart from "@fastify/multipart";
import { z } from "zod";
import type { App } from "../../platform/http.ts";
import { validationError } from "../../platform/errors.ts";
import { assertSafeText } from "../../platform/safe-text.ts";
import type { DocumentsCtx } from "../documents/index.ts";
import {
  chooseMatch,
  dismissReceipt,
  getReceipt,
  listReceipts,
  receiptsFolderId,
  rereadReceipt,
  uploadAllowed,
  uploadReceipt,
} from "./receipt-service.ts";
import {
  clientParam,
  documentParam,
  errors,
  listQuery,
  matchIn,
  receipt,
  receiptOut,
  uploadErrors,
} from "./schemas.ts";
import { STATES, type ReceiptState } from "./store.ts";

const tags = ["Receipts"];

function states(text: string | undefined): ReceiptState[] | undefined {
  if (!text) return undefined;
  const list = text.split(",");
  const bad = list.find((s) => !(STATES as readonly string[]).includes(s));
  if (bad)
    throw validationError("receipts/bad-state", `"${bad}" is not a state (${STATES.join(", ")})`, {
      field: "state",
    });
  return list as ReceiptState[];
}

export function receiptsRoutes(ctx: DocumentsCtx) {
  return async (app: App) => {
    const base = "/api/clients/:client/receipts";
    app.get(
      base,
      {
        schema: {
          tags,
          summary:
            "Receipts to match: receipts being read, waiting for a person to choose their transaction, or unreadable (or the states asked), newest first",
          params: clientParam,
          querystring: listQuery,
          response: { 200: z.object({ receipts: z.array(receipt), folderId: z.string() }), ...errors },
        },
      },
      async (req) => ({
        receipts: (
          await listReceipts(ctx, req.actor, req.params.client, { states: states(req.query.state) })
        ).map(receiptOut),
        folderId: await receiptsFolderId(ctx, req.actor, req.params.client),
      }),
    );
    app.get(
      `${base}/:document`,
      {
        schema: {
          tags,
          summary:
            "One receipt: what was read (each field with its confidence), its suggested transactions, where it stands",
          params: documentParam,
          response: { 200: receipt, ...errors },
        },
      },
      async (req) => receiptOut(await getReceipt(ctx, req.actor, req.params.client, req.params.document)),
    );
    app.post(
      `${base}/:document/match`,
      {
        schema: {
          tags,
          summary:
            "Attach the receipt to this transaction of the client (a suggestion or another); an earlier match is undone",
          params: documentParam,
          body: matchIn,
          response: { 200: receipt, ...errors },
        },
      },
      async (req) =>
        receiptOut(
          await chooseMatch(ctx, req.actor, req.params.client, req.params.document, req.body.transactionId),
        ),
    );
    app.post(
      `${base}/:document/dismiss`,
      {
        schema: {
          tags,
          summary: "Take the receipt off Receipts to match without a transaction (a match it had is undone)",
          params: documentParam,
          response: { 200: receipt, ...errors },
        },
      },
      async (req) => receiptOut(await dismissReceipt(ctx, req.actor, req.params.client, req.params.document)),
    );
    app.post(
      `${base}/:document/reread`,
      {
        schema: {
          tags,
          summary: "Read the receipt again in the background (its latest version); a match it had is undone",
          params: documentParam,
          response: { 202: receipt, ...errors },
        },
      },
      async (req, reply) =>
        reply
          .code(202)
          .send(receiptOut(await rereadReceipt(ctx, req.actor, req.params.client, req.params.document))),
    );
    await app.register(async (scope) => {
      await scope.register(multipart, {
        limits: { fileSize: ctx.limits.maxBytes + 1, files: 1, fields: 5, fieldSize: 1024, parts: 6 },
        preservePath: true,
      });
      const typed = scope as unknown as App;
      // Who may file the client's receipts is settled before the body is read, so another tenant
      // gets 404/403 whatever it sends, never a remark about its upload.
      typed.addHook("preHandler", async (req) => {
        await uploadAllowed(ctx, req.actor, (req.params as { client: string }).client);
      });
      typed.post(
        base,
        {
          schema: {
            tags,
            summary:
              "Upload a receipt or bill (multipart/form-data, field `file`: PDF, PNG or JPEG) into the client's Receipts folder; it is read and matched in the background (202)",
            consumes: ["multipart/form-data"],
            params: clientParam,
            response: { 202: receipt, ...uploadErrors },
          },
        },
        async (req, reply) => {
          const part = await req.file();
          if (!part || part.fieldname !== "file") {
            part?.file.resume();
            throw validationError("receipts/no-file", "send the receipt as the multipart field `file`", {
              field: "file",
            });
          }
          assertSafeText(part.filename, "file.filename");
          const result = await uploadReceipt(ctx, req.actor, req.params.client, {
            fileName: part.filename || "receipt",
            stream: part.file,
          });
          return reply.code(202).send(receiptOut(result));
        },
      );
    });
  };
}
