// The demo's receipt: Bluebird Coffee's Townsquare Ads receipt is read and attached to its card
// charge (the Transaction Manager's paperclip), nothing waits in Receipts to match, and a second
// seeding adds no second receipt.
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
import * as receipts from "../../modules/receipts/index.ts";
import * as transactions from "../../modules/transactions/index.ts";
import { documentsCtx } from "../services.ts";
import { seedDemo, DEMO_FIRM } from "./seed.ts";

let t: TestDb;
let dir: string;
let dctx: documents.DocumentsCtx;

beforeAll(async () => {
  t = await testDb();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "closebook-demo-receipts-"));
  dctx = documentsCtx(testConfig(), t.ctx, await new LocalDiskStore(dir).open());
  await seedDemo(t.ctx, dctx);
}, 600_000);
afterAll(async () => {
  await t?.close();
  await fs.rm(dir, { recursive: true, force: true });
});

it("attaches the demo receipt to its card charge, once", async () => {
  const firm = (await access.firmBySlug(t.ctx.db, DEMO_FIRM.slug))!;
  const actor = systemActor(firm.id);
  const [matched, ...more] = await receipts.listReceipts(dctx, actor, "bluebird-coffee", {
    states: ["matched"],
  });
  expect(more).toEqual([]);
  expect(matched!.reading).toMatchObject({ vendor: "Townsquare Ads", source: "pdf_text" });
  const charge = await transactions.getTransaction(
    t.ctx,
    actor,
    "bluebird-coffee",
    matched!.reading.transaction_id!,
  );
  expect(charge.description).toContain("TOWNSQUARE ADS");
  expect(charge.attachments?.map((a) => a.documentId)).toEqual([matched!.reading.document_id]);
  expect(await receipts.listReceipts(dctx, actor, "bluebird-coffee", {})).toEqual([]);
  await seedDemo(t.ctx, dctx);
  expect(await receipts.listReceipts(dctx, actor, "bluebird-coffee", { states: ["matched"] })).toHaveLength(
    1,
  );
}, 600_000);
