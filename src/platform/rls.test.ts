// Row-level security, the second wall between tenants, on PGlite and PostgreSQL alike: work run as
// a tenant sees and writes only its firm's rows (and its clients' books); the app role without the
// firm setting sees nothing; every table that carries firm_id has the policy.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { testDb, type TestDb } from "../../test/support/db.ts";
import { inTransaction } from "./db.ts";
import { runAsTenant, runUnscoped } from "./tenant-scope.ts";

let t: TestDb;
const A = "00000000-0000-7000-8000-00000000000a";
const B = "00000000-0000-7000-8000-00000000000b";
const A1 = "00000000-0000-7000-8000-0000000000a1";
const A2 = "00000000-0000-7000-8000-0000000000a2";
const B1 = "00000000-0000-7000-8000-0000000000b1";

beforeAll(async () => {
  t = await testDb();
  await sql`insert into firms (id, slug, name) values (${A}::uuid, 'rls-a', 'A'), (${B}::uuid, 'rls-b', 'B')`.execute(
    t.ctx.db,
  );
  await sql`insert into clients (id, firm_id, slug, name) values (${A1}::uuid, ${A}::uuid, 'a1', 'A1'), (${A2}::uuid, ${A}::uuid, 'a2', 'A2'), (${B1}::uuid, ${B}::uuid, 'b1', 'B1')`.execute(
    t.ctx.db,
  );
  for (const [client, firm] of [
    [A1, A],
    [A2, A],
    [B1, B],
  ] as const) {
    await sql`insert into accounts (id, firm_id, client_id, name, full_name, type, detail_type, normal_balance)
      values (gen_random_uuid(), ${firm}::uuid, ${client}::uuid, 'Cash', 'Cash', 'asset', 'bank', 'debit')`.execute(
      t.ctx.db,
    );
  }
});
afterAll(async () => t?.close());

const names = async (table: "clients" | "accounts" | "firms") =>
  (
    await sql<{
      n: string;
    }>`select ${sql.ref(table === "accounts" ? "client_id" : "slug")}::text as n from ${sql.table(table)} order by 1`.execute(
      t.ctx.db,
    )
  ).rows.map((r) => r.n);

describe("row-level security", () => {
  it("shows a tenant only its firm, and only its clients' books", async () => {
    await runAsTenant({ firmId: A, clientIds: "all" }, async () => {
      expect(await names("firms")).toEqual(["rls-a"]);
      expect(await names("clients")).toEqual(["a1", "a2"]);
      expect(await names("accounts")).toEqual([A1, A2]);
    });
    await runAsTenant({ firmId: A, clientIds: [A2] }, async () => {
      expect(await names("accounts")).toEqual([A2]);
    });
    await runAsTenant({ firmId: B, clientIds: "all" }, async () => {
      expect(await names("clients")).toEqual(["b1"]);
    });
    // The owner (migrations, CLI, jobs) is not subject to the policies.
    await runUnscoped(async () => expect(await names("clients")).toEqual(["a1", "a2", "b1"]));
  });

  it("refuses to write another firm's rows, and changes none of them", async () => {
    const insert = runAsTenant({ firmId: A, clientIds: "all" }, () =>
      sql`insert into clients (id, firm_id, slug, name) values (gen_random_uuid(), ${B}::uuid, 'sneaky', 'Sneaky')`.execute(
        t.ctx.db,
      ),
    );
    await expect(insert).rejects.toThrow(/row-level security/);
    const updated = await runAsTenant({ firmId: A, clientIds: "all" }, () =>
      sql`update clients set name = 'Mine now' where firm_id = ${B}::uuid`.execute(t.ctx.db),
    );
    expect(updated.numAffectedRows).toBe(0n);
    const deleted = await runAsTenant({ firmId: A, clientIds: [A1] }, () =>
      sql`delete from accounts where client_id = ${A2}::uuid`.execute(t.ctx.db),
    );
    expect(deleted.numAffectedRows).toBe(0n);
    expect(await names("accounts")).toEqual([A1, A2, B1]);
  });

  it("shows the app role nothing without the firm setting", async () => {
    const seen = await inTransaction(t.ctx.db, async (tx) => {
      await sql`set local role closebook_app`.execute(tx);
      await sql`select set_config('closebook.firm_id', '', true), set_config('closebook.client_ids', '*', true)`.execute(
        tx,
      );
      return (
        await sql<{
          n: bigint;
        }>`select (select count(*) from clients) + (select count(*) from accounts) + (select count(*) from firms) + (select count(*) from audit_events) as n`.execute(
          tx,
        )
      ).rows[0]!.n;
    });
    expect(seen).toBe(0n);
  });

  it("keeps tenants apart when their requests interleave", async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => {
        const firm = i % 2 ? A : B;
        return runAsTenant({ firmId: firm, clientIds: "all" }, async () => {
          const first = await names("clients");
          await new Promise((r) => setTimeout(r, i % 3));
          const second = await inTransaction(t.ctx.db, async (tx) =>
            (await sql<{ n: string }>`select slug as n from clients order by 1`.execute(tx)).rows.map(
              (r) => r.n,
            ),
          );
          return { firm, first, second };
        });
      }),
    );
    for (const r of results) {
      const expected = r.firm === A ? ["a1", "a2"] : ["b1"];
      expect(r.first).toEqual(expected);
      expect(r.second).toEqual(expected);
    }
  });

  // Tables that carry firm_id without a policy, each with its reason. Keep this list short.
  const UNWALLED: Record<string, string> = {};

  it("covers every table that carries firm_id", async () => {
    const missing = (
      await sql<{ table_name: string }>`
        select c.table_name from information_schema.columns c
        join pg_class k on k.relname = c.table_name and k.relnamespace = current_schema()::regnamespace
        where c.table_schema = current_schema() and c.column_name = 'firm_id' and k.relkind = 'r'
          and not (k.relrowsecurity and exists (select 1 from pg_policy p where p.polrelid = k.oid))
        order by 1`.execute(t.ctx.db)
    ).rows
      .map((r) => r.table_name)
      .filter((name) => !(name in UNWALLED));
    expect(
      missing,
      `tables with firm_id but no row-level security: add "select closebook_tenant_rls('<table>', 'client_id');" to their migration`,
    ).toEqual([]);
  });
});
