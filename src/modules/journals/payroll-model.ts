// Payroll journal entries from a payroll register: a mapping says which column holds what (several
// columns may add up to one role, as ADP's separate tax columns do), each employee row must
// balance (gross − withholdings + reimbursements = net pay), and every pay date gets one balanced
// entry: wages (by department when the file has one), employer taxes, benefits and reimbursements
// as expenses; withholdings and employer taxes owed as payroll liabilities; benefits payable; and
// the net pay leaving the bank. Pure: the file is already a grid of text cells (payroll-read.ts).
import { ruleViolation, validationError } from "../../platform/errors.ts";
import { formatMinor, parseDecimal } from "../../platform/money.ts";
import type { Grid } from "./payroll-read.ts";

export const PAYROLL_ROLES = [
  "pay_date",
  "gross_wages",
  "employer_taxes",
  "employee_withholdings",
  "benefits",
  "reimbursements",
  "net_pay",
  "department",
  "employee",
] as const;
export type PayrollRole = (typeof PAYROLL_ROLES)[number];
export const REQUIRED_ROLES: readonly PayrollRole[] = [
  "pay_date",
  "gross_wages",
  "employee_withholdings",
  "net_pay",
];

/** Ledger accounts by what they take; optional ones are needed only when their column is mapped. */
export interface PayrollAccounts {
  wages: string;
  employerTaxes?: string | undefined;
  benefits?: string | undefined;
  reimbursements?: string | undefined;
  /** Withholdings and employer taxes owed to the agencies. */
  liabilities: string;
  /** Benefits owed to the carriers; the payroll liabilities account when not named. */
  benefitsPayable?: string | undefined;
  /** The bank account the net pay leaves from. */
  bank: string;
}

export interface PayrollMapping {
  /** Column header (as in the file, compared without case or surrounding spaces) → role. */
  columns: Record<string, PayrollRole>;
  accounts: PayrollAccounts;
  /** Wages of a department to their own expense account (by department name as in the file). */
  departmentAccounts?: Record<string, string> | undefined;
}

type Amounts = Record<
  "gross" | "employerTaxes" | "withholdings" | "benefits" | "reimbursements" | "net",
  bigint
>;
const AMOUNT_OF_ROLE: Partial<Record<PayrollRole, keyof Amounts>> = {
  gross_wages: "gross",
  employer_taxes: "employerTaxes",
  employee_withholdings: "withholdings",
  benefits: "benefits",
  reimbursements: "reimbursements",
  net_pay: "net",
};
const zero = (): Amounts => ({
  gross: 0n,
  employerTaxes: 0n,
  withholdings: 0n,
  benefits: 0n,
  reimbursements: 0n,
  net: 0n,
});

export interface RegisterRow extends Amounts {
  /** Line of the file (1-based), for messages. */
  line: number;
  payDate: string;
  employee: string | null;
  department: string | null;
}

export interface PlannedLine {
  accountId: string;
  /** Signed minor units: debit positive. */
  amount: bigint;
  memo: string;
  department: string | null;
}

export interface PlannedEntry {
  payDate: string;
  rows: number;
  totals: Amounts;
  lines: PlannedLine[];
}

const norm = (header: string) => header.trim().toLowerCase().replace(/\s+/g, " ");

/** The accounts a mapping needs but does not name (e.g. a benefits column without a benefits account). */
export function missingAccounts(m: PayrollMapping): string[] {
  const roles = new Set(Object.values(m.columns));
  const needs: Array<[PayrollRole, keyof PayrollAccounts]> = [
    ["employer_taxes", "employerTaxes"],
    ["benefits", "benefits"],
    ["reimbursements", "reimbursements"],
  ];
  return needs.filter(([role, account]) => roles.has(role) && !m.accounts[account]).map(([, a]) => a);
}

/** Roles every mapping must give a column. */
export function missingRoles(columns: Record<string, PayrollRole>): PayrollRole[] {
  const roles = new Set(Object.values(columns));
  return REQUIRED_ROLES.filter((r) => !roles.has(r));
}

/**
 * Finds the header row (registers often open with title lines): the first of the first 30 rows
 * holding every mapped header. When none holds them all, refuses naming the mapped headers the
 * best row lacks; when no row holds any, says the headers were not found at all.
 */
export function headerRow(grid: Grid, columns: Record<string, PayrollRole>): { at: number; index: number[] } {
  const wanted = Object.keys(columns);
  let best = { at: -1, found: 0 };
  for (let at = 0; at < Math.min(grid.length, 30); at++) {
    const cells = grid[at]!.map(norm);
    const found = wanted.filter((h) => cells.includes(norm(h))).length;
    if (found === wanted.length) return { at, index: wanted.map((h) => cells.indexOf(norm(h))) };
    if (found > best.found) best = { at, found };
  }
  if (best.at < 0)
    throw ruleViolation(
      "journals/payroll-headers-not-found",
      `none of the first ${Math.min(grid.length, 30)} rows of the file has the column headers the mapping names (${wanted.join(", ")}); is this the right file and provider?`,
      { field: "file" },
    );
  const cells = grid[best.at]!.map(norm);
  const missing = wanted.filter((h) => !cells.includes(norm(h)));
  throw ruleViolation(
    "journals/payroll-column-missing",
    `the file has no column ${missing.map((h) => `"${h}"`).join(", ")} (header row ${best.at + 1}); map the columns the file has`,
    { field: "columns", line: best.at + 1, extra: { columns: missing } },
  );
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** YYYY-MM-DD, MM/DD/YYYY, M/D/YY or 13-Mar-2026 as YYYY-MM-DD; null when it is not a date. */
export function payDateOf(text: string): string | null {
  let y: number, m: number, d: number;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text)))
    [y, m, d] = match.slice(1).map(Number) as [number, number, number];
  else if ((match = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(text))) {
    [m, d, y] = match.slice(1).map(Number) as [number, number, number];
    if (y < 100) y += 2000;
  } else if ((match = /^(\d{1,2})[- ]([A-Za-z]{3})[- ](\d{4})$/.exec(text))) {
    d = Number(match[1]);
    m = MONTHS.indexOf(match[2]!.toLowerCase()) + 1;
    y = Number(match[3]);
  } else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** "$1,234.56", "(12.00)", "12.00-", "" (zero) as minor units; null when it is not an amount. */
export function amountOf(text: string, scale: number): bigint | null {
  let t = text.replace(/[$\s,]/g, "");
  if (t === "" || t === "-") return 0n;
  let negative = false;
  if (/^\(.*\)$/.test(t)) [negative, t] = [true, t.slice(1, -1)];
  else if (t.endsWith("-")) [negative, t] = [true, t.slice(0, -1)];
  try {
    const v = parseDecimal(t, scale);
    return negative ? -v : v;
  } catch {
    return null;
  }
}

/** Reads the register's employee rows; title, blank and total rows are skipped. */
export function readRegister(grid: Grid, columns: Record<string, PayrollRole>, scale: number): RegisterRow[] {
  const missing = missingRoles(columns);
  if (missing.length > 0)
    throw ruleViolation(
      "journals/payroll-column-missing",
      `the mapping gives no column for ${missing.join(", ")}`,
      { field: "columns", extra: { roles: missing } },
    );
  const { at, index } = headerRow(grid, columns);
  const roles = Object.values(columns);
  const rows: RegisterRow[] = [];
  for (let r = at + 1; r < grid.length; r++) {
    const cells = grid[r]!;
    const line = r + 1;
    if (cells.every((c) => c.trim() === "")) continue;
    const cellOf = (i: number) => (cells[index[i]!] ?? "").trim();
    const dateCell = cellOf(roles.indexOf("pay_date"));
    if (dateCell === "" || /total/i.test(dateCell)) {
      if (
        cells.some((c) => /total/i.test(c)) ||
        roles.every((role, i) => role === "pay_date" || cellOf(i) === "")
      )
        continue; // a totals row or a spacer: its amounts are the employee rows' again
      throw validationError("journals/payroll-bad-value", `row ${line} has amounts but no pay date`, {
        line,
        field: Object.keys(columns)[roles.indexOf("pay_date")]!,
      });
    }
    const payDate = payDateOf(dateCell);
    if (!payDate)
      throw validationError("journals/payroll-bad-value", `row ${line}: "${dateCell}" is not a pay date`, {
        line,
        field: Object.keys(columns)[roles.indexOf("pay_date")]!,
      });
    const row: RegisterRow = { line, payDate, employee: null, department: null, ...zero() };
    roles.forEach((role, i) => {
      const text = cellOf(i);
      const key = AMOUNT_OF_ROLE[role];
      if (key) {
        const value = amountOf(text, scale);
        if (value === null)
          throw validationError("journals/payroll-bad-value", `row ${line}: "${text}" is not an amount`, {
            line,
            field: Object.keys(columns)[i]!,
          });
        row[key] += value;
      } else if (role === "department") row.department = text || null;
      else if (role === "employee") row.employee = text || null;
    });
    rows.push(row);
  }
  if (rows.length === 0)
    throw ruleViolation("journals/payroll-empty", "the file has headers but no employee rows", {
      field: "file",
    });
  return rows;
}

/** Refuses the first row whose gross − withholdings + reimbursements is not its net pay, with the difference. */
export function checkRowsBalance(rows: readonly RegisterRow[], scale: number): void {
  for (const r of rows) {
    const difference = r.gross - r.withholdings + r.reimbursements - r.net;
    if (difference !== 0n) {
      const who = r.employee ? ` (${r.employee})` : "";
      throw ruleViolation(
        "journals/payroll-not-balanced",
        `pay date ${r.payDate}, row ${r.line}${who}: gross ${formatMinor(r.gross, scale)} − withholdings ${formatMinor(r.withholdings, scale)} + reimbursements ${formatMinor(r.reimbursements, scale)} is not the net pay ${formatMinor(r.net, scale)} (off by ${formatMinor(difference, scale)})`,
        {
          line: r.line,
          extra: { payDate: r.payDate, row: r.line, difference: formatMinor(difference, scale) },
        },
      );
    }
  }
}

function entryOf(payDate: string, rows: readonly RegisterRow[], m: PayrollMapping): PlannedEntry {
  const totals = zero();
  const wagesByDept = new Map<string | null, bigint>();
  for (const r of rows) {
    for (const k of Object.keys(totals) as Array<keyof Amounts>) totals[k] += r[k];
    wagesByDept.set(r.department, (wagesByDept.get(r.department) ?? 0n) + r.gross);
  }
  const a = m.accounts;
  const lines: PlannedLine[] = [];
  const add = (
    accountId: string | undefined,
    amount: bigint,
    memo: string,
    department: string | null = null,
  ) => {
    if (amount !== 0n) lines.push({ accountId: accountId!, amount, memo, department });
  };
  const depts = [...wagesByDept.keys()].sort((x, y) => (x ?? "").localeCompare(y ?? ""));
  for (const d of depts)
    add(
      d ? (m.departmentAccounts?.[d] ?? a.wages) : a.wages,
      wagesByDept.get(d)!,
      d ? `Gross wages — ${d}` : "Gross wages",
      d,
    );
  add(a.employerTaxes, totals.employerTaxes, "Employer payroll taxes");
  add(a.benefits, totals.benefits, "Employer benefits");
  add(a.reimbursements, totals.reimbursements, "Employee reimbursements");
  const separateBenefits = a.benefitsPayable !== undefined && a.benefitsPayable !== "";
  add(
    a.liabilities,
    -(totals.withholdings + totals.employerTaxes + (separateBenefits ? 0n : totals.benefits)),
    "Withholdings and employer taxes owed",
  );
  if (separateBenefits) add(a.benefitsPayable, -totals.benefits, "Benefits payable");
  add(a.bank, -totals.net, "Net pay");
  return { payDate, rows: rows.length, totals, lines };
}

/** The register's entries, one per pay date (in date order), each balanced by construction. */
export function planPayroll(grid: Grid, m: PayrollMapping, scale: number): PlannedEntry[] {
  const accounts = missingAccounts(m);
  if (accounts.length > 0)
    throw validationError(
      "journals/payroll-account-missing",
      `the mapping names no account for ${accounts.join(", ")}`,
      {
        field: `accounts.${accounts[0]}`,
      },
    );
  const rows = readRegister(grid, m.columns, scale);
  checkRowsBalance(rows, scale);
  const byDate = new Map<string, RegisterRow[]>();
  for (const r of rows) byDate.set(r.payDate, [...(byDate.get(r.payDate) ?? []), r]);
  return [...byDate.keys()].sort().map((d) => entryOf(d, byDate.get(d)!, m));
}
