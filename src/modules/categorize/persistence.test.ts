// Categorization persisted, on a real database: AI settings with "last updated by" and their audit
// trail, the taxonomy mapping, training (firm-wide and per client) stored as versions, the refusal
// of an empty training window that changes nothing, and memory written at once by corrections.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { AppError } from "../../platform/errors.ts";
import { systemActor, type Actor } from "../../platform/actor.ts";
import { bookkeepingClient, postHistory, type BooksFixture } from "../../../test/support/books.ts";
import { trainingHistory } from "../transactions/index.ts";
import * as categorize from "./index.ts";

let t: TestDb;
let b: BooksFixture;

beforeAll(async () => {
  t = await testDb();
  b = await bookkeepingClient(t.ctx);
});
afterAll(async () => {
  await t?.close();
});

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

const count = async (table: string) =>
  Number(
    (await sql<{ n: bigint }>`select count(*)::int8 as n from ${sql.table(table)}`.execute(t.ctx.db)).rows[0]!
      .n,
  );

describe("AI settings", () => {
  it("start from the defaults of the client's chart, with nobody's stamp", async () => {
    const view = await categorize.getSettings(t.ctx, b.actor, b.slug);
    expect(view.lastUpdated).toBeNull();
    expect(view.settings.defaultExpenseAccountId).toBe(b.account("6990"));
    expect(view.settings.excludedAccountIds).toContain(b.account("8200"));
    expect(view.currency).toBe("USD");
  });

  it("record who changed which setting, in the audit trail too", async () => {
    const pat: Actor = { ...b.actor, id: "user-pat", displayName: "Pat Partner" };
    const view = await categorize.updateSettings(t.ctx, pat, b.slug, {
      materiality: "2500.00",
      bands: { high: "97.5", medium: "85" },
      trainingWindow: { from: "2025-01-01", to: null },
    });
    expect(view.settings).toMatchObject({ materiality: 250_000n, bands: { high: 9750, medium: 8500 } });
    expect(view.settings.updated.materiality).toMatchObject({ by: "user-pat", name: "Pat Partner" });
    expect(view.settings.updated.lowConfidence).toBeUndefined();
    expect(view.lastUpdated).toMatchObject({ by: "user-pat", name: "Pat Partner" });
    const audit = await sql<{ before: Record<string, unknown>; after: Record<string, unknown> }>`
      select before, after from audit_events where action = 'categorize.settings.updated'`.execute(t.ctx.db);
    expect(audit.rows).toHaveLength(1);
    expect(Object.keys(audit.rows[0]!.after).sort()).toEqual(["bands", "materiality", "trainingWindow"]);
    expect(audit.rows[0]!.before.materiality).toBeNull();
  });

  it("refuse a bad change and keep what was there", async () => {
    const before = await categorize.getSettings(t.ctx, b.actor, b.slug);
    const error = await errorOf(
      categorize.updateSettings(t.ctx, b.actor, b.slug, {
        materiality: "1.00",
        defaultExpenseAccountId: b.account("4000"),
      }),
    );
    expect(error).toMatchObject({ code: "categorize/wrong-account-type", field: "defaultExpenseAccountId" });
    expect(await categorize.getSettings(t.ctx, b.actor, b.slug)).toEqual(before);
  });

  it("map accounts to the standard taxonomy, editable, back to the default on request", async () => {
    const before = await categorize.accountCategories(t.ctx, b.actor, b.slug);
    expect(before.accounts.find((a) => a.accountId === b.account("6350"))).toMatchObject({
      category: "meals.business",
      source: "default",
    });
    const set = await categorize.setAccountCategory(t.ctx, b.actor, b.slug, b.account("6350"), "meals.staff");
    expect(set).toMatchObject({ category: "meals.staff", source: "set" });
    expect(
      await errorOf(categorize.setAccountCategory(t.ctx, b.actor, b.slug, b.account("6350"), "food.nope")),
    ).toMatchObject({
      code: "categorize/unknown-category",
    });
    const back = await categorize.setAccountCategory(t.ctx, b.actor, b.slug, b.account("6350"), "default");
    expect(back).toMatchObject({ category: "meals.business", source: "default" });
  });
});

describe("training", () => {
  it("refuses an empty training window with a clear error, storing nothing", async () => {
    await categorize.updateSettings(t.ctx, b.actor, b.slug, {
      trainingWindow: { from: "2030-01-01", to: null },
    });
    const models = await count("categorize_models");
    const error = await errorOf(categorize.trainClient(t.ctx, b.actor, b.slug, trainingHistory));
    expect(error).toMatchObject({
      code: "categorize/empty-training-window",
      field: "trainingWindow",
      status: 400,
    });
    expect(error.detail).toContain("between 2030-01-01 and today");
    expect(await errorOf(categorize.trainFirm(t.ctx, b.actor, trainingHistory))).toMatchObject({
      code: "categorize/empty-training-window",
    });
    expect(
      await errorOf(categorize.queueTraining(t.ctx, b.actor, b.slug, "client", trainingHistory)),
    ).toMatchObject({
      code: "categorize/empty-training-window",
    });
    expect(await count("categorize_models")).toBe(models);
    expect(await count("job_queue")).toBe(0);
    await categorize.updateSettings(t.ctx, b.actor, b.slug, { trainingWindow: { from: null, to: null } });
  });

  it("trains the firm: a firm-wide part and the client's model, stored as current versions with the memory", async () => {
    await postHistory(b, "2026-02-28", 40);
    const report = await categorize.trainFirm(t.ctx, b.actor, trainingHistory);
    expect(report).toMatchObject({ scope: "firm", generation: 1 });
    expect(report.clientModels).toEqual([{ clientId: b.clientId, version: "client-v1", rows: report.lines }]);
    const status = await categorize.learningStatus(t.ctx, b.actor, b.slug);
    expect(status.models.map((m) => [m.scope, m.version, m.isCurrent])).toEqual(
      expect.arrayContaining([
        ["firm", "global-v1", true],
        ["client", "client-v1", true],
      ]),
    );
    expect(status.memory.clientTallies).toBeGreaterThan(8);
    expect(status.memory.firmTallies).toBeGreaterThan(8);
    // Ask My Accountant and the uncategorized accounts never teach.
    const bot = await categorize.openBot(t.ctx, b.actor, b.slug, []);
    expect(bot.model.options.excludedAccounts).toContain(b.account("8200"));
  });

  it("keeps earlier versions when it trains again", async () => {
    const report = await categorize.trainFirm(t.ctx, b.actor, trainingHistory);
    expect(report.generation).toBe(2);
    const status = await categorize.learningStatus(t.ctx, b.actor, b.slug);
    expect(status.models.filter((m) => m.scope === "firm").map((m) => [m.version, m.isCurrent])).toEqual([
      ["global-v2", true],
      ["global-v1", false],
    ]);
  });

  it("retrains one client, and says when a client has too few lines for a model of its own", async () => {
    const report = await categorize.trainClient(t.ctx, b.actor, b.slug, trainingHistory);
    expect(report.clientModels[0]?.version).toBe("client-v2.1");
    await categorize.updateSettings(t.ctx, b.actor, b.slug, {
      trainingWindow: { from: "2026-02-01", to: null },
    });
    const thin = await categorize.trainClient(t.ctx, b.actor, b.slug, trainingHistory);
    expect(thin.clientModels).toEqual([]);
    expect(thin.note).toMatch(/needs 50 labelled transactions/);
    const status = await categorize.learningStatus(t.ctx, b.actor, b.slug);
    expect(status.models.some((m) => m.scope === "client" && m.isCurrent)).toBe(false);
    await categorize.updateSettings(t.ctx, b.actor, b.slug, { trainingWindow: { from: null, to: null } });
  });

  it("lets only the firm's own people train the firm-wide model", async () => {
    const clientAdmin: Actor = {
      ...systemActor(b.firmId),
      type: "user",
      id: "ca",
      role: "client_admin",
      clients: [b.clientId],
    };
    expect(await errorOf(categorize.trainFirm(t.ctx, clientAdmin, trainingHistory))).toMatchObject({
      code: "categorize/firm-training",
      status: 403,
    });
  });
});

describe("memory", () => {
  it("is written at once by learning, tally by tally", async () => {
    const line = {
      id: "x1",
      clientId: b.clientId,
      date: "2026-06-01",
      description: "NEW PLACE DINER #77",
      amount: -2_000n,
      currency: "USD",
    };
    const before = await count("categorize_memory");
    const outcome = await categorize.learnCodings(t.ctx, b.actor, b, [
      { line, coding: { account: b.account("6350"), payee: "New Place Diner" }, correction: true },
    ]);
    expect(outcome).toMatchObject({ learned: [true], trainingQueued: true });
    expect(await count("categorize_memory")).toBeGreaterThan(before);
    const bot = await categorize.openBot(t.ctx, b.actor, b.slug, [line]);
    const p = bot.predict({ ...line, id: "x2", date: "2026-06-02" });
    expect(p.payee?.name).toBe("New Place Diner");
    expect(p.reason.alternatives.map((a) => a.account)).toContain(b.account("6350"));
  });

  it("never codes a line to the account its own bank account is linked to", async () => {
    // The card's payment seen from the card: coded to checking. From checking, checking is no answer.
    const line = {
      id: "x3",
      clientId: b.clientId,
      date: "2026-06-03",
      description: "SUMMIT CARD AUTOPAY",
      amount: -50_000n,
      currency: "USD",
    };
    await categorize.learnCodings(t.ctx, b.actor, b, [
      { line, coding: { account: b.account("1010") }, correction: false },
    ]);
    const bot = await categorize.openBot(t.ctx, b.actor, b.slug, [line]);
    expect(bot.predict({ ...line, id: "x4" }, b.account("2100")).account).toBe(b.account("1010"));
    expect(bot.predict({ ...line, id: "x5" }, b.account("1010")).account).not.toBe(b.account("1010"));
  });
});
