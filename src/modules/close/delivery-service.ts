// Sending a closed month's report package to the client's contacts (the client-side users of the
// client): once the package job has made it, each contact gets an e-mail with the PDF attached and
// the portal link of the month's packages. Who got it, when and under which Message-ID goes on the
// month's timeline ("package_sent", packageSent: true); a failure ("package_failed") says why on
// the month page, where the closer sends it again. Contacts already sent the package are not sent
// it twice: a retry sends to the rest.
import { systemActor, type Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import { inTransaction, type Executor } from "../../platform/db.ts";
import { ruleViolation } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { monthInWords } from "../../platform/dates.ts";
import * as access from "../access/index.ts";
import type { ClientScope } from "../access/index.ts";
import { getPackage, listPackages, packageDownload, type PackageJob } from "../reports/index.ts";
import type { CloseCtx } from "./close-ctx.ts";
import { addEvent, monthKey, monthViewIn, type MonthView } from "./month-service.ts";
import { closeScope } from "./scope.ts";
import * as store from "./store.ts";
import type { PackageRecipient } from "./tables.ts";

export type DeliveryOutcome = "sent" | "failed" | "waiting" | "not-a-close";

interface Contact {
  userId: string;
  email: string;
}

/** The client's contacts: its client-side users that are active and have an e-mail address. */
async function contactsOf(cctx: CloseCtx, ex: Executor, s: ClientScope): Promise<Contact[]> {
  const listed = await access.usersOfClient(ex, s.firmId, s.clientId);
  const views = await access.membershipViews(ex, s.firmId, listed);
  const clientSide = listed.filter((id) => {
    const m = views.get(id);
    return m !== undefined && access.sideOf(m.role) === "client";
  });
  const emails = clientSide.length ? await cctx.notify!.emailsOf(ex, s.firmId, clientSide) : new Map();
  return clientSide.flatMap((userId) => {
    const email = emails.get(userId);
    return email ? [{ userId, email }] : [];
  });
}

/** Records a failure on the month row and its timeline (the month page shows it, with Send again). */
async function recordFailure(
  cctx: CloseCtx,
  actor: Actor,
  s: ClientScope,
  month: string,
  packageId: string,
  error: string,
): Promise<void> {
  const now = cctx.clock.now();
  await inTransaction(cctx.db, async (tx) => {
    await store.updatePeriod(tx, s, monthKey(month), {
      package_status: "failed",
      package_error: error.slice(0, 2000),
      updated_at: now,
    });
    await addEvent(tx, actor, s, month, now, {
      action: "package_failed",
      reason: error.slice(0, 2000),
      detail: { packageId, packageSent: false },
    });
    await recordAudit(tx, actor, {
      action: "close.package.failed",
      clientId: s.clientId,
      subjectType: "close_period",
      subjectId: `${s.clientId}:${month}`,
      after: { packageId, error },
    });
  });
}

/**
 * Sends the month's recorded package to the contacts not yet sent it. Says "waiting" while the
 * package is still being made, "not-a-close" for a package no closed month waits for.
 */
async function sendFor(
  cctx: CloseCtx,
  actor: Actor,
  s: ClientScope,
  row: store.PeriodRow,
): Promise<DeliveryOutcome> {
  const month = row.month.slice(0, 7);
  const packageId = row.package_id;
  if (row.status !== "closed" || !packageId) return "not-a-close";
  const system = systemActor(s.firmId);
  const pkg = await getPackage(cctx, system, s.clientId, packageId);
  if (pkg.status === "queued" || pkg.status === "running") return "waiting";
  const fail = async (error: string) => {
    await recordFailure(cctx, actor, s, month, packageId, error);
    return "failed" as const;
  };
  if (pkg.status === "failed")
    return fail(
      `the report package could not be made (${pkg.error ?? "unknown error"}); generate it again in Reports, then send it again`,
    );
  if (!cctx.notify) return fail("no mail is configured for this Closebook; it cannot send e-mail");
  const already = row.package_recipients.filter((r) => r.messageId && r.userId);
  const sentTo = new Set(already.map((r) => r.userId));
  const contacts = (await contactsOf(cctx, cctx.db, s)).filter((c) => !sentTo.has(c.userId));
  if (!contacts.length && !already.length)
    return fail(
      "the client has no contact with an e-mail address: invite a client user to this client, then send it again",
    );
  const client = await access.requireClient(cctx.db, system, s.clientId);
  const file = await packageDownload(cctx, system, s.clientId, packageId, "pdf");
  const base = cctx.notify.baseUrl.replace(/\/+$/, "");
  const words = monthInWords(month);
  const sent: PackageRecipient[] = [];
  const failed: string[] = [];
  for (const c of contacts) {
    const messageId = `<${newId()}@closebook>`;
    try {
      await cctx.notify.delivery.sendEmail({
        to: c.email,
        firmId: s.firmId,
        kind: "close.package",
        messageId,
        subject: `${client.name}: your ${words} report package`,
        text:
          `${words} is closed. Your report package (version ${pkg.version}) is attached.\n\n` +
          `You can also read it in the portal:\n${base}/c/${s.clientSlug}/reports/package\n`,
        attachments: [{ filename: file.filename, content: file.bytes, contentType: file.contentType }],
      });
      sent.push({ userId: c.userId, email: c.email, messageId, sentAt: cctx.clock.now().toISOString() });
    } catch {
      failed.push(c.email);
    }
  }
  const now = cctx.clock.now();
  const recipients = [...already, ...sent];
  await inTransaction(cctx.db, async (tx) => {
    await store.updatePeriod(tx, s, row.month, {
      package_recipients: JSON.stringify(recipients),
      package_status: failed.length ? "failed" : "sent",
      package_error: failed.length ? `the e-mail could not be sent to ${failed.join(", ")}` : null,
      package_sent_at: sent.length ? now : row.package_sent_at,
      updated_at: now,
    });
    if (sent.length)
      await addEvent(tx, actor, s, month, now, {
        action: "package_sent",
        detail: { packageId, packageVersion: pkg.version, packageSent: true, recipients: sent },
      });
    await recordAudit(tx, actor, {
      action: "close.package.sent",
      clientId: s.clientId,
      subjectType: "close_period",
      subjectId: `${s.clientId}:${month}`,
      after: { packageId, recipients: sent, failed },
    });
  });
  if (failed.length) {
    await recordFailure(
      cctx,
      actor,
      s,
      month,
      packageId,
      `the e-mail could not be sent to ${failed.join(", ")}; send it again in a moment or ask your administrator to check the mail settings`,
    );
    return "failed";
  }
  return "sent";
}

/**
 * After a package job: when a closed month waits for this package, sends it (as the system). The
 * app calls it once the job is done; anything else the job made is left alone.
 */
export async function deliverClosePackage(cctx: CloseCtx, job: PackageJob): Promise<DeliveryOutcome> {
  const actor = systemActor(job.firmId);
  const row = await store.periodOfPackage(cctx.db, job, job.packageId);
  if (!row || row.package_status === "sent") return "not-a-close";
  const s = await access.clientScopeFor(cctx.db, actor, job.clientId, "client.read");
  return sendFor(cctx, actor, s, row);
}

/**
 * The closer's "Send again": sends the month's package to the contacts not yet sent it. When the
 * recorded package failed and a newer version of the month is done, that version is sent instead.
 */
export async function resendClosePackage(
  cctx: CloseCtx,
  actor: Actor,
  clientRef: string,
  month: string,
): Promise<MonthView> {
  const key = monthKey(month);
  const s = await closeScope(cctx.db, actor, clientRef, "manage");
  let row = await store.periodOf(cctx.db, s, key);
  if (row?.status !== "closed" || !row.package_id)
    throw ruleViolation("close/not-closed", `${month} is not closed: there is no package to send`, {
      field: "month",
    });
  if (row.package_status === "sent")
    throw ruleViolation("close/package-already-sent", `the ${month} package was sent already`, {
      field: "month",
    });
  const newest = (await listPackages(cctx, actor, s.clientId, { month }))
    .filter((p) => p.status === "done")
    .sort((x, y) => y.version - x.version)[0];
  const current = await getPackage(cctx, actor, s.clientId, row.package_id);
  if (current.status === "failed" && newest && newest.id !== row.package_id)
    row = await store.updatePeriod(cctx.db, s, key, {
      package_id: newest.id,
      package_recipients: JSON.stringify([]),
      updated_at: cctx.clock.now(),
    });
  const outcome = await sendFor(cctx, actor, s, row);
  if (outcome === "waiting")
    throw ruleViolation(
      "close/package-not-ready",
      `the ${month} package is still being made: it is sent when it is done`,
      { field: "month" },
    );
  return monthViewIn(cctx.db, cctx, actor, s, month);
}
