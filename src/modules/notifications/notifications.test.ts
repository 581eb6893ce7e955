// Notifications: the bell (list, unread count, mark read), per-event settings (in the bell, by
// e-mail at once, in a daily or weekly digest), events sent by other modules, and the outbox page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { testServer } from "../../../test/support/server.ts";
import { createUser, sessionFor, signedIn, type Caller } from "../../../test/support/auth.ts";
import { testClock } from "../../../test/support/clock.ts";
import type { App } from "../../platform/http.ts";
import { createDelivery } from "../../platform/delivery/index.ts";
import { loadConfig } from "../../platform/config.ts";
import * as access from "../access/index.ts";
import * as identity from "../identity/index.ts";
import { digestCutoff, notify, sendDueDigests, type NotifyCtx } from "./index.ts";

const clock = testClock("2026-06-17T09:00:00Z"); // a Wednesday
let t: TestDb;
let app: App;
let firmId: string;
let nctx: NotifyCtx;

beforeAll(async () => {
  t = await testDb({ clock });
  app = await testServer(t, { anonymous: true });
  firmId = (await access.createFirm(t.ctx.db, { slug: "notify-firm", name: "Notify Firm" })).id;
  nctx = {
    ...t.ctx,
    delivery: createDelivery(loadConfig({}), t.ctx.db),
    baseUrl: "https://books.example",
    emailsOf: identity.emailsOf,
  };
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

const mailsTo = (to: string) =>
  t.ctx.db
    .selectFrom("outbox_messages")
    .select(["subject", "body", "kind"])
    .where("recipient", "=", to)
    .orderBy("created_at")
    .orderBy("id")
    .execute();

describe("notifications", () => {
  it("lists a person's notifications with the unread count, and marks them read", async () => {
    const me = await signedIn(t, app, { firmId, role: "partner_ops" });
    await notify(nctx, {
      firmId,
      userIds: [me.userId],
      event: "task.assigned",
      title: "Reconcile March",
      body: "Due Friday",
      link: "/tasks/1",
    });
    await notify(nctx, {
      firmId,
      userIds: [me.userId],
      event: "comment.mention",
      title: "Ann mentioned you",
    });
    const list = (await me.inject("/api/notifications")).json();
    expect(list.unread).toBe(2);
    expect(list.notifications.map((n: { title: string }) => n.title)).toEqual([
      "Ann mentioned you",
      "Reconcile March",
    ]);
    const first = list.notifications[1].id;
    expect((await me.inject({ method: "POST", url: `/api/notifications/${first}/read` })).statusCode).toBe(
      204,
    );
    expect((await me.inject("/api/notifications?unread=true")).json().notifications).toHaveLength(1);
    expect((await me.inject({ method: "POST", url: "/api/notifications/read-all" })).statusCode).toBe(204);
    expect((await me.inject("/api/notifications")).json().unread).toBe(0);
    // Another person cannot mark mine.
    const other = await signedIn(t, app, { firmId, role: "partner_ops" });
    expect((await other.inject({ method: "POST", url: `/api/notifications/${first}/read` })).statusCode).toBe(
      404,
    );
  });

  it("follows each person's settings: bell, instant e-mail, daily or weekly digest", async () => {
    const me = await signedIn(t, app, { firmId, role: "partner_ops", email: "digest@notify.test" });
    const settings = (await me.inject("/api/notifications/settings")).json().events;
    expect(settings.find((e: { event: string }) => e.event === "task.assigned")).toMatchObject({
      inApp: true,
      email: "instant",
      label: "A task was assigned to you",
    });
    const saved = await me.inject({
      method: "PUT",
      url: "/api/notifications/settings",
      payload: {
        events: [
          { event: "task.assigned", inApp: false, email: "daily" },
          { event: "comment.mention", inApp: true, email: "weekly" },
        ],
      },
    });
    expect(saved.statusCode).toBe(200);
    expect(
      (
        await me.inject({
          method: "PUT",
          url: "/api/notifications/settings",
          payload: { events: [{ event: "no.such", inApp: true, email: "off" }] },
        })
      ).json(),
    ).toMatchObject({ code: "notifications/unknown-event", field: "events[0].event" });
    await notify(nctx, { firmId, userIds: [me.userId], event: "task.assigned", title: "Task A" });
    await notify(nctx, { firmId, userIds: [me.userId], event: "comment.mention", title: "Mention B" });
    await notify(nctx, {
      firmId,
      userIds: [me.userId],
      event: "client.terminated",
      title: "Client C terminated",
    });
    expect(
      (await me.inject("/api/notifications")).json().notifications.map((n: { title: string }) => n.title),
    ).toEqual(["Client C terminated", "Mention B"]);
    expect((await mailsTo("digest@notify.test")).map((m) => m.subject)).toEqual(["Client C terminated"]);
    expect(await sendDueDigests(nctx)).toBe(0); // nothing from before today yet
    clock.set("2026-06-18T01:00:00Z");
    expect(await sendDueDigests(nctx)).toBe(1);
    clock.set("2026-06-22T01:00:00Z"); // the next Monday
    expect(await sendDueDigests(nctx)).toBe(1);
    expect(await sendDueDigests(nctx)).toBe(0);
    const digests = (await mailsTo("digest@notify.test")).filter((m) =>
      m.kind.startsWith("notification.digest"),
    );
    expect(digests.map((d) => d.subject)).toEqual([
      "Your daily Closebook summary",
      "Your weekly Closebook summary",
    ]);
    expect(digests[0]!.body).toContain("Task A");
    expect(digests[1]!.body).toContain("Mention B");
    expect(digestCutoff("weekly", new Date("2026-06-21T23:00:00Z")).toISOString()).toBe(
      "2026-06-15T00:00:00.000Z",
    );
  });

  it("tells the inviter when someone joins, and Partner Admins when a client is terminated", async () => {
    const adminUser = await createUser(t, { firmId, role: "partner_admin" });
    const admin = await sessionFor(t, app, adminUser);
    const otherAdmin = await signedIn(t, app, { firmId, role: "partner_admin" });
    await admin.inject({
      method: "PUT",
      url: "/api/notifications/settings",
      payload: { events: [{ event: "user.joined", inApp: true, email: "off" }] },
    });
    await admin.inject({
      method: "POST",
      url: "/api/invitations",
      payload: {
        email: "joiner@notify.test",
        role: "partner_ops",
        clientAccess: { mode: "all", clientIds: [] },
      },
    });
    const mail = (await mailsTo("joiner@notify.test"))[0]!;
    const token = /#token=([A-Za-z0-9_-]+)/.exec(mail.body)![1]!;
    await app.inject({
      method: "POST",
      url: `/api/invitations/${token}/accept`,
      payload: { name: "Jo Iner", password: "a long enough passphrase" },
    });
    expect((await admin.inject("/api/notifications")).json().notifications[0]).toMatchObject({
      event: "user.joined",
      title: "Jo Iner joined",
    });
    const client = (
      await admin.inject({ method: "POST", url: "/api/clients", payload: { name: "Short Lived" } })
    ).json();
    await admin.inject({ method: "POST", url: `/api/clients/${client.id}/terminate` });
    expect((await otherAdmin.inject("/api/notifications")).json().notifications[0]).toMatchObject({
      event: "client.terminated",
      title: "Short Lived was terminated",
      clientId: client.id,
    });
  });
});

describe("the outbox page", () => {
  it("shows the firm's outgoing messages to Partner Admins only, and only this firm's", async () => {
    const admin: Caller = await signedIn(t, app, { firmId, role: "partner_admin" });
    const ops = await signedIn(t, app, { firmId, role: "partner_ops" });
    const elsewhere = (await access.createFirm(t.ctx.db, { slug: "other-notify", name: "Other" })).id;
    await nctx.delivery.sendEmail({
      to: "secret@other.test",
      subject: "Other firm's mail",
      text: "not for you",
      firmId: elsewhere,
      kind: "test",
    });
    const box = await admin.inject("/api/outbox");
    expect(box.statusCode).toBe(200);
    expect(box.json().messages.length).toBeGreaterThan(0);
    expect(box.body).not.toContain("secret@other.test");
    expect((await ops.inject("/api/outbox")).statusCode).toBe(403);
  });
});
