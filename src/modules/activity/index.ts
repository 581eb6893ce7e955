// The Activity Hub's public face: the firm's feed read from the audit trail, and read markers.
export { activityRoutes } from "./routes.ts";
export { listActivity, markSeen, unreadCount, viewerOf, UNREAD_CAP } from "./activity-service.ts";
export type { ActivityItem, ActivityPage, ActivityQuery, UnreadCount } from "./activity-service.ts";
export { ACTIVITY_KINDS, actionsOf, kindOf, encodeCursor, decodeCursor } from "./activity-model.ts";
export type { ActivityKind } from "./activity-model.ts";
export { describe as describeActivity } from "./sentence-model.ts";
