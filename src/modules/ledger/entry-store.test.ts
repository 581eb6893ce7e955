// The bulk write path of posting: array literals, all-NULL columns sent as NULL arrays, batch ids,
// and balance buckets written as plain inserts for new months and updates for existing ones.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { sql } from "kysely";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { clientWithChart, type ClientFixture } from "../../../test/support/fixtures.ts";
import { inTransaction } from "../../platform/db.ts";
import * as ledger from "./index.ts";
import { newIds } from "../../platform/ids.ts";
import { postEntries } from "./entry-service.ts";
import { arrayLiteral, textArrayLiteral } from "../../platform/sql-arrays.ts";
import { addToBalances, insertPosted } from "./entry-store.ts";
import { clientScope } from "./scope.ts";
import { balanceDeltas, type EntryInput } from "./model.ts";

let t: TestDb;
let c: ClientFixture;

beforeAll(async () => {
  t = await testDb();
  c = await clientWithChart(t.ctx, "bulk", "firm-bulk");
});
afterAll(async () => t?.close());

async function count(table: string): Promise<number> {
  const r = await sql<{
    n: bigint;
  }>`select count(*) as n from ${sql.table(table)} where client_id = ${c.clientId}::uuid`.execute(t.ctx.db);
  return Number(r.rows[0]!.n);
}

/** Buckets as stored, and as recomputed from the posted lines: they must be equal. */
async function bucketsAndLines() {
  const stored = await sql<{ k: string }>`
    select account_id || ' ' || currency || ' ' || month || ' ' || debit || ' ' || credit as k
    from account_balances where client_id = ${c.clientId}::uuid and (debit <> 0 or credit <> 0) order by 1`.execute(
    t.ctx.db,
  );
  const fromLines = await sql<{ k: string }>`
    select account_id || ' ' || currency || ' ' || date_trunc('month', date)::date || ' ' ||
      sum(greatest(amount, 0)) || ' ' || sum(greatest(-amount, 0)) as k
    from journal_lines where client_id = ${c.clientId}::uuid
    group by account_id, currency, date_trunc('month', date) order by 1`.execute(t.ctx.db);
  return { stored: stored.rows.map((r) => r.k), fromLines: fromLines.rows.map((r) => r.k) };
}

describe("bulk posting", () => {
  it("round-trips any text (tabs, newlines, backslashes, quotes, braces, NULL-looking words) through a text[] literal", async () => {
    const text = fc.string({ unit: "grapheme", maxLength: 20 }).filter((s) => !s.includes("\u0000"));
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.option(
            fc.oneof(text, fc.constantFrom("NULL", "", " a ", '"', "\\", "a\tb", "x\ny\r\n", "\\N", "{x,y}")),
            { nil: null },
          ),
          { maxLength: 12 },
        ),
        async (values) => {
          const r = await sql<{
            v: Array<string | null>;
          }>`select ${textArrayLiteral(values)}::text[] as v`.execute(t.ctx.db);
          expect(r.rows[0]!.v).toEqual(values);
        },
      ),
      { numRuns: 60 },
    );
    const r = await sql<{ v: string[] }>`select ${arrayLiteral([1, null, -3])}::int8[]::text[] as v`.execute(
      t.ctx.db,
    );
    expect(r.rows[0]!.v).toEqual(["1", null, "-3"]);
  });

  it("stores every line field as given, with columns that are NULL in a whole batch and columns that are not", async () => {
    const memo = 'tab\there, line\nbreak, back\\slash, "quoted", {braces}, NULL';
    const posted = await ledger.postEntry(t.ctx, c.actor, c.slug, {
      date: "2026-01-15",
      description: 'A "quoted"\tdescription\\',
      reference: "R\\1",
      lines: [
        { accountId: c.account("6500"), amount: 1000n, currency: "USD", memo },
        { accountId: c.account("1010"), amount: -1000n, currency: "USD", isVirtual: true },
        { accountId: c.account("1010"), amount: 0n, currency: "USD", isConversion: true, memo: "" },
      ],
    });
    const back = await ledger.getEntry(t.ctx, c.actor, c.slug, posted.id);
    expect(back.description).toBe('A "quoted"\tdescription\\');
    expect(back.reference).toBe("R\\1");
    expect(back.lines.map((l) => [l.amount, l.memo, l.isVirtual, l.isConversion, l.contactId])).toEqual([
      [1000n, memo, false, false, null],
      [-1000n, null, true, false, null],
      [0n, "", false, true, null],
    ]);
  });

  it("adds to existing buckets and inserts new ones in one batch; buckets always equal the sums of the lines", async () => {
    const entry = (date: string, amount: bigint, debit = "6500"): EntryInput => ({
      date,
      description: "bulk",
      lines: [
        { accountId: c.account(debit), amount, currency: "USD" },
        { accountId: c.account("1010"), amount: -amount, currency: "USD" },
      ],
    });
    await ledger.postEntry(t.ctx, c.actor, c.slug, entry("2026-02-10", 500n));
    // January and February exist (from above); March and the other account's months are new.
    await inTransaction(t.ctx.db, async (tx) => {
      const s = await clientScope(tx, c.actor, c.slug, "ledger.post");
      await postEntries(
        tx,
        c.actor,
        s,
        [
          entry("2026-01-20", 70n),
          entry("2026-02-11", 30n),
          entry("2026-03-01", 9n),
          entry("2026-02-12", 4n, "6000"),
        ],
        "import",
      );
    });
    const { stored, fromLines } = await bucketsAndLines();
    expect(stored).toEqual(fromLines);
    const rent = await sql<{ month: string; debit: bigint }>`
      select month, debit from account_balances where client_id = ${c.clientId}::uuid and account_id = ${c.account("6500")}::uuid
      order by month`.execute(t.ctx.db);
    expect(rent.rows).toEqual([
      { month: "2026-01-01", debit: 1070n },
      { month: "2026-02-01", debit: 530n },
      { month: "2026-03-01", debit: 9n },
    ]);
  });

  it("writes nothing when the transaction of a bulk posting fails after the inserts", async () => {
    const before = await Promise.all(["journal_entries", "journal_lines", "account_balances"].map(count));
    const many: EntryInput[] = Array.from({ length: 250 }, (_, i) => ({
      date: `2025-${String((i % 12) + 1).padStart(2, "0")}-03`,
      description: `entry ${i}`,
      lines: [
        { accountId: c.account("6500"), amount: BigInt(i + 1), currency: "USD" },
        { accountId: c.account("1010"), amount: -BigInt(i + 1), currency: "USD" },
      ],
    }));
    await expect(
      inTransaction(t.ctx.db, async (tx) => {
        const s = await clientScope(tx, c.actor, c.slug, "ledger.post");
        await postEntries(tx, c.actor, s, many, "import");
        throw new Error("the audit trail could not be written");
      }),
    ).rejects.toThrow("the audit trail could not be written");
    expect(await Promise.all(["journal_entries", "journal_lines", "account_balances"].map(count))).toEqual(
      before,
    );
  });

  it("stores numbers, sources and authors as given, whether a batch shares them or not", async () => {
    const lines = [
      { accountId: c.account("6500"), amount: 1n, currency: "USD" },
      { accountId: c.account("1010"), amount: -1n, currency: "USD" },
    ];
    const row = (id: string, number: bigint, source: string, createdBy: string) => ({
      id,
      number,
      date: "2026-07-01",
      description: source,
      reference: null,
      comment: null,
      source,
      reversesEntryId: null,
      createdBy,
      lines,
    });
    const [a, b, x, y] = newIds(4);
    await inTransaction(t.ctx.db, async (tx) => {
      const s = await clientScope(tx, c.actor, c.slug, "ledger.post");
      await insertPosted(tx, s, [row(a!, 800_001n, "import", "u1"), row(b!, 800_002n, "import", "u1")]);
      await insertPosted(tx, s, [row(x!, 800_010n, "manual", "u1"), row(y!, 800_005n, "import", "u2")]);
      await addToBalances(
        tx,
        s,
        balanceDeltas(Array.from({ length: 4 }, () => ({ date: "2026-07-01", lines }))),
      );
    });
    const r = await sql<{ id: string; number: bigint; source: string; created_by: string }>`
      select id, number, source, created_by from journal_entries where id in (${a}::uuid, ${b}::uuid, ${x}::uuid, ${y}::uuid)
      order by id`.execute(t.ctx.db);
    expect(r.rows).toEqual([
      { id: a, number: 800_001n, source: "import", created_by: "u1" },
      { id: b, number: 800_002n, source: "import", created_by: "u1" },
      { id: x, number: 800_010n, source: "manual", created_by: "u1" },
      { id: y, number: 800_005n, source: "import", created_by: "u2" },
    ]);
    const l = await sql<{ entry_id: string; line_no: number; date: string; account_id: string }>`
      select entry_id, line_no, date, account_id from journal_lines where entry_id in (${a}::uuid, ${y}::uuid) order by entry_id, line_no`.execute(
      t.ctx.db,
    );
    expect(l.rows).toEqual([
      { entry_id: a, line_no: 1, date: "2026-07-01", account_id: c.account("6500") },
      { entry_id: a, line_no: 2, date: "2026-07-01", account_id: c.account("1010") },
      { entry_id: y, line_no: 1, date: "2026-07-01", account_id: c.account("6500") },
      { entry_id: y, line_no: 2, date: "2026-07-01", account_id: c.account("1010") },
    ]);
  });

  it("posts a bulk of more lines than one batch holds, each line with its own entry, date and account", async () => {
    const accounts = ["6000", "6500", "1010", "2100"].map((n) => c.account(n));
    const many: EntryInput[] = Array.from({ length: 10_050 }, (_, i) => ({
      date: `2024-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`,
      description: `bulk ${i}`,
      lines: [
        { accountId: accounts[i % 4]!, amount: BigInt(i + 1), currency: "USD" },
        { accountId: accounts[(i + 1) % 4]!, amount: -BigInt(i + 1), currency: "USD" },
      ],
    }));
    await inTransaction(t.ctx.db, async (tx) => {
      const s = await clientScope(tx, c.actor, c.slug, "ledger.post");
      await postEntries(tx, c.actor, s, many, "bulk-test");
    });
    const mismatches = await sql<{ n: bigint }>`
      select count(*) as n from journal_entries e join journal_lines l on l.entry_id = e.id
      where e.source = 'bulk-test' and (l.date <> e.date or l.amount <> case l.line_no
        when 1 then substr(e.description, 6)::int8 + 1 else -(substr(e.description, 6)::int8 + 1) end
        or l.account_id <> (${`{${accounts.join(",")}}`}::uuid[])[((substr(e.description, 6)::int + l.line_no - 1) % 4) + 1])`.execute(
      t.ctx.db,
    );
    expect(mismatches.rows[0]!.n).toBe(0n);
    const lineCount = await sql<{ n: bigint }>`
      select count(*) as n from journal_lines l join journal_entries e on e.id = l.entry_id where e.source = 'bulk-test'`.execute(
      t.ctx.db,
    );
    expect(lineCount.rows[0]!.n).toBe(20_100n);
    const { stored, fromLines } = await bucketsAndLines();
    expect(stored).toEqual(fromLines);
  });

  it("makes batch ids that are UUID version 7, unique and in order", () => {
    const ids = newIds(3000, Date.UTC(2026, 0, 1));
    expect(new Set(ids).size).toBe(3000);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(ids[0]!.slice(0, 13)).toBe(
      `${Date.UTC(2026, 0, 1).toString(16).padStart(12, "0").slice(0, 8)}-${Date.UTC(2026, 0, 1).toString(16).padStart(12, "0").slice(8)}`,
    );
    // Past 2^20 ids the timestamp moves on by a millisecond, so the order holds.
    const big = newIds((1 << 20) + 2, 0);
    expect(big[1 << 20]! > big[(1 << 20) - 1]!).toBe(true);
  });
});

describe("references of journal entries (checked once per statement)", () => {
  const insertEntry = (over: {
    id?: string;
    clientId?: string;
    number: number;
    reverses?: string | null;
  }) => sql`
    insert into journal_entries (id, firm_id, client_id, number, date, status, created_by, posted_at, reverses_entry_id)
    values (${over.id ?? newIds(1)[0]!}::uuid, ${c.firmId}::uuid, ${over.clientId ?? c.clientId}::uuid, ${over.number},
      '2026-05-01', 'posted', 'test', now(), ${over.reverses ?? null}::uuid)`;
  const failure = (p: Promise<unknown>) =>
    p.then(
      () => null,
      (e: unknown) => e as { code?: string },
    );

  it("refuses an entry of a client that does not exist, and a reversal of an entry that does not exist", async () => {
    expect(
      (await failure(insertEntry({ clientId: newIds(1)[0]!, number: 900_001 }).execute(t.ctx.db)))?.code,
    ).toBe("23503");
    expect(
      (await failure(insertEntry({ number: 900_002, reverses: newIds(1)[0]! }).execute(t.ctx.db)))?.code,
    ).toBe("23503");
    // One statement may hold an entry and the reversal of it.
    const [a, b] = newIds(2);
    await sql`
      insert into journal_entries (id, firm_id, client_id, number, date, status, created_by, posted_at, reverses_entry_id)
      values (${a}::uuid, ${c.firmId}::uuid, ${c.clientId}::uuid, 900003, '2026-05-01', 'posted', 'test', now(), null),
             (${b}::uuid, ${c.firmId}::uuid, ${c.clientId}::uuid, 900004, '2026-05-01', 'posted', 'test', now(), ${a}::uuid)`.execute(
      t.ctx.db,
    );
  });

  it("keeps a client that has entries, and an entry that a reversal points at", async () => {
    // A client with nothing but one entry: only the entry can hold it back.
    const bare = newIds(1)[0]!;
    await sql`insert into clients (id, firm_id, slug, name) values (${bare}::uuid, ${c.firmId}::uuid, 'bare', 'Bare')`.execute(
      t.ctx.db,
    );
    await insertEntry({ clientId: bare, number: 1 }).execute(t.ctx.db);
    expect((await failure(sql`delete from clients where id = ${bare}::uuid`.execute(t.ctx.db)))?.code).toBe(
      "23503",
    );
    expect(
      (
        await failure(
          sql`update clients set id = ${newIds(1)[0]!}::uuid where id = ${bare}::uuid`.execute(t.ctx.db),
        )
      )?.code,
    ).toBe("23503");
    await sql`update clients set name = 'Still bare' where id = ${bare}::uuid`.execute(t.ctx.db);
    const original = await ledger.postEntry(t.ctx, c.actor, c.slug, {
      date: "2026-06-01",
      description: "to reverse",
      lines: [
        { accountId: c.account("6500"), amount: 5n, currency: "USD" },
        { accountId: c.account("1010"), amount: -5n, currency: "USD" },
      ],
    });
    await ledger.reverseEntry(t.ctx, c.actor, c.slug, original.id);
    // Past the append-only rule (as the purge of a terminated client is), the reference still holds.
    const deleteOriginal = inTransaction(t.ctx.db, async (tx) => {
      await sql`select set_config('closebook.purging_client', ${c.clientId}, true)`.execute(tx);
      await sql`delete from journal_lines where entry_id = ${original.id}::uuid`.execute(tx);
      await sql`delete from journal_entries where id = ${original.id}::uuid`.execute(tx);
    });
    expect((await failure(deleteOriginal))?.code).toBe("23503");
  });
});
