// Auto-reconcile over HTTP: the settings of a bank account (auto, excluded; bad input refused),
// "Reconciled by Closebook" and its undo, and a write-up batch sent as multipart with many files —
// refused with a 409 problem naming the dates when statements predate the automation start date,
// then accepted (202) and polled until it is done.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { clientAtScale, type BooksFixture } from "../../../test/support/books.ts";
import { testServer } from "../../../test/support/server.ts";
import { monthlyStatements } from "../../../test/support/write-up-statements.ts";
import type { App } from "../../platform/http.ts";
import * as transactions from "../transactions/index.ts";
import type { WriteUpJson, AutoReconciledJson } from "./index.ts";

let t: TestDb;
let b: BooksFixture;
let app: App;
const url = (path = "") => `/api/clients/${b.slug}/reconciliations${path}`;

function multipartFiles(files: Array<{ name: string; bytes: Uint8Array }>, fields: Record<string, string>) {
  const boundary = "----closebookwriteup";
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
    );
    parts.push(Buffer.from(f.bytes), Buffer.from("\r\n"));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

beforeAll(async () => {
  t = await testDb();
  b = await clientAtScale(t.ctx, "wu-http", "USD", 2, "firm-wu-http");
  app = await testServer(t);
  await transactions.setAutomation(t.ctx, b.actor, b.slug, "checking", {
    mode: "auto_push",
    startDate: "2026-02-01",
  });
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe("auto-reconcile routes", () => {
  it("reads and changes the settings of a bank account, refusing auto on an excluded one", async () => {
    expect((await app.inject(url("/settings/checking"))).json()).toMatchObject({
      auto: false,
      excluded: false,
    });
    const on = await app.inject({ method: "PATCH", url: url("/settings/checking"), payload: { auto: true } });
    expect(on.statusCode).toBe(200);
    expect(on.json()).toMatchObject({ bankAccountId: b.checking.id, auto: true, excluded: false });
    const excluded = await app.inject({
      method: "PATCH",
      url: url("/settings/card"),
      payload: { excluded: true, excludedReason: "FX account" },
    });
    expect(excluded.json()).toMatchObject({ excluded: true, excludedReason: "FX account", auto: false });
    const both = await app.inject({ method: "PATCH", url: url("/settings/card"), payload: { auto: true } });
    expect(both.statusCode).toBe(422);
    expect(both.json()).toMatchObject({ code: "reconcile/excluded-account" });
    const empty = await app.inject({ method: "PATCH", url: url("/settings/card"), payload: {} });
    expect(empty.json()).toMatchObject({ excluded: true, excludedReason: "FX account" });
    const bad = await app.inject({ method: "PATCH", url: url("/settings/card"), payload: { auto: "yes" } });
    expect(bad.statusCode).toBe(400);
    const list = await app.inject(url());
    expect(
      (
        list.json() as {
          accounts: Array<{ bankAccount: { shortName: string }; auto: boolean; excluded: boolean }>;
        }
      ).accounts.map((a) => [a.bankAccount.shortName, a.auto, a.excluded]),
    ).toEqual([
      ["checking", true, false],
      ["card", false, true],
    ]);
  });

  it("refuses a write-up whose statements predate the start date with a 409 problem, then runs it (202) and is polled", async () => {
    const statements = monthlyStatements("2026-01", 2, { prefix: "H" });
    const files = statements.map((s) => ({ name: s.name, bytes: s.bytes }));
    const refused = await app.inject({
      method: "POST",
      url: url("/write-ups"),
      ...multipartFiles(files, { bankAccount: "checking" }),
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.headers["content-type"]).toContain("application/problem+json");
    expect(refused.json()).toMatchObject({
      code: "reconcile/write-up-start-date",
      automationStartDate: "2026-02-01",
      firstStatementDate: "2026-01-01",
      choices: ["move-back", "keep"],
    });
    const accepted = await app.inject({
      method: "POST",
      url: url("/write-ups"),
      ...multipartFiles(files, { bankAccount: "checking", startDate: "move-back" }),
    });
    expect(accepted.statusCode).toBe(202);
    const batch = accepted.json() as WriteUpJson;
    expect(batch).toMatchObject({ status: "queued", startDate: "move-back", progress: { filesTotal: 2 } });
    const again = await app.inject({
      method: "POST",
      url: url("/write-ups"),
      ...multipartFiles(files, { bankAccount: "checking", startDate: "keep" }),
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: "reconcile/write-up-running" });
    await t.ctx.jobs.drain();
    const polled = (await app.inject(url(`/write-ups/${batch.id}`))).json() as WriteUpJson;
    expect(polled).toMatchObject({
      status: "done",
      progress: {
        filesTotal: 2,
        filesRead: 2,
        linesImported: 7,
        monthsTotal: 2,
        monthsReconciled: 2,
        monthsNeedingPerson: 0,
      },
      needsPerson: [],
    });
    expect(
      ((await app.inject(url("/write-ups"))).json() as { writeUps: WriteUpJson[] }).writeUps.map((w) => w.id),
    ).toEqual([batch.id]);
    expect((await app.inject(url("/write-ups/01a25139-0000-7000-8000-00000000dead"))).statusCode).toBe(404);

    const auto = (await app.inject(url("/auto"))).json() as AutoReconciledJson;
    expect(auto.reconciliations.map((r) => [r.period.from, r.canUndo])).toEqual([
      ["2026-02-01", true],
      ["2026-01-01", false],
    ]);
    expect(auto.excluded.map((a) => a.shortName)).toEqual(["card"]);
    // Only the latest period can be undone: the reconciled months stay a chain.
    const early = await app.inject({
      method: "POST",
      url: url(`/auto/${auto.reconciliations[1]!.id}/undo`),
      payload: {},
    });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: "reconcile/later-reconciled" });
    const undo = await app.inject({
      method: "POST",
      url: url(`/auto/${auto.reconciliations[0]!.id}/undo`),
      payload: { reason: "bank corrected the statement" },
    });
    expect(undo.statusCode).toBe(200);
    expect(undo.json()).toMatchObject({
      status: "unreconciled",
      unreconcileReason: "bank corrected the statement",
    });
  });
});
