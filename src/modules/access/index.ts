// The access module's public face: tenancy (firms, clients), memberships, the permission table and
// who may see and grant what.
export {
  requireClient,
  listClients,
  createFirm,
  createClient,
  defaultFirm,
  firmBySlug,
  firmById,
  allFirmIds,
  clientExists,
  updateClientDetails,
  saveOnboarding,
  terminateClient,
  cancelClientTermination,
} from "./service.ts";
export type { Client, Firm, NewClientInput } from "./service.ts";
export { clientScopeFor } from "./client-scope.ts";
export type { Scope, ClientScope } from "./client-scope.ts";
export {
  membershipView,
  membershipViews,
  actorClientsOf,
  grantMembership,
  changeMembership,
  requireAnotherPartnerAdmin,
  targetOf,
  usersOfClient,
} from "./membership-service.ts";
export type { MembershipView } from "./membership-service.ts";
export { brandingOf, logoDataUrl, actorFirm } from "./firm-service.ts";
export type { Branding } from "./firm-service.ts";
export { purgeDueClients, purgeClient, PURGE_JOB } from "./purge.ts";
export type { PurgeCompanion } from "./purge.ts";
export {
  slugify,
  checkSlug,
  actorSeesClient,
  can,
  requirePermission,
  permissionsOf,
  canGrant,
  requireUserAction,
  userActionRefusal,
  resolveGrant,
  isRole,
  sideOf,
  ROLES,
  ROLE_INFO,
  PERMISSIONS,
  GRANTABLE,
  TWO_FACTOR_RESETTABLE,
  CLIENT_ACCESS_MODES,
} from "./model.ts";
export type {
  Permission,
  Role,
  Side,
  ClientAccess,
  ClientAccessMode,
  UserAction,
  UserTarget,
} from "./model.ts";
export { RETENTION_DAYS } from "./client-model.ts";
export type { AccessTables } from "./tables.ts";
export { accessRoutes, clientOut } from "./routes.ts";
export type { AccessRouteHooks } from "./routes.ts";
export { firmRoutes } from "./firm-routes.ts";
export type { FirmRouteDeps } from "./firm-routes.ts";
