// HTTP routes for the firm: its details and licence count (Partner Admins edit them; client users
// see only the name and branding) and its branding images, uploaded as multipart form data.
import { TEXT_LIMITS } from "../../platform/text-limits.ts";
import { z } from "zod";
import multipart from "@fastify/multipart";
import type { App } from "../../platform/http.ts";
import type { Ctx } from "../../platform/context.ts";
import type { Actor } from "../../platform/actor.ts";
import { validationError } from "../../platform/errors.ts";
import { ASSET_KINDS, MAX_ASSET_BYTES } from "./firm-model.ts";
import * as firms from "./firm-service.ts";
import type { Firm } from "./store.ts";
import { errors } from "../../platform/route-schemas.ts";

const branding = z.object({
  name: z.string(),
  logoUrl: z.string().nullable(),
  faviconUrl: z.string().nullable(),
  color: z.string().nullable(),
});
export const firm = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  branding,
  legalName: z.string().nullable().optional(),
  address: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
  website: z.string().nullable().optional(),
  supportEmail: z.string().nullable().optional(),
  licences: z.object({ used: z.number(), paid: z.number() }).optional(),
});

export interface FirmRouteDeps {
  /** Users who hold a licence (invited or active), counted by the identity module. */
  licencesUsed(firmId: string): Promise<number>;
}

export function firmRoutes(ctx: Ctx, deps: FirmRouteDeps) {
  const firmOut = async (f: Firm, actor: Actor) => firms.firmView(ctx.db, actor, f, deps.licencesUsed);
  const kindParam = z.object({ kind: z.enum(ASSET_KINDS) });

  return async (app: App) => {
    const tags = ["Firm"];
    app.get(
      "/api/firm",
      {
        schema: {
          tags,
          summary: "Your firm: details, licences (used / paid) and branding",
          response: { 200: firm, ...errors },
        },
      },
      async (req) => firmOut(await firms.actorFirm(ctx.db, req.actor), req.actor),
    );
    app.patch(
      "/api/firm",
      {
        schema: {
          tags,
          summary: "Edit the firm's details and paid licences (Partner Admin)",
          body: z.object({
            name: z.string().max(TEXT_LIMITS.name).optional(),
            legalName: z.string().max(TEXT_LIMITS.name).nullable().optional(),
            address: z.string().max(TEXT_LIMITS.memo).nullable().optional(),
            phone: z.string().max(50).nullable().optional(),
            website: z.string().max(TEXT_LIMITS.memo).nullable().optional(),
            supportEmail: z.string().max(320).nullable().optional(),
            licencesPaid: z.number().int().optional(),
          }),
          response: { 200: firm, ...errors },
        },
      },
      async (req) => firmOut(await firms.updateFirm(ctx, req.actor, req.body), req.actor),
    );

    app.patch(
      "/api/firm/branding",
      {
        schema: {
          tags,
          summary:
            "Set or remove the brand colour (Partner Admin): #rrggbb, used on the monthly report package; null removes it",
          // The format is checked by the service so a bad colour is refused with the field's name.
          body: z.object({ color: z.string().max(20).nullable() }),
          response: { 200: z.object({ branding }), ...errors },
        },
      },
      async (req) => ({ branding: await firms.setBrandColor(ctx, req.actor, req.body.color) }),
    );
    app.get(
      "/api/firm/branding/:kind",
      {
        schema: {
          tags,
          summary: "The firm's logo or favicon",
          params: kindParam,
          response: { 401: errors[401], 404: errors[404] },
        },
      },
      async (req, reply) => {
        const asset = await firms.firmAsset(ctx.db, req.actor, req.params.kind);
        reply
          .header("cache-control", "private, max-age=86400")
          .header("etag", `"${asset.sha256}"`)
          .type(asset.contentType);
        // An SVG opened on its own must not run anything in our origin.
        if (asset.contentType === "image/svg+xml")
          reply.header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
        return reply.send(asset.bytes as never);
      },
    );
    app.delete(
      "/api/firm/branding/:kind",
      {
        schema: {
          tags,
          summary: "Remove the logo or favicon (Partner Admin)",
          params: kindParam,
          response: { 200: z.object({ branding }), ...errors },
        },
      },
      async (req) => ({ branding: await firms.deleteFirmAsset(ctx, req.actor, req.params.kind) }),
    );

    // Multipart parsing only where it is needed.
    await app.register(async (scope) => {
      await scope.register(multipart, { limits: { fileSize: MAX_ASSET_BYTES, files: 1, fields: 2 } });
      const typed = scope as unknown as App;
      typed.put(
        "/api/firm/branding/:kind",
        {
          schema: {
            tags,
            summary:
              "Upload the logo or favicon (Partner Admin): multipart/form-data with one `file` (PNG, JPEG, WebP, ICO or SVG, at most 512 KB)",
            consumes: ["multipart/form-data"],
            params: kindParam,
            response: { 200: z.object({ branding }), ...errors },
          },
        },
        async (req) => {
          const file = await req.file();
          if (!file)
            throw validationError("access/no-file", "send the image as the multipart field `file`", {
              field: "file",
            });
          const bytes = await file.toBuffer().catch(() => {
            throw validationError(
              "access/file-too-large",
              `the image is larger than ${MAX_ASSET_BYTES / 1024} KB`,
              { field: "file" },
            );
          });
          return { branding: await firms.putFirmAsset(ctx, req.actor, req.params.kind, bytes) };
        },
      );
    });
  };
}
