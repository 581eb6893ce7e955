// Closing a month sends its report package to the client's contacts, over a real SMTP server on
// loopback: the package job makes it, each client-side user of the client gets an e-mail with the
// PDF attached and the portal link, and the month's timeline records who got it, when and under
// which Message-ID. A client with no contact is a failure the month page shows; once a contact is
// invited, "Send again" sends it (and never twice to the same person).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb, type TestDb } from "../../test/support/db.ts";
import { testClock } from "../../test/support/clock.ts";
import { clientWithChart, type ClientFixture } from "../../test/support/fixtures.ts";
import { testServer } from "../../test/support/server.ts";
import { createUser, signedIn, type Caller } from "../../test/support/auth.ts";
import { startSmtp, type TestSmtp } from "../../test/support/smtp.ts";
import { createDelivery } from "../platform/delivery/index.ts";
import { loadConfig } from "../platform/config.ts";
import type { App } from "../platform/http.ts";
import { auditTrail } from "../platform/audit.ts";

const clock = testClock("2026-06-15T12:00:00Z");
let t: TestDb;
let app: App;
let smtp: TestSmtp;
let a: ClientFixture;
let b: ClientFixture;
let ops: Caller;
let contactEmail: string;

const monthUrl = (c: ClientFixture, month: string, rest = "") =>
  `/api/clients/${c.slug}/close/${month}${rest}`;

beforeAll(async () => {
  t = await testDb({ clock });
  smtp = await startSmtp();
  const delivery = createDelivery(loadConfig({ SMTP_URL: smtp.url }), t.ctx.db);
  app = await testServer(t, { anonymous: true, delivery });
  a = await clientWithChart(t.ctx, "deliver-a", "firm-deliver");
  b = await clientWithChart(t.ctx, "deliver-b", "firm-deliver");
  ops = await signedIn(t, app, { firmId: a.firmId, role: "partner_ops" });
  const contact = await createUser(t, {
    firmId: a.firmId,
    role: "client_admin",
    clients: [a.clientId],
    email: "owner@deliver-a.test",
  });
  contactEmail = contact.email;
  // Another client's contact, who must not get client a's package.
  await createUser(t, { firmId: a.firmId, role: "client_admin", clients: [b.clientId] });
});
afterAll(async () => {
  await app?.close();
  await smtp?.close();
  await t?.close();
});

describe("closing sends the package", () => {
  it("e-mails the package to the client's contacts once it is made, and records it on the timeline", async () => {
    const closed = await ops.inject({ method: "POST", url: monthUrl(a, "2026-04", "/close"), payload: {} });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().packageDelivery).toMatchObject({ status: "pending", recipients: [] });
    expect(smtp.received).toHaveLength(0);

    await t.ctx.jobs.drain();
    const mail = await smtp.next();
    expect(mail.to).toEqual([contactEmail]);
    expect(mail.subject).toBe("Client deliver-a: your April 2026 report package");
    expect(mail.text).toContain("/c/deliver-a/reports/package");
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]!.contentType).toBe("application/pdf");
    expect(mail.attachments[0]!.content.subarray(0, 5).toString()).toBe("%PDF-");
    expect(smtp.received).toHaveLength(1);

    const month = (await ops.inject(monthUrl(a, "2026-04"))).json();
    expect(month.packageDelivery).toMatchObject({ status: "sent", error: null });
    const [r] = month.packageDelivery.recipients;
    expect(r).toMatchObject({ email: contactEmail, messageId: mail.headers["message-id"] });
    const sent = month.timeline.find((e: { action: string }) => e.action === "package_sent");
    expect(sent.detail).toMatchObject({
      packageSent: true,
      packageId: closed.json().packageId,
      recipients: [{ email: contactEmail, messageId: mail.headers["message-id"] }],
    });
    const audit = await auditTrail(t.ctx.db, {
      firmId: a.firmId,
      clientId: a.clientId,
      subjectType: "close_period",
      subjectId: `${a.clientId}:2026-04`,
    });
    expect(JSON.stringify(audit)).toContain("close.package.sent");

    // Sent: "Send again" refuses, nothing more goes out.
    const again = await ops.inject({ method: "POST", url: monthUrl(a, "2026-04", "/send-package") });
    expect(again.statusCode).toBe(422);
    expect(again.json().code).toBe("close/package-already-sent");
  });

  it("records a failure when the client has no contact, and sends it once a contact is invited", async () => {
    const closed = await ops.inject({ method: "POST", url: monthUrl(b, "2026-04", "/close"), payload: {} });
    expect(closed.statusCode, closed.body).toBe(200);
    // Client c has no client user at all.
    const c = await clientWithChart(t.ctx, "deliver-c", "firm-deliver");
    const closedC = await ops.inject({ method: "POST", url: monthUrl(c, "2026-04", "/close"), payload: {} });
    expect(closedC.statusCode, closedC.body).toBe(200);
    await t.ctx.jobs.drain();
    // b's contact got b's package; c has nobody.
    expect((await smtp.next()).subject).toBe("Client deliver-b: your April 2026 report package");
    const failed = (await ops.inject(monthUrl(c, "2026-04"))).json();
    expect(failed.packageDelivery.status).toBe("failed");
    expect(failed.packageDelivery.error).toContain("no contact");
    const ev = failed.timeline.find((e: { action: string }) => e.action === "package_failed");
    expect(ev.reason).toContain("no contact");
    expect(ev.detail).toMatchObject({ packageSent: false });

    const notClosed = await ops.inject({ method: "POST", url: monthUrl(c, "2026-05", "/send-package") });
    expect(notClosed.json().code).toBe("close/not-closed");

    const late = await createUser(t, { firmId: a.firmId, role: "client_admin", clients: [c.clientId] });
    const res = await ops.inject({ method: "POST", url: monthUrl(c, "2026-04", "/send-package") });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().packageDelivery).toMatchObject({
      status: "sent",
      error: null,
      recipients: [{ userId: late.id, email: late.email }],
    });
    const mail = await smtp.next();
    expect(mail.to).toEqual([late.email]);
    expect(smtp.received).toHaveLength(3);
  });

  it("lets only the firm's closers send it again", async () => {
    const clientUser = await signedIn(t, app, {
      firmId: a.firmId,
      role: "client_admin",
      clients: [a.clientId],
    });
    const res = await clientUser.inject({ method: "POST", url: monthUrl(a, "2026-04", "/send-package") });
    expect(res.statusCode).toBe(403);
  });
});
