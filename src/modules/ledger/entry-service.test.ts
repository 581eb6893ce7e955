// Posting, drafts, reversal and period locks against a real database (PGlite or PostgreSQL).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { clientWithChart, type ClientFixture } from "../../../test/support/fixtures.ts";
import * as ledger from "./index.ts";
import { AppError } from "../../platform/errors.ts";

let t: TestDb;
let c: ClientFixture;

beforeAll(async () => {
  t = await testDb();
  c = await clientWithChart(t.ctx);
});
afterAll(async () => t?.close());

const tb = async (asOf = "2026-12-31") =>
  ledger.trialBalanceJson(await ledger.trialBalance(t.ctx, c.actor, c.slug, asOf));

async function auditCount(): Promise<number> {
  const r = await sql<{ n: bigint }>`select count(*) as n from audit_events`.execute(t.ctx.db);
  return Number(r.rows[0]!.n);
}

describe("posting", () => {
  it("posts a balanced entry and reports it in the trial balance", async () => {
    const posted = await ledger.postEntry(t.ctx, c.actor, c.slug, {
      date: "2026-03-05",
      description: "Office rent",
      lines: [
        { accountId: c.account("6500"), amount: 120000n, currency: "USD" },
        { accountId: c.account("1010"), amount: -120000n, currency: "USD" },
      ],
    });
    expect(posted.status).toBe("posted");
    const report = await tb();
    expect(report.rows).toEqual([
      {
        account: "Cash and Bank:Operating Checking",
        currency: "USD",
        debit: "0.00",
        credit: "1200.00",
        balance: "-1200.00",
      },
      { account: "Rent", currency: "USD", debit: "1200.00", credit: "0.00", balance: "1200.00" },
    ]);
    expect(report.totals).toEqual([{ currency: "USD", debit: "1200.00", credit: "1200.00" }]);
  });

  it('refuses an entry whose lines are all zero (a "-0" amount), and writes nothing', async () => {
    const before = await auditCount();
    const err = await ledger
      .postEntry(t.ctx, c.actor, c.slug, {
        date: "2026-03-06",
        description: "nothing",
        lines: [
          { accountId: c.account("6400"), amount: -0n, currency: "USD" },
          { accountId: c.account("1010"), amount: 0n, currency: "USD" },
        ],
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ kind: "validation", code: "ledger/all-zero-entry", field: "lines" });
    expect((err as AppError).detail).toContain("lines 1-2");
    expect(await auditCount()).toBe(before);
  });

  it("refuses an unbalanced entry, names the imbalance, and writes nothing", async () => {
    const before = await auditCount();
    const err = await ledger
      .postEntry(t.ctx, c.actor, c.slug, {
        date: "2026-03-06",
        description: "bad",
        lines: [
          { accountId: c.account("6400"), amount: 1000n, currency: "USD" },
          { accountId: c.account("1010"), amount: -999n, currency: "USD" },
        ],
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("ledger/unbalanced-entry");
    expect((err as AppError).detail).toContain("USD is off by 1");
    expect(await auditCount()).toBe(before);
    expect((await tb()).rows.find((r) => r.account === "Office Supplies")).toBeUndefined();
  });

  it("refuses an unknown account and names the line", async () => {
    const err = (await ledger
      .postEntry(t.ctx, c.actor, c.slug, {
        date: "2026-03-06",
        description: "bad",
        lines: [
          { accountId: "00000000-0000-7000-8000-000000000000", amount: 1n, currency: "USD" },
          { accountId: c.account("1010"), amount: -1n, currency: "USD" },
        ],
      })
      .catch((e: unknown) => e)) as AppError;
    expect(err.code).toBe("ledger/unknown-account");
    expect(err.field).toBe("lines[0].accountId");
  });

  it("refuses an account of another client", async () => {
    const other = await clientWithChart(t.ctx, "other-co");
    const err = (await ledger
      .postEntry(t.ctx, c.actor, c.slug, {
        date: "2026-03-06",
        description: "cross-client",
        lines: [
          { accountId: other.account("6400"), amount: 1n, currency: "USD" },
          { accountId: c.account("1010"), amount: -1n, currency: "USD" },
        ],
      })
      .catch((e: unknown) => e)) as AppError;
    expect(err.code).toBe("ledger/unknown-account");
  });

  it("refuses an inactive account", async () => {
    const acct = await ledger.createAccount(t.ctx, c.actor, c.slug, { name: "Old Expense", type: "expense" });
    await ledger.updateAccount(t.ctx, c.actor, c.slug, acct.id, { isActive: false });
    const err = (await ledger
      .postEntry(t.ctx, c.actor, c.slug, {
        date: "2026-03-06",
        description: "x",
        lines: [
          { accountId: acct.id, amount: 5n, currency: "USD" },
          { accountId: c.account("1010"), amount: -5n, currency: "USD" },
        ],
      })
      .catch((e: unknown) => e)) as AppError;
    expect(err.code).toBe("ledger/inactive-account");
  });
});

describe("drafts and reversal", () => {
  it("keeps a draft out of balances until it is posted", async () => {
    const before = await tb();
    const draft = await ledger.createDraft(t.ctx, c.actor, c.slug, {
      date: "2026-04-01",
      description: "Insurance",
      lines: [
        { accountId: c.account("6250"), amount: 30000n, currency: "USD" },
        { accountId: c.account("2100"), amount: -30000n, currency: "USD" },
      ],
    });
    expect(draft.status).toBe("draft");
    expect(await tb()).toEqual(before);
    const posted = await ledger.postDraft(t.ctx, c.actor, c.slug, draft.id);
    expect(posted.status).toBe("posted");
    expect((await tb()).rows.find((r) => r.account === "Insurance")?.balance).toBe("300.00");
    await expect(ledger.postDraft(t.ctx, c.actor, c.slug, draft.id)).rejects.toMatchObject({
      code: "ledger/entry-posted",
    });
  });

  it("reverses a posted entry, restoring every balance, once", async () => {
    const before = await tb();
    const e = await ledger.postEntry(t.ctx, c.actor, c.slug, {
      date: "2026-05-10",
      description: "Software",
      lines: [
        { accountId: c.account("6600"), amount: 4999n, currency: "USD" },
        { accountId: c.account("2100"), amount: -4999n, currency: "USD" },
      ],
    });
    expect(await tb()).not.toEqual(before);
    const rev = await ledger.reverseEntry(t.ctx, c.actor, c.slug, e.id);
    expect(rev.reversesEntryId).toBe(e.id);
    expect(await tb()).toEqual(before);
    expect((await ledger.getEntry(t.ctx, c.actor, c.slug, e.id)).status).toBe("reversed");
    await expect(ledger.reverseEntry(t.ctx, c.actor, c.slug, e.id)).rejects.toMatchObject({
      code: "ledger/already-reversed",
    });
  });

  it("never lets the database change a posted entry or its lines", async () => {
    const e = await ledger.postEntry(t.ctx, c.actor, c.slug, {
      date: "2026-05-11",
      description: "Immutable",
      lines: [
        { accountId: c.account("6600"), amount: 100n, currency: "USD" },
        { accountId: c.account("1010"), amount: -100n, currency: "USD" },
      ],
    });
    await expect(
      sql`update journal_entries set description = 'changed' where id = ${e.id}`.execute(t.ctx.db),
    ).rejects.toThrow(/append-only/);
    await expect(
      sql`update journal_lines set amount = 1 where entry_id = ${e.id}`.execute(t.ctx.db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from journal_lines where entry_id = ${e.id}`.execute(t.ctx.db)).rejects.toThrow(
      /append-only/,
    );
  });
});

describe("periods", () => {
  it("refuses posting and reversing into a locked month, and allows it again after unlock (audited)", async () => {
    const e = await ledger.postEntry(t.ctx, c.actor, c.slug, {
      date: "2026-02-10",
      description: "Before lock",
      lines: [
        { accountId: c.account("6050"), amount: 1500n, currency: "USD" },
        { accountId: c.account("1010"), amount: -1500n, currency: "USD" },
      ],
    });
    const auditBefore = await auditCount();
    await ledger.setPeriodLock(t.ctx, c.actor, c.slug, "2026-02", true);
    expect(await auditCount()).toBe(auditBefore + 1);
    const entry = {
      date: "2026-02-20",
      description: "Into locked",
      lines: [
        { accountId: c.account("6050"), amount: 100n, currency: "USD" },
        { accountId: c.account("1010"), amount: -100n, currency: "USD" },
      ],
    };
    await expect(ledger.postEntry(t.ctx, c.actor, c.slug, entry)).rejects.toMatchObject({
      code: "ledger/period-locked",
    });
    await expect(ledger.reverseEntry(t.ctx, c.actor, c.slug, e.id)).rejects.toMatchObject({
      code: "ledger/period-locked",
    });
    // A reversal dated in an open month is allowed.
    await expect(
      ledger.reverseEntry(t.ctx, c.actor, c.slug, e.id, { date: "2026-03-01" }),
    ).resolves.toMatchObject({ date: "2026-03-01" });
    await ledger.setPeriodLock(t.ctx, c.actor, c.slug, "2026-02", false);
    await expect(ledger.postEntry(t.ctx, c.actor, c.slug, entry)).resolves.toMatchObject({
      status: "posted",
    });
    const periods = await ledger.listPeriods(t.ctx, c.actor, c.slug);
    expect(periods.find((p) => p.month === "2026-02-01")?.status).toBe("open");
  });
});

describe("reports", () => {
  it("computes the trial balance as of a mid-month date from buckets plus the partial month", async () => {
    const mk = (date: string, amount: bigint) =>
      ledger.postEntry(t.ctx, c.actor, c.slug, {
        date,
        description: "Meals",
        lines: [
          { accountId: c.account("6350"), amount, currency: "USD" },
          { accountId: c.account("1020"), amount: -amount, currency: "USD" },
        ],
      });
    await mk("2026-07-01", 100n);
    await mk("2026-07-15", 200n);
    await mk("2026-07-31", 400n);
    const meals = async (asOf: string) => (await tb(asOf)).rows.find((r) => r.account === "Meals")?.balance;
    expect(await meals("2026-06-30")).toBeUndefined();
    expect(await meals("2026-07-01")).toBe("1.00");
    expect(await meals("2026-07-14")).toBe("1.00");
    expect(await meals("2026-07-15")).toBe("3.00");
    expect(await meals("2026-07-31")).toBe("7.00");
    expect(await meals("2027-01-10")).toBe("7.00");
  });

  it("gives general ledger detail with opening, running and closing balances", async () => {
    const gl = await ledger.generalLedger(t.ctx, c.actor, c.slug, {
      from: "2026-07-10",
      to: "2026-07-31",
      accountId: c.account("6350"),
    });
    expect(gl.accounts).toHaveLength(1);
    const meals = gl.accounts[0]!;
    expect(meals.opening).toBe(100n);
    expect(meals.lines.map((l) => [l.date, l.amount, l.balance])).toEqual([
      ["2026-07-15", 200n, 300n],
      ["2026-07-31", 400n, 700n],
    ]);
    expect(meals.closing).toBe(700n);
    const reg = await ledger.accountRegister(t.ctx, c.actor, c.slug, c.account("6350"), {
      from: "2026-07-01",
      to: "2026-07-31",
      limit: 1,
      offset: 1,
    });
    expect(reg.total).toBe(3);
    expect(reg.lines.map((l) => l.balance)).toEqual([300n]);
  });

  it("refuses a range that ends before it starts", async () => {
    await expect(
      ledger.generalLedger(t.ctx, c.actor, c.slug, { from: "2026-08-01", to: "2026-07-01" }),
    ).rejects.toMatchObject({ code: "ledger/invalid-range" });
  });
});
