// The services module's public face (service procedures): the catalogue model and its defaults,
// the firm's catalogue, each client's scope, a client's month checklist with sign-offs and its
// required information (ticked by hand or by the arrivals the app wires), and the routes.
export {
  SERVICE_TIERS,
  INFO_KINDS,
  checkService,
  planMonth,
  coversMonth,
  completeOn,
} from "./catalogue-model.ts";
export type {
  ServiceDefinition,
  ServiceTier,
  InfoKind,
  MonthPlan,
  PlannedChecklistItem,
  PlannedInfoItem,
} from "./catalogue-model.ts";
export { DEFAULT_CATALOGUE } from "./default-catalogue.ts";
export type { ServiceView } from "./service-row.ts";
export { listCatalogue, putService, setArchived } from "./catalogue-service.ts";
export { getClientScope, putClientScope } from "./scope-service.ts";
export type { ClientScopeView, ClientServiceView, ScopeInput } from "./scope-service.ts";
export { getMonthChecklist, signItem, unsignItem, SIGN_ROLES } from "./checklist-service.ts";
export type { MonthChecklistView, ChecklistItemView, InfoItemView, SignRole } from "./checklist-service.ts";
export {
  tickInfo,
  untickInfo,
  requestMissing,
  statementArrived,
  payrollRegisterArrived,
  documentArrived,
  INFO_TASK_KEY,
} from "./info-service.ts";
export { planOf, gapsByClientMonth } from "./month-plan.ts";
export type { MonthGaps } from "./month-plan.ts";
export { SERVICES_PERMISSIONS } from "./scope.ts";
export type { ServicesTables } from "./tables.ts";
export { servicesRoutes } from "./routes.ts";
