// Requests answered with files, over HTTP with real sign-in: a firm user asks for a missing month's
// statement; the client's user sees the task, uploads the file through it (it lands in the account's
// year folder, is attached, the task is done) and the statement is offered for import, then imported
// with one click. A request naming a folder path makes it; closed and foreign tasks take nothing. The
// upkeep opens recent missing months once and closes them when the statement is filed; a broken
// connection gets one "reconnect" task that closes itself when the connection works again.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb, type TestDb } from "../../test/support/db.ts";
import { testServer } from "../../test/support/server.ts";
import { signedIn, type Caller } from "../../test/support/auth.ts";
import { bankClient, csvOf, type BankFixture } from "../../test/support/bank-fixtures.ts";
import { multipart } from "../../test/support/banking-api.ts";
import * as access from "../modules/access/index.ts";
import * as work from "../modules/work/index.ts";
import type { App } from "../platform/http.ts";
import { documentsCtx } from "./services.ts";
import { testConfig } from "../../test/support/server.ts";
import { syncStatementTasks } from "./statement-tasks.ts";

let t: TestDb;
let c: BankFixture;
let other: BankFixture;
let app: App;
let dataDir: string;
let firm: Caller;
let clientUser: Caller;
let stranger: Caller;

const url = (p: string) => `/api/clients/${c.slug}${p}`;
const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);
const APRIL = csvOf([
  { date: "2026-04-02", amount: "-12.50", description: "Coffee Roasters" },
  { date: "2026-04-15", amount: "1500.00", description: "Customer payment" },
]);

const dctx = () => documentsCtx(testConfig({ CLOSEBOOK_DATA_DIR: dataDir }), t.ctx);

async function missingOf(
  accountId: string,
): Promise<{ missing: string[]; yearFolders: Record<string, string> }> {
  const res = await firm.inject(url("/missing-statements"));
  return res.json().accounts.find((a: { accountId: string }) => a.accountId === accountId);
}

const upload = (who: Caller, taskId: string, name: string, bytes: Uint8Array, query = "") =>
  who.inject({ method: "POST", url: `/api/tasks/${taskId}/upload${query}`, ...multipart({ name, bytes }) });

beforeAll(async () => {
  t = await testDb(); // today: 2026-06-15
  c = await bankClient(t.ctx, "files-co", "firm-files");
  other = await bankClient(t.ctx, "files-other", "firm-files-other");
  await access.updateClientDetails(t.ctx, c.actor, c.slug, { serviceStartDate: "2026-03-01" });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "closebook-task-files-"));
  app = await testServer(t, { anonymous: true, env: { CLOSEBOOK_DATA_DIR: dataDir } });
  firm = await signedIn(t, app, { firmId: c.firmId, role: "partner_ops", name: "Pia Ops" });
  clientUser = await signedIn(t, app, {
    firmId: c.firmId,
    role: "client_ops",
    clients: [c.clientId],
    name: "Cody Client",
  });
  stranger = await signedIn(t, app, {
    firmId: other.firmId,
    role: "partner_admin",
    name: "Other Admin",
  });
});
afterAll(async () => {
  await app?.close();
  await t?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("a statement requested for a missing month", () => {
  let taskId: string;
  let documentId: string;

  it("is one document upload request for the client, in the account's year folder", async () => {
    const before = await missingOf(c.checking.id);
    expect(before.missing).toEqual(["2026-03", "2026-04", "2026-05"]);
    const body = { bankAccountId: c.checking.id, month: "2026-04" };
    const first = await firm.inject({
      method: "POST",
      url: url("/missing-statements/request"),
      payload: body,
    });
    expect(first.statusCode).toBe(201);
    taskId = first.json().taskId;
    const again = await firm.inject({
      method: "POST",
      url: url("/missing-statements/request"),
      payload: body,
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ taskId, created: false });
    const task = (await firm.inject(`/api/tasks/${taskId}`)).json();
    expect(task).toMatchObject({
      type: "document_upload_request",
      title: "Upload the April 2026 statement of Operating Checking",
      assignee: { kind: "client" },
      folder: before.yearFolders["2026"],
      dueDate: "2026-06-22",
      systemKey: `documents.statement:${c.checking.id}:2026-04`,
      createdByName: "Pia Ops",
    });
    // A month that is not missing, and a client user, are refused.
    const filed = await firm.inject({
      method: "POST",
      url: url("/missing-statements/request"),
      payload: { bankAccountId: c.checking.id, month: "2026-06" },
    });
    expect(filed.statusCode).toBe(422);
    expect(filed.json()).toMatchObject({ code: "documents/statement-not-missing", field: "month" });
    const byClient = await clientUser.inject({
      method: "POST",
      url: url("/missing-statements/request"),
      payload: body,
    });
    expect(byClient.statusCode).toBe(403);
  });

  it("is answered by the client's user with the file, which is filed, attached and offered for import", async () => {
    const mine = (await clientUser.inject("/api/tasks")).json();
    expect(mine.tasks.map((x: { id: string }) => x.id)).toContain(taskId);
    const res = await upload(clientUser, taskId, "april.csv", APRIL);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    const { yearFolders } = await missingOf(c.checking.id);
    expect(body).toMatchObject({
      taskId,
      status: "done",
      created: true,
      document: {
        name: "april.csv",
        period: "2026-04",
        folderPath: "Bank statements / Operating Checking / 2026",
      },
      importOffer: {
        offered: true,
        format: "csv",
        bankAccount: { id: c.checking.id, name: "Operating Checking" },
      },
    });
    documentId = body.document.id;
    expect(body.document.folderId).toBe(yearFolders["2026"] ?? body.document.folderId);
    const task = (await clientUser.inject(`/api/tasks/${taskId}`)).json();
    expect(task.status).toBe("done");
    expect(task.attachments.map((a: { documentId: string }) => a.documentId)).toEqual([documentId]);
    expect((await missingOf(c.checking.id)).missing).toEqual(["2026-03", "2026-05"]);
    // Done: it takes no second file.
    const late = await upload(clientUser, taskId, "april-2.csv", APRIL);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe("work/task-closed");
  });

  it("imports with one click into the account of its folder, once", async () => {
    const offer = await clientUser.inject(url(`/documents/${documentId}/statement-import`));
    expect(offer.json()).toMatchObject({ offered: true, format: "csv" });
    const first = await firm.inject({
      method: "POST",
      url: url(`/documents/${documentId}/statement-import`),
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      bankAccount: { id: c.checking.id },
      totalLines: 2,
      newLines: 2,
      alreadyImported: false,
      period: { from: "2026-04-02", to: "2026-04-15" },
    });
    const second = await firm.inject({
      method: "POST",
      url: url(`/documents/${documentId}/statement-import`),
    });
    expect(second.json()).toMatchObject({ newLines: 0, duplicateLines: 2, alreadyImported: true });
    // Another firm learns nothing about it.
    const foreign = await stranger.inject({
      method: "POST",
      url: url(`/documents/${documentId}/statement-import`),
    });
    expect(foreign.statusCode).toBe(404);
  });
});

describe("a document request naming a folder path", () => {
  it("makes the path's folders, files the upload there, keeps the task open on request, offers no import", async () => {
    const created = await firm.inject({
      method: "POST",
      url: "/api/tasks",
      payload: {
        client: c.slug,
        type: "document_upload_request",
        title: "Send the signed W-9",
        folder: "Onboarding/W-9",
        assignee: { kind: "client" },
      },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect((await upload(stranger, id, "w9.png", PNG)).statusCode).toBe(404);
    const res = await upload(clientUser, id, "w9.png", PNG, "?keepOpen=true");
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      status: "in_progress",
      document: { folderPath: "Onboarding / W-9", period: null },
      importOffer: { offered: false, bankAccount: null },
    });
    const refused = await firm.inject({
      method: "POST",
      url: url(`/documents/${res.json().document.id}/statement-import`),
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe("documents/not-importable");
    // A task of another type takes no file.
    const custom = await work.createTask(t.ctx, c.actor, { client: c.slug, type: "custom", title: "Call" });
    const wrong = await upload(firm, custom.id, "w9.png", PNG);
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().code).toBe("work/not-an-upload-request");
  });
});

describe("the upkeep's statement requests", () => {
  it("asks once for each recent missing month and closes a request when its statement is filed", async () => {
    const first = await syncStatementTasks(t.ctx, dctx(), { firmId: c.firmId, clientIds: [c.clientId] });
    // Checking lacks March and May (April is filed); the card lacks March to May.
    expect(first).toEqual({ opened: 5, closed: 0 });
    expect(await syncStatementTasks(t.ctx, dctx(), { firmId: c.firmId, clientIds: [c.clientId] })).toEqual({
      opened: 0,
      closed: 0,
    });
    const { yearFolders } = await missingOf(c.checking.id);
    const filed = await firm.inject({
      method: "POST",
      url: url(`/documents?folder=${yearFolders["2026"]}&period=2026-05`),
      ...multipart({ name: "may.csv", bytes: APRIL }),
    });
    expect(filed.statusCode).toBe(201);
    expect(await syncStatementTasks(t.ctx, dctx(), { firmId: c.firmId, clientIds: [c.clientId] })).toEqual({
      opened: 0,
      closed: 1,
    });
    const key = `documents.statement:${c.checking.id}:2026-05`;
    const all = await work.listTasks(t.ctx, c.actor, {
      assignee: "any",
      client: c.slug,
      status: ["to_do", "in_progress", "done"],
      pageSize: 200,
    });
    expect(all.tasks.filter((x) => x.systemKey === key).map((x) => x.status)).toEqual(["done"]);
  });
});

describe("reconnect the bank", () => {
  it("opens one task when a connection breaks, for its owner, and closes it when it works again", async () => {
    const requested = await firm.inject({
      method: "POST",
      url: url("/connections/request"),
      payload: { institutionName: "First Bank", assigneeId: clientUser.userId },
    });
    const id = requested.json().id;
    await clientUser.inject({
      method: "POST",
      url: url(`/connections/${id}/set-up`),
      payload: { provider: "file-drop", bankAccountIds: [c.checking.id] },
    });
    const reconnectTasks = async (status: work.TaskStatus[]) =>
      (
        await work.listTasks(t.ctx, c.actor, { assignee: "any", client: c.slug, status, pageSize: 200 })
      ).tasks.filter((x) => x.systemKey?.startsWith(`banking.reconnect:${id}:`));
    expect(await reconnectTasks(["to_do"])).toEqual([]);
    const broke = await firm.inject({
      method: "POST",
      url: url(`/connections/${id}/disconnect`),
      payload: { reason: "password changed" },
    });
    expect(broke.statusCode).toBe(200);
    const open = await reconnectTasks(["to_do"]);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({
      type: "bank_connection_request",
      title: "Reconnect First Bank",
      connectionId: id,
      priority: "high",
      assignee: { kind: "user", userId: clientUser.userId },
    });
    const back = await clientUser.inject({ method: "POST", url: url(`/connections/${id}/reconnect`) });
    expect(back.statusCode).toBe(200);
    expect(back.json().state).toBe("connected");
    expect(await reconnectTasks(["to_do"])).toEqual([]);
    expect((await reconnectTasks(["done"])).map((x) => x.id)).toEqual([open[0]!.id]);
  });
});
