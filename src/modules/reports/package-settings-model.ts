// A client's monthly package settings — which statements, the trailing twelve months, prior-year
// columns, whole-dollar rounding, the preparer's notes — their defaults, how a change or a
// request's options apply to them, and the package's month. Pure.
import { validationError } from "../../platform/errors.ts";
import { isUnsafeText } from "../../platform/safe-text.ts";
import { TEXT_LIMITS } from "../../platform/text-limits.ts";
import { endOfMonth } from "../../platform/dates.ts";

export const PACKAGE_STATEMENTS = ["profit-loss", "balance-sheet", "cash-flow"] as const;
export type PackageStatement = (typeof PACKAGE_STATEMENTS)[number];

export interface PackageSettings {
  /** The statements in the package, in this order (at least one). */
  statements: PackageStatement[];
  /**
   * Also a profit and loss by month for the twelve months ending with the package's month (the
   * year to date by month is always in, with the profit and loss).
   */
  trailingTwelve: boolean;
  /** Prior-year columns beside the month and the year to date of the profit and loss. */
  priorYear: boolean;
  /** Whole dollars with the rounding shown; off prints cents. */
  rounding: boolean;
  /** The preparer's notes page (empty: no notes page). */
  notes: string;
}

export const DEFAULT_PACKAGE_SETTINGS: PackageSettings = {
  statements: ["balance-sheet", "profit-loss", "cash-flow"],
  trailingTwelve: false,
  priorYear: false,
  rounding: true,
  notes: "",
};

export type PackageSettingsPatch = Partial<PackageSettings>;

function checkStatements(list: readonly string[]): PackageStatement[] {
  const unknown = list.find((s) => !PACKAGE_STATEMENTS.includes(s as PackageStatement));
  if (unknown !== undefined)
    throw validationError(
      "reports/unknown-statement",
      `"${unknown}" is not a statement of the package (${PACKAGE_STATEMENTS.join(", ")})`,
      { field: "statements" },
    );
  const unique = [...new Set(list)] as PackageStatement[];
  if (unique.length === 0)
    throw validationError("reports/no-statement", "a package holds at least one statement", {
      field: "statements",
    });
  return unique;
}

function checkNotes(notes: string): string {
  if (notes.length > TEXT_LIMITS.note)
    throw validationError(
      "reports/notes-too-long",
      `the notes are longer than ${TEXT_LIMITS.note} characters`,
      {
        field: "notes",
      },
    );
  if (isUnsafeText(notes))
    throw validationError("reports/unsafe-text", "the notes hold a character that cannot be stored", {
      field: "notes",
    });
  return notes;
}

/** The settings with a change (or a request's options) applied; refuses bad values whole. */
export function applyPackageSettings(base: PackageSettings, patch: PackageSettingsPatch): PackageSettings {
  return {
    statements: patch.statements === undefined ? base.statements : checkStatements(patch.statements),
    trailingTwelve: patch.trailingTwelve ?? base.trailingTwelve,
    priorYear: patch.priorYear ?? base.priorYear,
    rounding: patch.rounding ?? base.rounding,
    notes: patch.notes === undefined ? base.notes : checkNotes(patch.notes),
  };
}

export interface PackageMonth {
  /** "2026-03" */
  month: string;
  from: string;
  to: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** "2026-03" → the month's first and last day; anything else is refused. */
export function packageMonth(text: string): PackageMonth {
  const m = MONTH.exec(text);
  if (!m || m[1] === "0000")
    throw validationError(
      "reports/invalid-month",
      `"${text}" is not a month (expected YYYY-MM, e.g. 2026-03)`,
      {
        field: "month",
      },
    );
  const from = `${text}-01`;
  return { month: text, from, to: endOfMonth(from) };
}
