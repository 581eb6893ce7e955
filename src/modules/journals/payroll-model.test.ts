// Payroll registers to entries: the three provider fixtures (Gusto CSV, ADP XLSX with departments,
// Paychex CSV with title and totals lines) read with their presets give one balanced entry per pay
// date whose totals are the fixture's own column sums (worked out by hand from the files), and
// bad files are refused saying which column, row or difference.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { AppError } from "../../platform/errors.ts";
import { amountOf, payDateOf, planPayroll, type PayrollMapping, type PlannedEntry } from "./payroll-model.ts";
import { PAYROLL_PRESETS } from "./payroll-presets.ts";
import { csvGrid, xlsxGrid } from "./payroll-read.ts";

const fixture = (name: string) =>
  readFileSync(new URL(`../../../test/fixtures/payroll/${name}`, import.meta.url));
const accounts = {
  wages: "wages",
  employerTaxes: "er-tax",
  benefits: "benefits",
  reimbursements: "reimb",
  liabilities: "liab",
  benefitsPayable: "ben-payable",
  bank: "bank",
};
const mapping = (provider: string, over: Partial<PayrollMapping> = {}): PayrollMapping => ({
  columns: PAYROLL_PRESETS.find((p) => p.provider === provider)!.columns,
  accounts,
  ...over,
});
const sum = (e: PlannedEntry, side: 1 | -1) =>
  e.lines.reduce((s, l) => s + (l.amount * BigInt(side) > 0n ? l.amount : 0n), 0n);
const byAccount = (e: PlannedEntry) =>
  Object.fromEntries(e.lines.map((l) => [l.accountId + (l.department ? `/${l.department}` : ""), l.amount]));
function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("not refused");
}

describe("payroll registers to entries", () => {
  it("reads the Gusto-style journal: two pay dates, taxes and deductions both withheld", () => {
    const entries = planPayroll(
      csvGrid(fixture("gusto-payroll-journal.csv").toString()),
      mapping("gusto"),
      2,
    );
    expect(entries.map((e) => [e.payDate, e.rows])).toEqual([
      ["2026-03-13", 3],
      ["2026-03-27", 3],
    ]);
    // Column sums of the file for 03-13: gross 7750.00, employee taxes + deductions 1662.25,
    // reimbursements 45.25, net 6133.00, employer taxes 592.88, employer contributions 600.00.
    expect(byAccount(entries[0]!)).toEqual({
      wages: 775_000n,
      "er-tax": 59_288n,
      benefits: 60_000n,
      reimb: 4_525n,
      liab: -(166_225n + 59_288n),
      "ben-payable": -60_000n,
      bank: -613_300n,
    });
    expect(entries[1]!.totals).toMatchObject({ gross: 790_050n, net: 632_915n, reimbursements: 12_000n });
    for (const e of entries) expect(sum(e, 1)).toBe(-sum(e, -1));
  });

  it("reads the ADP-style workbook: title lines, wages by department, eight tax columns added up", async () => {
    const grid = await xlsxGrid(fixture("adp-payroll-register.xlsx"));
    const entries = planPayroll(grid, mapping("adp", { departmentAccounts: { Sales: "wages-sales" } }), 2);
    expect(entries.map((e) => e.payDate)).toEqual(["2026-03-06", "2026-03-20"]);
    // 03-06: Sales gross 7850.00 (own account), Operations 5080.00; withholdings 3172.55;
    // employer taxes 1415.84; health 1250.00; reimbursement 64.80; net 9822.25.
    expect(byAccount(entries[0]!)).toEqual({
      "wages/Operations": 508_000n,
      "wages-sales/Sales": 785_000n,
      "er-tax": 141_584n,
      benefits: 125_000n,
      reimb: 6_480n,
      liab: -(317_255n + 141_584n),
      "ben-payable": -125_000n,
      bank: -982_225n,
    });
    expect(entries[1]!.totals).toMatchObject({ gross: 1_308_000n, withholdings: 318_402n, net: 989_598n });
    for (const e of entries) expect(sum(e, 1)).toBe(-sum(e, -1));
  });

  it("reads the Paychex-style report: skips its title and totals lines, a refund in parentheses", () => {
    const [entry, ...rest] = planPayroll(
      csvGrid(fixture("paychex-payroll-journal.csv").toString()),
      mapping("paychex", { accounts: { ...accounts, benefitsPayable: undefined } }),
      2,
    );
    expect(rest).toEqual([]);
    expect(entry!.payDate).toBe("2026-03-20");
    // The report's own totals line: gross 7950.00, withholdings 1424.37 + deductions 180.00,
    // net 6345.63, employer liability 608.18, benefit contributions 670.00 (owed with the taxes here).
    expect(byAccount(entry!)).toEqual({
      wages: 795_000n,
      "er-tax": 60_818n,
      benefits: 67_000n,
      liab: -(142_437n + 18_000n + 60_818n + 67_000n),
      bank: -634_563n,
    });
  });

  it("refuses a row that does not balance, naming the pay date, row and difference", () => {
    const text = fixture("gusto-payroll-journal.csv").toString().replace("1498.90", "1499.90");
    const e = refusal(() => planPayroll(csvGrid(text), mapping("gusto"), 2));
    expect(e.code).toBe("journals/payroll-not-balanced");
    expect(e.extra).toEqual({ payDate: "2026-03-13", row: 4, difference: "-1.00" });
    expect(e.detail).toContain("Okafor");
  });

  it("refuses columns the file lacks, roles with no column, and a file with none of the headers", () => {
    const grid = csvGrid(fixture("paychex-payroll-journal.csv").toString());
    const gusto = refusal(() => planPayroll(grid, mapping("gusto"), 2));
    expect(gusto.code).toBe("journals/payroll-column-missing");
    expect(gusto.extra).toEqual({
      columns: [
        "Employee Last Name",
        "Gross Earnings",
        "Employee Taxes",
        "Employee Deductions",
        "Reimbursements",
        "Employer Taxes",
        "Employer Contributions",
      ],
    });
    const noNet = refusal(() =>
      planPayroll(
        grid,
        mapping("paychex", { columns: { "Check Date": "pay_date", "Total Gross": "gross_wages" } }),
        2,
      ),
    );
    expect(noNet.extra).toEqual({ roles: ["employee_withholdings", "net_pay"] });
    const other = refusal(() => planPayroll(csvGrid("a,b\n1,2\n"), mapping("paychex"), 2));
    expect(other.code).toBe("journals/payroll-headers-not-found");
    const noAccount = refusal(() =>
      planPayroll(grid, mapping("gusto", { accounts: { ...accounts, reimbursements: undefined } }), 2),
    );
    expect(noAccount.code).toBe("journals/payroll-account-missing");
  });

  it("refuses a value that is not a date or an amount, naming the row and column", () => {
    const text = fixture("gusto-payroll-journal.csv")
      .toString()
      .replace("2750.00,498.75,100.00,0.00", "2750.00,498.75,ten,0.00");
    const e = refusal(() => planPayroll(csvGrid(text), mapping("gusto"), 2));
    expect([e.code, e.line, e.field]).toEqual(["journals/payroll-bad-value", 6, "Employee Deductions"]);
    expect(
      refusal(() =>
        planPayroll(
          csvGrid(
            fixture("gusto-payroll-journal.csv").toString().replace("2026-03-27,Okafor", "2026-02-30,Okafor"),
          ),
          mapping("gusto"),
          2,
        ),
      ).line,
    ).toBe(7);
  });

  it("parses amounts and dates as registers write them", () => {
    expect(
      ["1,234.56", "$1,234.56", "(12.00)", "12.00-", "", "-", "$ 0.5"].map((t) => amountOf(t, 2)),
    ).toEqual([123_456n, 123_456n, -1_200n, -1_200n, 0n, 0n, 50n]);
    expect(amountOf("1.234", 2)).toBeNull();
    expect(
      ["2026-03-13", "3/13/2026", "03/13/26", "13-Mar-2026", "2026-02-29", "13/03/2026"].map(payDateOf),
    ).toEqual(["2026-03-13", "2026-03-13", "2026-03-13", "2026-03-13", null, null]);
  });

  it("makes balanced entries from any balanced rows", () => {
    const row = fc.record({
      day: fc.integer({ min: 1, max: 28 }),
      dept: fc.constantFrom("", "A", "B"),
      gross: fc.integer({ min: 0, max: 10_000_000 }),
      withheld: fc.integer({ min: 0, max: 10_000_000 }),
      reimb: fc.integer({ min: 0, max: 100_000 }),
      er: fc.integer({ min: 0, max: 1_000_000 }),
      ben: fc.integer({ min: 0, max: 1_000_000 }),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 20 }), (rows) => {
        const cents = (n: number) => (n / 100).toFixed(2);
        const text = [
          "Date,Dept,Gross,Withheld,Reimb,Net,ER,Ben",
          ...rows.map((r) =>
            [
              `2026-04-${String(r.day).padStart(2, "0")}`,
              r.dept,
              cents(r.gross),
              cents(r.withheld),
              cents(r.reimb),
              cents(r.gross - r.withheld + r.reimb),
              cents(r.er),
              cents(r.ben),
            ].join(","),
          ),
        ].join("\n");
        const columns = {
          Date: "pay_date",
          Dept: "department",
          Gross: "gross_wages",
          Withheld: "employee_withholdings",
          Reimb: "reimbursements",
          Net: "net_pay",
          ER: "employer_taxes",
          Ben: "benefits",
        } as const;
        const entries = planPayroll(csvGrid(text), { columns, accounts }, 2);
        expect(entries).toHaveLength(new Set(rows.map((r) => r.day)).size);
        for (const e of entries) expect(e.lines.reduce((s, l) => s + l.amount, 0n)).toBe(0n);
        const net = entries.reduce((s, e) => s + e.totals.net, 0n);
        expect(net).toBe(BigInt(rows.reduce((s, r) => s + r.gross - r.withheld + r.reimb, 0)));
      }),
    );
  });
});
