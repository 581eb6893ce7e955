// Which section of a statement an account belongs to, from its type and detail type, and which
// accounts are cash and cash equivalents. The sign each section shows its amounts with: income,
// liabilities and equity are credits shown positive; expenses and assets debits shown positive.
import type { AccountType } from "../ledger/index.ts";

export const PROFIT_LOSS_SECTIONS = [
  "income",
  "cost_of_goods_sold",
  "expenses",
  "other_income",
  "other_expenses",
] as const;
export const BALANCE_SHEET_SECTIONS = [
  "current_assets",
  "non_current_assets",
  "current_liabilities",
  "non_current_liabilities",
  "equity",
] as const;
export type ProfitLossSection = (typeof PROFIT_LOSS_SECTIONS)[number];
export type BalanceSheetSection = (typeof BALANCE_SHEET_SECTIONS)[number];
export type SectionType = ProfitLossSection | BalanceSheetSection;

export const SECTION_NAMES: Record<SectionType, string> = {
  income: "Income",
  cost_of_goods_sold: "Cost of goods sold",
  expenses: "Expenses",
  other_income: "Other income",
  other_expenses: "Other expenses",
  current_assets: "Current assets",
  non_current_assets: "Non-current assets",
  current_liabilities: "Current liabilities",
  non_current_liabilities: "Non-current liabilities",
  equity: "Equity",
};

/** What the reports need to know of an account (the ledger's chart, as data). */
export interface ReportAccount {
  id: string;
  fullName: string;
  number: string | null;
  type: AccountType;
  detailType: string;
  parentId: string | null;
}

const NON_CURRENT_ASSETS = new Set(["fixed_asset", "accumulated_depreciation", "other_asset"]);
const NON_CURRENT_LIABILITIES = new Set(["long_term_liability"]);

export function sectionOf(a: Pick<ReportAccount, "type" | "detailType">): SectionType {
  switch (a.type) {
    case "income":
      return a.detailType === "other_income" ? "other_income" : "income";
    case "expense":
      if (a.detailType === "cost_of_goods_sold") return "cost_of_goods_sold";
      return a.detailType === "other_expense" ? "other_expenses" : "expenses";
    case "asset":
      return NON_CURRENT_ASSETS.has(a.detailType) ? "non_current_assets" : "current_assets";
    case "liability":
      return NON_CURRENT_LIABILITIES.has(a.detailType) ? "non_current_liabilities" : "current_liabilities";
    case "equity":
      return "equity";
  }
}

/** +1 when the section shows debits positive, -1 when it shows credits positive. */
export function signOf(section: SectionType): 1n | -1n {
  switch (section) {
    case "cost_of_goods_sold":
    case "expenses":
    case "other_expenses":
    case "current_assets":
    case "non_current_assets":
      return 1n;
    default:
      return -1n;
  }
}

export function isProfitLoss(a: Pick<ReportAccount, "type">): boolean {
  return a.type === "income" || a.type === "expense";
}

/**
 * Cash and cash equivalents: bank accounts (detail type "bank", which a journal import gives to
 * hledger's Cash accounts) and undeposited funds (money received, not yet banked).
 */
export function isCash(a: Pick<ReportAccount, "type" | "detailType">): boolean {
  return a.type === "asset" && (a.detailType === "bank" || a.detailType === "undeposited_funds");
}
