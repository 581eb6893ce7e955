// Migrations: applied once, in order, and an edited landed migration stops the start.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { testDb, type TestDb } from "../../test/support/db.ts";
import { migrate, numberingProblem, orderProblem, readMigrations } from "./migrate.ts";

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

  it("refuses a new file numbered below one already applied, and changes nothing", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cb-migrations-"));
    for (const m of readMigrations()) fs.writeFileSync(path.join(dir, m.name), m.sql);
    fs.writeFileSync(path.join(dir, "0000_gap_filler.sql"), "create table gap_filler (id int);");
    await expect(migrate(t.database, dir)).rejects.toThrow(/0000_gap_filler.sql is numbered below/);
    const exists = await sql<{
      n: bigint;
    }>`select count(*) as n from information_schema.tables where table_name = 'gap_filler'`.execute(t.ctx.db);
    expect(exists.rows[0]!.n).toBe(0n);
  });

  it("refuses two files that share a number", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cb-migrations-"));
    fs.writeFileSync(path.join(dir, "0001_a.sql"), "select 1;");
    fs.writeFileSync(path.join(dir, "0001_b.sql"), "select 1;");
    expect(() => readMigrations(dir)).toThrow(/0001_a.sql and 0001_b.sql share the number 0001/);
  });
});

describe("migration order, pure", () => {
  it("accepts files after the highest applied and names the first one below it", () => {
    expect(orderProblem(["0030_b.sql"], ["0001_a.sql", "0021_t.sql"])).toBeNull();
    expect(orderProblem(["0012_x.sql", "0008_y.sql"], ["0001_a.sql", "0021_t.sql"])).toMatch(
      /^migration 0008_y.sql is numbered below 0021_t.sql/,
    );
    expect(orderProblem(["0001_a.sql"], [])).toBeNull();
  });

  it("every landed file has a number of its own", () => {
    expect(numberingProblem(readMigrations().map((m) => m.name))).toBeNull();
    expect(numberingProblem(["0002_a.sql", "0003_b.sql", "0003_c.sql"])).toMatch(/share the number 0003/);
  });
});
