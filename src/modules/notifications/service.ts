// Use cases for notifications: notify people of an event (in the bell, by e-mail at once, or kept
// for a digest, as each chose), list and mark them read, per-event settings, and the digest sweep.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import type { Executor } from "../../platform/db.ts";
import { inTransaction } from "../../platform/db.ts";
import { notFound } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Delivery, EmailMessage, OutboxMessage } from "../../platform/delivery/index.ts";
import { firmOutbox } from "../../platform/delivery/index.ts";
import { systemActor } from "../../platform/actor.ts";
import type { Secrets } from "../../platform/secrets.ts";
import * as access from "../access/index.ts";
import { unsubscribeHeaders, unsubscribeUrl } from "./unsubscribe-service.ts";
import {
  EVENTS,
  checkEvent,
  choiceFor,
  digestCutoff,
  digestText,
  type Choice,
  type EmailChoice,
  type EventName,
} from "./model.ts";
import * as store from "./store.ts";
import type { Notification } from "./store.ts";

export type { Notification };

export interface NotifyCtx extends Ctx {
  delivery: Delivery;
  baseUrl: string;
  /** The e-mail addresses of users (the identity module knows them). */
  emailsOf(ex: Executor, firmId: string, userIds: readonly string[]): Promise<Map<string, string>>;
  /** Signs the unsubscribe links of e-mails (absent: e-mails carry none, as in scripts). */
  secrets?: Secrets | undefined;
}

export interface NotifyInput {
  firmId: string;
  userIds: readonly string[];
  event: EventName;
  title: string;
  body?: string | undefined;
  /** A portal path, e.g. /clients/acme. */
  link?: string | null | undefined;
  clientId?: string | null | undefined;
}

/** Records the notification for each person as they chose; e-mails the "instant" ones after commit. */
export async function notify(nctx: NotifyCtx, input: NotifyInput): Promise<void> {
  const userIds = [...new Set(input.userIds)];
  if (userIds.length === 0) return;
  const now = nctx.clock.now();
  const instant: string[] = [];
  await inTransaction(nctx.db, async (tx) => {
    const saved = await store.savedChoices(tx, input.firmId, userIds);
    const rows = [];
    for (const userId of userIds) {
      const choice = choiceFor(input.event, saved.get(userId) ?? new Map());
      const digest = choice.email === "daily" || choice.email === "weekly" ? choice.email : null;
      if (choice.email === "instant") instant.push(userId);
      if (!choice.inApp && !digest) continue;
      rows.push({
        id: newId(),
        firm_id: input.firmId,
        user_id: userId,
        client_id: input.clientId ?? null,
        event: input.event,
        title: input.title.slice(0, 300),
        body: (input.body ?? "").slice(0, 4000),
        link: input.link ?? null,
        created_at: now,
        in_app: choice.inApp,
        digest,
      });
    }
    await store.insertNotifications(tx, rows);
  });
  if (instant.length === 0) return;
  const emails = await nctx.emailsOf(nctx.db, input.firmId, instant);
  for (const userId of instant) {
    const to = emails.get(userId);
    if (!to) continue;
    const base = nctx.baseUrl.replace(/\/+$/, "");
    const link = input.link ? `\n\n${base}${input.link}` : "";
    const r = { firmId: input.firmId, userId, target: input.event };
    const stop = unsubscribeUrl(nctx, { ...r, choice: "off" });
    const daily = unsubscribeUrl(nctx, { ...r, choice: "daily" });
    const footer = stop
      ? `Stop these e-mails: ${stop}\nGet them in one daily summary instead: ${daily}\nChange what you receive in your notification settings.`
      : "Change what you receive in your notification settings.";
    const headers = unsubscribeHeaders(stop);
    const message: EmailMessage = {
      to,
      firmId: input.firmId,
      kind: `notification.${input.event}`,
      subject: input.title.slice(0, 200),
      text: `${input.body ?? input.title}${link}\n\n${footer}\n`,
      ...(headers ? { headers } : {}),
    };
    // A notification is not worth failing the work that caused it.
    await nctx.delivery.sendEmail(message).catch(() => undefined);
  }
}

export async function listNotifications(
  ctx: Ctx,
  actor: Actor,
  options: { unread: boolean; limit: number },
): Promise<{ notifications: Notification[]; unread: number }> {
  return {
    notifications: await store.listFor(ctx.db, actor.firmId, actor.id, options),
    unread: await store.unreadCount(ctx.db, actor.firmId, actor.id),
  };
}

export async function markRead(ctx: Ctx, actor: Actor, id: string | null): Promise<void> {
  if (id && !(await store.exists(ctx.db, actor.firmId, actor.id, id)))
    throw notFound("notifications/not-found", `no notification ${id}`);
  await store.markRead(ctx.db, actor.firmId, actor.id, id, ctx.clock.now());
}

export interface SettingView extends Choice {
  event: EventName;
  label: string;
}

export async function getSettings(ctx: Ctx, actor: Actor): Promise<SettingView[]> {
  const saved = (await store.savedChoices(ctx.db, actor.firmId, [actor.id])).get(actor.id) ?? new Map();
  return (Object.keys(EVENTS) as EventName[]).map((event) => ({
    event,
    label: EVENTS[event].label,
    ...choiceFor(event, saved),
  }));
}

export async function saveSettings(
  ctx: Ctx,
  actor: Actor,
  choices: ReadonlyArray<{ event: string; inApp: boolean; email: EmailChoice }>,
): Promise<SettingView[]> {
  const checked = choices.map((c, i) => ({
    event: checkEvent(c.event, `events[${i}].event`),
    inApp: c.inApp,
    email: c.email,
  }));
  await inTransaction(ctx.db, async (tx) => {
    await store.saveChoices(tx, actor.firmId, actor.id, checked, ctx.clock.now());
    await recordAudit(tx, actor, {
      action: "notifications.settings.saved",
      subjectType: "user",
      subjectId: actor.id,
      after: checked,
    });
  });
  return getSettings(ctx, actor);
}

const DIGEST_CONCURRENCY = 5;

/** Sends the daily and weekly digests that are due (the hourly maintenance runs it, as the system). */
export async function sendDueDigests(nctx: NotifyCtx): Promise<number> {
  const now = nctx.clock.now();
  let sent = 0;
  for (const kind of ["daily", "weekly"] as const) {
    const pending = await store.pendingDigest(nctx.db, kind, digestCutoff(kind, now));
    const byUser = new Map<string, Notification[]>();
    for (const n of pending) {
      const list = byUser.get(n.user_id);
      if (list) list.push(n);
      else byUser.set(n.user_id, [n]);
    }
    // Per firm: its people's addresses and its clients' names in one query each.
    const firms = new Map<string, string[]>();
    for (const [userId, items] of byUser) {
      const firm = firms.get(items[0]!.firm_id);
      if (firm) firm.push(userId);
      else firms.set(items[0]!.firm_id, [userId]);
    }
    for (const [firmId, userIds] of firms) {
      const emails = await nctx.emailsOf(nctx.db, firmId, userIds);
      const names = new Map(
        (await access.listClients(nctx.db, systemActor(firmId))).map((c) => [c.id, c.name]),
      );
      const one = async (userId: string) => {
        const items = byUser.get(userId)!;
        const to = emails.get(userId);
        if (to) {
          const stop = unsubscribeUrl(nctx, { firmId, userId, target: `digest:${kind}`, choice: "off" });
          const headers = unsubscribeHeaders(stop);
          await nctx.delivery.sendEmail({
            to,
            firmId,
            kind: `notification.digest.${kind}`,
            subject: `Your ${kind} Closebook summary`,
            text: digestText(
              kind,
              items.map((i) => ({ ...i, client: i.client_id ? (names.get(i.client_id) ?? null) : null })),
              nctx.baseUrl,
              stop,
            ),
            ...(headers ? { headers } : {}),
          });
          sent += 1;
        }
        await store.markDigested(
          nctx.db,
          items.map((i) => i.id),
          now,
        );
      };
      // A few at a time: the mail transport pools connections, and the waits overlap.
      for (let i = 0; i < userIds.length; i += DIGEST_CONCURRENCY)
        await Promise.all(userIds.slice(i, i + DIGEST_CONCURRENCY).map(one));
    }
  }
  return sent;
}

/**
 * The messages the firm's Closebook kept instead of sending (Partner Admins): there is an outbox only
 * while no mail server is configured.
 */
export async function readOutbox(
  ctx: Ctx,
  actor: Actor,
  limit: number,
  outboxEnabled: boolean,
): Promise<OutboxMessage[]> {
  access.requirePermission(actor, "firm.outbox");
  if (!outboxEnabled)
    throw notFound("notifications/no-outbox", "a mail server is configured: messages are sent, not kept");
  return firmOutbox(ctx.db, actor.firmId, limit);
}
