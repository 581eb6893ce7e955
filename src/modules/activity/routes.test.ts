// The Activity Hub end to end on a test database (PGlite, or PostgreSQL with DATABASE_URL, where
// row-level security applies too): who sees which events (client users: their client, shared
// comments, their tasks; security events for Partner Admins only), filters, cursor pages without
// duplicates or gaps while events keep arriving, read markers, and refusals.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { clientWithChart, type ClientFixture } from "../../../test/support/fixtures.ts";
import { testServer } from "../../../test/support/server.ts";
import { signedIn, tokenCaller, type Caller } from "../../../test/support/auth.ts";
import { commsCtx } from "../../app/comms.ts";
import { recordAudit, recordAuditFrom } from "../../platform/audit.ts";
import { inTransaction, sql } from "../../platform/db.ts";
import type { App } from "../../platform/http.ts";
import * as comms from "../comms/index.ts";
import * as ledger from "../ledger/index.ts";
import * as work from "../work/index.ts";
import type { ActivityPage } from "./index.ts";

let t: TestDb;
let app: App;
let a: ClientFixture;
let b: ClientFixture;
let admin: Caller;
let ops: Caller;
let opsOfA: Caller;
let clientA: Caller;
let clientB: Caller;
const UPLOADS = 45;

async function page(who: Caller, query = ""): Promise<ActivityPage> {
  const res = await who.inject(`/api/activity${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ActivityPage;
}

async function upload(name: string, client: ClientFixture = a) {
  await recordAudit(t.ctx.db, admin.actor, {
    action: "documents.document.uploaded",
    clientId: client.clientId,
    subjectType: "document",
    subjectId: crypto.randomUUID(),
    after: { name },
  });
}

beforeAll(async () => {
  t = await testDb();
  app = await testServer(t, { anonymous: true });
  a = await clientWithChart(t.ctx, "act-a", "firm-act");
  b = await clientWithChart(t.ctx, "act-b", "firm-act");
  admin = await signedIn(t, app, { firmId: a.firmId, role: "partner_admin", name: "Dana Admin" });
  ops = await signedIn(t, app, { firmId: a.firmId, role: "partner_ops", name: "Otto Ops" });
  opsOfA = await signedIn(t, app, { firmId: a.firmId, role: "partner_ops", clients: [a.clientId] });
  clientA = await signedIn(t, app, { firmId: a.firmId, role: "client_admin", clients: [a.clientId] });
  clientB = await signedIn(t, app, { firmId: a.firmId, role: "client_admin", clients: [b.clientId] });
  const entry = await ledger.postEntry(t.ctx, admin.actor, a.slug, {
    date: "2026-06-02",
    reference: "JE-12",
    description: "Rent",
    lines: [
      { accountId: a.account("1010"), amount: -5000n, currency: "USD" },
      { accountId: a.account("4000"), amount: 5000n, currency: "USD" },
    ],
  });
  await ledger.postEntry(t.ctx, admin.actor, b.slug, {
    date: "2026-06-02",
    reference: "B-1",
    description: "Other client",
    lines: [
      { accountId: b.account("1010"), amount: -100n, currency: "USD" },
      { accountId: b.account("4000"), amount: 100n, currency: "USD" },
    ],
  });
  const cctx = commsCtx(t.ctx);
  const object = `journal_entry:${entry.id}`;
  await comms.createComment(cctx, admin.actor, a.slug, { object, body: "firm only", visibility: "firm" });
  await comms.createComment(cctx, admin.actor, a.slug, { object, body: "shared", visibility: "client" });
  await work.createTask(t.ctx, admin.actor, {
    client: a.slug,
    type: "custom",
    title: "For the client",
    assignee: { kind: "client" },
  });
  await work.createTask(t.ctx, admin.actor, {
    client: a.slug,
    type: "custom",
    title: "Internal review",
    assignee: { kind: "user", userId: ops.userId },
  });
  await recordAuditFrom(
    t.ctx.db,
    { firmId: a.firmId, type: "anonymous", id: null },
    { action: "identity.sign_in.failed", subjectType: "user", after: { reason: "password" } },
  );
  for (let i = 0; i < UPLOADS; i++) await upload(`file-${i}.pdf`);
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

describe("who sees what", () => {
  it("gives a Partner Admin everything, sentences and links included", async () => {
    const p = await page(admin, "?limit=100");
    const kinds = new Set(p.items.map((i) => i.kind));
    for (const k of ["posting", "comment", "task", "upload", "sign_in", "security"])
      expect(kinds).toContain(k);
    const posted = p.items.find((i) => i.sentence.includes("JE-12"))!;
    expect(posted.sentence).toBe("Dana Admin posted journal entry JE-12 for Client act-a");
    expect(posted.link).toMatch(/^\/c\/act-a\/ledger\/entries\/[0-9a-f-]{36}$/);
    expect(p.items.filter((i) => i.kind === "comment")).toHaveLength(2);
    expect(p.items.some((i) => i.client?.slug === "act-b")).toBe(true);
  });

  it("keeps security events from Partner Ops, and other clients from a user with a list", async () => {
    const o = await page(ops, "?limit=100");
    expect(o.items.some((i) => i.kind === "security")).toBe(false);
    expect(o.items.some((i) => i.kind === "sign_in")).toBe(true);
    expect((await page(ops, "?kind=security")).items).toEqual([]);
    const l = await page(opsOfA, "?limit=100");
    expect(l.items.length).toBeGreaterThan(0);
    expect(l.items.every((i) => i.client?.slug === "act-a")).toBe(true);
  });

  it("shows a client user only its client's shared items: never firm-only comments or security", async () => {
    const c = await page(clientA, "?limit=100");
    expect(c.items.every((i) => i.client?.slug === "act-a")).toBe(true);
    expect(c.items.filter((i) => i.kind === "comment")).toHaveLength(1);
    expect(c.items.filter((i) => i.kind === "task").map((i) => i.sentence)).toEqual([
      'Dana Admin created the task "For the client" for Client act-a',
    ]);
    expect(c.items.some((i) => ["security", "sign_in"].includes(i.kind))).toBe(false);
    const other = await page(clientB, "?limit=100");
    expect(other.items.every((i) => i.client?.slug === "act-b")).toBe(true);
    expect(other.items.some((i) => i.sentence.includes("JE-12"))).toBe(false);
    for (const url of ["/api/activity?client=act-a", "/api/clients/act-a/activity"]) {
      const res = await clientB.inject(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain("JE-12");
    }
  });
});

describe("filters and pages", () => {
  it("filters by client, kind, person and days", async () => {
    const onlyB = await page(admin, "?client=act-b");
    expect(onlyB.items.length).toBeGreaterThan(0);
    expect(onlyB.items.every((i) => i.client?.slug === "act-b")).toBe(true);
    const viaPath = await admin.inject("/api/clients/act-b/activity");
    expect((viaPath.json() as ActivityPage).items).toEqual(onlyB.items);
    const comments = await page(admin, "?kind=comment,task");
    expect(new Set(comments.items.map((i) => i.kind))).toEqual(new Set(["comment", "task"]));
    const mine = await page(admin, `?person=${admin.userId}&limit=100`);
    expect(mine.items.length).toBeGreaterThan(UPLOADS);
    expect(mine.items.every((i) => i.actor.id === admin.userId)).toBe(true);
    expect((await page(admin, `?person=${ops.userId}&kind=posting`)).items).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await page(admin, `?from=${today}&to=${today}`)).items.length).toBeGreaterThan(0);
    expect((await page(admin, "?from=2020-01-01&to=2020-01-31")).items).toEqual([]);
  });

  it("finds exactly a range's days even when ids and times cross at its edges", async () => {
    // occurred_at is a transaction's start and the id is drawn at its insert, so a slow writer's
    // event can carry a time before an event with a smaller id. The range's id bounds (feedPage)
    // must not cut such events off: the late writers at both edges are the test.
    const c = await clientWithChart(t.ctx, "act-dates", "firm-act-dates");
    const boss = await signedIn(t, app, { firmId: c.firmId, role: "partner_admin", name: "Ria" });
    const rows: [string, string][] = [
      ["apr-1", "2026-04-01T12:00:00Z"],
      ["apr-30", "2026-04-30T23:00:00Z"],
      ["may-1", "2026-05-01T00:30:00Z"],
      ["apr-30-late-writer", "2026-04-30T23:40:00Z"],
      ["may-15", "2026-05-15T09:00:00Z"],
      ["jun-1", "2026-06-01T00:10:00Z"],
      ["may-31-late-writer", "2026-05-31T23:50:00Z"],
      ["jun-3", "2026-06-03T08:00:00Z"],
    ];
    for (const [name, at] of rows)
      await sql`insert into audit_events (firm_id, client_id, actor_type, actor_id, action, subject_type,
          subject_id, after, occurred_at)
        values (${c.firmId}::uuid, ${c.clientId}::uuid, 'user', ${boss.userId},
          'documents.document.uploaded', 'document', ${crypto.randomUUID()},
          ${JSON.stringify({ name })}::jsonb, ${at}::timestamptz)`.execute(t.ctx.db);
    const names = async (q: string) => (await page(boss, q)).items.map((i) => /"(.*)"/.exec(i.sentence)![1]);
    expect(await names("?from=2026-05-01&to=2026-05-31")).toEqual(["may-31-late-writer", "may-15", "may-1"]);
    expect(await names("?from=2026-05-01")).toEqual([
      "jun-3",
      "may-31-late-writer",
      "jun-1",
      "may-15",
      "may-1",
    ]);
    expect(await names("?to=2026-04-30")).toEqual(["apr-30-late-writer", "apr-30", "apr-1"]);
    expect(await names("?from=2026-05-01&to=2026-05-31&limit=2")).toEqual(["may-31-late-writer", "may-15"]);
  });

  it("pages by cursor without duplicates or gaps while new events arrive", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const p: ActivityPage = await page(admin, `?kind=upload&limit=7${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...p.items.map((i) => i.id));
      cursor = p.nextCursor;
      if (pages++ === 1) for (let i = 0; i < 5; i++) await upload(`late-${i}.pdf`); // newer: not in older pages
    } while (cursor);
    expect(seen).toHaveLength(UPLOADS);
    expect(new Set(seen).size).toBe(UPLOADS);
    const numbers = seen.map(BigInt);
    expect(numbers.every((n, i) => i === 0 || n < numbers[i - 1]!)).toBe(true);
  });

  it("refuses a forged cursor and a backwards range with the field, and hostile kinds", async () => {
    for (const [query, field] of [
      ["?cursor=bm90LWEtY3Vyc29y", "cursor"],
      ["?from=2026-06-10&to=2026-06-01", "from"],
      ["?kind=everything", "kind"],
    ] as const) {
      const res = await admin.inject(`/api/activity${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json()).toMatchObject({ field });
    }
  });
});

describe("read markers", () => {
  it("marks seen, shows only newer events of others as unread, never moves back", async () => {
    const before = await page(ops, "?unread=true&limit=5");
    expect(before.items.length).toBeGreaterThan(0);
    expect(before.items.every((i) => i.unread)).toBe(true);
    const marked = await ops.inject({ method: "POST", url: "/api/activity/seen", payload: {} });
    expect(marked.statusCode, marked.body).toBe(200);
    expect((await page(ops, "?unread=true")).items).toEqual([]);
    await upload("after-mark.pdf");
    await recordAudit(t.ctx.db, ops.actor, {
      action: "documents.document.uploaded",
      clientId: a.clientId,
      subjectType: "document",
      subjectId: crypto.randomUUID(),
      after: { name: "my-own.pdf" },
    });
    const unread = await page(ops, "?unread=true");
    expect(unread.items.map((i) => i.sentence)).toEqual([
      'Dana Admin uploaded "after-mark.pdf" for Client act-a',
    ]);
    const back = await ops.inject({ method: "POST", url: "/api/activity/seen", payload: { upTo: "1" } });
    expect((back.json() as { seenUpTo: string }).seenUpTo).toBe(
      (marked.json() as { seenUpTo: string }).seenUpTo,
    );
    const first = (await page(ops, "?limit=1")).items[0]!;
    await ops.inject({ method: "POST", url: "/api/activity/seen", payload: { upTo: first.id } });
    expect((await page(ops, "?unread=true")).items).toEqual([]);
  });
});

describe("the unread count (the navigation's badge)", () => {
  const count = async (who: Caller) => {
    const res = await who.inject("/api/activity/unread");
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { unread: number; capped: boolean };
  };
  const markAll = (who: Caller) => who.inject({ method: "POST", url: "/api/activity/seen", payload: {} });
  const comment = (visibility: "firm" | "client") =>
    recordAudit(t.ctx.db, admin.actor, {
      action: "comms.comment.created",
      clientId: a.clientId,
      subjectType: "journal_entry",
      subjectId: crypto.randomUUID(),
      after: { visibility },
    });

  it("counts what Unread only lists, walled like the feed, and clears when the hub is opened", async () => {
    const readers = [admin, opsOfA, clientA, clientB];
    for (const who of readers) await markAll(who);
    for (const who of readers) expect(await count(who)).toEqual({ unread: 0, capped: false });
    await upload("for-a.pdf"); // client A's: everyone of A
    await upload("for-b.pdf", b); // client B's: not Partner Ops of A, not A's client user
    await comment("firm"); // not the client user
    await comment("client");
    await recordAuditFrom(
      t.ctx.db,
      { firmId: a.firmId, type: "anonymous", id: null },
      { action: "identity.sign_in.failed", subjectType: "user", after: { reason: "password" } },
    ); // the firm's security: the Partner Admin only
    await recordAudit(t.ctx.db, clientA.actor, {
      action: "documents.document.uploaded",
      clientId: a.clientId,
      subjectType: "document",
      subjectId: crypto.randomUUID(),
      after: { name: "clients-own.pdf" },
    }); // not unread for the one who did it
    // The Partner Admin wrote the uploads and comments: the security event and the client's upload.
    expect(await count(admin)).toEqual({ unread: 2, capped: false });
    expect(await count(opsOfA)).toEqual({ unread: 4, capped: false });
    expect(await count(clientA)).toEqual({ unread: 2, capped: false });
    expect(await count(clientB)).toEqual({ unread: 1, capped: false });
    for (const who of readers)
      expect((await page(who, "?unread=true&limit=100")).items).toHaveLength((await count(who)).unread);
    await markAll(clientA);
    expect(await count(clientA)).toEqual({ unread: 0, capped: false });
    expect(await count(opsOfA)).toEqual({ unread: 4, capped: false }); // each reader their own marker
  });

  it("stops counting at 99", async () => {
    await markAll(clientB);
    for (let i = 0; i < 99; i++) await upload(`many-${i}.pdf`, b);
    expect(await count(clientB)).toEqual({ unread: 99, capped: false });
    await upload("one-more.pdf", b);
    expect(await count(clientB)).toEqual({ unread: 99, capped: true });
  });

  it("has no count for an API token (no read marker)", async () => {
    const bot = await tokenCaller(t, app, { firmId: a.firmId, role: "partner_admin" });
    const res = await bot.inject("/api/activity/unread");
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: "activity/people-only" });
  });
});

describe("the database's own wall", () => {
  it("shows a client's scope none of another client's audit events, and firm-level ones still", async () => {
    const counts = await inTransaction(t.ctx.db, async (tx) => {
      await sql`set local role closebook_app`.execute(tx);
      await sql`select set_config('closebook.firm_id', ${a.firmId}, true), set_config('closebook.client_ids', ${b.clientId}, true)`.execute(
        tx,
      );
      return (
        await sql<{ other: bigint; own: bigint; firm: bigint }>`
          select (select count(*) from audit_events where client_id = ${a.clientId}::uuid) as other,
                 (select count(*) from audit_events where client_id = ${b.clientId}::uuid) as own,
                 (select count(*) from audit_events where client_id is null) as firm`.execute(tx)
      ).rows[0]!;
    });
    expect(counts.other).toBe(0n);
    expect(counts.own).toBeGreaterThan(0n);
    expect(counts.firm).toBeGreaterThan(0n);
  });
});
