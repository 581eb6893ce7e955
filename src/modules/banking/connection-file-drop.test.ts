// A file-drop connection on a real database and a real temp folder: set-up, polling imports dropped files
// (moving them to imported/ or failed/), files sent to the account they name, a vanished folder
// disconnects and gives the owner a reconnect task, and only the state machine's moves are possible.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sql } from "kysely";
import { sample, withSamples } from "../../../test/support/statement-samples.ts";
import { getBankAccount, createBankAccount } from "./account-service.ts";
import {
  addConnection,
  disconnect,
  getConnection,
  linkBankAccounts,
  pollConnections,
  reconnect,
  requestConnection,
  setUpConnection,
  syncConnection,
} from "./connection-service.ts";
import { listBankLines } from "./import-service.ts";
import { csvOf, newLedgerBankAccount } from "../../../test/support/bank-fixtures.ts";
import { person } from "./test-people.ts";
import {
  b,
  c,
  dataDir,
  errorOf,
  notificationsOf,
  requestsOf,
  t,
  useConnectionDb,
} from "./connection-test-support.ts";

useConnectionDb();

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

  withSamples.it(
    "imports dropped files on poll, moves them to imported/ or failed/ (with the reason), and skips partial ones",
    async () => {
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
    },
  );

  withSamples.it(
    "sends a file to the linked account whose last digits it names, and refuses one it cannot place",
    async () => {
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
    },
  );

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
