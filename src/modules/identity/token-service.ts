// API tokens for integrations: created with a role the creator may grant and, optionally, one
// client; shown once; stored as a keyed hash. A token acts as its role within the firm, never
// beyond what its creator can reach now: it stops working when the creator is deactivated or can
// no longer grant its role, and a firm-wide token sees the creator's clients.
import type { Actor } from "../../platform/actor.ts";
import { inTransaction } from "../../platform/db.ts";
import { recordAudit } from "../../platform/audit.ts";
import { forbidden, notFound, unauthenticated, validationError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import * as access from "../access/index.ts";
import type { IdentityCtx } from "./identity-ctx.ts";
import { looksLikeApiToken, needsTouch, newApiToken } from "./model.ts";
import * as tokens from "./token-store.ts";
import type { ApiToken } from "./token-store.ts";
import * as users from "./store.ts";
import { actorForUser } from "./session-service.ts";

export type { ApiToken };

export interface NewTokenInput {
  name: string;
  role: string;
  clientId?: string | null | undefined;
  expiresAt?: string | null | undefined;
}

export async function createToken(
  ictx: IdentityCtx,
  actor: Actor,
  input: NewTokenInput,
): Promise<{ token: string; row: ApiToken }> {
  access.requirePermission(actor, "token.manage");
  if (actor.type !== "user")
    throw forbidden("identity/token-needs-user", "API tokens are created by a signed-in person");
  const name = input.name.trim();
  if (name.length < 1 || name.length > 100)
    throw validationError("identity/invalid-name", "a token name has 1 to 100 characters", { field: "name" });
  if (!access.isRole(input.role))
    throw validationError("access/unknown-role", `"${input.role}" is not a role`, { field: "role" });
  if (!access.canGrant(actor.role, input.role))
    throw forbidden(
      "access/cannot-grant-role",
      `you cannot create a token with the ${access.ROLE_INFO[input.role].label} role`,
      { field: "role" },
    );
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && (Number.isNaN(expiresAt.getTime()) || expiresAt <= ictx.clock.now()))
    throw validationError("identity/invalid-expiry", "the expiry must be a future date", {
      field: "expiresAt",
    });
  const token = newApiToken();
  return inTransaction(ictx.db, async (tx) => {
    let clientId: string | null = null;
    if (input.clientId) clientId = (await access.requireClient(tx, actor, input.clientId)).id;
    if (access.sideOf(input.role) === "client" && !clientId)
      throw validationError(
        "access/client-role-needs-one-client",
        "a token with a client role belongs to one client: choose it",
        { field: "clientId" },
      );
    const row = await tokens.insertToken(tx, {
      id: newId(),
      firm_id: actor.firmId,
      client_id: clientId,
      role: input.role,
      name,
      token_hash: ictx.secrets.hash("api-token", token),
      prefix: token.slice(0, 12),
      created_by: actor.id,
      created_at: ictx.clock.now(),
      expires_at: expiresAt,
    });
    await recordAudit(tx, actor, {
      action: "token.created",
      clientId,
      subjectType: "api_token",
      subjectId: row.id,
      after: { name, role: input.role, clientId, expiresAt },
    });
    return { token, row };
  });
}

export async function listTokens(ictx: IdentityCtx, actor: Actor): Promise<ApiToken[]> {
  access.requirePermission(actor, "token.manage");
  const all = await tokens.firmTokens(ictx.db, actor.firmId);
  // Each sees the tokens it could have created: within its grantable roles and clients.
  return all.filter(
    (t) =>
      access.canGrant(actor.role, t.role) &&
      (t.client_id === null
        ? actor.clients === "all" || t.created_by === actor.id
        : actor.clients === "all" || actor.clients.includes(t.client_id)),
  );
}

export async function revokeToken(ictx: IdentityCtx, actor: Actor, id: string): Promise<void> {
  access.requirePermission(actor, "token.manage");
  await inTransaction(ictx.db, async (tx) => {
    const visible = (await listTokens({ ...ictx, db: tx }, actor)).find((t) => t.id === id);
    if (!visible) throw notFound("identity/token-not-found", `no API token ${id}`);
    await tokens.revokeToken(tx, actor.firmId, id, ictx.clock.now());
    await recordAudit(tx, actor, {
      action: "token.revoked",
      clientId: visible.client_id,
      subjectType: "api_token",
      subjectId: id,
      before: { name: visible.name, role: visible.role },
    });
  });
}

/** The actor of a bearer token, or 401. */
export async function resolveToken(ictx: IdentityCtx, bearer: string): Promise<Actor> {
  const refuse = () => unauthenticated("identity/invalid-token", "this API token is not valid");
  if (!looksLikeApiToken(bearer)) throw refuse();
  const now = ictx.clock.now();
  const row = await tokens.tokenByHash(ictx.db, ictx.secrets.hash("api-token", bearer));
  if (!row || row.revoked_at || (row.expires_at && now >= row.expires_at)) throw refuse();
  const creator = await users.firmUser(ictx.db, row.firm_id, row.created_by);
  const creatorActor = creator ? await actorForUser(ictx.db, creator) : null;
  if (!creatorActor || !access.canGrant(creatorActor.role, row.role)) throw refuse();
  let clients: Actor["clients"];
  if (row.client_id) {
    if (creatorActor.clients !== "all" && !creatorActor.clients.includes(row.client_id)) throw refuse();
    clients = [row.client_id];
  } else {
    clients = creatorActor.clients;
  }
  if (!row.last_used_at || needsTouch(row.last_used_at, now)) await tokens.touchToken(ictx.db, row.id, now);
  return {
    type: "token",
    id: row.id,
    firmId: row.firm_id,
    role: row.role,
    clients,
    displayName: `API token "${row.name}"`,
  };
}
