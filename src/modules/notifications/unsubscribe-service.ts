// Unsubscribe links in notification e-mails: made for one person and one purpose, read back from the
// confirmation page, applied by its POST (or by a mail client's one-click POST, RFC 8058) without
// signing in — a GET never changes anything, so link scanners in mailboxes unsubscribe nobody.
import { recordAuditFrom } from "../../platform/audit.ts";
import { inTransaction } from "../../platform/db.ts";
import { gone, notFound } from "../../platform/errors.ts";
import { sameSecret } from "../../platform/secrets.ts";
import { EVENTS, choiceFor, type EventName } from "./model.ts";
import type { NotifyCtx } from "./service.ts";
import * as store from "./store.ts";
import {
  decodeRequest,
  describeRequest,
  encodeRequest,
  type UnsubscribeRequest,
} from "./unsubscribe-model.ts";

const PURPOSE = "notifications.unsubscribe";

/** The link, or null when the server has no key to sign with (scripts). */
export function unsubscribeUrl(nctx: NotifyCtx, r: UnsubscribeRequest): string | null {
  const secrets = nctx.secrets;
  if (!secrets) return null;
  const token = encodeRequest(r, (payload) => secrets.hash(PURPOSE, payload));
  return `${nctx.baseUrl.replace(/\/+$/, "")}/unsubscribe?token=${token}`;
}

/** The list headers a mail client shows as its own "Unsubscribe" button. */
export function unsubscribeHeaders(url: string | null): Record<string, string> | undefined {
  if (!url) return undefined;
  return { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

function requestOf(nctx: NotifyCtx, token: string): UnsubscribeRequest {
  const secrets = nctx.secrets;
  const r = secrets
    ? decodeRequest(token, (payload, signature) => sameSecret(secrets.hash(PURPOSE, payload), signature))
    : null;
  if (!r)
    throw notFound("notifications/bad-unsubscribe-link", "this unsubscribe link is not valid", {
      field: "token",
    });
  return r;
}

async function requireUser(nctx: NotifyCtx, r: UnsubscribeRequest): Promise<string> {
  const email = (await nctx.emailsOf(nctx.db, r.firmId, [r.userId]).catch(() => new Map())).get(r.userId);
  if (!email)
    throw gone("notifications/unsubscribe-account-gone", "the account this link was for is no longer active");
  return email;
}

/** What the link would do and for whom (the confirmation page); changes nothing. */
export async function readUnsubscribe(
  nctx: NotifyCtx,
  token: string,
): Promise<{ email: string; description: string }> {
  const r = requestOf(nctx, token);
  return { email: await requireUser(nctx, r), description: describeRequest(r) };
}

/** Applies the link's one change to the person's settings (idempotent), audited as theirs. */
export async function applyUnsubscribe(
  nctx: NotifyCtx,
  token: string,
): Promise<{ email: string; description: string }> {
  const r = requestOf(nctx, token);
  const email = await requireUser(nctx, r);
  await inTransaction(nctx.db, async (tx) => {
    const saved = (await store.savedChoices(tx, r.firmId, [r.userId])).get(r.userId) ?? new Map();
    const events =
      r.target === "digest:daily" || r.target === "digest:weekly"
        ? (Object.keys(EVENTS) as EventName[]).filter(
            (e) => choiceFor(e, saved).email === r.target.slice("digest:".length),
          )
        : [r.target];
    const choices = events.map((event) => ({
      event,
      inApp: choiceFor(event, saved).inApp,
      email: r.target.startsWith("digest:") ? ("off" as const) : r.choice,
    }));
    await store.saveChoices(tx, r.firmId, r.userId, choices, nctx.clock.now());
    await recordAuditFrom(
      tx,
      { firmId: r.firmId, type: "user", id: r.userId },
      {
        action: "notifications.unsubscribed",
        subjectType: "user",
        subjectId: r.userId,
        after: { target: r.target, choices },
      },
    );
  });
  return { email, description: describeRequest(r) };
}
