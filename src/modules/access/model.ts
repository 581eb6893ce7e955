// Pure rules of access: the five roles, the one declarative permission table of PRODUCT.md, who may
// grant which role and reset whose 2FA, which clients an actor sees, valid slugs and names.
import { forbidden, validationError } from "../../platform/errors.ts";
import type { Actor } from "../../platform/actor.ts";
import { slugOf } from "../../platform/slug.ts";

// ── roles ───────────────────────────────────────────────────────────────────────────────────────

export const ROLES = [
  "partner_admin",
  "partner_ops",
  "client_admin",
  "client_ops",
  "client_self_service",
] as const;
export type Role = (typeof ROLES)[number];
export type Side = "partner" | "client";

export const ROLE_INFO: Record<Role, { label: string; side: Side }> = {
  partner_admin: { label: "Partner Admin", side: "partner" },
  partner_ops: { label: "Partner Ops", side: "partner" },
  client_admin: { label: "Client Admin", side: "client" },
  client_ops: { label: "Client Ops", side: "client" },
  client_self_service: { label: "Client Self Service", side: "client" },
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function sideOf(role: string): Side {
  return isRole(role) ? ROLE_INFO[role].side : "client";
}

// ── the permission table ────────────────────────────────────────────────────────────────────────
// One row per action; the roles that may do it. Which firm, client or user the action touches is
// checked separately (actorSeesClient, canManageUser): a role only ever acts inside its own scope.

const PA = "partner_admin";
const PO = "partner_ops";
const CA = "client_admin";
const CO = "client_ops";
const CS = "client_self_service";

export const PERMISSIONS = {
  // Clients. Client Self Service "cannot add or terminate clients"; nor can the other client roles.
  "client.read": [PA, PO, CA, CO, CS],
  "client.create": [PA, PO],
  "client.edit": [PA, PO, CA, CO, CS],
  "client.terminate": [PA, PO],
  // The firm's internal notes on a client: client-side users never see them.
  "client.notes": [PA, PO],
  // Users. Partner Ops cannot deactivate users or reset 2FA; Client Ops cannot manage users.
  "user.read": [PA, PO, CA, CO, CS],
  "user.invite": [PA, PO, CA],
  "user.edit": [PA, PO, CA],
  "user.role.change": [PA, PO, CA],
  "user.deactivate": [PA, CA],
  "user.2fa.reset": [PA],
  // The firm. Partner Ops cannot edit firm details or upload branding; client users see branding only.
  "firm.read": [PA, PO, CA, CO, CS],
  "firm.edit": [PA],
  "firm.branding": [PA],
  "firm.sso": [PA],
  "firm.outbox": [PA],
  "firm.audit.read": [PA, PO],
  // API tokens for integrations (scoped to a role the creator may grant).
  "token.manage": [PA, PO, CA],
  // Work (tasks): Partner Ops cannot delete tasks; Client Ops cannot see other users' tasks.
  "task.delete": [PA, CA, CO, CS],
  "task.view_others": [PA, PO, CA, CS],
  // The ledger: everyone who works a client's books.
  "ledger.read": [PA, PO, CA, CO, CS],
  "ledger.chart.edit": [PA, PO, CA, CO, CS],
  "ledger.post": [PA, PO, CA, CO, CS],
  "ledger.period.lock": [PA, PO, CA],
  "ledger.import": [PA, PO, CA, CO, CS],
  // The monthly report package is what the firm delivers: the firm prepares it (settings, notes,
  // generation); everyone who reads the books may read and download it.
  "reports.package": [PA, PO],
  // The Password Manager: the firm keeps each client's logins. Client-side users read, reveal and
  // keep their own client's logins only where the firm allows it (a per-client setting the vault
  // checks); they always answer the credential requests sent to them. Only the firm asks for
  // credentials and decides whether the client's users see the vault.
  "vault.read": [PA, PO, CA, CO, CS],
  "vault.reveal": [PA, PO, CA, CO, CS],
  "vault.edit": [PA, PO, CA, CO, CS],
  "vault.request": [PA, PO],
  "vault.settings": [PA, PO],
  // JE Automation: the firm's preparers set up recurring entries and schedules and generate the
  // month's entries; approving them for posting is the reviewer's (Partner Admin's) step. Client
  // users see the posted entries in the ledger only.
  "journals.view": [PA, PO],
  "journals.manage": [PA, PO],
  "journals.approve": [PA],
  // The Close Tracker is the firm's: it sees, plans and closes its clients' months; reopening a
  // closed month (the period the client was told is final) is the Partner Admin's alone.
  "close.view": [PA, PO],
  "close.manage": [PA, PO],
  "close.reopen": [PA],
  // Service procedures: the firm's catalogue and each client's scope are the firm's to set; every
  // user reads them (client users see what their client has bought).
  "services.view": [PA, PO, CA, CO, CS],
  "services.manage": [PA, PO],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(actor: Pick<Actor, "role">, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly string[]).includes(actor.role);
}

export function requirePermission(actor: Pick<Actor, "role">, permission: Permission): void {
  if (!can(actor, permission)) {
    throw forbidden("access/forbidden", `your role may not do this (${permission})`);
  }
}

export function permissionsOf(role: string): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can({ role }, p));
}

// ── who may grant which role, and reset whose 2FA ───────────────────────────────────────────────
// "A user can only grant roles at or below its own side": a partner role grants partner roles up
// to its own and every client role; a client role grants client roles up to its own. Partner Ops
// never grants Partner Admin; the client roles that cannot manage users grant nothing.

export const GRANTABLE: Record<Role, readonly Role[]> = {
  partner_admin: [PA, PO, CA, CO, CS],
  partner_ops: [PO, CA, CO, CS],
  client_admin: [CA, CO, CS],
  client_ops: [],
  client_self_service: [],
};

// "Partner Admins can reset 2FA for Partner Admin/Ops and Client Admin/Ops users of their firm."
export const TWO_FACTOR_RESETTABLE: Record<Role, readonly Role[]> = {
  partner_admin: [PA, PO, CA, CO],
  partner_ops: [],
  client_admin: [],
  client_ops: [],
  client_self_service: [],
};

export function canGrant(actorRole: string, role: string): boolean {
  return isRole(actorRole) && isRole(role) && GRANTABLE[actorRole].includes(role);
}

export interface UserTarget {
  id: string;
  role: string;
  /** The clients a client-side target belongs to (empty for partner users). */
  clientIds: readonly string[];
}

export type UserAction = "user.edit" | "user.role.change" | "user.deactivate" | "user.2fa.reset";

/** Why the actor may not act on this user, or null when it may. */
export function userActionRefusal(
  actor: Pick<Actor, "id" | "role" | "clients">,
  target: UserTarget,
  action: UserAction,
): string | null {
  if (!can(actor, action)) return `your role may not do this (${action})`;
  if (target.id === actor.id && action !== "user.edit") return "you cannot do this to your own account";
  if (action === "user.2fa.reset") {
    const allowed = isRole(actor.role) ? TWO_FACTOR_RESETTABLE[actor.role] : [];
    if (!isRole(target.role) || !allowed.includes(target.role))
      return `a ${ROLE_INFO[actor.role as Role]?.label ?? actor.role} cannot reset the 2FA of a ${labelOf(target.role)}`;
  } else if (!canGrant(actor.role, target.role)) {
    return `a ${labelOf(actor.role)} cannot manage a ${labelOf(target.role)}`;
  }
  if (sideOf(target.role) === "client" && !seesAll(actor.clients, target.clientIds))
    return "this user belongs to a client you do not work on";
  return null;
}

export function requireUserAction(
  actor: Pick<Actor, "id" | "role" | "clients">,
  target: UserTarget,
  action: UserAction,
): void {
  const refusal = userActionRefusal(actor, target, action);
  if (refusal)
    throw forbidden(
      action === "user.2fa.reset" ? "access/cannot-reset-2fa" : "access/cannot-manage-user",
      refusal,
    );
}

const labelOf = (role: string) => (isRole(role) ? ROLE_INFO[role].label : role);
const seesAll = (clients: Actor["clients"], ids: readonly string[]) =>
  clients === "all" || ids.every((id) => clients.includes(id));

// ── client access ───────────────────────────────────────────────────────────────────────────────

export const CLIENT_ACCESS_MODES = ["all", "current", "list"] as const;
export type ClientAccessMode = (typeof CLIENT_ACCESS_MODES)[number];

export interface ClientAccess {
  mode: ClientAccessMode;
  clientIds: readonly string[];
}

/**
 * Checks a role and client access an actor wants to give, and resolves it to what is stored:
 * "all" (every client now and later), or a list ("current" = the firm's clients at this moment).
 */
export function resolveGrant(
  actor: Pick<Actor, "role" | "clients">,
  role: string,
  access: ClientAccess,
  firmClientIds: readonly string[],
): { role: Role; mode: ClientAccessMode; clientIds: string[] } {
  if (!isRole(role))
    throw validationError("access/unknown-role", `"${role}" is not a role`, { field: "role" });
  if (!canGrant(actor.role, role)) {
    throw forbidden(
      "access/cannot-grant-role",
      `a ${labelOf(actor.role)} cannot give the ${labelOf(role)} role`,
      { field: "role" },
    );
  }
  const known = new Set(firmClientIds);
  const unknown = access.clientIds.find((id) => !known.has(id));
  if (unknown)
    throw validationError("access/unknown-client", `no client ${unknown}`, {
      field: "clientAccess.clientIds",
    });
  let mode = access.mode;
  let ids = [...new Set(access.clientIds)];
  if (sideOf(role) === "client") {
    if (mode !== "list" || ids.length !== 1) {
      throw validationError(
        "access/client-role-needs-one-client",
        "a client role belongs to exactly one client: choose it",
        { field: "clientAccess" },
      );
    }
  } else if (mode === "current") {
    ids = [...firmClientIds];
  } else if (mode === "all") {
    ids = [];
  }
  if (actor.clients !== "all") {
    // Nobody hands out more clients than they can see themselves.
    if (mode === "all")
      throw forbidden(
        "access/cannot-grant-clients",
        "you cannot give access to all clients: you do not have it yourself",
        { field: "clientAccess.mode" },
      );
    if (mode === "current") mode = "list";
    const outside = ids.find((id) => !actor.clients.includes(id));
    if (outside)
      throw forbidden(
        "access/cannot-grant-clients",
        "you cannot give access to a client you do not work on",
        { field: "clientAccess.clientIds" },
      );
  }
  return { role, mode, clientIds: ids };
}

export function actorSeesClient(
  actor: Pick<Actor, "firmId" | "clients">,
  client: { id: string; firm_id: string },
): boolean {
  if (client.firm_id !== actor.firmId) return false;
  return actor.clients === "all" || actor.clients.includes(client.id);
}

// ── names ───────────────────────────────────────────────────────────────────────────────────────

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

export function checkSlug(slug: string, field = "slug"): string {
  if (!SLUG.test(slug)) {
    throw validationError(
      "access/invalid-slug",
      `"${slug}" is not a valid slug: use 1–63 lowercase letters, digits and dashes, starting with a letter or digit`,
      { field },
    );
  }
  return slug;
}

/** Turns a display name into a slug ("Acme Coffee, LLC" → "acme-coffee-llc"). */
export function slugify(name: string): string {
  return slugOf(name, 63, "client");
}

export function checkName(name: string, field = "name"): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 200) {
    throw validationError("access/invalid-name", "a name must have 1 to 200 characters", { field });
  }
  return trimmed;
}
