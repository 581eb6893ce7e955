// HTTP routes of API tokens: list, create (the token is shown once), revoke.
import { TEXT_LIMITS } from "../../platform/text-limits.ts";
import { z } from "zod";
import type { App } from "../../platform/http.ts";
import * as access from "../access/index.ts";
import { errors } from "../../platform/route-schemas.ts";
import type { IdentityCtx } from "./identity-ctx.ts";
import { createToken, listTokens, revokeToken, type ApiToken } from "./token-service.ts";

const tokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(access.ROLES),
  clientId: z.string().nullable(),
  prefix: z.string().describe("the token's first characters, to recognise it"),
  createdBy: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
});
const out = (t: ApiToken): z.infer<typeof tokenSchema> => ({
  id: t.id,
  name: t.name,
  role: t.role as access.Role,
  clientId: t.client_id,
  prefix: t.prefix,
  createdBy: t.created_by,
  createdAt: t.created_at.toISOString(),
  lastUsedAt: t.last_used_at?.toISOString() ?? null,
  expiresAt: t.expires_at?.toISOString() ?? null,
});

export function tokenRoutes(ictx: IdentityCtx) {
  return async (app: App) => {
    const tags = ["API tokens"];
    app.get(
      "/api/tokens",
      {
        schema: {
          tags,
          summary: "API tokens you manage",
          response: { 200: z.object({ tokens: z.array(tokenSchema) }), ...errors },
        },
      },
      async (req) => ({ tokens: (await listTokens(ictx, req.actor)).map(out) }),
    );
    app.post(
      "/api/tokens",
      {
        schema: {
          tags,
          summary:
            "Create an API token for an integration: send it as Authorization: Bearer <token>; it is shown only now",
          body: z.object({
            name: z.string().max(100),
            role: z.enum(access.ROLES),
            clientId: z.string().max(TEXT_LIMITS.name).nullable().optional(),
            expiresAt: z.string().max(40).nullable().optional(),
          }),
          response: { 201: tokenSchema.extend({ token: z.string() }), ...errors },
        },
      },
      async (req, reply) => {
        const created = await createToken(ictx, req.actor, req.body);
        return reply.code(201).send({ ...out(created.row), token: created.token });
      },
    );
    app.delete(
      "/api/tokens/:id",
      {
        schema: {
          tags,
          summary: "Revoke an API token",
          params: z.object({ id: z.uuid() }),
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        await revokeToken(ictx, req.actor, req.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
