// Use cases for connections, as the routes, index.ts and the tests see them: one import for the whole
// family, while each part lives in a file of its own purpose — reading (connection-view-service.ts),
// requesting and setting up (connection-setup-service.ts), disconnecting, linking accounts and removing
// (connection-change-service.ts), syncing and polling (connection-sync-service.ts). What they share is
// in connection-transition.ts (one state change) and connection-support.ts.
export { listConnections, getConnection } from "./connection-view-service.ts";
export type { ConnectionView } from "./connection-view-service.ts";
export { requestConnection, addConnection, setUpConnection, reconnect } from "./connection-setup-service.ts";
export type { ConnectionRequestInput, AddConnectionInput } from "./connection-setup-service.ts";
export { disconnect, linkBankAccounts, removeConnection } from "./connection-change-service.ts";
export { syncConnection, pollConnections } from "./connection-sync-service.ts";
