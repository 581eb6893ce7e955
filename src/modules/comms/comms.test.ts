// Comments through the API: threads on a task and a journal entry, @mentions that notify only those
// who may read the comment (the author warned about the others), visibility per comment, editing
// and deleting one's own comment with every version kept, attachments checked against the client's
// documents, markup kept as text, and the people one may mention.
import fs from "node:fs/promises";
import os from "node:os";
import nodePath from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { testConfig, testServer } from "../../../test/support/server.ts";
import { signedIn, type Caller } from "../../../test/support/auth.ts";
import { clientWithChart, type ClientFixture } from "../../../test/support/fixtures.ts";
import type { App } from "../../platform/http.ts";
import { LocalDiskStore } from "../../platform/storage/index.ts";
import { documentsCtx } from "../../app/services.ts";
import * as documents from "../documents/index.ts";
import * as ledger from "../ledger/index.ts";
import * as work from "../work/index.ts";

let t: TestDb;
let app: App;
let blobDir: string;
let acme: ClientFixture;
let other: ClientFixture;
let ann: Caller; // Partner Admin, all clients
let bo: Caller; // Partner Ops, all clients: the task's assignee
let cid: Caller; // Client Admin of acme
let dee: Caller; // Partner Ops with only the other client
const ids: Record<string, string> = {};
const base = "/api/clients/acme/comments";

beforeAll(async () => {
  t = await testDb();
  blobDir = await fs.mkdtemp(nodePath.join(os.tmpdir(), "closebook-comms-"));
  const blobs = await new LocalDiskStore(blobDir).open();
  app = await testServer(t, { anonymous: true, blobs });
  acme = await clientWithChart(t.ctx, "acme", "comms-firm");
  other = await clientWithChart(t.ctx, "other", "comms-firm");
  const firmId = acme.firmId;
  ann = await signedIn(t, app, { firmId, role: "partner_admin", email: "ann@firm.test", name: "Ann Lee" });
  bo = await signedIn(t, app, { firmId, role: "partner_ops", email: "bo.ng@firm.test", name: "Bo Ng" });
  cid = await signedIn(t, app, {
    firmId,
    role: "client_admin",
    clients: [acme.clientId],
    email: "cid@acme.test",
    name: "Cid Client",
  });
  dee = await signedIn(t, app, {
    firmId,
    role: "partner_ops",
    clients: [other.clientId],
    email: "dee@firm.test",
    name: "Dee Elsewhere",
  });
  const task = await work.createTask(t.ctx, acme.actor, {
    client: "acme",
    type: "custom",
    title: "Close June",
    assignee: { kind: "user", userId: bo.userId },
  });
  const entry = await ledger.postEntry(t.ctx, acme.actor, "acme", {
    date: "2026-06-02",
    description: "Owner contribution",
    lines: [
      { accountId: acme.account("1010"), amount: 50000n, currency: "USD" },
      { accountId: acme.account("4000"), amount: -50000n, currency: "USD" },
    ],
  });
  const dctx = documentsCtx(testConfig(), t.ctx, blobs);
  const upload = async (f: ClientFixture, name: string) => {
    const folder = (await documents.listFolders(dctx, f.actor, f.slug)).find((x) => x.name === "Tax")!;
    return (
      await documents.uploadDocument(dctx, f.actor, f.slug, {
        folderId: folder.id,
        fileName: name,
        stream: Readable.from([Buffer.from("%PDF-1.4\nx\n%%EOF\n")]),
      })
    ).document.id;
  };
  Object.assign(ids, {
    task: task.id,
    entry: entry.id,
    acmeDoc: await upload(acme, "June receipts.pdf"),
    otherDoc: await upload(other, "Other receipts.pdf"),
  });
});
afterAll(async () => {
  await app?.close();
  await t?.close();
  if (blobDir) await fs.rm(blobDir, { recursive: true, force: true });
});

const bell = async (who: Caller) =>
  (await who.inject("/api/notifications")).json().notifications as Array<{
    event: string;
    title: string;
    link: string;
    body: string;
  }>;

describe("comments and mentions", () => {
  it("notifies mentioned people who may read the comment and warns the author about the others", async () => {
    const res = await ann.inject({
      method: "POST",
      url: base,
      payload: {
        object: `task:${ids.task}`,
        visibility: "firm",
        body: "<script>alert(1)</script> @bo.ng please check; @cid too, @dee and @nobody (mail me at x@y.test).",
      },
    });
    expect(res.statusCode).toBe(201);
    const { comment, warnings } = res.json();
    // Markup is kept as the text it is; nothing is interpreted.
    expect(comment.body).toBe(
      "<script>alert(1)</script> @bo.ng please check; @cid too, @dee and @nobody (mail me at x@y.test).",
    );
    expect(comment).toMatchObject({ visibility: "firm", mine: true, author: { name: "Ann Lee" } });
    expect(comment.mentions).toEqual([{ id: bo.userId, name: "Bo Ng" }]);
    expect(warnings).toEqual([
      "@nobody: no one of your firm has this name; nobody was notified",
      "Cid Client is a client user and this comment is for the firm only: not notified",
      "Dee Elsewhere cannot see this item (no access to it or to this client): not notified",
    ]);
    // Bo is mentioned (and assigned): one notification, the mention.
    const bos = await bell(bo);
    expect(bos).toHaveLength(1);
    expect(bos[0]).toMatchObject({
      event: "comment.mention",
      title: 'Ann Lee mentioned you on the task "Close June"',
      link: `/c/acme/work?task=${ids.task}`,
    });
    expect(await bell(cid)).toEqual([]);
    expect(await bell(dee)).toEqual([]);
    // The assignee hears of a comment without a mention; the author never of their own.
    await ann.inject({
      method: "POST",
      url: base,
      payload: { object: `task:${ids.task}`, body: "Bank feed is back." },
    });
    expect((await bell(bo))[0]).toMatchObject({ event: "comment.on_yours", body: "Bank feed is back." });
    expect(await bell(ann)).toEqual([]);
    // Bo answers: Ann wrote in the thread, so she hears of it as a watcher.
    await bo.inject({ method: "POST", url: base, payload: { object: `task:${ids.task}`, body: "Done." } });
    expect((await bell(ann))[0]).toMatchObject({
      event: "comment.on_watched",
      title: 'Bo Ng commented on the task "Close June"',
    });
  });

  it("shows client users only comments for the client, and nothing of a client they do not work on", async () => {
    const object = `journal_entry:${ids.entry}`;
    await ann.inject({
      method: "POST",
      url: base,
      payload: { object, visibility: "firm", body: "Internal: ask about this" },
    });
    const shared = await ann.inject({
      method: "POST",
      url: base,
      payload: { object, visibility: "client", body: "@cid can you send the deposit slip?" },
    });
    expect(shared.json().warnings).toEqual([]);
    expect((await bell(cid))[0]).toMatchObject({ event: "comment.mention" });
    const thread = (await cid.inject(`${base}?object=${object}`)).json().comments;
    expect(thread.map((c: { body: string }) => c.body)).toEqual(["@cid can you send the deposit slip?"]);
    expect((await ann.inject(`${base}?object=${object}`)).json().comments).toHaveLength(2);
    const firmOnly = await cid.inject({
      method: "POST",
      url: base,
      payload: { object, visibility: "firm", body: "secret" },
    });
    expect(firmOnly.statusCode).toBe(403);
    expect(firmOnly.json()).toMatchObject({ code: "comms/firm-only-for-firm", field: "visibility" });
    const reply = await cid.inject({
      method: "POST",
      url: base,
      payload: { object, visibility: "client", body: "Sent!" },
    });
    expect(reply.statusCode).toBe(201);
    // Another client's people and a partner without this client: refused, nothing shown.
    expect((await dee.inject(`${base}?object=${object}`)).statusCode).toBe(404);
    expect((await cid.inject(`/api/clients/other/comments?object=${object}`)).statusCode).toBe(404);
    // The object must be of this client and exist.
    expect((await ann.inject(`/api/clients/other/comments?object=${object}`)).statusCode).toBe(404);
    expect((await ann.inject(`${base}?object=task:00000000-0000-7000-8000-000000000009`)).statusCode).toBe(
      404,
    );
    expect((await ann.inject(`${base}?object=invoice:${ids.entry}`)).json()).toMatchObject({
      code: "comms/invalid-object",
      field: "object",
    });
  });

  it("lets the author edit and delete, keeps every version, and refuses everyone else", async () => {
    const object = `task:${ids.task}`;
    const created = (
      await ann.inject({ method: "POST", url: base, payload: { object, body: "First words" } })
    ).json().comment;
    const url = `${base}/${created.id}`;
    expect((await bo.inject({ method: "PATCH", url, payload: { body: "hijack" } })).statusCode).toBe(403);
    expect((await bo.inject({ method: "DELETE", url })).statusCode).toBe(403);
    const edited = await ann.inject({ method: "PATCH", url, payload: { body: "Second words @bo.ng" } });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().comment).toMatchObject({ body: "Second words @bo.ng", version: 2 });
    expect((await bell(bo))[0]).toMatchObject({ event: "comment.mention" }); // newly mentioned
    expect((await ann.inject({ method: "DELETE", url })).statusCode).toBe(204);
    const thread = (await bo.inject(`${base}?object=${object}`)).json().comments;
    expect(thread.find((c: { id: string }) => c.id === created.id)).toMatchObject({
      deleted: true,
      body: "",
      mentions: [],
    });
    const history = (await bo.inject(`${url}/history`)).json().versions;
    expect(history.map((v: { action: string; body: string }) => [v.action, v.body])).toEqual([
      ["created", "First words"],
      ["edited", "Second words @bo.ng"],
      ["deleted", "Second words @bo.ng"],
    ]);
    expect((await ann.inject({ method: "PATCH", url, payload: { body: "again" } })).statusCode).toBe(409);
    // The history is append-only in the database too.
    await expect(
      t.ctx.db
        .updateTable("comment_versions" as never)
        .set({ body: "rewritten" } as never)
        .execute(),
    ).rejects.toThrow(/append-only/);
    // Client users never reach a firm-only comment, its history included.
    expect((await cid.inject(`${url}/history`)).statusCode).toBe(404);
  });

  it("attaches documents of the same client only", async () => {
    const object = `journal_entry:${ids.entry}`;
    const ok = await ann.inject({
      method: "POST",
      url: base,
      payload: { object, visibility: "client", body: "Receipts attached", attachments: [ids.acmeDoc] },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().comment.attachments).toEqual([ids.acmeDoc]);
    const wrong = await ann.inject({
      method: "POST",
      url: base,
      payload: { object, body: "Wrong file", attachments: [ids.otherDoc] },
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({ code: "comms/unknown-attachment", field: "attachments[0]" });
  });

  it("lists the people one may mention for each visibility", async () => {
    const names = async (who: Caller, visibility: string) =>
      (await who.inject(`/api/clients/acme/comment-people?visibility=${visibility}`))
        .json()
        .people.map((p: { name: string; handle: string }) => `${p.name} @${p.handle}`)
        .sort();
    const firm = await names(ann, "firm");
    expect(firm).toContain("Bo Ng @bo.ng");
    expect(firm).not.toContain("Cid Client @cid");
    expect(firm.some((n: string) => n.startsWith("Dee"))).toBe(false);
    expect(await names(ann, "client")).toContain("Cid Client @cid");
    expect((await cid.inject("/api/clients/acme/comment-people?visibility=firm")).statusCode).toBe(403);
  });
});
