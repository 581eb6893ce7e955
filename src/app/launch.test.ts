// Start-up listens before it catches up on queued work (issue 11 item 6): with an import's job
// queued when the server starts (as after a restart), the server answers HTTP requests while that
// job is still being worked — held between two batches by a hook here, not timed — and the job
// then finishes in the background.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import net from "node:net";
import { sql } from "kysely";
import { testDb, type TestDb } from "../../test/support/db.ts";
import { testConfig, TEST_SECRETS, TEST_VAULT_KEY } from "../../test/support/server.ts";
import * as banking from "../modules/banking/index.ts";
import { csvOf } from "../../test/support/bank-fixtures.ts";
import { bookkeepingClient, merchantLines, type BooksFixture } from "../../test/support/books.ts";
import { launch } from "./launch.ts";

let t: TestDb;
let b: BooksFixture;

beforeAll(async () => {
  t = await testDb();
  b = await bookkeepingClient(t.ctx);
});
afterAll(async () => {
  await t?.close();
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function transactionsOf(importId: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from transactions t join bank_lines bl on bl.id = t.bank_line_id
    where bl.import_id = ${importId}::uuid`.execute(t.ctx.db);
  return rows[0]!.n;
}

describe("starting with work queued", () => {
  it("listens and answers while the queued import is still being worked, which then finishes", async () => {
    // Imported while no server ran: the job waits in the queue.
    const lines = merchantLines("2026-05-04", 4);
    const summary = await banking.importStatementFile(b.ctx, b.actor, b.slug, "checking", {
      bytes: csvOf(lines),
      fileName: "queued.csv",
      source: "upload",
    });
    expect(await t.ctx.jobs.pending(banking.BANK_LINES_IMPORTED)).toHaveLength(1);

    const port = await freePort();
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let reached!: (status: number) => void;
    // From inside the job, held after its first batch: the server must already answer.
    const answeredFromJob = new Promise<number>((resolve) => (reached = resolve));
    const said: string[] = [];
    const served = await launch(
      { config: testConfig({ PORT: String(port) }), database: t.database, ctx: t.ctx, close: t.close },
      {
        secrets: TEST_SECRETS,
        vaultKey: TEST_VAULT_KEY,
        say: (line) => said.push(line),
        warn: (line) => said.push(line),
        importPacing: {
          batchSize: 8,
          between: async (done) => {
            if (done !== 8) return;
            const health = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null);
            reached(health?.status ?? 0);
            await released;
          },
        },
      },
    );
    try {
      expect(await answeredFromJob).toBe(200);
      // Still held: one batch done, the rest waiting; a request goes through meanwhile.
      expect(await transactionsOf(summary.importId)).toBe(8);
      const response = await fetch(`${served.address}/healthz`);
      expect(response.status).toBe(200);
      expect(await t.ctx.jobs.pending(banking.BANK_LINES_IMPORTED)).toHaveLength(1);

      release();
      await served.caughtUp;
      await t.ctx.jobs.drain();
      expect(await transactionsOf(summary.importId)).toBe(lines.length);
      expect(await t.ctx.jobs.pending(banking.BANK_LINES_IMPORTED)).toEqual([]);
      // Its job was waiting, so the lost-import scan queued nothing again; nothing went wrong.
      expect(said).toEqual([]);
    } finally {
      release();
      await served.stop();
      await t.ctx.jobs.stop();
    }
  });
});
