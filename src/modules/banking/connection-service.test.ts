// Connections on a real database and a real temp folder: requests create a task and a notification,
// set-up through the file-drop provider, polling imports dropped files (moving them to imported/ or
// failed/), a vanished folder disconnects and gives the owner a reconnect task, and only the owner
// or a Partner Admin removes a connection.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { AppError } from "../../platform/errors.ts";
import { composeDelivery } from "../../platform/delivery/index.ts";
import * as identity from "../identity/index.ts";
import { sample } from "./formats/test-data.ts";
import { bankingCtx, type BankingCtx } from "./banking-ctx.ts";
import { getBankAccount, updateBankAccount, createBankAccount } from "./account-service.ts";
import {
  addConnection,
  disconnect,
  getConnection,
  linkBankAccounts,
  listConnections,
  pollConnections,
  reconnect,
  removeConnection,
  requestConnection,
  setUpConnection,
  syncConnection,
} from "./connection-service.ts";
import { listBankLines } from "./import-service.ts";
import { bankClient, csvOf, newLedgerBankAccount, type BankFixture } from "./test-fixtures.ts";
import { person } from "./test-people.ts";
import { clientWithChart } from "../../../test/support/fixtures.ts";
import { bankOverview } from "./account-service.ts";

let t: TestDb;
let c: BankFixture;
let b: BankingCtx;
let dataDir: string;

beforeAll(async () => {
  t = await testDb();
  c = await bankClient(t.ctx, "conn-co", "firm-conn");
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "closebook-banking-"));
  const notify = {
    ...t.ctx,
    delivery: composeDelivery({ db: t.ctx.db, from: "test@closebook.local", outbox: true }),
    baseUrl: "http://127.0.0.1",
    emailsOf: identity.emailsOf,
  };
  b = bankingCtx(t.ctx, { dataDir, notify, settleMs: 0 });
});
afterAll(async () => {
  await t?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

async function notificationsOf(userId: string) {
  return (
    await sql<{
      title: string;
      link: string;
      event: string;
    }>`select title, link, event from notifications where user_id = ${userId} order by created_at`.execute(
      t.ctx.db,
    )
  ).rows;
}

async function requestsOf(connectionId: string) {
  return (
    await sql<{
      kind: string;
      status: string;
      assignee_id: string | null;
    }>`select kind, status, assignee_id from connection_requests where connection_id = ${connectionId} order by created_at, kind`.execute(
      t.ctx.db,
    )
  ).rows;
}

describe("requesting a connection from the client", () => {
  it("creates a requested connection, a task for the person asked and a notification", async () => {
    const partner = await person(t.ctx, c, "partner_ops", "Pat Partner");
    const client = await person(t.ctx, c, "client_self_service", "Cleo Client");
    const conn = await requestConnection(b, partner.actor, c.slug, {
      institutionName: "Chase",
      assigneeId: client.user.id,
      message: "Please connect the operating account",
    });
    expect(conn).toMatchObject({
      state: "requested",
      provider: null,
      institution: { name: "Chase" },
      owner: { id: client.user.id, name: "Cleo Client" },
    });
    expect(conn.openRequests).toEqual([
      expect.objectContaining({
        kind: "connect",
        assigneeId: client.user.id,
        message: "Please connect the operating account",
      }),
    ]);
    expect(conn.history.map((h) => [h.event, h.to])).toEqual([["requested", "requested"]]);
    expect(await notificationsOf(client.user.id)).toEqual([
      { title: "Please connect Chase", link: "/c/conn-co/banking", event: "bank.connection.attention" },
    ]);
    // Without a person named, the request goes to the client's people.
    const other = await person(t.ctx, c, "client_admin", "Ann Admin");
    await requestConnection(b, partner.actor, c.slug, { institutionName: "Wells" });
    expect((await notificationsOf(other.user.id)).map((n) => n.title)).toContain("Please connect Wells");
    expect((await notificationsOf(client.user.id)).map((n) => n.title)).toContain("Please connect Wells");
    expect((await notificationsOf(partner.user.id)).map((n) => n.title)).not.toContain(
      "Please connect Wells",
    );
  });

  it("refuses an assignee who is not one of the client's people, and a request without a bank", async () => {
    const stranger = await bankClient(t.ctx, "stranger-conn", "firm-conn");
    const theirs = await person(t.ctx, stranger, "client_admin", "Tess Theirs");
    expect(
      (
        await errorOf(
          requestConnection(b, c.actor, c.slug, { institutionName: "Chase", assigneeId: theirs.user.id }),
        )
      ).code,
    ).toBe("banking/unknown-assignee");
    expect((await errorOf(requestConnection(b, c.actor, c.slug, {}))).code).toBe(
      "banking/institution-required",
    );
  });
});

describe("setting up, syncing and losing a file-drop connection", () => {
  it("goes requested → setting up → connected, closing the request; the one who sets it up owns it", async () => {
    const client = await person(t.ctx, c, "client_self_service", "Sid Setter");
    const requested = await requestConnection(b, c.actor, c.slug, {
      institutionName: "First Bank",
      assigneeId: client.user.id,
    });
    const conn = await setUpConnection(b, client.actor, c.slug, requested.id, {
      provider: "file-drop",
      bankAccountIds: [c.checking.id],
    });
    expect(conn).toMatchObject({
      state: "connected",
      provider: "file-drop",
      providerLabel: "File drop folder",
      owner: { id: client.user.id },
      bankAccountIds: [c.checking.id],
      openRequests: [],
    });
    expect(conn.history.map((h) => `${h.from ?? ""}→${h.to}`)).toEqual([
      "→requested",
      "requested→setting_up",
      "setting_up→connected",
    ]);
    expect(await requestsOf(conn.id)).toEqual([
      { kind: "connect", status: "done", assignee_id: client.user.id },
    ]);
    // Client users are not shown the server's folder; the firm's people are.
    expect(conn.folder).toBeNull();
    const asFirm = await getConnection(b, c.actor, c.slug, conn.id);
    expect(asFirm.folder).toBe(path.join(dataDir, "file-drop", conn.id));
    expect(fs.statSync(path.join(asFirm.folder!, "imported")).isDirectory()).toBe(true);
    expect((await getBankAccount(t.ctx, c.actor, c.slug, "checking")).connectionId).toBe(conn.id);
  });

  it("imports dropped files on poll, moves them to imported/ or failed/ (with the reason), and skips partial ones", async () => {
    const conn = await addConnection(b, c.actor, c.slug, {
      institutionName: "Drop Bank",
      provider: "file-drop",
      bankAccountIds: [],
    });
    const ledgerAccountId = await newLedgerBankAccount(t.ctx, c, "Drop Checking");
    const account = await createBankAccount(t.ctx, c.actor, c.slug, {
      name: "Drop Checking",
      kind: "bank",
      ledgerAccountId,
      currency: "EUR",
    });
    await linkBankAccounts(b, c.actor, c.slug, conn.id, [account.id]);
    const folder = conn.folder!;
    fs.writeFileSync(path.join(folder, "a-ing.940"), sample("mt940", "oca__test-ing.940"));
    fs.writeFileSync(path.join(folder, "b-ing-again.940"), sample("mt940", "oca__test-ing.940"));
    fs.writeFileSync(
      path.join(folder, "c-broken.ofx"),
      sample("ofx_malformed", "libofx__heap-buffer-overflow-2.ofx"),
    );
    fs.writeFileSync(path.join(folder, "d-still-copying.csv.part"), "Date,Amount\n");
    fs.writeFileSync(path.join(folder, ".hidden"), "x");
    const report = await syncConnection(b, c.actor, c.slug, conn.id);
    expect(report.files.map((f) => [f.name, f.ok])).toEqual([
      ["a-ing.940", true],
      ["b-ing-again.940", true],
      ["c-broken.ofx", false],
    ]);
    expect(report.files[0]).toMatchObject({
      result: { imports: [{ bankAccount: account.shortName, newLines: 8, duplicateLines: 0 }] },
    });
    expect(report.files[1]).toMatchObject({ result: { imports: [{ newLines: 0, duplicateLines: 8 }] } });
    expect(report.files[2]).toMatchObject({ error: { code: "statement/ofx/truncated", line: 3 } });
    expect(fs.readdirSync(folder).sort()).toEqual([
      ".hidden",
      "d-still-copying.csv.part",
      "failed",
      "imported",
    ]);
    expect(fs.readdirSync(path.join(folder, "imported"))).toHaveLength(2);
    const failed = fs.readdirSync(path.join(folder, "failed")).sort();
    expect(failed).toHaveLength(2);
    expect(failed[0]).toMatch(/c-broken\.ofx$/);
    expect(fs.readFileSync(path.join(folder, "failed", failed[1]!), "utf8")).toContain(
      "(line 3)\n[statement/ofx/truncated]",
    );
    expect(
      (await listBankLines(t.ctx, c.actor, c.slug, { bankAccountRef: account.id, limit: 50, offset: 0 }))
        .total,
    ).toBe(8);
    const after = await getConnection(b, c.actor, c.slug, conn.id);
    expect(after.lastSyncedAt).not.toBeNull();
    expect(after.lastError).toContain("c-broken.ofx");
    // The file-drop imports are recorded with their connection.
    const imports = await sql<{
      n: bigint;
    }>`select count(*)::int8 as n from bank_imports where connection_id = ${conn.id} and source = 'file-drop'`.execute(
      t.ctx.db,
    );
    expect(imports.rows[0]!.n).toBe(2n);
  });

  it("sends a file to the linked account whose last digits it names, and refuses one it cannot place", async () => {
    const conn = await addConnection(b, c.actor, c.slug, {
      institutionName: "Two Accounts Bank",
      provider: "file-drop",
    });
    const accounts = [];
    for (const [name, mask] of [
      ["CAD One", "5678"],
      ["CAD Two", "0000"],
    ] as const) {
      const ledgerAccountId = await newLedgerBankAccount(t.ctx, c, name);
      accounts.push(
        await createBankAccount(t.ctx, c.actor, c.slug, {
          name,
          kind: "bank",
          ledgerAccountId,
          currency: "CAD",
          mask,
        }),
      );
    }
    await linkBankAccounts(
      b,
      c.actor,
      c.slug,
      conn.id,
      accounts.map((a) => a.id),
    );
    fs.writeFileSync(path.join(conn.folder!, "medium.ofx"), sample("ofx1", "ofxparse__bank_medium.ofx"));
    fs.writeFileSync(
      path.join(conn.folder!, "unnamed.csv"),
      csvOf([{ date: "2026-01-01", amount: "1.00", description: "x" }]),
    );
    const report = await syncConnection(b, c.actor, c.slug, conn.id);
    expect(report.files[0]).toMatchObject({
      name: "medium.ofx",
      ok: true,
      result: { imports: [{ bankAccount: accounts[0]!.shortName, newLines: 3 }] },
    });
    expect(report.files[1]).toMatchObject({
      name: "unnamed.csv",
      ok: false,
      error: { code: "banking/no-matching-account" },
    });
  });

  it("disconnects when the folder is gone, gives the owner a reconnect task, and reconnects", async () => {
    const owner = await person(t.ctx, c, "client_admin", "Oscar Owner");
    const conn = await addConnection(b, owner.actor, c.slug, {
      institutionName: "Vanishing Bank",
      provider: "file-drop",
    });
    fs.rmSync(path.join(dataDir, "file-drop", conn.id), { recursive: true });
    // The background poll (the server's loop) finds it, acting as the firm's system actor.
    const results = await pollConnections(b);
    expect(results.find((r) => r.connectionId === conn.id)).toMatchObject({ report: { files: [] } });
    const lost = await getConnection(b, c.actor, c.slug, conn.id);
    expect(lost).toMatchObject({
      state: "disconnected",
      lastError: expect.stringContaining("no longer exists"),
    });
    expect(lost.openRequests).toEqual([
      expect.objectContaining({ kind: "reconnect", assigneeId: owner.user.id }),
    ]);
    expect((await notificationsOf(owner.user.id)).map((n) => n.title)).toContain("Reconnect Vanishing Bank");
    expect((await errorOf(syncConnection(b, c.actor, c.slug, conn.id))).code).toBe(
      "banking/connection-not-connected",
    );
    const back = await reconnect(b, owner.actor, c.slug, conn.id);
    expect(back).toMatchObject({ state: "connected", lastError: null, openRequests: [] });
    expect(back.history.map((h) => h.event)).toEqual([
      "created",
      "connected",
      "lost",
      "reconnect",
      "connected",
    ]);
    expect(await requestsOf(conn.id)).toEqual([
      { kind: "reconnect", status: "done", assignee_id: owner.user.id },
    ]);
  });

  it("gives no reconnect task when the owner disconnects on purpose, but does when someone else does", async () => {
    const owner = await person(t.ctx, c, "client_admin", "Dora Disconnect");
    const mine = await addConnection(b, owner.actor, c.slug, {
      institutionName: "Mine Bank",
      provider: "file-drop",
    });
    expect((await disconnect(b, owner.actor, c.slug, mine.id, "closing the account")).openRequests).toEqual(
      [],
    );
    const theirs = await addConnection(b, owner.actor, c.slug, {
      institutionName: "Theirs Bank",
      provider: "file-drop",
    });
    const cut = await disconnect(b, c.actor, c.slug, theirs.id);
    expect(cut.openRequests).toEqual([
      expect.objectContaining({ kind: "reconnect", assigneeId: owner.user.id }),
    ]);
    // Only the moves of the state machine are possible.
    expect(
      (
        await errorOf(
          reconnect(
            b,
            owner.actor,
            c.slug,
            (
              await addConnection(b, owner.actor, c.slug, {
                institutionName: "Ok Bank",
                provider: "file-drop",
              })
            ).id,
          ),
        )
      ).code,
    ).toBe("banking/invalid-connection-transition");
    expect(
      (await errorOf(setUpConnection(b, owner.actor, c.slug, mine.id, { provider: "file-drop" }))).status,
    ).toBe(409);
    expect(
      (await errorOf(addConnection(b, owner.actor, c.slug, { institutionName: "X", provider: "plaid" })))
        .code,
    ).toBe("banking/unknown-provider");
  });
});

describe("removing a connection", () => {
  it("is for the owner or a Partner Admin only; the accounts stay, detached, and the requests are cancelled", async () => {
    const owner = await person(t.ctx, c, "client_ops", "Rita Remover");
    const ops = await person(t.ctx, c, "partner_ops", "Paul Ops");
    const admin = await person(t.ctx, c, "partner_admin", "Ada Admin");
    const ledgerAccountId = await newLedgerBankAccount(t.ctx, c, "Removal Checking");
    const account = await createBankAccount(t.ctx, c.actor, c.slug, {
      name: "Removal Checking",
      kind: "bank",
      ledgerAccountId,
    });
    const conn = await addConnection(b, owner.actor, c.slug, {
      institutionName: "Removal Bank",
      provider: "file-drop",
      bankAccountIds: [account.id],
    });
    expect((await getConnection(b, ops.actor, c.slug, conn.id)).canRemove).toBe(false);
    const refused = await errorOf(removeConnection(b, ops.actor, c.slug, conn.id));
    expect(refused).toMatchObject({ code: "banking/cannot-remove-connection", status: 403 });
    expect(refused.detail).toContain("Rita Remover");
    await removeConnection(b, owner.actor, c.slug, conn.id);
    expect((await listConnections(b, c.actor, c.slug)).map((x) => x.id)).not.toContain(conn.id);
    expect((await getBankAccount(t.ctx, c.actor, c.slug, account.id)).connectionId).toBeNull();
    expect((await errorOf(getConnection(b, c.actor, c.slug, conn.id))).status).toBe(404);
    // A Partner Admin removes someone else's, and the open request is cancelled.
    const requested = await requestConnection(b, owner.actor, c.slug, { institutionName: "Removal Bank" });
    await removeConnection(b, admin.actor, c.slug, requested.id);
    expect(await requestsOf(requested.id)).toEqual([
      { kind: "connect", status: "cancelled", assignee_id: null },
    ]);
    const events = await sql<{
      event: string;
    }>`select event from connection_events where connection_id = ${requested.id} order by id`.execute(
      t.ctx.db,
    );
    expect(events.rows.map((e) => e.event)).toEqual(["requested", "removed"]);
    await expect(
      sql`update connection_events set reason = 'x' where connection_id = ${requested.id}`.execute(t.ctx.db),
    ).rejects.toThrow(/append-only/);
    await updateBankAccount(t.ctx, c.actor, c.slug, account.id, { isActive: false });
  });
});

describe("who sees bank data", () => {
  it("lets every role read, and refuses a client user of another client", async () => {
    const reader = await person(t.ctx, c, "client_self_service", "Sam Self");
    expect((await bankOverview(t.ctx, reader.actor, c.slug)).bankAccounts.length).toBeGreaterThan(1);
    const stranger = await clientWithChart(t.ctx, "reader-other-co", "firm-conn");
    const outsider = await person(t.ctx, stranger, "client_admin", "Olly Outsider");
    expect((await errorOf(bankOverview(t.ctx, outsider.actor, c.slug))).status).toBe(404);
  });
});
