// Importing a statement file on a real database: what is stored (raw lines, parsed fields, minor
// units, balances, the file itself), the audit event and the job, immutability, and multi-statement files.
import { describe, expect, it } from "vitest";
import { sql } from "kysely";
import { sample, withSamples } from "../../../test/support/statement-samples.ts";
import { getBankAccount } from "./account-service.ts";
import {
  importStatementFile,
  listBankLines,
  listStatements,
  BANK_LINES_IMPORTED,
  statementFile,
} from "./import-service.ts";
import { csvOf } from "../../../test/support/bank-fixtures.ts";
import { account, c, t, upload, useImportDb } from "./import-test-support.ts";

useImportDb();

describe("importing a statement file", () => {
  withSamples.it(
    "stores raw lines with their source, parsed fields, minor units and the statement's balances",
    async () => {
      const cad = await account("CAD Checking", "CAD", { mask: "5678" });
      const bytes = sample("ofx1", "ofxparse__bank_medium.ofx");
      const summary = await importStatementFile(
        t.ctx,
        c.actor,
        c.slug,
        cad.shortName,
        upload(bytes, "bank_medium.ofx"),
      );
      expect(summary).toMatchObject({
        statements: 1,
        totalLines: 3,
        newLines: 3,
        duplicateLines: 0,
        file: { name: "bank_medium.ofx", format: "ofx", size: bytes.length, alreadyImported: false },
        period: { from: "2009-04-01", to: "2009-04-03" },
      });
      const { lines, total } = await listBankLines(t.ctx, c.actor, c.slug, {
        bankAccountRef: cad.id,
        limit: 10,
        offset: 0,
      });
      expect(total).toBe(3);
      const first = lines.find((l) => l.bank_transaction_id === "0000123456782009040100001")!;
      expect(first).toMatchObject({
        date: "2009-04-01",
        amount: -660n,
        currency: "CAD",
        payee: "MCDONALD'S #112",
        occurrence: 1,
        idem_key: "id:0000123456782009040100001#1",
      });
      expect(first.source_line).toBeGreaterThan(1);
      expect(first.fields).toMatchObject({ TRNAMT: "-6.60", FITID: "0000123456782009040100001" });
      const [statement] = await listStatements(t.ctx, c.actor, c.slug, cad.id);
      expect(statement).toMatchObject({
        closing_balance: 38234n,
        start_date: "2009-04-01",
        end_date: "2009-05-23",
        line_count: 3,
        currency: "CAD",
        file_name: "bank_medium.ofx",
      });
      // The file is kept exactly as received.
      const file = await statementFile(t.ctx, c.actor, c.slug, summary.file.id);
      expect(Buffer.from(file.bytes).equals(Buffer.from(bytes))).toBe(true);
      // The balance shown is the statement's closing balance.
      expect((await getBankAccount(t.ctx, c.actor, c.slug, cad.id)).balance).toBe(38234n);
    },
  );

  it("writes one audit event with the counts and queues one job for the Transaction Manager", async () => {
    const a = await account("Audit Checking");
    const summary = await importStatementFile(
      t.ctx,
      c.actor,
      c.slug,
      a.id,
      upload(csvOf([{ date: "2026-02-01", amount: "-4.50", description: "Coffee" }]), "a.csv"),
    );
    const events = await sql<{ action: string; after: Record<string, unknown> }>`
      select action, after from audit_events where subject_id = ${a.id} and action like 'banking.statement.%'`.execute(
      t.ctx.db,
    );
    expect(events.rows).toHaveLength(1);
    expect(events.rows[0]!.after).toMatchObject({
      importId: summary.importId,
      totalLines: 1,
      newLines: 1,
      duplicateLines: 0,
      source: "upload",
    });
    const jobs = await sql<{
      data: Record<string, unknown>;
    }>`select data from job_queue where name = ${BANK_LINES_IMPORTED} and data->>'importId' = ${summary.importId}`.execute(
      t.ctx.db,
    );
    expect(jobs.rows.map((r) => r.data)).toEqual([
      {
        firmId: c.firmId,
        clientId: c.clientId,
        bankAccountId: a.id,
        importId: summary.importId,
        newLines: 1,
      },
    ]);
    // The lines the job names are found by its import id.
    expect(
      (await listBankLines(t.ctx, c.actor, c.slug, { importId: summary.importId, limit: 10, offset: 0 }))
        .total,
    ).toBe(1);
  });

  it("refuses to change or delete a raw line, a statement or a file", async () => {
    const a = await account("Immutable Checking");
    await importStatementFile(
      t.ctx,
      c.actor,
      c.slug,
      a.id,
      upload(csvOf([{ date: "2026-01-05", amount: "10.00", description: "Deposit" }]), "i.csv"),
    );
    for (const statement of [
      sql`update bank_lines set amount = 1 where bank_account_id = ${a.id}`,
      sql`delete from bank_lines where bank_account_id = ${a.id}`,
      sql`update statements set closing_balance = 1 where bank_account_id = ${a.id}`,
      sql`delete from statement_files where bank_account_id = ${a.id}`,
      sql`delete from bank_imports where bank_account_id = ${a.id}`,
    ]) {
      await expect(statement.execute(t.ctx.db)).rejects.toThrow(/append-only/);
    }
  });

  withSamples.it(
    "imports a multi-statement file's statements of the account only, with a warning for the rest",
    async () => {
      const usd = await account("PayPal USD");
      const s = await importStatementFile(
        t.ctx,
        c.actor,
        c.slug,
        usd.id,
        upload(sample("csv", "oca__paypal_activity_en.csv"), "paypal.csv"),
      );
      expect(s).toMatchObject({ statements: 1, newLines: 45 });
      expect(s.warnings.filter((w) => /skipped/.test(w))).toHaveLength(2);
    },
  );
});
