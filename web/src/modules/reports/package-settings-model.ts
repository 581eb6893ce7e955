// The package settings form as data: the statements offered (in the package's order), and the
// change a draft makes to the saved settings (only what differs, so a save says what changed).
// Pure: tested in test/web/reports-package-settings.test.ts.
import type { PackageSettings, PackageSettingsPatch, PackageStatement } from "../../api/reports.ts";

export const STATEMENT_CHOICES: ReadonlyArray<{ value: PackageStatement; label: string }> = [
  { value: "balance-sheet", label: "Balance sheet (month end, prior month, change)" },
  { value: "profit-loss", label: "Profit and loss (month and year to date, and the year by month)" },
  { value: "cash-flow", label: "Statement of cash flows" },
];

export type SettingsDraft = Pick<
  PackageSettings,
  "statements" | "trailingTwelve" | "priorYear" | "rounding" | "notes"
>;

export function draftOf(s: SettingsDraft): SettingsDraft {
  return {
    statements: [...s.statements],
    trailingTwelve: s.trailingTwelve,
    priorYear: s.priorYear,
    rounding: s.rounding,
    notes: s.notes,
  };
}

/** The ticked statements in the package's order (balance sheet, profit and loss, cash flows). */
export function inPackageOrder(values: readonly string[]): PackageStatement[] {
  const ticked = new Set(values);
  return STATEMENT_CHOICES.map((c) => c.value).filter((v) => ticked.has(v));
}

/** Ticking or unticking one statement keeps the package's order. */
export function toggleStatement(list: readonly PackageStatement[], which: PackageStatement, on: boolean) {
  return inPackageOrder(on ? [...list, which] : list.filter((s) => s !== which));
}

/** The fields of `draft` that differ from `saved`; empty when nothing changed. */
export function settingsPatch(saved: SettingsDraft, draft: SettingsDraft): PackageSettingsPatch {
  const patch: PackageSettingsPatch = {};
  const sameList =
    saved.statements.length === draft.statements.length &&
    saved.statements.every((s, i) => draft.statements[i] === s);
  if (!sameList) patch.statements = [...draft.statements];
  if (saved.trailingTwelve !== draft.trailingTwelve) patch.trailingTwelve = draft.trailingTwelve;
  if (saved.priorYear !== draft.priorYear) patch.priorYear = draft.priorYear;
  if (saved.rounding !== draft.rounding) patch.rounding = draft.rounding;
  if (saved.notes !== draft.notes) patch.notes = draft.notes;
  return patch;
}
