// The array literals and batch ids the bulk insert sends: they must read back exactly as given.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { sql } from "kysely";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { arrayLiteral, textArrayLiteral } from "../../platform/sql-arrays.ts";
import { batchIdPrefix } from "../../platform/ids.ts";
import { isUniqueViolation } from "../../platform/db.ts";
import { importStatementFile } from "./import-service.ts";
import { bankClient, csvOf } from "../../../test/support/bank-fixtures.ts";

let t: TestDb;
beforeAll(async () => {
  t = await testDb();
});
afterAll(async () => {
  await t?.close();
});

describe("bulk insert encodings", () => {
  it("round-trips any text (quotes, backslashes, braces, commas, NULL-looking words, Unicode) through a text[] literal", async () => {
    const text = fc.string({ unit: "grapheme", maxLength: 20 }).filter((s) => !s.includes("\u0000"));
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.option(fc.oneof(text, fc.constantFrom("NULL", "null", "", " a ", '"', "\\", "{x,y}")), {
            nil: null,
          }),
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
    const r = await sql<{
      v: Array<string | null>;
    }>`select ${arrayLiteral([1, null, -3])}::int8[]::text[] as v`.execute(t.ctx.db);
    expect(r.rows[0]!.v).toEqual(["1", null, "-3"]);
  });

  it("makes UUID version 7 ids from a batch prefix and a position", async () => {
    const prefix = batchIdPrefix();
    expect(`${prefix}00000001`).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    const r = await sql<{
      id: string;
    }>`select (${prefix} || lpad(to_hex(n), 8, '0'))::uuid as id from generate_series(1, 3) as n`.execute(
      t.ctx.db,
    );
    expect(r.rows.map((x) => x.id)).toEqual([`${prefix}00000001`, `${prefix}00000002`, `${prefix}00000003`]);
    expect(batchIdPrefix()).not.toBe(prefix);
  });
});

describe("the line key index", () => {
  it("refuses a second line with the same key in a bank account, byte for byte, and lets the import skip it", async () => {
    const c = await bankClient(t.ctx, "keys", "firm-keys");
    const bytes = csvOf([{ date: "2026-02-01", description: "Coffee", amount: "-4.50" }]);
    await importStatementFile(t.ctx, c.actor, c.slug, "checking", {
      bytes,
      fileName: "a.csv",
      source: "cli",
    });
    const copy = (key: string) => sql`
      insert into bank_lines (id, firm_id, client_id, bank_account_id, statement_file_id, statement_id, import_id, date, amount,
        currency, description, fingerprint, occurrence, idem_key, fields)
      select gen_random_uuid(), firm_id, client_id, bank_account_id, statement_file_id, statement_id, import_id, date, amount,
        currency, description, fingerprint, occurrence, ${key}, fields
      from bank_lines where bank_account_id = ${c.checking.id}::uuid`;
    const [line] = (
      await sql<{
        idem_key: string;
      }>`select idem_key from bank_lines where bank_account_id = ${c.checking.id}::uuid`.execute(t.ctx.db)
    ).rows;
    const error = await copy(line!.idem_key)
      .execute(t.ctx.db)
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(isUniqueViolation(error)).toBe(true);
    // Another key (here only the case differs) is another line.
    await copy(line!.idem_key.toUpperCase()).execute(t.ctx.db);
    const again = await importStatementFile(t.ctx, c.actor, c.slug, "checking", {
      bytes: csvOf([
        { date: "2026-02-01", description: "Coffee", amount: "-4.50" },
        { date: "2026-02-02", description: "Bagel", amount: "-3.00" },
      ]),
      fileName: "b.csv",
      source: "cli",
    });
    expect(again).toMatchObject({ newLines: 1, duplicateLines: 1 });
  });
});
