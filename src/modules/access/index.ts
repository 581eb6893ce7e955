// The access module's public face: tenancy (firms, clients) and who may see what.
export { requireClient, listClients, createFirm, createClient, defaultFirm, firmBySlug } from "./service.ts";
export type { Client, Firm } from "./service.ts";
export { slugify, checkSlug, actorSeesClient } from "./model.ts";
export type { AccessTables } from "./tables.ts";
export { can, requirePermission, ROLES, PERMISSIONS } from "./permissions.ts";
export type { Permission, Role } from "./permissions.ts";
