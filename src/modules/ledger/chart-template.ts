// Closebook's default chart of accounts for a US small business (written for Closebook). Numbered
// in the usual blocks: 1xxx assets, 2xxx liabilities, 3xxx equity, 4xxx income, 5xxx cost of
// goods sold, 6xxx operating expenses, 7xxx–8xxx other income and expense.
import type { AccountType } from "./model.ts";

export interface TemplateAccount {
  number: string;
  name: string;
  type: AccountType;
  detailType: string;
  /** Number of the parent account, for sub-accounts. */
  parent?: string;
  description?: string;
}

export const US_SMALL_BUSINESS_CHART: readonly TemplateAccount[] = [
  { number: "1000", name: "Cash and Bank", type: "asset", detailType: "bank", description: "Parent of the bank accounts" },
  { number: "1010", name: "Operating Checking", type: "asset", detailType: "bank", parent: "1000" },
  { number: "1020", name: "Savings", type: "asset", detailType: "bank", parent: "1000" },
  { number: "1030", name: "Petty Cash", type: "asset", detailType: "bank", parent: "1000" },
  { number: "1050", name: "Undeposited Funds", type: "asset", detailType: "undeposited_funds" },
  { number: "1100", name: "Accounts Receivable", type: "asset", detailType: "accounts_receivable" },
  { number: "1150", name: "Allowance for Doubtful Accounts", type: "asset", detailType: "accounts_receivable" },
  { number: "1200", name: "Inventory", type: "asset", detailType: "inventory" },
  { number: "1300", name: "Prepaid Expenses", type: "asset", detailType: "prepaid_expense" },
  { number: "1350", name: "Employee Advances", type: "asset", detailType: "other_current_asset" },
  { number: "1400", name: "Merchant Clearing", type: "asset", detailType: "other_current_asset", description: "Card and POS settlements in transit" },
  { number: "1500", name: "Furniture and Equipment", type: "asset", detailType: "fixed_asset" },
  { number: "1510", name: "Computers and Software", type: "asset", detailType: "fixed_asset" },
  { number: "1520", name: "Vehicles", type: "asset", detailType: "fixed_asset" },
  { number: "1530", name: "Leasehold Improvements", type: "asset", detailType: "fixed_asset" },
  { number: "1590", name: "Accumulated Depreciation", type: "asset", detailType: "accumulated_depreciation" },
  { number: "1800", name: "Security Deposits", type: "asset", detailType: "other_asset" },
  { number: "2000", name: "Accounts Payable", type: "liability", detailType: "accounts_payable" },
  { number: "2100", name: "Business Credit Card", type: "liability", detailType: "credit_card" },
  { number: "2200", name: "Accrued Liabilities", type: "liability", detailType: "other_current_liability" },
  { number: "2210", name: "Payroll Liabilities", type: "liability", detailType: "payroll_liability" },
  { number: "2220", name: "Sales Tax Payable", type: "liability", detailType: "sales_tax_payable" },
  { number: "2300", name: "Deferred Revenue", type: "liability", detailType: "other_current_liability" },
  { number: "2400", name: "Line of Credit", type: "liability", detailType: "line_of_credit" },
  { number: "2700", name: "Loans Payable", type: "liability", detailType: "long_term_liability" },
  { number: "3000", name: "Owner's Equity", type: "equity", detailType: "owners_equity" },
  { number: "3100", name: "Owner Contributions", type: "equity", detailType: "owners_equity", parent: "3000" },
  { number: "3200", name: "Owner Draws", type: "equity", detailType: "owner_draws", parent: "3000" },
  { number: "3800", name: "Opening Balance Equity", type: "equity", detailType: "opening_balance_equity" },
  { number: "3900", name: "Retained Earnings", type: "equity", detailType: "retained_earnings" },
  { number: "4000", name: "Sales", type: "income", detailType: "income" },
  { number: "4100", name: "Service Revenue", type: "income", detailType: "income" },
  { number: "4200", name: "Discounts and Refunds Given", type: "income", detailType: "income" },
  { number: "4300", name: "Shipping Income", type: "income", detailType: "income" },
  { number: "5000", name: "Cost of Goods Sold", type: "expense", detailType: "cost_of_goods_sold" },
  { number: "5100", name: "Materials and Supplies", type: "expense", detailType: "cost_of_goods_sold", parent: "5000" },
  { number: "5200", name: "Subcontractors", type: "expense", detailType: "cost_of_goods_sold", parent: "5000" },
  { number: "5300", name: "Freight In", type: "expense", detailType: "cost_of_goods_sold", parent: "5000" },
  { number: "5400", name: "Merchant Fees", type: "expense", detailType: "cost_of_goods_sold" },
  { number: "6000", name: "Advertising and Marketing", type: "expense", detailType: "expense" },
  { number: "6050", name: "Bank Fees", type: "expense", detailType: "expense" },
  { number: "6100", name: "Car and Truck", type: "expense", detailType: "expense" },
  { number: "6150", name: "Contractors", type: "expense", detailType: "expense" },
  { number: "6200", name: "Dues and Subscriptions", type: "expense", detailType: "expense" },
  { number: "6250", name: "Insurance", type: "expense", detailType: "expense" },
  { number: "6300", name: "Legal and Professional Fees", type: "expense", detailType: "expense" },
  { number: "6350", name: "Meals", type: "expense", detailType: "expense" },
  { number: "6400", name: "Office Supplies", type: "expense", detailType: "expense" },
  { number: "6450", name: "Postage and Shipping", type: "expense", detailType: "expense" },
  { number: "6500", name: "Rent", type: "expense", detailType: "expense" },
  { number: "6550", name: "Repairs and Maintenance", type: "expense", detailType: "expense" },
  { number: "6600", name: "Software", type: "expense", detailType: "expense" },
  { number: "6650", name: "Taxes and Licenses", type: "expense", detailType: "expense" },
  { number: "6700", name: "Telephone and Internet", type: "expense", detailType: "expense" },
  { number: "6750", name: "Travel", type: "expense", detailType: "expense" },
  { number: "6800", name: "Utilities", type: "expense", detailType: "expense" },
  { number: "6850", name: "Training and Education", type: "expense", detailType: "expense" },
  { number: "6900", name: "Payroll Expenses", type: "expense", detailType: "payroll_expense" },
  { number: "6910", name: "Wages", type: "expense", detailType: "payroll_expense", parent: "6900" },
  { number: "6920", name: "Payroll Taxes", type: "expense", detailType: "payroll_expense", parent: "6900" },
  { number: "6930", name: "Employee Benefits", type: "expense", detailType: "payroll_expense", parent: "6900" },
  { number: "6990", name: "Uncategorized Expense", type: "expense", detailType: "expense", description: "Where low-confidence spending waits for review" },
  { number: "7000", name: "Interest Income", type: "income", detailType: "other_income" },
  { number: "7100", name: "Other Income", type: "income", detailType: "other_income" },
  { number: "7990", name: "Uncategorized Income", type: "income", detailType: "other_income", description: "Where low-confidence deposits wait for review" },
  { number: "8000", name: "Depreciation Expense", type: "expense", detailType: "depreciation" },
  { number: "8100", name: "Interest Expense", type: "expense", detailType: "other_expense" },
  { number: "8200", name: "Ask My Accountant", type: "expense", detailType: "other_expense", description: "Items a bookkeeper must ask about; excluded from training" },
];
