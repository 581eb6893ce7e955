// Unsubscribe links, with mail sent to a real SMTP server on 127.0.0.1: every notification e-mail
// carries signed, single-purpose links and the List-Unsubscribe headers; a GET only shows what the
// link does, a POST (the page's button or a mail client's one-click) applies it without signing in;
// a tampered link does nothing. The digest is one e-mail grouped by client.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { testServer, TEST_SECRETS } from "../../../test/support/server.ts";
import { signedIn, type Caller } from "../../../test/support/auth.ts";
import { testClock } from "../../../test/support/clock.ts";
import { startSmtp, type TestSmtp } from "../../../test/support/smtp.ts";
import type { App } from "../../platform/http.ts";
import { createDelivery, type Delivery } from "../../platform/delivery/index.ts";
import { loadConfig } from "../../platform/config.ts";
import { systemActor } from "../../platform/actor.ts";
import * as access from "../access/index.ts";
import * as identity from "../identity/index.ts";
import { getSettings, notify, sendDueDigests, type NotifyCtx } from "./index.ts";

const clock = testClock("2026-06-17T09:00:00Z"); // a Wednesday
let t: TestDb;
let app: App;
let smtp: TestSmtp;
let delivery: Delivery;
let nctx: NotifyCtx;
let firmId: string;
let me: Caller;

beforeAll(async () => {
  t = await testDb({ clock });
  smtp = await startSmtp();
  delivery = createDelivery(loadConfig({ SMTP_URL: smtp.url }), t.ctx.db);
  app = await testServer(t, { anonymous: true, delivery });
  firmId = (await access.createFirm(t.ctx.db, { slug: "unsub-firm", name: "Unsub Firm" })).id;
  nctx = {
    ...t.ctx,
    delivery,
    baseUrl: "https://books.example/",
    emailsOf: identity.emailsOf,
    secrets: TEST_SECRETS,
  };
  me = await signedIn(t, app, { firmId, role: "partner_ops", email: "ann.lee@unsub.test" });
});
afterAll(async () => {
  await app?.close();
  await delivery?.close();
  await smtp?.close();
  await t?.close();
});

/** The path and query of the link in a text that follows `label`. */
function linkAfter(text: string, label: string): string {
  const m = new RegExp(`${label}: (https://books\\.example(/unsubscribe\\?token=[A-Za-z0-9_.-]+))`).exec(
    text,
  );
  if (!m) throw new Error(`no "${label}" link in:\n${text}`);
  return m[2]!;
}

// Read as the person (the digest test moves the clock past the session's idle timeout).
const settingOf = async (caller: Caller, event: string) =>
  (await getSettings(t.ctx, caller.actor)).find((e) => e.event === event);

describe("unsubscribe links", () => {
  it("puts signed links and List-Unsubscribe headers in an instant e-mail; GET confirms, POST applies", async () => {
    await notify(nctx, { firmId, userIds: [me.userId], event: "task.assigned", title: "Reconcile June" });
    const mail = await smtp.next();
    expect(mail.to).toEqual(["ann.lee@unsub.test"]);
    const stop = linkAfter(mail.text, "Stop these e-mails");
    const daily = linkAfter(mail.text, "Get them in one daily summary instead");
    expect(mail.headers["list-unsubscribe"]).toBe(`<https://books.example${stop}>`);
    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");

    // A GET (what a mail scanner does) shows the page and changes nothing.
    const page = await app.inject(stop);
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.body).toContain("ann.lee@unsub.test");
    expect(page.body).toContain("Stop e-mails for &quot;A task was assigned to you&quot;");
    expect(page.body).toContain('method="post"');
    expect(await settingOf(me, "task.assigned")).toMatchObject({ inApp: true, email: "instant" });

    // A tampered link — another user's id in the payload, or a changed signature — does nothing.
    const [payload, signature] = stop.split("token=")[1]!.split(".");
    const forged = JSON.parse(Buffer.from(payload!, "base64url").toString());
    forged[3] = "client.terminated";
    const forgedToken = `${Buffer.from(JSON.stringify(forged)).toString("base64url")}.${signature}`;
    for (const bad of [forgedToken, `${payload}.${signature!.slice(1)}A`, "nonsense", "a.b.c"]) {
      const res = await app.inject({ method: "POST", url: `/unsubscribe?token=${bad}` });
      expect(res.statusCode, bad).toBe(404);
      expect(res.body).toContain("This link does not work");
    }
    expect(await settingOf(me, "task.assigned")).toMatchObject({ email: "instant" });
    expect(await settingOf(me, "client.terminated")).toMatchObject({ email: "instant" });

    // The "daily instead" link moves this event to the daily digest, nothing else.
    expect((await app.inject({ method: "POST", url: daily })).statusCode).toBe(200);
    expect(await settingOf(me, "task.assigned")).toMatchObject({ inApp: true, email: "daily" });
    // A mail client's one-click POST (RFC 8058) turns its e-mails off; the bell stays as it was.
    const oneClick = await app.inject({
      method: "POST",
      url: stop,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "List-Unsubscribe=One-Click",
    });
    expect(oneClick.statusCode).toBe(200);
    expect(oneClick.body).toContain("Done");
    expect(await settingOf(me, "task.assigned")).toMatchObject({ inApp: true, email: "off" });
    expect(await settingOf(me, "comment.mention")).toMatchObject({ email: "instant" });
    // Applying twice is harmless; the change is in the audit trail as the person's own.
    expect((await app.inject({ method: "POST", url: stop })).statusCode).toBe(200);
    const audit = await t.ctx.db
      .selectFrom("audit_events")
      .select(["actor_id", "action"])
      .where("action", "=", "notifications.unsubscribed")
      .execute();
    expect(audit.length).toBe(3);
    expect(audit.every((a) => a.actor_id === me.userId)).toBe(true);
    // Now off: no e-mail for this event any more.
    await notify(nctx, { firmId, userIds: [me.userId], event: "task.assigned", title: "Quiet one" });
    await notify(nctx, { firmId, userIds: [me.userId], event: "comment.mention", title: "Loud one" });
    expect((await smtp.next()).subject).toBe("Loud one");
  });

  it("sends one weekly digest grouped by client, whose link stops the weekly summary", async () => {
    const you = await signedIn(t, app, { firmId, role: "partner_ops", email: "bo@unsub.test" });
    const actor = systemActor(firmId);
    const zeta = await access.createClient(t.ctx.db, actor, { slug: "zeta-bakery", name: "Zeta Bakery" });
    const acme = await access.createClient(t.ctx.db, actor, { slug: "acme-cafe", name: "Acme Cafe" });
    await you.inject({
      method: "PUT",
      url: "/api/notifications/settings",
      payload: {
        events: [
          { event: "comment.mention", inApp: true, email: "weekly" },
          { event: "task.assigned", inApp: true, email: "weekly" },
          { event: "task.due", inApp: true, email: "daily" },
        ],
      },
    });
    const to = [you.userId];
    await notify(nctx, {
      firmId,
      userIds: to,
      event: "comment.mention",
      title: "Zeta one",
      clientId: zeta.id,
    });
    await notify(nctx, { firmId, userIds: to, event: "task.assigned", title: "Acme one", clientId: acme.id });
    await notify(nctx, {
      firmId,
      userIds: to,
      event: "comment.mention",
      title: "Zeta two",
      clientId: zeta.id,
    });
    await notify(nctx, { firmId, userIds: to, event: "task.assigned", title: "Firm-wide one" });
    clock.set("2026-06-22T01:00:00Z"); // the next Monday
    expect(await sendDueDigests(nctx)).toBe(1);
    const digest = await smtp.next();
    expect(digest.to).toEqual(["bo@unsub.test"]);
    expect(digest.subject).toBe("Your weekly Closebook summary");
    const body = digest.text;
    const at = (s: string) => body.indexOf(s);
    expect(at("Acme Cafe")).toBeGreaterThan(0);
    expect(at("Acme Cafe")).toBeLessThan(at("Acme one"));
    expect(at("Acme one")).toBeLessThan(at("Zeta Bakery"));
    expect(at("Zeta Bakery")).toBeLessThan(at("Zeta one"));
    expect(at("Zeta two")).toBeLessThan(at("Your firm"));
    expect(at("Your firm")).toBeLessThan(at("Firm-wide one"));
    const stop = linkAfter(body, "Stop this weekly summary");
    expect(digest.headers["list-unsubscribe"]).toBe(`<https://books.example${stop}>`);
    expect((await app.inject({ method: "POST", url: stop })).statusCode).toBe(200);
    expect(await settingOf(you, "comment.mention")).toMatchObject({ inApp: true, email: "off" });
    expect(await settingOf(you, "task.assigned")).toMatchObject({ inApp: true, email: "off" });
    // Only the weekly ones: the daily choice stays.
    expect(await settingOf(you, "task.due")).toMatchObject({ email: "daily" });
  });
});
