// Pure rules of notifications: the events people can be told about, each person's choice per
// event (in the bell, and by e-mail at once or in a daily or weekly digest), and when a digest is due.
import { validationError } from "../../platform/errors.ts";

export const EMAIL_CHOICES = ["off", "instant", "daily", "weekly"] as const;
export type EmailChoice = (typeof EMAIL_CHOICES)[number];

export interface EventInfo {
  label: string;
  inApp: boolean;
  email: EmailChoice;
}

/** Every event that notifies, with its defaults. Modules add theirs here as they start to send them. */
export const EVENTS = {
  // Opt-in: a firm that invites many people would hear of each.
  "user.joined": { label: "Someone you invited joined", inApp: false, email: "off" },
  "client.terminated": { label: "A client was terminated", inApp: true, email: "instant" },
  "client.termination_cancelled": {
    label: "A client's termination was cancelled",
    inApp: true,
    email: "off",
  },
  "task.assigned": { label: "A task was assigned to you", inApp: true, email: "instant" },
  "task.due": { label: "A task of yours is due soon", inApp: true, email: "daily" },
  "comment.mention": { label: "Someone mentioned you", inApp: true, email: "instant" },
  "comment.on_yours": {
    label: "Someone commented on something of yours (assigned to you or that you created)",
    inApp: true,
    email: "daily",
  },
  "comment.on_watched": {
    label: "Someone commented on something you watch or commented on",
    inApp: true,
    email: "off",
  },
  "bank.connection.attention": { label: "A bank connection needs attention", inApp: true, email: "daily" },
  "review.waiting": { label: "Transactions are waiting for review", inApp: true, email: "weekly" },
  "bot.learned": { label: "The bot finished learning from imported history", inApp: true, email: "off" },
  "close.reopened": { label: "A month you prepared was reopened", inApp: true, email: "instant" },
  "journals.held": {
    label: "A recurring or schedule entry of a client you prepare was held",
    inApp: true,
    email: "instant",
  },
} as const satisfies Record<string, EventInfo>;

export type EventName = keyof typeof EVENTS;

export function isEvent(name: string): name is EventName {
  return Object.hasOwn(EVENTS, name);
}

export interface Choice {
  inApp: boolean;
  email: EmailChoice;
}

/** A person's choice for an event: what they saved, else the event's default. */
export function choiceFor(event: EventName, saved: ReadonlyMap<string, Choice>): Choice {
  return saved.get(event) ?? { inApp: EVENTS[event].inApp, email: EVENTS[event].email };
}

export function checkEvent(name: string, field = "event"): EventName {
  if (!isEvent(name))
    throw validationError("notifications/unknown-event", `"${name}" is not a notification event`, { field });
  return name;
}

/** Digests send what arrived before this moment: today 00:00 UTC (daily) or this Monday 00:00 UTC (weekly). */
export function digestCutoff(kind: "daily" | "weekly", now: Date): Date {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  if (kind === "daily") return day;
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * 86_400_000);
}

export interface DigestItem {
  title: string;
  body: string;
  link: string | null;
  /** The client's name, or null for firm-wide news. */
  client: string | null;
}

/** One e-mail for the period, grouped by client (alphabetically; firm-wide news last). */
export function digestText(
  kind: "daily" | "weekly",
  items: ReadonlyArray<DigestItem>,
  baseUrl: string,
  unsubscribeUrl: string | null = null,
): string {
  const base = baseUrl.replace(/\/+$/, "");
  const groups = new Map<string | null, DigestItem[]>();
  for (const i of items) groups.set(i.client, [...(groups.get(i.client) ?? []), i]);
  const order = [...groups.keys()].sort((a, b) =>
    a === null ? 1 : b === null ? -1 : a.localeCompare(b, "en", { sensitivity: "base" }),
  );
  const sections = order.map((client) => {
    const lines = groups
      .get(client)!
      .map((i) => `• ${i.title}${i.body ? ` — ${i.body}` : ""}${i.link ? `\n  ${base}${i.link}` : ""}`);
    return `${client ?? "Your firm"}\n${lines.join("\n")}`;
  });
  const footer = unsubscribeUrl
    ? `Stop this ${kind} summary: ${unsubscribeUrl}\nChange what you receive in your notification settings.`
    : "Change what you receive in your notification settings.";
  return `Your ${kind} Closebook summary: ${items.length} notification${items.length === 1 ? "" : "s"}.\n\n${sections.join("\n\n")}\n\n${footer}\n`;
}
