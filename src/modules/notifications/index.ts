// The notifications module's public face: notify people of an event, the bell's routes, digests.
export { notify, sendDueDigests, listNotifications, markRead, getSettings, saveSettings } from "./service.ts";
export type { NotifyCtx, NotifyInput, Notification, SettingView } from "./service.ts";
export { EVENTS, EMAIL_CHOICES, isEvent, digestCutoff } from "./model.ts";
export type { EventName, EmailChoice, DigestItem } from "./model.ts";
export type { NotificationTables } from "./tables.ts";
export { notificationRoutes } from "./routes.ts";
export { unsubscribeRoutes } from "./unsubscribe-routes.ts";
export {
  unsubscribeUrl,
  unsubscribeHeaders,
  readUnsubscribe,
  applyUnsubscribe,
} from "./unsubscribe-service.ts";
export { encodeRequest, decodeRequest, describeRequest } from "./unsubscribe-model.ts";
export type { UnsubscribeRequest, UnsubscribeTarget } from "./unsubscribe-model.ts";
