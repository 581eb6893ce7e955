// Typed calls to the notifications API: in-app notifications and per-event delivery settings.
import { api } from "./client.ts";

export interface Notification {
  id: string;
  event: string;
  title: string;
  body: string;
  link: string | null;
  clientId: string | null;
  createdAt: string;
  readAt: string | null;
}

export type EmailDelivery = "off" | "instant" | "daily" | "weekly";
export interface EventSetting {
  event: string;
  label: string;
  inApp: boolean;
  email: EmailDelivery;
}

export const notificationsApi = {
  list: (limit = 20) =>
    api.get<{ notifications: Notification[]; unread: number }>("/api/notifications", { limit }),
  read: (id: string) => api.post<void>(`/api/notifications/${id}/read`),
  readAll: () => api.post<void>("/api/notifications/read-all"),
  settings: () => api.get<{ events: EventSetting[] }>("/api/notifications/settings").then((r) => r.events),
  saveSettings: (events: Array<Pick<EventSetting, "event" | "inApp" | "email">>) =>
    api.put<{ events: EventSetting[] }>("/api/notifications/settings", { events }).then((r) => r.events),
};
