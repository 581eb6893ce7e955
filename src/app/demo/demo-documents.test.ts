// The demo's documents: every client has its standard folders, each bank and card account two
// statements (made from the demo's own lines, sniffed as CSV and OFX) four months and one month
// back, so missing statements finds the two months between missing; the later of the two is asked of
// the client (an upload request); a second run adds nothing.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { testConfig } from "../../../test/support/server.ts";
import { systemActor } from "../../platform/actor.ts";
import { LocalDiskStore } from "../../platform/storage/index.ts";
import * as access from "../../modules/access/index.ts";
import * as documents from "../../modules/documents/index.ts";
import * as work from "../../modules/work/index.ts";
import { documentsCtx } from "../services.ts";
import { seedDemo, DEMO_FIRM } from "./seed.ts";

let t: TestDb;
let dir: string;
let dctx: documents.DocumentsCtx;

beforeAll(async () => {
  t = await testDb();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "closebook-demo-docs-"));
  dctx = documentsCtx(testConfig(), t.ctx, await new LocalDiskStore(dir).open());
  await seedDemo(t.ctx, dctx);
}, 300_000);
afterAll(async () => {
  await t?.close();
  await fs.rm(dir, { recursive: true, force: true });
});

it("files two statements per bank account with two months missing between them, once", async () => {
  const firm = (await access.firmBySlug(t.ctx.db, DEMO_FIRM.slug))!;
  const actor = systemActor(firm.id);
  for (const slug of ["bluebird-coffee", "harbor-dental"]) {
    const docs = await documents.listDocuments(dctx, actor, slug, {});
    const statements = docs.filter((d) => d.period);
    expect(statements.length, slug).toBeGreaterThanOrEqual(2);
    expect(new Set(statements.map((d) => d.kind))).toEqual(new Set(["csv", "ofx"]));
    const missing = await documents.listMissingStatements(dctx, actor, slug);
    for (const account of missing)
      expect(account.missing, account.accountName).toEqual(["2026-03", "2026-04"]);
  }
  const before = (await documents.listDocuments(dctx, actor, "bluebird-coffee", {})).length;
  const requests = async () =>
    (
      await work.listTasks(t.ctx, actor, {
        assignee: "any",
        type: ["document_upload_request"],
        pageSize: 200,
      })
    ).tasks.filter((x) => x.systemKey?.startsWith("documents.statement:"));
  const asked = await requests();
  await seedDemo(t.ctx, dctx);
  expect((await documents.listDocuments(dctx, actor, "bluebird-coffee", {})).length).toBe(before);
  expect((await requests()).length).toBe(asked.length);
});

it("asks each client for the latest missing month of every account, leaving the month before unasked", async () => {
  const firm = (await access.firmBySlug(t.ctx.db, DEMO_FIRM.slug))!;
  const actor = systemActor(firm.id);
  const asked = (
    await work.listTasks(t.ctx, actor, { assignee: "any", type: ["document_upload_request"], pageSize: 200 })
  ).tasks.filter((x) => x.systemKey?.startsWith("documents.statement:"));
  const keys = new Set(asked.map((x) => x.systemKey));
  for (const slug of ["bluebird-coffee", "harbor-dental"])
    for (const account of await documents.listMissingStatements(dctx, actor, slug)) {
      expect(keys.has(`documents.statement:${account.accountId}:2026-04`), account.accountName).toBe(true);
      expect(keys.has(`documents.statement:${account.accountId}:2026-03`), account.accountName).toBe(false);
    }
  for (const task of asked) {
    expect(task.systemKey).toMatch(/:2026-04$/);
    expect(task).toMatchObject({ status: "to_do", assignee: { kind: "client" } });
    expect(task.title).toMatch(/^Upload the April 2026 statement of /);
  }
});
