// Typed calls to the notifications API: in-app notifications and per-event delivery settings.
import { api } from "./client.ts";
import type { z } from "zod";
import type { notification, setting } from "../../../src/modules/notifications/routes.ts";

// The shapes come from the server's zod schemas (type-only imports, erased from the bundle).
export type Notification = z.infer<typeof notification>;
export type EventSetting = z.infer<typeof setting>;
export type EmailDelivery = EventSetting["email"];

export const notificationsApi = {
  list: (limit = 20) =>
    api.get<{ notifications: Notification[]; unread: number }>("/api/notifications", { limit }),
  read: (id: string) => api.post<void>(`/api/notifications/${id}/read`),
  readAll: () => api.post<void>("/api/notifications/read-all"),
  settings: () => api.get<{ events: EventSetting[] }>("/api/notifications/settings").then((r) => r.events),
  saveSettings: (events: Array<Pick<EventSetting, "event" | "inApp" | "email">>) =>
    api.put<{ events: EventSetting[] }>("/api/notifications/settings", { events }).then((r) => r.events),
};
