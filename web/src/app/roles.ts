// Role names as people read them, and what each role may do in the portal (the server's permission
// names, src/modules/access/model.ts). The server enforces every rule and sends the signed-in
// person's permissions; this table is the fallback for a server without sign-in.

export const ROLE_LABELS: Record<string, string> = {
  partner_admin: "Partner Admin",
  partner_ops: "Partner Ops",
  client_admin: "Client Admin",
  client_ops: "Client Ops",
  client_self_service: "Client Self Service",
};

export const PARTNER_ROLES = ["partner_admin", "partner_ops"] as const;
export const CLIENT_ROLES = ["client_admin", "client_ops", "client_self_service"] as const;

export type Action =
  | "client.create"
  | "client.terminate"
  | "user.invite"
  | "user.edit"
  | "user.role.change"
  | "user.deactivate"
  | "user.2fa.reset"
  | "firm.edit"
  | "firm.branding"
  | "firm.outbox"
  | "ledger.period.lock"
  | "reports.package"
  | "vault.read"
  | "vault.reveal"
  | "vault.edit"
  | "vault.request"
  | "vault.settings"
  | "journals.view"
  | "journals.approve"
  | "close.view"
  | "close.manage"
  | "close.reopen"
  | "services.view"
  | "services.manage";

const RULES: Record<Action, readonly string[]> = {
  "client.create": ["partner_admin", "partner_ops"],
  "client.terminate": ["partner_admin", "partner_ops"],
  "user.invite": ["partner_admin", "partner_ops", "client_admin"],
  "user.edit": ["partner_admin", "partner_ops", "client_admin"],
  "user.role.change": ["partner_admin", "partner_ops", "client_admin"],
  "user.deactivate": ["partner_admin", "client_admin"],
  "user.2fa.reset": ["partner_admin"],
  "firm.edit": ["partner_admin"],
  "firm.branding": ["partner_admin"],
  "firm.outbox": ["partner_admin"],
  "close.view": ["partner_admin", "partner_ops"],
  "close.manage": ["partner_admin", "partner_ops"],
  "close.reopen": ["partner_admin"],
  "services.view": [...PARTNER_ROLES, ...CLIENT_ROLES],
  "services.manage": ["partner_admin", "partner_ops"],
  "ledger.period.lock": ["partner_admin", "partner_ops", "client_admin"],
  "reports.package": ["partner_admin", "partner_ops"],
  "vault.read": [...PARTNER_ROLES, ...CLIENT_ROLES],
  "vault.reveal": [...PARTNER_ROLES, ...CLIENT_ROLES],
  "vault.edit": [...PARTNER_ROLES, ...CLIENT_ROLES],
  "vault.request": [...PARTNER_ROLES],
  "vault.settings": [...PARTNER_ROLES],
  "journals.view": ["partner_admin", "partner_ops"],
  "journals.approve": ["partner_admin"],
};

export function roleCan(role: string, action: Action): boolean {
  return RULES[action].includes(role);
}

export const isPartnerRole = (role: string) => role.startsWith("partner_");

/** Roles a user may grant: at or below its own, on its own side. */
export function grantableRoles(role: string): string[] {
  if (role === "partner_admin") return [...PARTNER_ROLES, ...CLIENT_ROLES];
  if (role === "partner_ops") return ["partner_ops", ...CLIENT_ROLES];
  if (role === "client_admin") return [...CLIENT_ROLES];
  return [];
}
