// Built-in column mappings for the payroll providers' usual register exports (Gusto's payroll
// journal, ADP's payroll register, Paychex's payroll journal report). A preparer copies one into
// the client's saved mapping, picks the ledger accounts and edits the columns when their export
// differs. Several columns may share a role: they are added up (ADP's separate tax columns).
import type { PayrollRole } from "./payroll-model.ts";

export interface PayrollPreset {
  provider: string;
  label: string;
  columns: Record<string, PayrollRole>;
  /** The default chart's accounts by number, as a starting point (reimbursements are the preparer's pick). */
  accountNumbers: Record<string, string>;
}

const DEFAULT_ACCOUNTS = {
  wages: "6910",
  employerTaxes: "6920",
  benefits: "6930",
  liabilities: "2210",
  bank: "1010",
};

export const PAYROLL_PRESETS: readonly PayrollPreset[] = [
  {
    provider: "gusto",
    label: "Gusto — Payroll journal (CSV)",
    columns: {
      "Check Date": "pay_date",
      "Employee Last Name": "employee",
      "Gross Earnings": "gross_wages",
      "Employee Taxes": "employee_withholdings",
      "Employee Deductions": "employee_withholdings",
      Reimbursements: "reimbursements",
      "Net Pay": "net_pay",
      "Employer Taxes": "employer_taxes",
      "Employer Contributions": "benefits",
    },
    accountNumbers: DEFAULT_ACCOUNTS,
  },
  {
    provider: "adp",
    label: "ADP — Payroll register (XLSX or CSV), by home department",
    columns: {
      "Pay Date": "pay_date",
      "Home Department": "department",
      "Employee Name": "employee",
      "Gross Pay": "gross_wages",
      "Federal Income Tax": "employee_withholdings",
      "Social Security - EE": "employee_withholdings",
      "Medicare - EE": "employee_withholdings",
      "State Income Tax": "employee_withholdings",
      "401(k) EE": "employee_withholdings",
      "Net Pay": "net_pay",
      "Social Security - ER": "employer_taxes",
      "Medicare - ER": "employer_taxes",
      FUTA: "employer_taxes",
      SUTA: "employer_taxes",
      "Health Insurance - ER": "benefits",
      "Expense Reimbursement": "reimbursements",
    },
    accountNumbers: DEFAULT_ACCOUNTS,
  },
  {
    provider: "paychex",
    label: "Paychex — Payroll journal report (CSV)",
    columns: {
      "Check Date": "pay_date",
      "Employee Name": "employee",
      "Total Gross": "gross_wages",
      "Total Employee Withholdings": "employee_withholdings",
      "Total Deductions": "employee_withholdings",
      "Net Pay": "net_pay",
      "Total Employer Liability": "employer_taxes",
      "Employer Benefit Contributions": "benefits",
    },
    accountNumbers: DEFAULT_ACCOUNTS,
  },
];
