// Pure rules of unsubscribe links. A link carries one purpose — this user, of this firm, sets this
// e-mail choice for this event (or for everything in their daily or weekly digest) — signed with a
// keyed MAC of the server key, so it works without signing in and cannot be altered to do more.
//
// Links do not expire, on purpose: mail providers call the List-Unsubscribe address (RFC 8058) and
// people click the footer of mails that are months old, and both must still work; what a link can
// do is small (one person's e-mail choice for one event, which they can set back in the settings)
// and it only ever lowers what they receive. Changing the server key (CLOSEBOOK_SECRET_KEY) voids
// every link at once.
import { EMAIL_CHOICES, EVENTS, isEvent, type EmailChoice, type EventName } from "./model.ts";

export type UnsubscribeTarget = EventName | "digest:daily" | "digest:weekly";

export interface UnsubscribeRequest {
  firmId: string;
  userId: string;
  target: UnsubscribeTarget;
  /** What the e-mail choice becomes: "off", or a digest instead of mails one by one. */
  choice: EmailChoice;
}

const DIGESTS = ["digest:daily", "digest:weekly"] as const;

/** The signed text of a request: its payload (base64url JSON) and the payload's MAC. */
export function encodeRequest(r: UnsubscribeRequest, mac: (payload: string) => string): string {
  const payload = Buffer.from(JSON.stringify([1, r.firmId, r.userId, r.target, r.choice])).toString(
    "base64url",
  );
  return `${payload}.${mac(payload)}`;
}

/** The request a token carries, or null when it is malformed or its MAC does not match. */
export function decodeRequest(
  token: string,
  verify: (payload: string, signature: string) => boolean,
): UnsubscribeRequest | null {
  const [payload, signature, ...rest] = token.split(".");
  if (!payload || !signature || rest.length > 0 || token.length > 600) return null;
  if (!verify(payload, signature)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 5 || parsed[0] !== 1) return null;
  const [, firmId, userId, target, choice] = parsed as unknown[];
  if (typeof firmId !== "string" || typeof userId !== "string") return null;
  if (typeof target !== "string" || !(isEvent(target) || (DIGESTS as readonly string[]).includes(target)))
    return null;
  if (!(EMAIL_CHOICES as readonly unknown[]).includes(choice)) return null;
  return { firmId, userId, target: target as UnsubscribeTarget, choice: choice as EmailChoice };
}

/** What the link does, in words, for the confirmation page. */
export function describeRequest(r: Pick<UnsubscribeRequest, "target" | "choice">): string {
  if (r.target === "digest:daily" || r.target === "digest:weekly") {
    const kind = r.target.slice("digest:".length);
    return `Stop your ${kind} Closebook summary e-mail (everything it gathers stays in the notification bell, if you have it on there).`;
  }
  const what = `"${EVENTS[r.target].label}"`;
  switch (r.choice) {
    case "off":
      return `Stop e-mails for ${what}.`;
    case "daily":
      return `Receive ${what} in one daily summary e-mail instead of one e-mail each.`;
    case "weekly":
      return `Receive ${what} in one weekly summary e-mail instead of one e-mail each.`;
    case "instant":
      return `Receive an e-mail for each ${what}.`;
  }
}
