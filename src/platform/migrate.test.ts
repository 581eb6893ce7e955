// Migrations: applied once, in order, and an edited landed migration stops the start.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { testDb, type TestDb } from "../../test/support/db.ts";
import { migrate, readMigrations } from "./migrate.ts";

let t: TestDb;
beforeAll(async () => {
  t = await testDb();
});
afterAll(async () => t?.close());

describe("migrate", () => {
  it("has applied every migration file exactly once", async () => {
    const rows = await sql<{ name: string }>`select name from schema_migrations order by name`.execute(
      t.ctx.db,
    );
    expect(rows.rows.map((r) => r.name)).toEqual(readMigrations().map((m) => m.name));
    expect(await migrate(t.database)).toEqual([]);
  });

  it("applies a new migration in its own transaction and refuses an edited one", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cb-migrations-"));
    for (const m of readMigrations()) fs.writeFileSync(path.join(dir, m.name), m.sql);
    fs.writeFileSync(
      path.join(dir, "9000_extra.sql"),
      "create table extra_a (id int); create table extra_b (id int);",
    );
    expect(await migrate(t.database, dir)).toEqual(["9000_extra.sql"]);
    await sql`insert into extra_b values (1)`.execute(t.ctx.db);
    fs.writeFileSync(path.join(dir, "9000_extra.sql"), "create table extra_a (id int);");
    await expect(migrate(t.database, dir)).rejects.toThrow(/9000_extra.sql was edited/);
  });

  it("rolls back a failing migration whole", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cb-migrations-"));
    for (const m of readMigrations()) fs.writeFileSync(path.join(dir, m.name), m.sql);
    fs.writeFileSync(
      path.join(dir, "9001_broken.sql"),
      "create table half_done (id int); select * from no_such_table;",
    );
    await expect(migrate(t.database, dir)).rejects.toThrow();
    const exists = await sql<{
      n: bigint;
    }>`select count(*) as n from information_schema.tables where table_name = 'half_done'`.execute(t.ctx.db);
    expect(exists.rows[0]!.n).toBe(0n);
  });
});
