// A terminated client's documents leave the blob store with its rows when its 90 days are over;
// another client's documents stay, bytes included.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { testDb, type TestDb } from "../../test/support/db.ts";
import { testClock } from "../../test/support/clock.ts";
import { clientWithChart, type ClientFixture } from "../../test/support/fixtures.ts";
import { DEFAULT_UPLOAD_LIMITS } from "../platform/config.ts";
import { LocalDiskStore, BlobNotFound } from "../platform/storage/index.ts";
import { runUnscoped } from "../platform/tenant-scope.ts";
import * as access from "../modules/access/index.ts";
import {
  listFolders,
  uploadDocument,
  clientBlobKeys,
  type DocumentsCtx,
} from "../modules/documents/index.ts";
import { purgeClientFiles } from "./client-files.ts";

const DAY = 86_400_000;
const clock = testClock();
let t: TestDb;
let dir: string;
let documents: DocumentsCtx;

beforeAll(async () => {
  t = await testDb({ clock });
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "closebook-purge-files-"));
  documents = {
    ...t.ctx,
    blobs: await new LocalDiskStore(dir).open(),
    limits: DEFAULT_UPLOAD_LIMITS,
    statementAccounts: async () => [],
  };
});
afterAll(async () => {
  await t?.close();
  await fs.rm(dir, { recursive: true, force: true });
});

async function uploadTo(fx: ClientFixture, fileName: string): Promise<void> {
  const folders = await listFolders(documents, fx.actor, fx.slug);
  const onboarding = folders.find((f) => f.name === "Onboarding")!;
  await uploadDocument(documents, fx.actor, fx.slug, {
    folderId: onboarding.id,
    fileName,
    stream: Readable.from([Buffer.from("%PDF-1.4\n%%EOF\n")]),
  });
}

describe("purging a terminated client", () => {
  it("deletes its documents' bytes after its rows, and no one else's", async () => {
    const doomed = await clientWithChart(t.ctx, "files-doomed", "files-firm");
    const kept = await clientWithChart(t.ctx, "files-kept", "files-firm");
    await uploadTo(doomed, "lease.pdf");
    await uploadTo(doomed, "id.pdf");
    await uploadTo(kept, "w9.pdf");
    const doomedKeys = await clientBlobKeys(documents, doomed.firmId, doomed.clientId);
    const keptKeys = await clientBlobKeys(documents, kept.firmId, kept.clientId);
    expect(doomedKeys).toHaveLength(2);
    expect(keptKeys).toHaveLength(1);

    await access.terminateClient(t.ctx, doomed.actor, doomed.slug, { reason: "closed" });
    clock.advance(91 * DAY);
    const purged = await runUnscoped(() => access.purgeDueClients(t.ctx, purgeClientFiles(documents)));
    expect(purged).toEqual([doomed.clientId]);

    for (const key of doomedKeys) await expect(documents.blobs.get(key)).rejects.toBeInstanceOf(BlobNotFound);
    expect(await clientBlobKeys(documents, doomed.firmId, doomed.clientId)).toEqual([]);
    const stream = await documents.blobs.get(keptKeys[0]!);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toContain("%PDF-1.4");
  });
});
