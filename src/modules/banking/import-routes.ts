// HTTP routes for statement imports: preview (parse without saving, with the CSV column grid for
// the mapping step), import (multipart upload), the list of import runs, and the stored files.
import multipart from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { TEXT_LIMITS } from "../../platform/text-limits.ts";
import type { App } from "../../platform/http.ts";
import type { Ctx } from "../../platform/context.ts";
import { validationError } from "../../platform/errors.ts";
import { attachmentDisposition } from "../../platform/content-disposition.ts";
import { assertSafeText } from "../../platform/safe-text.ts";
import { isFormatName, type CsvMapping, type FormatName } from "./formats/index.ts";
import * as imports from "./import-service.ts";
import { clientScope } from "./scope.ts";
import {
  clientParam,
  csvMapping,
  errors,
  idParam,
  importRun,
  importRunOut,
  importSummary,
  importSummaryOut,
  preview,
  previewOut,
} from "./schemas.ts";

const tags = ["Imports"];

/** Statement files are small next to this; a year of daily CAMT files zipped stays well under it. */
export const MAX_STATEMENT_BYTES = 50 * 1024 * 1024;

interface Upload {
  bytes: Uint8Array;
  fileName: string;
  fields: Record<string, string>;
}

/** Reads the multipart body: one `file` part and text fields. */
async function readUpload(req: FastifyRequest): Promise<Upload> {
  let file: { bytes: Uint8Array; fileName: string } | null = null;
  const fields: Record<string, string> = {};
  for await (const part of req.parts()) {
    if (part.type === "file") {
      if (part.fieldname !== "file" || file) {
        await part.toBuffer().catch(() => undefined);
        throw validationError("banking/one-file", "send one statement file, as the multipart field `file`", {
          field: part.fieldname,
        });
      }
      const bytes = await part.toBuffer().catch(() => {
        throw validationError(
          "banking/file-too-large",
          `the file is larger than ${MAX_STATEMENT_BYTES / 1024 / 1024} MB`,
          { field: "file" },
        );
      });
      file = { bytes, fileName: part.filename || "statement" };
    } else {
      fields[part.fieldname] = String(part.value);
    }
  }
  if (!file)
    throw validationError("banking/no-file", "send the statement as the multipart field `file`", {
      field: "file",
    });
  // Multipart fields bypass the JSON checks of the platform: the same rule for their text here.
  assertSafeText(file.fileName, "file.filename");
  assertSafeText(fields, "fields");
  return { ...file, fields };
}

const formatOf = (fields: Record<string, string>): FormatName | undefined => {
  const f = fields.format?.trim();
  if (!f) return undefined;
  if (!isFormatName(f))
    throw validationError("banking/unknown-format", `"${f}" is not a statement format`, { field: "format" });
  return f;
};

const mappingOf = (fields: Record<string, string>): CsvMapping | undefined => {
  const text = fields.mapping?.trim();
  if (!text) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw validationError("banking/invalid-mapping", "the CSV column mapping is not valid JSON", {
      field: "mapping",
    });
  }
  const parsed = csvMapping.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw validationError(
      "banking/invalid-mapping",
      `the CSV column mapping is not valid: ${issue.path.join(".")}: ${issue.message}`,
      { field: `mapping.${issue.path.join(".")}` },
    );
  }
  return parsed.data;
};

const uploadDoc =
  "multipart/form-data: `file` (the statement), optional `bankAccount` (id or short name), `format`, `mapping` (a CSV column mapping as JSON)";

export function importRoutes(ctx: Ctx) {
  return async (app: App) => {
    const base = "/api/clients/:client";

    app.get(
      `${base}/imports`,
      {
        schema: {
          tags,
          summary: "Import runs, newest first (what each added and skipped)",
          params: clientParam,
          querystring: z.object({
            bankAccount: z.string().max(TEXT_LIMITS.name).optional(),
            limit: z.coerce.number().int().min(1).max(500).default(50),
          }),
          response: { 200: z.object({ imports: z.array(importRun) }), ...errors },
        },
      },
      async (req) => ({
        imports: (
          await imports.listImports(ctx, req.actor, req.params.client, {
            bankAccountRef: req.query.bankAccount,
            limit: req.query.limit,
          })
        ).map(importRunOut),
      }),
    );
    app.get(
      `${base}/statement-files/:id`,
      {
        schema: {
          tags,
          summary: "A statement file exactly as it was received",
          params: idParam,
          response: { 400: errors[400], 401: errors[401], 404: errors[404] },
        },
      },
      async (req, reply) => {
        const file = await imports.statementFile(ctx, req.actor, req.params.client, req.params.id);
        reply
          .type("application/octet-stream")
          .header("content-disposition", attachmentDisposition(file.name))
          .header("x-content-type-options", "nosniff");
        return reply.send(Buffer.from(file.bytes) as never);
      },
    );

    // Multipart parsing only where it is needed.
    await app.register(async (scope) => {
      await scope.register(multipart, {
        limits: { fileSize: MAX_STATEMENT_BYTES, files: 1, fields: 10, fieldSize: 1024 * 1024 },
      });
      const typed = scope as unknown as App;
      // Who may import into the client is settled before the body is read, so another tenant gets
      // 404/403 whatever it sends, never a remark about its upload.
      typed.addHook("preHandler", async (req) => {
        await clientScope(ctx.db, req.actor, (req.params as { client: string }).client, "import");
      });
      typed.post(
        `${base}/imports/preview`,
        {
          schema: {
            tags,
            summary: `Read a statement file without saving it: format, statements, the first lines, and for CSV the column grid and mapping. ${uploadDoc}`,
            consumes: ["multipart/form-data"],
            params: clientParam,
            response: { 200: preview, ...errors },
          },
        },
        async (req) => {
          const upload = await readUpload(req);
          return previewOut(
            await imports.previewStatementFile(ctx, req.actor, req.params.client, {
              bytes: upload.bytes,
              fileName: upload.fileName,
              format: formatOf(upload.fields),
              csvMapping: mappingOf(upload.fields),
              bankAccountRef: upload.fields.bankAccount?.trim() || undefined,
            }),
          );
        },
      );
      typed.post(
        `${base}/imports`,
        {
          schema: {
            tags,
            summary: `Import a statement file into a bank account (idempotent: lines it already has are skipped). ${uploadDoc}; \`bankAccount\` is required; \`saveMapping=false\` keeps a given mapping for this file only`,
            consumes: ["multipart/form-data"],
            params: clientParam,
            response: { 201: importSummary, ...errors },
          },
        },
        async (req, reply) => {
          const upload = await readUpload(req);
          const account = upload.fields.bankAccount?.trim();
          if (!account)
            throw validationError(
              "banking/bank-account-required",
              "name the bank account to import into (field `bankAccount`)",
              { field: "bankAccount" },
            );
          const summary = await imports.importStatementFile(ctx, req.actor, req.params.client, account, {
            bytes: upload.bytes,
            fileName: upload.fileName,
            format: formatOf(upload.fields),
            csvMapping: mappingOf(upload.fields),
            saveMapping:
              upload.fields.saveMapping === undefined ? undefined : upload.fields.saveMapping !== "false",
            source: req.actor.type === "token" ? "api" : "upload",
          });
          return reply.code(201).send(importSummaryOut(summary));
        },
      );
    });
  };
}
