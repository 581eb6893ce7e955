// The package settings form's model: ticking statements keeps the package's order, and a save
// sends only what the draft changed.
import { describe, expect, it } from "vitest";
import {
  draftOf,
  settingsPatch,
  toggleStatement,
} from "../../web/src/modules/reports/package-settings-model.ts";

const saved = {
  statements: ["balance-sheet", "profit-loss", "cash-flow"] as Array<
    "balance-sheet" | "profit-loss" | "cash-flow"
  >,
  trailingTwelve: false,
  priorYear: false,
  rounding: true,
  notes: "",
};

describe("package settings form", () => {
  it("keeps the package's order when statements are ticked in any order", () => {
    expect(toggleStatement(["cash-flow"], "balance-sheet", true)).toEqual(["balance-sheet", "cash-flow"]);
    expect(toggleStatement(saved.statements, "profit-loss", false)).toEqual(["balance-sheet", "cash-flow"]);
    expect(toggleStatement(["profit-loss"], "profit-loss", true)).toEqual(["profit-loss"]);
  });

  it("sends only the fields the draft changed", () => {
    expect(settingsPatch(saved, draftOf(saved))).toEqual({});
    const draft = { ...draftOf(saved), trailingTwelve: true, notes: "Rent rose." };
    draft.statements = toggleStatement(draft.statements, "cash-flow", false);
    expect(settingsPatch(saved, draft)).toEqual({
      statements: ["balance-sheet", "profit-loss"],
      trailingTwelve: true,
      notes: "Rent rose.",
    });
  });
});
