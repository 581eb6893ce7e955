// The whole categorizer on a small synthetic firm: two clients with different charts mapped to the
// standard taxonomy, a third client with no history, rules, corrections, saving and loading.
import { describe, expect, it } from "vitest";
import { AppError } from "../../../platform/errors.ts";
import { buildContactIndex } from "./contacts.ts";
import { learn } from "./learn.ts";
import { predict, type PredictContext } from "./predict.ts";
import { makeRng } from "../../../platform/rng.ts";
import type { Rule } from "./rules.ts";
import { decodeModel, encodeModel } from "./state.ts";
import { mappingFromTable } from "./taxonomy.ts";
import { retrainClient, train } from "./train.ts";
import type { PostedLine } from "./types.ts";

const mapping = mappingFromTable({
  alpha: {
    "6100 Fuel": "auto.fuel",
    "6200 Meals": "meals.business",
    "6300 Office": "office.supplies",
    "6900 AMA": "uncategorized",
  },
  beta: { "Auto:Gas": "auto.fuel", Food: "meals.business", Supplies: "office.supplies" },
  gamma: { "Car fuel": "auto.fuel", Restaurants: "meals.business", Stationery: "office.supplies" },
});

const merchants: Array<[string, string, number]> = [
  ["SHELL OIL", "auto.fuel", 4000],
  ["CHEVRON", "auto.fuel", 3500],
  ["BP", "auto.fuel", 5000],
  ["STARBUCKS", "meals.business", 600],
  ["CHIPOTLE", "meals.business", 1300],
  ["PANERA BREAD", "meals.business", 1500],
  ["STAPLES", "office.supplies", 2500],
  ["OFFICE DEPOT", "office.supplies", 4500],
];

const accountOf: Record<string, Record<string, string>> = {
  alpha: { "auto.fuel": "6100 Fuel", "meals.business": "6200 Meals", "office.supplies": "6300 Office" },
  beta: { "auto.fuel": "Auto:Gas", "meals.business": "Food", "office.supplies": "Supplies" },
};

function history(): PostedLine[] {
  const rng = makeRng(5);
  const lines: PostedLine[] = [];
  for (const [clientId, count] of [
    ["alpha", 400],
    ["beta", 300],
  ] as const) {
    for (let i = 0; i < count; i++) {
      const [name, category, cents] = merchants[Math.floor(rng() * merchants.length)]!;
      const day = 1 + Math.floor((i / count) * 180);
      // Habits change: from May, alpha codes Office Depot to meals (client lunches on the card).
      const changed = clientId === "alpha" && name === "OFFICE DEPOT" && day > 120;
      const date = new Date(Date.UTC(2024, 0, day)).toISOString().slice(0, 10);
      lines.push({
        id: `${clientId}-${i}`,
        clientId,
        date,
        description: `POS DEBIT ${name} #${1000 + Math.floor(rng() * 9000)}`,
        amount: -BigInt(Math.round(cents * (0.8 + 0.4 * rng()))),
        coding: {
          account: accountOf[clientId]![changed ? "meals.business" : category]!,
          payee: name === "BP" ? "BP" : undefined,
          classId: clientId === "alpha" ? "east" : undefined,
        },
      });
    }
  }
  return lines;
}

const ctx: PredictContext = { mapping };
const now = "2024-07-01T00:00:00Z";
const bankLine = (clientId: string, description: string, amount = -2000n, id = "new") => ({
  id,
  clientId,
  date: "2024-07-02",
  description,
  amount,
});

describe("categorizer", () => {
  const model = train(history(), { mapping, now, options: { minClientRows: 350, minCalibrationRows: 100 } });

  it("trains client models only for clients with enough lines", () => {
    expect(Object.keys(model.clientModels)).toEqual(["alpha"]);
    expect(model.globalModel?.model.classes).toEqual(["auto.fuel", "meals.business", "office.supplies"]);
    expect(model.heldOut.lines).toBeGreaterThan(100);
  });

  it("predicts from memory with an explanation and a high confidence", () => {
    const p = predict(model, bankLine("alpha", "POS DEBIT SHELL OIL #4242"), ctx);
    expect(p.account).toBe("6100 Fuel");
    expect(p.method).toBe("memory");
    expect(p.confidence).toBeGreaterThan(0.9);
    expect(p.explanation).toMatch(/earlier lines? from “Shell”/);
    expect(p.reason.memory?.support).toBeGreaterThan(10);
    expect(p.modelVersion).toMatch(/^memory@1\./);
  });

  it("maps the firm model's categories to a new client's own chart", () => {
    const p = predict(model, bankLine("gamma", "CHEVRON 0042 HOUSTON TX"), ctx);
    expect(p.account).toBe("Car fuel");
    expect(p.method).toBe("global_model");
    expect(p.modelVersion).toBe("global-v1");
    expect(p.explanation).toContain("Across the firm's clients");
  });

  it("never predicts outside the client's chart when the chart is given", () => {
    const p = predict(model, bankLine("alpha", "STAPLES 0099"), {
      ...ctx,
      validAccounts: new Set(["6200 Meals", "6100 Fuel"]),
    });
    expect(["6200 Meals", "6100 Fuel"]).toContain(p.account);
  });

  it("falls back to the default account when nothing applies", () => {
    const p = predict(model, bankLine("delta", "SOMETHING NEW"), { ...ctx, defaultAccount: "Uncategorized" });
    expect(p).toMatchObject({ account: "Uncategorized", method: "default", confidence: 0 });
  });

  it("lets rules win, with certainty", () => {
    const rule: Rule = {
      id: "r-shell",
      name: "Shell is travel",
      scope: "client",
      clientId: "alpha",
      match: "all",
      conditions: [{ field: "payee", op: "equals", value: "shell" }],
      actions: { account: "6300 Office", memo: "per policy" },
      version: 2,
    };
    const p = predict(model, bankLine("alpha", "SHELL OIL 1"), { ...ctx, rules: [rule] });
    expect(p).toMatchObject({
      account: "6300 Office",
      method: "rule",
      modelVersion: "rule:r-shell@2",
      confidence: 1,
      memo: "per policy",
    });
    expect(p.explanation).toContain("Shell is travel");
  });

  it("predicts payee (resolved to contacts) and class when tracked", () => {
    const contacts = buildContactIndex([{ id: "k1", name: "Starbucks Coffee" }]);
    const p = predict(model, bankLine("alpha", "STARBUCKS STORE #9876"), {
      ...ctx,
      contacts,
      tracksClasses: true,
    });
    expect(p.payee).toEqual({ name: "Starbucks Coffee", contactId: "k1", isNew: false });
    expect(p.classId).toBe("east");
    const q = predict(model, bankLine("beta", "PANERA BREAD #1"), { ...ctx, contacts });
    expect(q.payee).toMatchObject({ name: "Panera Bread", isNew: true });
  });

  it("follows a changed habit in recent history", () => {
    expect(predict(model, bankLine("alpha", "OFFICE DEPOT 0001"), ctx).account).toBe("6200 Meals");
    expect(predict(model, bankLine("beta", "OFFICE DEPOT 0001"), ctx).account).toBe("Supplies");
  });

  it("learns a correction at once and marks the client model stale", () => {
    const m = decodeModel(encodeModel(model));
    const line = bankLine("alpha", "POS DEBIT CHIPOTLE #555");
    expect(predict(m, line, ctx).account).toBe("6200 Meals");
    // One correction is noted; the second in a row makes the next line follow (FOLLOW_RUN).
    learn(m, { ...line, id: "fix1", date: "2024-07-01", coding: { account: "6300 Office" } }, { mapping });
    expect(predict(m, line, ctx).reason.alternatives.map((a) => a.account)).toContain("6300 Office");
    const result = learn(
      m,
      { ...line, id: "fix2", date: "2024-07-02", coding: { account: "6300 Office" } },
      { mapping },
    );
    expect(result).toEqual({ learned: true, pendingForClientModel: 2 });
    const after = predict(m, line, ctx);
    expect(after.account).toBe("6300 Office");
    expect(after.method).toBe("memory");
    expect(m.stale.alpha).toBe(2);
    retrainClient(m, "alpha", history(), "r1");
    expect(m.stale.alpha).toBeUndefined();
    expect(m.clientModels.alpha?.version).toBe("client-v1.r1");
  });

  it("counts a corrected line once", () => {
    const m = decodeModel(encodeModel(model));
    const line = { ...bankLine("beta", "NEW VENDOR LLC"), coding: { account: "Food" } };
    learn(m, line, { mapping });
    learn(m, { ...line, coding: { account: "Supplies" } }, { mapping, previous: { account: "Food" } });
    const p = predict(m, line, ctx);
    expect(p.account).toBe("Supplies");
    expect(p.reason.memory).toMatchObject({ votes: 1, support: 1 });
    // A payee seen once for this client never posts without review (bandGuard).
    expect(p.confidence).toBeLessThan(0.98);
  });

  it("does not learn excluded accounts", () => {
    const m = train(history(), { mapping, now, options: { excludedAccounts: ["6900 AMA"] } });
    const result = learn(
      m,
      { ...bankLine("alpha", "MYSTERY"), coding: { account: "6900 AMA" } },
      { mapping },
    );
    expect(result).toMatchObject({ learned: false, skipped: "excluded-account" });
  });

  it("saves and loads without changing a prediction", () => {
    const copy = decodeModel(encodeModel(model));
    for (const description of ["SHELL OIL 1", "OFFICE DEPOT 4", "UNKNOWN PLACE"]) {
      expect(predict(copy, bankLine("beta", description), ctx)).toEqual(
        predict(model, bankLine("beta", description), ctx),
      );
    }
  });

  it("still predicts with a model saved before the newest evidence existed", () => {
    // Older saved models have fewer combiner and confidence weights (recent use of accounts, amount
    // statistics came later): the missing ones count as 0 instead of turning scores into NaN.
    const old = decodeModel(encodeModel(model));
    old.combiner.weights = old.combiner.weights.slice(0, 20);
    old.confidence.weights = old.confidence.weights.slice(0, 24);
    old.confidence.folds = old.confidence.folds?.map((w) => w.slice(0, 24));
    for (const t of Object.values(old.memory.tallies)) delete t.amounts;
    const p = predict(old, bankLine("alpha", "POS DEBIT SHELL OIL #4242"), ctx);
    expect(p.account).toBe("6100 Fuel");
    expect(Number.isFinite(p.confidence)).toBe(true);
    expect(p.confidence).toBeGreaterThan(0.5);
  });

  it("says clearly when the training window is empty", () => {
    let error: unknown;
    try {
      train(history(), { mapping, now, options: { trainingWindow: { from: "2030-01-01" } } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("categorize/empty-training-window");
    expect((error as AppError).detail).toContain("2030-01-01");
    expect(() => train([], { mapping, now })).toThrow(/no labelled transactions/);
  });

  it("rejects bad options", () => {
    expect(() =>
      train(history(), {
        mapping,
        now,
        options: { trainingWindow: { from: "2024-05-01", to: "2024-01-01" } },
      }),
    ).toThrow(/ends before it starts/);
  });
});
