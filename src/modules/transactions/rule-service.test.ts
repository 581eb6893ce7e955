// Rules on a real database: a rule from a correction in one click (visible and editable as a
// learned rule), its preview and "apply to existing" from the same conditions (re-posting what was
// posted), rules winning over memory for new lines, versions on edit, and refusals — an unknown
// account in a rule — that change nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { AppError } from "../../platform/errors.ts";
import * as categorize from "../categorize/index.ts";
import * as ledger from "../ledger/index.ts";
import { bookkeepingClient, importLines, type BooksFixture } from "../../../test/support/books.ts";
import {
  applyRule,
  editTransaction,
  listTransactions,
  previewRule,
  ruleFromTransaction,
  setAutomation,
  type TransactionView,
} from "./index.ts";

let t: TestDb;
let b: BooksFixture;

beforeAll(async () => {
  t = await testDb();
  b = await bookkeepingClient(t.ctx);
  await setAutomation(t.ctx, b.actor, b.slug, "checking", { mode: "auto_push", startDate: null });
  await importLines(
    b,
    [
      { date: "2026-05-04", description: "AMAZON MKTPLACE PMTS AMZN.COM/BILL", amount: "-23.99" },
      { date: "2026-05-05", description: "AMAZON MKTPLACE PMTS AMZN.COM/BILL", amount: "-112.40" },
      { date: "2026-05-06", description: "AMAZON MKTPLACE PMTS AMZN.COM/BILL", amount: "-8.75" },
      { date: "2026-05-06", description: "AMAZON MKTPLACE REFUND", amount: "15.00" },
      { date: "2026-05-07", description: "GUSTO PAYROLL", amount: "-4200.00" },
    ],
    "checking",
    "may.csv",
  );
});
afterAll(async () => {
  await t?.close();
});

const search = async (text: string): Promise<TransactionView[]> =>
  (await listTransactions(t.ctx, b.actor, b.slug, { tab: "all", search: text })).transactions;

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

describe("a rule from a correction", () => {
  let ruleId: string;

  it("is made in one click from the corrected transaction, and applies to the others waiting", async () => {
    const [first, ...others] = (await search("AMAZON MKTPLACE PMTS")).reverse();
    expect(others).toHaveLength(2);
    for (const o of others) expect(o).toMatchObject({ status: "needs_review", posted: true });
    await editTransaction(t.ctx, b.actor, b.slug, first!.id, {
      accountId: b.account("6400"),
      payee: "Amazon",
    });
    const { rule, applied } = await ruleFromTransaction(t.ctx, b.actor, b.slug, first!.id, {
      applyToExisting: true,
    });
    ruleId = rule.id;
    expect(rule).toMatchObject({
      origin: "correction",
      sourceTransactionId: first!.id,
      enabled: true,
      version: 1,
    });
    expect(rule.conditions).toEqual([
      { field: "payee", op: "equals", value: "Amazon" },
      { field: "direction", op: "is", value: "out" },
    ]);
    expect(rule.actions).toEqual({ account: b.account("6400"), payee: "Amazon" });
    expect(rule.name).toBe("Amazon → Office Supplies");
    // The two other payments; not the refund (money in), and not the corrected line: a person's
    // own coding waits for that person's review.
    expect(applied).toEqual({ applied: 2, posted: 0, reposted: 2 });
    for (const o of (await search("AMAZON MKTPLACE PMTS")).filter((x) => x.id !== first!.id)) {
      expect(o.coding.accountId).toBe(b.account("6400"));
      expect(o.prediction).toMatchObject({ method: "rule", confidence: 1, band: "high", ruleId: rule.id });
      expect(o.prediction.modelVersion).toBe(`rule:${rule.id}@1`);
    }
    const refund = (await search("REFUND"))[0]!;
    expect(refund.coding.accountId).toBe(b.account("7990"));
  });

  it("is listed with the client's rules and wins over everything for new lines", async () => {
    const rules = await categorize.listRules(t.ctx, b.actor, b.slug);
    expect(rules.map((r) => r.id)).toEqual([ruleId]);
    await importLines(
      b,
      [{ date: "2026-05-10", description: "AMAZON MKTPLACE PMTS AMZN.COM/BILL", amount: "-64.00" }],
      "checking",
      "may-2.csv",
    );
    const fresh = (await search("AMAZON MKTPLACE PMTS")).find((x) => x.date === "2026-05-10")!;
    expect(fresh).toMatchObject({ status: "processed", posted: true });
    expect(fresh.prediction.explanation).toContain("Amazon → Office Supplies");
  });

  it("gets a new version when its conditions or actions change, not when it is renamed", async () => {
    const renamed = await categorize.updateRule(t.ctx, b.actor, b.slug, ruleId, { name: "Amazon purchases" });
    expect(renamed.version).toBe(1);
    const changed = await categorize.updateRule(t.ctx, b.actor, b.slug, ruleId, {
      actions: { account: b.account("6600"), payee: "Amazon" },
    });
    expect(changed).toMatchObject({ version: 2, name: "Amazon purchases" });
    const audit = await sql<{
      action: string;
    }>`select action from audit_events where subject_id = ${ruleId} order by id`.execute(t.ctx.db);
    expect(audit.rows.map((r) => r.action)).toEqual([
      "categorize.rule.created",
      "categorize.rule.applied",
      "categorize.rule.updated",
      "categorize.rule.updated",
    ]);
  });
});

describe("preview and apply to existing", () => {
  it("preview what the conditions match, and apply to the waiting ones only", async () => {
    const input = {
      match: "all" as const,
      conditions: [{ field: "description" as const, op: "contains" as const, value: "gusto" }],
      actions: { account: b.account("6910") },
    };
    const preview = await previewRule(t.ctx, b.actor, b.slug, input);
    expect(preview).toMatchObject({ matched: 1, applicable: 1 });
    expect(preview.lines[0]).toMatchObject({
      description: "GUSTO PAYROLL",
      accountId: b.account("6910"),
      wouldApply: true,
    });
    const rule = await categorize.createRule(t.ctx, b.actor, b.slug, input);
    expect(rule.name).toBe("description contains “gusto” → Payroll Expenses:Wages");
    const payroll = (await search("GUSTO"))[0]!;
    const result = await applyRule(t.ctx, b.actor, b.slug, rule.id);
    expect(result).toEqual({ applied: 1, posted: 0, reposted: 1 });
    const after = (await search("GUSTO"))[0]!;
    expect(after.coding.accountId).toBe(b.account("6910"));
    expect((await ledger.getEntry(t.ctx, b.actor, b.slug, payroll.entryId!)).status).toBe("reversed");
    // Applied twice, nothing changes.
    expect(after.status).toBe("processed");
    expect(await applyRule(t.ctx, b.actor, b.slug, rule.id)).toEqual({ applied: 0, posted: 0, reposted: 0 });
  });

  it("leaves reviewed transactions alone", async () => {
    const input = {
      match: "all" as const,
      conditions: [{ field: "description" as const, op: "contains" as const, value: "refund" }],
      actions: { account: b.account("4200") },
    };
    const refund = (await search("REFUND"))[0]!;
    const { reviewTransactions } = await import("./index.ts");
    await reviewTransactions(t.ctx, b.actor, b.slug, [refund.id]);
    const preview = await previewRule(t.ctx, b.actor, b.slug, input);
    expect(preview).toMatchObject({ matched: 1, applicable: 0 });
    expect(preview.lines[0]).toMatchObject({ status: "processed", wouldApply: false });
  });
});

describe("refusals", () => {
  const count = async () =>
    Number(
      (await sql<{ n: bigint }>`select count(*)::int8 as n from categorize_rules`.execute(t.ctx.db)).rows[0]!
        .n,
    );

  it("refuse a rule posting to an account that is not in the chart, changing nothing", async () => {
    const before = await count();
    const error = await errorOf(
      categorize.createRule(t.ctx, b.actor, b.slug, {
        match: "all",
        conditions: [{ field: "description", op: "contains", value: "x" }],
        actions: { account: "0190b5d4-0000-7000-8000-000000000000" },
      }),
    );
    expect(error).toMatchObject({
      code: "categorize/unknown-account",
      field: "actions.account",
      status: 400,
    });
    const split = await errorOf(
      categorize.createRule(t.ctx, b.actor, b.slug, {
        match: "all",
        conditions: [{ field: "description", op: "contains", value: "x" }],
        actions: {
          split: {
            by: "percent",
            parts: [
              { account: b.account("6400"), percent: "70" },
              { account: b.account("6600"), percent: "20" },
            ],
          },
        },
      }),
    );
    expect(split).toMatchObject({ code: "categorize/split-percent-not-100" });
    expect(await count()).toBe(before);
  });

  it("refuse a rule from a transaction without an account", async () => {
    // A client of another firm: nothing learned yet, and no default account to post to.
    const other = await bookkeepingClient(t.ctx, "other", "firm-b");
    await categorize.updateSettings(t.ctx, other.actor, other.slug, {
      lowConfidence: "hold",
      defaultExpenseAccountId: null,
    });
    await setAutomation(t.ctx, other.actor, other.slug, "checking", { mode: "auto_push", startDate: null });
    await importLines(
      other,
      [{ date: "2026-05-20", description: "MYSTERY VENDOR", amount: "-5.00" }],
      "checking",
      "mystery.csv",
    );
    const [mystery] = (await listTransactions(t.ctx, other.actor, other.slug, { tab: "all" })).transactions;
    expect(mystery).toMatchObject({ status: "held", posted: false, coding: { accountId: null } });
    const error = await errorOf(ruleFromTransaction(t.ctx, other.actor, other.slug, mystery!.id));
    expect(error.code).toBe("transactions/no-account");
    // And the first firm's people cannot see it at all.
    const hidden = await errorOf(ruleFromTransaction(t.ctx, b.actor, other.slug, mystery!.id));
    expect(hidden).toMatchObject({ code: "access/client-not-found", status: 404 });
  });
});
