// AI settings as values: the defaults a client starts with, the checks every change passes, the
// "last updated by" stamp only on what really changed, and the default taxonomy of the default chart.
import { describe, expect, it } from "vitest";
import { AppError } from "../../platform/errors.ts";
import { US_SMALL_BUSINESS_CHART } from "../ledger/index.ts";
import {
  applySettingsPatch,
  categoriesOf,
  DEFAULT_CHART_CATEGORIES,
  defaultSettings,
  isCategory,
  type ChartAccount,
  type PatchContext,
} from "./settings-model.ts";

const chart: ChartAccount[] = US_SMALL_BUSINESS_CHART.map((a) => ({
  id: `id-${a.number}`,
  number: a.number,
  name: a.name,
  fullName: a.name,
  type: a.type,
  isActive: true,
}));
const context: PatchContext = { chart, contactIds: new Set(["vendor-1"]), userIds: new Set(["user-1"]) };
const who = { id: "user-1", name: "Pat Partner" };

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return `${error.code} ${error.field ?? ""}`.trim();
    throw error;
  }
  throw new Error("expected an error");
}

describe("default AI settings", () => {
  it("start with the product's bands, the uncategorized accounts as defaults, and Ask My Accountant out of training", () => {
    const s = defaultSettings(chart);
    expect(s.bands).toEqual({ high: 9800, medium: 9000 });
    expect(s.lowConfidence).toBe("post_default");
    expect(s.defaultExpenseAccountId).toBe("id-6990");
    expect(s.defaultIncomeAccountId).toBe("id-7990");
    expect(s.excludedAccountIds.sort()).toEqual(["id-6990", "id-7990", "id-8200"]);
    expect(s.materiality).toBeNull();
    expect(s.updated).toEqual({});
  });
});

describe("changing AI settings", () => {
  const base = defaultSettings(chart);

  it("stamps who changed each setting that really changed, and nothing else", () => {
    const { settings, changed } = applySettingsPatch(
      base,
      { materiality: 250_000n, bands: base.bands, lowConfidence: "hold" },
      who,
      "2026-06-15T12:00:00.000Z",
      context,
    );
    expect(changed.sort()).toEqual(["lowConfidence", "materiality"]);
    expect(settings.updated.materiality).toEqual({
      by: "user-1",
      name: "Pat Partner",
      at: "2026-06-15T12:00:00.000Z",
    });
    expect(settings.updated.bands).toBeUndefined();
    expect(applySettingsPatch(settings, { materiality: 250_000n }, who, "later", context).changed).toEqual(
      [],
    );
    // The same accounts in another order are no change either.
    const reordered = [...base.excludedAccountIds].reverse();
    expect(
      applySettingsPatch(base, { excludedAccountIds: reordered }, who, "later", context).changed,
    ).toEqual([]);
  });

  it("refuses what cannot work, naming the setting", () => {
    const patch = (p: Parameters<typeof applySettingsPatch>[1]) => () =>
      applySettingsPatch(base, p, who, "now", context);
    expect(codeOf(patch({ trainingWindow: { from: "2026-05-01", to: "2026-01-01" } }))).toBe(
      "categorize/empty-window trainingWindow",
    );
    expect(codeOf(patch({ trainingWindow: { from: "2026-13-01", to: null } }))).toBe(
      "categorize/bad-date trainingWindow.from",
    );
    expect(codeOf(patch({ bands: { high: 9000, medium: 9500 } }))).toBe("categorize/bad-band bands.medium");
    expect(codeOf(patch({ bands: { high: 10001, medium: 9000 } }))).toBe("categorize/bad-band bands");
    expect(codeOf(patch({ materiality: 0n }))).toBe("categorize/bad-materiality materiality");
    expect(codeOf(patch({ excludedAccountIds: ["id-6500", "nope"] }))).toBe(
      "categorize/unknown-account excludedAccountIds[1]",
    );
    expect(codeOf(patch({ defaultExpenseAccountId: "id-4000" }))).toBe(
      "categorize/wrong-account-type defaultExpenseAccountId",
    );
    expect(codeOf(patch({ defaultPayeeContactId: "someone" }))).toBe(
      "categorize/unknown-contact defaultPayeeContactId",
    );
    expect(codeOf(patch({ defaultAssigneeId: "stranger" }))).toBe(
      "categorize/unknown-user defaultAssigneeId",
    );
  });

  it("accepts an inactive account in the exclusions but not as a default", () => {
    const inactive = {
      ...context,
      chart: chart.map((a) => (a.number === "6990" ? { ...a, isActive: false } : a)),
    };
    expect(() =>
      applySettingsPatch(base, { excludedAccountIds: ["id-6990"] }, who, "now", inactive),
    ).not.toThrow();
    expect(
      codeOf(() => applySettingsPatch(base, { defaultExpenseAccountId: "id-6990" }, who, "now", inactive)),
    ).toBe("categorize/unknown-account defaultExpenseAccountId");
  });
});

describe("the default chart in the standard taxonomy", () => {
  it("maps only to known categories", () => {
    for (const { category } of Object.values(DEFAULT_CHART_CATEGORIES))
      expect(isCategory(category)).toBe(true);
  });

  it("maps an account by number and name unless someone set it, and not a renamed one", () => {
    const renamed = chart.map((a) => (a.number === "6400" ? { ...a, name: "Stationery" } : a));
    const mapped = categoriesOf(
      renamed,
      new Map([
        ["id-6350", "meals.staff"],
        ["id-6500", null],
      ]),
    );
    expect(mapped.get("id-6100")).toEqual({ category: "auto.fuel", source: "default" });
    expect(mapped.get("id-6350")).toEqual({ category: "meals.staff", source: "set" });
    expect(mapped.get("id-6500")).toEqual({ category: null, source: "set" });
    expect(mapped.get("id-6400")).toEqual({ category: null, source: "none" });
  });
});
