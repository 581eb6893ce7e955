// Which role may do what, as one declarative table. The identity issue adds the people and the
// remaining permissions; the ledger's are here from the start so every service checks them.
import type { Actor } from "../../platform/actor.ts";
import { forbidden } from "../../platform/errors.ts";

export const ROLES = ["partner_admin", "partner_ops", "client_admin", "client_ops", "client_self_service"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  "client.create": ["partner_admin", "partner_ops"],
  "ledger.read": ["partner_admin", "partner_ops", "client_admin", "client_ops", "client_self_service"],
  "ledger.chart.edit": ["partner_admin", "partner_ops", "client_admin", "client_ops", "client_self_service"],
  "ledger.post": ["partner_admin", "partner_ops", "client_admin", "client_ops", "client_self_service"],
  "ledger.period.lock": ["partner_admin", "partner_ops", "client_admin"],
  "ledger.import": ["partner_admin", "partner_ops", "client_admin", "client_ops", "client_self_service"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(actor: Actor, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly string[]).includes(actor.role);
}

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) {
    throw forbidden("access/forbidden", `your role may not do this (${permission})`);
  }
}
