// The work API end to end on a test database: tasks of the four types, My work and its filters,
// status changes, checklists, history, bulk reassignment and client users' isolation (templates and
// system tasks are in templates.test.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { clientWithChart, type ClientFixture } from "../../../test/support/fixtures.ts";
import { testServer } from "../../../test/support/server.ts";
import { signedIn, type Caller } from "../../../test/support/auth.ts";
import type { App } from "../../platform/http.ts";
import * as work from "./index.ts";

let t: TestDb;
let app: App;
let a: ClientFixture;
let b: ClientFixture;
let partner: Caller;
let colleague: Caller;
let clientUser: Caller;
let otherClientUser: Caller;

async function create(who: Caller, body: Record<string, unknown>) {
  const res = await who.inject({ method: "POST", url: "/api/tasks", payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as work.TaskDetail;
}

beforeAll(async () => {
  t = await testDb(); // today: 2026-06-15 (a Monday)
  app = await testServer(t, { anonymous: true });
  a = await clientWithChart(t.ctx, "work-a", "firm-work");
  b = await clientWithChart(t.ctx, "work-b", "firm-work");
  partner = await signedIn(t, app, { firmId: a.firmId, role: "partner_admin", name: "Pat Partner" });
  colleague = await signedIn(t, app, { firmId: a.firmId, role: "partner_ops", name: "Cole League" });
  clientUser = await signedIn(t, app, { firmId: a.firmId, role: "client_admin", clients: [a.clientId] });
  otherClientUser = await signedIn(t, app, { firmId: a.firmId, role: "client_admin", clients: [b.clientId] });
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

describe("tasks", () => {
  it("creates the four types, each with its reference, and refuses a reference on another type", async () => {
    const folder = await create(partner, {
      client: "work-a",
      type: "document_upload_request",
      title: "Upload the May statement",
      folder: "Bank statements/Checking/2026",
      assignee: { kind: "client" },
      dueDate: "2026-06-20",
      checklist: ["Checking", "Savings"],
    });
    expect(folder).toMatchObject({
      type: "document_upload_request",
      folder: "Bank statements/Checking/2026",
      status: "to_do",
      dueState: "upcoming",
      assignee: { kind: "client" },
      checklist: { done: 0, total: 2 },
      client: { slug: "work-a" },
    });
    expect(folder.items.map((i) => i.text)).toEqual(["Checking", "Savings"]);
    const bank = await create(partner, {
      client: "work-a",
      type: "bank_connection_request",
      title: "Reconnect the bank",
      connectionId: "0190a000-0000-7000-8000-000000000001",
    });
    expect(bank.connectionId).toBe("0190a000-0000-7000-8000-000000000001");
    const cred = await create(partner, {
      client: "work-a",
      type: "credential_request",
      title: "Payroll portal login",
      credential: { site: "Gusto", url: "https://gusto.example" },
    });
    expect(cred.credential).toMatchObject({ site: "Gusto" });
    const wrong = await partner.inject({
      method: "POST",
      url: "/api/tasks",
      payload: { client: "work-a", type: "custom", title: "x", folder: "Tax" },
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({ code: "work/reference-for-another-type", field: "folder" });
  });

  it("refuses an assignee who does not work on the client, and a client user creating tasks", async () => {
    const res = await partner.inject({
      method: "POST",
      url: "/api/tasks",
      payload: {
        client: "work-a",
        type: "custom",
        title: "x",
        assignee: { kind: "user", userId: otherClientUser.userId },
      },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: "work/person-without-access", field: "assignee.userId" });
    const byClient = await clientUser.inject({
      method: "POST",
      url: "/api/tasks",
      payload: { client: "work-a", type: "custom", title: "x" },
    });
    expect(byClient.statusCode).toBe(403);
  });

  it("lists My work by default: my open tasks across clients by due date, with filters and pages", async () => {
    const mine = { kind: "user", userId: partner.userId };
    await create(partner, {
      client: "work-a",
      type: "custom",
      title: "Overdue payroll check",
      assignee: mine,
      dueDate: "2026-06-01",
    });
    await create(partner, {
      client: "work-b",
      type: "custom",
      title: "Reconcile savings",
      assignee: mine,
      dueDate: "2026-06-16",
    });
    await create(partner, { client: "work-b", type: "custom", title: "Someday", assignee: mine });
    await create(partner, {
      client: "work-a",
      type: "custom",
      title: "Done already",
      assignee: mine,
      status: "done",
    });
    await create(partner, {
      client: "work-a",
      type: "custom",
      title: "Colleague's",
      assignee: { kind: "user", userId: colleague.userId },
    });
    const res = await partner.inject("/api/tasks");
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.tasks.map((x: work.TaskView) => [x.title, x.dueState])).toEqual([
      ["Overdue payroll check", "overdue"],
      ["Reconcile savings", "upcoming"],
      ["Someday", null],
    ]);
    expect(page.total).toBe(3);
    const titles = async (query: string, who = partner) =>
      ((await who.inject(`/api/tasks?${query}`)).json().tasks as work.TaskView[]).map((x) => x.title);
    expect(await titles("client=work-b")).toEqual(["Reconcile savings", "Someday"]);
    expect(await titles("due=overdue")).toEqual(["Overdue payroll check"]);
    expect(await titles("status=done")).toEqual(["Done already"]);
    expect(await titles("q=SAVINGS")).toEqual(["Reconcile savings"]);
    expect(await titles("assignee=any&type=credential_request")).toEqual(["Payroll portal login"]);
    expect(await titles(`assignee=${colleague.userId}`)).toEqual(["Colleague's"]);
    expect(await titles("dueFrom=2026-06-10&dueTo=2026-06-30&assignee=any")).toEqual([
      "Reconcile savings",
      "Upload the May statement",
    ]);
    const p2 = (await partner.inject("/api/tasks?pageSize=2&page=2")).json();
    expect(p2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(p2.tasks.map((x: work.TaskView) => x.title)).toEqual(["Someday"]);
    const bad = await partner.inject("/api/tasks?status=open");
    expect(bad.statusCode).toBe(400);
  });

  it("moves a task between statuses (the board's drag) and keeps its history", async () => {
    const task = await create(partner, { client: "work-a", type: "custom", title: "Board card" });
    const moved = await partner.inject({
      method: "PATCH",
      url: `/api/tasks/${task.id}`,
      payload: { status: "in_progress" },
    });
    expect(moved.json()).toMatchObject({ status: "in_progress", closedAt: null });
    const done = await partner.inject({
      method: "PATCH",
      url: `/api/tasks/${task.id}`,
      payload: { status: "done" },
    });
    expect(done.json().closedAt).not.toBeNull();
    const history = (await partner.inject(`/api/tasks/${task.id}/history`)).json().events;
    expect(history.map((e: { event: string; detail: unknown }) => [e.event, e.detail])).toEqual([
      ["created", { assignee: { kind: "none" }, status: "to_do" }],
      ["status", { from: "to_do", to: "in_progress" }],
      ["status", { from: "in_progress", to: "done" }],
    ]);
    expect(history[1].actorName).toBe("Pat Partner");
  });

  it("reassigns in bulk, all or nothing", async () => {
    const x = await create(partner, { client: "work-a", type: "custom", title: "Bulk 1" });
    const y = await create(partner, { client: "work-b", type: "custom", title: "Bulk 2" });
    const to = { kind: "user", userId: colleague.userId };
    const missing = await partner.inject({
      method: "POST",
      url: "/api/tasks/reassign",
      payload: { ids: [x.id, "0190a000-0000-7000-8000-0000000000ff"], assignee: to },
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().field).toBe("ids[1]");
    expect((await partner.inject(`/api/tasks/${x.id}`)).json().assignee).toEqual({ kind: "none" });
    const ok = await partner.inject({
      method: "POST",
      url: "/api/tasks/reassign",
      payload: { ids: [x.id, y.id], assignee: to },
    });
    expect(ok.json()).toEqual({ changed: 2 });
    expect(await colleague.inject("/api/tasks?q=Bulk").then((r) => r.json().total)).toBe(2);
  });

  it("deletes per the permission table: Partner Ops may not", async () => {
    const task = await create(partner, { client: "work-a", type: "custom", title: "To delete" });
    expect((await colleague.inject({ method: "DELETE", url: `/api/tasks/${task.id}` })).statusCode).toBe(403);
    expect((await partner.inject({ method: "DELETE", url: `/api/tasks/${task.id}` })).statusCode).toBe(204);
    expect((await partner.inject(`/api/tasks/${task.id}`)).statusCode).toBe(404);
  });
});

describe("client users", () => {
  it("see only their client's tasks assigned to them or to the client, and answer them", async () => {
    const forClient = await create(partner, {
      client: "work-a",
      type: "document_upload_request",
      title: "Send the W-9",
      assignee: { kind: "client" },
      checklist: ["Sign it", "Upload it"],
    });
    const forMe = await create(partner, {
      client: "work-a",
      type: "custom",
      title: "Answer the question",
      assignee: { kind: "user", userId: clientUser.userId },
    });
    const internal = await create(partner, {
      client: "work-a",
      type: "custom",
      title: "Internal review",
      assignee: { kind: "user", userId: partner.userId },
    });
    const otherClient = await create(partner, {
      client: "work-b",
      type: "custom",
      title: "B's request",
      assignee: { kind: "client" },
    });
    // Their My work holds what is asked of them and of their client.
    const myWork = (await clientUser.inject("/api/tasks")).json().tasks.map((x: work.TaskView) => x.title);
    expect(myWork).toEqual(expect.arrayContaining(["Send the W-9", "Answer the question"]));
    expect(myWork).not.toContain("Internal review");
    const visible = (
      await clientUser.inject("/api/tasks?assignee=any&status=to_do,in_progress,done,rejected")
    ).json();
    const titles = visible.tasks.map((x: work.TaskView) => x.title);
    expect(titles).toContain("Send the W-9");
    expect(titles).toContain("Answer the question");
    expect(titles).not.toContain("Internal review");
    expect(titles).not.toContain("B's request");
    expect(
      titles.every(
        (x: string) => visible.tasks.find((v: work.TaskView) => v.title === x).client.slug === "work-a",
      ),
    ).toBe(true);
    for (const id of [internal.id, otherClient.id]) {
      expect((await clientUser.inject(`/api/tasks/${id}`)).statusCode).toBe(404);
      const patch = await clientUser.inject({
        method: "PATCH",
        url: `/api/tasks/${id}`,
        payload: { status: "done" },
      });
      expect(patch.statusCode).toBe(404);
    }
    expect((await otherClientUser.inject(`/api/tasks/${forClient.id}`)).statusCode).toBe(404);
    // Answering: the checklist and the status, not the firm's words or dates.
    const item = forClient.items[0]!;
    const ticked = await clientUser.inject({
      method: "PATCH",
      url: `/api/tasks/${forClient.id}/checklist/${item.id}`,
      payload: { done: true },
    });
    expect(ticked.statusCode).toBe(200);
    expect(ticked.json().checklist).toEqual({ done: 1, total: 2 });
    const rename = await clientUser.inject({
      method: "PATCH",
      url: `/api/tasks/${forMe.id}`,
      payload: { title: "Mine now" },
    });
    expect(rename.statusCode).toBe(403);
    expect(rename.json().field).toBe("title");
    const answered = await clientUser.inject({
      method: "PATCH",
      url: `/api/tasks/${forMe.id}`,
      payload: { status: "done" },
    });
    expect(answered.json().status).toBe("done");
    const attach = await clientUser.inject({
      method: "POST",
      url: `/api/tasks/${forClient.id}/attachments`,
      payload: { documentId: "0190a000-0000-7000-8000-0000000000aa" },
    });
    expect(attach.json().attachments).toHaveLength(1);
    expect(
      (
        await clientUser.inject({
          method: "POST",
          url: "/api/tasks/reassign",
          payload: { ids: [forMe.id], assignee: { kind: "none" } },
        })
      ).statusCode,
    ).toBe(403);
    expect((await clientUser.inject("/api/project-templates")).statusCode).toBe(403);
  });
});
