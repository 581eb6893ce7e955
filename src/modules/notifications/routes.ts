// HTTP routes of the notification bell, the per-event notification settings, and the outbox of
// outgoing messages (Partner Admins, trial mode only).
import { z } from "zod";
import type { App } from "../../platform/http.ts";
import type { Ctx } from "../../platform/context.ts";
import { errors, flag } from "../../platform/route-schemas.ts";
import { EMAIL_CHOICES } from "./model.ts";
import { getSettings, listNotifications, markRead, readOutbox, saveSettings } from "./service.ts";

export const notification = z.object({
  id: z.string(),
  event: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  clientId: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export const setting = z.object({
  event: z.string(),
  label: z.string(),
  inApp: z.boolean(),
  email: z.enum(EMAIL_CHOICES),
});

/** A message in GET /api/outbox. */
export const outboxMessage = z.object({
  id: z.string(),
  channel: z.enum(["email", "sms"]),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  kind: z.string(),
  createdAt: z.string(),
});

export function notificationRoutes(ctx: Ctx, options: { outboxEnabled: boolean }) {
  return async (app: App) => {
    const tags = ["Notifications"];
    app.get(
      "/api/notifications",
      {
        schema: {
          tags,
          summary: "Your notifications, newest first, and how many are unread",
          querystring: z.object({
            unread: flag.default(false),
            limit: z.coerce.number().int().min(1).max(200).default(50),
          }),
          response: {
            200: z.object({ notifications: z.array(notification), unread: z.number() }),
            ...errors,
          },
        },
      },
      async (req) => {
        const r = await listNotifications(ctx, req.actor, req.query);
        return {
          unread: r.unread,
          notifications: r.notifications.map((n) => ({
            id: n.id,
            event: n.event,
            title: n.title,
            body: n.body,
            link: n.link,
            clientId: n.client_id,
            createdAt: n.created_at.toISOString(),
            readAt: n.read_at?.toISOString() ?? null,
          })),
        };
      },
    );
    app.post(
      "/api/notifications/:id/read",
      {
        schema: {
          tags,
          summary: "Mark a notification read",
          params: z.object({ id: z.uuid() }),
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        await markRead(ctx, req.actor, req.params.id);
        return reply.code(204).send(null);
      },
    );
    app.post(
      "/api/notifications/read-all",
      { schema: { tags, summary: "Mark every notification read", response: { 204: z.null(), ...errors } } },
      async (req, reply) => {
        await markRead(ctx, req.actor, null);
        return reply.code(204).send(null);
      },
    );
    app.get(
      "/api/notifications/settings",
      {
        schema: {
          tags,
          summary: "Per event: in the bell, and by e-mail (off, at once, daily or weekly digest)",
          response: { 200: z.object({ events: z.array(setting) }), ...errors },
        },
      },
      async (req) => ({ events: await getSettings(ctx, req.actor) }),
    );
    app.put(
      "/api/notifications/settings",
      {
        schema: {
          tags,
          summary: "Save your notification settings",
          body: z.object({
            events: z
              .array(
                z.object({ event: z.string().max(100), inApp: z.boolean(), email: z.enum(EMAIL_CHOICES) }),
              )
              .max(100),
          }),
          response: { 200: z.object({ events: z.array(setting) }), ...errors },
        },
      },
      async (req) => ({ events: await saveSettings(ctx, req.actor, req.body.events) }),
    );

    app.get(
      "/api/outbox",
      {
        schema: {
          tags: ["Firm"],
          summary: "Messages sent by the firm's Closebook while no mail server is configured (Partner Admin)",
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }),
          response: {
            200: z.object({
              enabled: z.boolean(),
              messages: z.array(outboxMessage),
            }),
            ...errors,
          },
        },
      },
      async (req) => {
        const messages = await readOutbox(ctx, req.actor, req.query.limit, options.outboxEnabled);
        return {
          enabled: true,
          messages: messages.map((m) => ({
            id: m.id,
            channel: m.channel,
            to: m.to,
            subject: m.subject,
            text: m.text,
            kind: m.kind,
            createdAt: m.createdAt.toISOString(),
          })),
        };
      },
    );
  };
}
