// Documents over HTTP on a client with two bank accounts: the standard folder tree (made once),
// uploads with versions and sniffed kinds, downloads and previews, the audit trail, rename, move,
// trash, restore and purge, refusals that store nothing (415, 413, path tricks, zip bombs), an upload
// cut off half-way, missing statements, and a client user of another client kept out.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { zipSync } from "fflate";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { bankClient, type BankFixture } from "../../../test/support/bank-fixtures.ts";
import { testServer } from "../../../test/support/server.ts";
import { signedIn } from "../../../test/support/auth.ts";
import { clientWithChart } from "../../../test/support/fixtures.ts";
import type { App } from "../../platform/http.ts";
import { LocalDiskStore } from "../../platform/storage/index.ts";
import { DEFAULT_UPLOAD_LIMITS } from "../../platform/config.ts";
import { fixedClock } from "../../platform/clock.ts";
import * as access from "../access/index.ts";
import * as banking from "../banking/index.ts";
import { purgeTrash, uploadDocument, type DocumentsCtx } from "./index.ts";

let t: TestDb;
let c: BankFixture;
let app: App;
let dir: string;
let blobs: LocalDiskStore;
let dctx: DocumentsCtx;

const url = (p: string) => `/api/clients/${c.slug}${p}`;
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);
const OFX = Buffer.from(
  "OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\n\n<OFX><BANKMSGSRSV1></BANKMSGSRSV1></OFX>\n",
);

function multipart(fileName: string, bytes: Buffer) {
  const boundary = "docsboundary";
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

async function upload(folderId: string, fileName: string, bytes: Buffer, query = "") {
  return app.inject({
    method: "POST",
    url: url(`/documents?folder=${folderId}${query}`),
    ...multipart(fileName, bytes),
  });
}

async function folders(): Promise<
  Array<{ id: string; name: string; parentId: string | null; standard: string | null }>
> {
  const res = await app.inject(url("/folders"));
  expect(res.statusCode).toBe(200);
  return res.json().folders;
}

const folderNamed = async (name: string, parentName?: string) => {
  const all = await folders();
  const parent = parentName ? all.find((f) => f.name === parentName) : undefined;
  return all.find((f) => f.name === name && (!parentName || f.parentId === parent?.id))!;
};

async function blobFiles(): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile()) out.push(path.join(e.parentPath, e.name));
  return out;
}

async function counts() {
  const n = async (table: string) =>
    Number(
      (
        (await t.ctx.db
          .selectFrom(table as never)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirst()) as {
          n: string;
        }
      ).n,
    );
  return {
    documents: await n("documents"),
    versions: await n("document_versions"),
    blobs: (await blobFiles()).length,
  };
}

beforeAll(async () => {
  t = await testDb();
  c = await bankClient(t.ctx, "docs-co", "firm-docs");
  await access.updateClientDetails(t.ctx, c.actor, c.slug, { serviceStartDate: "2025-11-01" });
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "closebook-docs-"));
  blobs = await new LocalDiskStore(dir).open();
  app = await testServer(t, { blobs });
  dctx = {
    ...t.ctx,
    blobs,
    limits: DEFAULT_UPLOAD_LIMITS,
    statementAccounts: async (actor, slug) =>
      (await banking.bankOverview(t.ctx, actor, slug)).bankAccounts.map((a) => ({ id: a.id, name: a.name })),
  };
});
afterAll(async () => {
  await app?.close();
  await t?.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe("the standard folder tree", () => {
  it("is made on first use, with a folder per bank account and year, and only once", async () => {
    const first = await folders();
    const names = first.map((f) => f.name);
    for (const n of [
      "Bank statements",
      "Payroll",
      "Loans",
      "AR payment details",
      "AP",
      "Other",
      "Archived",
      "Tax",
      "Onboarding",
    ])
      expect(names).toContain(n);
    const bank = first.find((f) => f.standard === "bank-statements")!;
    const checking = first.find((f) => f.parentId === bank.id && f.name === "Operating Checking")!;
    expect(checking).toBeDefined();
    expect(
      first
        .filter((f) => f.parentId === checking.id)
        .map((f) => f.name)
        .sort(),
    ).toEqual(["2025", "2026"]);
    const ap = first.find((f) => f.name === "AP")!;
    expect(
      first
        .filter((f) => f.parentId === ap.id)
        .map((f) => f.name)
        .sort(),
    ).toEqual(["Archived", "Other"]);
    expect((await folders()).length).toBe(first.length);
  });

  it("grows with a new bank account", async () => {
    const before = (await folders()).length;
    await banking
      .createBankAccount(t.ctx, c.actor, c.slug, { name: "Savings", kind: "bank", ledgerAccountId: "1020" })
      .catch(() => undefined);
    const after = await folders();
    if (after.some((f) => f.name === "Savings")) expect(after.length).toBe(before + 3);
  });
});

describe("uploads, versions, downloads and history", () => {
  let docId: string;
  it("files a PDF, sniffed from its bytes, and a second upload of the name adds a version", async () => {
    const tax = await folderNamed("Tax");
    const res = await upload(tax.id, "2025 return.pdf", PDF);
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json().document;
    docId = doc.id;
    expect(doc).toMatchObject({
      name: "2025 return.pdf",
      kind: "pdf",
      contentType: "application/pdf",
      version: 1,
      size: PDF.length,
      preview: true,
    });
    const again = await upload(tax.id, "2025 RETURN.pdf", Buffer.concat([PDF, Buffer.from("% v2\n")]));
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ created: false, document: { id: docId, version: 2 } });
    const one = await app.inject(url(`/documents/${docId}`));
    expect(one.json().versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  });

  it("streams the latest version or a chosen one, with a safe Content-Disposition", async () => {
    const res = await app.inject(url(`/documents/${docId}/content`));
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/octet-stream");
    expect(res.headers["content-disposition"]).toBe(
      `attachment; filename="2025 return.pdf"; filename*=UTF-8''2025%20return.pdf`,
    );
    expect(res.rawPayload.toString()).toContain("% v2");
    const v1 = await app.inject(url(`/documents/${docId}/content?version=1`));
    expect(v1.rawPayload.equals(PDF)).toBe(true);
    const preview = await app.inject(url(`/documents/${docId}/content?inline=true`));
    expect(preview.headers["content-type"]).toBe("application/pdf");
    expect(String(preview.headers["content-disposition"])).toMatch(/^inline;/);
    expect(preview.headers["x-content-type-options"]).toBe("nosniff");
    expect((await app.inject(url(`/documents/${docId}/content?version=9`))).statusCode).toBe(404);
  });

  it("keeps who uploaded, viewed, downloaded and changed it", async () => {
    const tax = await folderNamed("Tax");
    await app.inject({
      method: "PATCH",
      url: url(`/documents/${docId}`),
      payload: { name: "Return 2025.pdf" },
    });
    const res = await app.inject(url(`/documents/${docId}/history`));
    const actions = res.json().history.map((h: { action: string }) => h.action);
    expect(actions).toEqual([
      "documents.document.uploaded",
      "documents.document.version_added",
      "documents.document.viewed",
      "documents.document.downloaded",
      "documents.document.downloaded",
      "documents.document.viewed",
      "documents.document.renamed",
    ]);
    const list = await app.inject(url(`/documents?folder=${tax.id}`));
    expect(list.json().documents.map((d: { name: string }) => d.name)).toEqual(["Return 2025.pdf"]);
  });

  it("moves, trashes, restores, and purges after 30 days with its bytes", async () => {
    const payroll = await folderNamed("Payroll");
    const moved = await app.inject({
      method: "PATCH",
      url: url(`/documents/${docId}`),
      payload: { folderId: payroll.id },
    });
    expect(moved.json().folderId).toBe(payroll.id);
    const trashed = await app.inject({ method: "DELETE", url: url(`/documents/${docId}`) });
    expect(trashed.json().deletedAt).not.toBeNull();
    expect((await app.inject(url(`/documents?folder=${payroll.id}`))).json().documents).toEqual([]);
    expect(
      (await app.inject(url("/documents?trash=true"))).json().documents.map((d: { id: string }) => d.id),
    ).toContain(docId);
    const restored = await app.inject({ method: "POST", url: url(`/documents/${docId}/restore`) });
    expect(restored.json().deletedAt).toBeNull();
    await app.inject({ method: "DELETE", url: url(`/documents/${docId}`) });
    const before = await counts();
    // Not yet due: nothing goes.
    expect((await purgeTrash({ ...dctx, clock: fixedClock("2026-07-01T00:00:00Z") })).purged).toBe(0);
    const purged = await purgeTrash({ ...dctx, clock: fixedClock("2026-07-16T00:00:00Z") });
    expect(purged).toEqual({ purged: 1, blobsLeft: 0 });
    const after = await counts();
    expect(after).toEqual({
      documents: before.documents - 1,
      versions: before.versions - 2,
      blobs: before.blobs - 2,
    });
    expect((await app.inject(url(`/documents/${docId}`))).statusCode).toBe(404);
  });
});

describe("refusals store nothing", () => {
  it("refuses content that is not what a document may be (415), whatever the name says", async () => {
    const other = await folderNamed("Other", "AP");
    const before = await counts();
    for (const [name, bytes] of [
      ["invoice.pdf", Buffer.from("<!DOCTYPE html><html><script>alert(1)</script></html>")],
      ["logo.png", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>')],
      ["tool.pdf", Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00"), Buffer.alloc(64)])],
      ["empty.pdf", Buffer.alloc(0)],
    ] as const) {
      const res = await upload(other.id, name, bytes);
      expect(res.statusCode, name).toBe(415);
      expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
      expect(res.json().code).toBe("documents/unsupported-type");
    }
    expect(await counts()).toEqual(before);
  });

  it("takes an image, a statement file and a CSV by their content", async () => {
    const other = await folderNamed("Other", "AP");
    expect((await upload(other.id, "receipt.bin", PNG)).json().document.kind).toBe("png");
    expect((await upload(other.id, "march.qfx", OFX)).json().document.kind).toBe("ofx");
    expect(
      (
        await upload(other.id, "lines.txt", Buffer.from("date,amount\n2026-01-02,4.50\n2026-01-03,1.00\n"))
      ).json().document.kind,
    ).toBe("csv");
  });

  it("refuses names with path tricks, control characters and reserved names (400)", async () => {
    const other = await folderNamed("Other", "AP");
    const before = await counts();
    for (const name of [
      "../../etc/passwd.pdf",
      "/abs.pdf",
      "C:\\x.pdf",
      "CON.pdf",
      "nul",
      "a\u0001b.pdf",
      "dots.pdf.",
      "..",
    ]) {
      const res = await upload(other.id, name, PDF);
      expect(res.statusCode, name).toBe(400);
    }
    expect(await counts()).toEqual(before);
  });

  it("refuses a file over the size limit (413) and keeps none of it", async () => {
    const small = await testServer(t, { blobs, anonymous: true, env: { CLOSEBOOK_UPLOAD_MAX_MB: "1" } });
    const admin = await signedIn(t, small, {
      firmId: c.firmId,
      role: "partner_admin",
      email: "small@docs.test",
    });
    const other = await folderNamed("Other", "AP");
    const before = await counts();
    const big = Buffer.concat([PDF, Buffer.alloc(1024 * 1024 + 10, 0x20)]);
    const res = await admin.inject({
      method: "POST",
      url: url(`/documents?folder=${other.id}`),
      ...multipart("big.pdf", big),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe("documents/file-too-large");
    expect(await counts()).toEqual(before);
    await small.close();
  });

  it("keeps nothing of an upload cut off half-way, and a retry succeeds", async () => {
    const onboarding = await folderNamed("Onboarding");
    const before = await counts();
    let sent = 0;
    const cut = new Readable({
      read() {
        if (sent === 0) this.push(PDF);
        if (sent > 3 * 1024 * 1024) return void this.destroy(new Error("connection reset"));
        sent += 65536;
        this.push(Buffer.alloc(65536, 0x20));
      },
    });
    await expect(
      uploadDocument(dctx, c.actor, c.slug, { folderId: onboarding.id, fileName: "id.pdf", stream: cut }),
    ).rejects.toThrow("connection reset");
    expect(await counts()).toEqual(before);
    const retry = await upload(onboarding.id, "id.pdf", PDF);
    expect(retry.statusCode).toBe(201);
  });
});

describe("a folder uploaded as a zip archive", () => {
  const archive = (files: Record<string, Uint8Array>) => Buffer.from(zipSync(files));
  const send = async (folderId: string, bytes: Buffer) =>
    app.inject({
      method: "POST",
      url: url(`/documents/archive?folder=${folderId}`),
      ...multipart("folder.zip", bytes),
    });

  it("files each document in sub-folders made from its paths, leaving clutter out", async () => {
    const loans = await folderNamed("Loans");
    const res = await send(
      loans.id,
      archive({
        "Bank A/agreement.pdf": PDF,
        "Bank A/schedule.csv": Buffer.from("month,payment\n2026-01,100.00\n2026-02,100.00\n"),
        "notes.txt": Buffer.from("call the bank in March"),
        "__MACOSX/._notes.txt": Buffer.from([0, 5, 22, 7]),
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.documents.map((d: { name: string }) => d.name).sort()).toEqual([
      "agreement.pdf",
      "notes.txt",
      "schedule.csv",
    ]);
    expect(body.folders.map((f: { name: string }) => f.name)).toEqual(["Bank A"]);
    expect(body.skipped).toEqual(["__MACOSX/._notes.txt"]);
  });

  it("refuses a zip bomb, too many files, a path climbing out, or a file of a kind not accepted, storing nothing", async () => {
    const loans = await folderNamed("Loans");
    const before = await counts();
    const bomb = await send(loans.id, archive({ "a.csv": new Uint8Array(40 * 1024 * 1024).fill(0x30) }));
    expect(bomb.statusCode, bomb.body).toBe(413);
    expect(bomb.json().code).toBe("documents/zip-bomb");
    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i < 1001; i++) many[`f${i}.txt`] = Buffer.from(`file ${i}`);
    expect((await send(loans.id, archive(many))).statusCode).toBe(413);
    const climb = await send(loans.id, archive({ "ok.pdf": PDF, "../../evil.pdf": PDF }));
    expect(climb.statusCode).toBe(400);
    const html = await send(
      loans.id,
      archive({ "ok.pdf": PDF, "page.pdf": Buffer.from("<html><script>1</script></html>") }),
    );
    expect(html.statusCode).toBe(415);
    expect((await send(loans.id, PDF)).statusCode).toBe(415);
    expect(await counts()).toEqual(before);
  });
});

describe("missing statements", () => {
  it("lists, per account, the months from its start to last month without a statement", async () => {
    const res = await app.inject(url("/missing-statements"));
    expect(res.statusCode).toBe(200);
    const checking = res.json().accounts.find((a: { accountId: string }) => a.accountId === c.checking.id);
    expect(checking).toMatchObject({ start: "2025-11", through: "2026-05", expected: 7 });
    expect(checking.missing).toEqual([
      "2025-11",
      "2025-12",
      "2026-01",
      "2026-02",
      "2026-03",
      "2026-04",
      "2026-05",
    ]);
    // A statement named for its month, and one given its month at upload.
    await upload(checking.yearFolders["2026"], "Statement 2026-03.pdf", PDF);
    await upload(checking.yearFolders["2025"], "december.ofx", OFX, "&period=2025-12");
    const after = (await app.inject(url("/missing-statements")))
      .json()
      .accounts.find((a: { accountId: string }) => a.accountId === c.checking.id);
    expect(after.missing).toEqual(["2025-11", "2026-01", "2026-02", "2026-04", "2026-05"]);
  });
});

describe("tenancy", () => {
  it("keeps a client user of another client out of the folders, documents and uploads", async () => {
    const sibling = await clientWithChart(t.ctx, "docs-sibling", "firm-docs");
    const neighbour = await signedIn(t, app, {
      firmId: c.firmId,
      role: "client_admin",
      clients: [sibling.clientId],
    });
    const tax = await folderNamed("Tax");
    expect((await neighbour.inject(url("/folders"))).statusCode).toBe(404);
    expect((await neighbour.inject(url(`/documents?folder=${tax.id}`))).statusCode).toBe(404);
    const before = await counts();
    const res = await neighbour.inject({
      method: "POST",
      url: url(`/documents?folder=${tax.id}`),
      ...multipart("x.pdf", PDF),
    });
    expect(res.statusCode).toBe(404);
    expect(await counts()).toEqual(before);
    // Their own client's tree is theirs to see.
    expect((await neighbour.inject(`/api/clients/${sibling.slug}/folders`)).statusCode).toBe(200);
  });
});
