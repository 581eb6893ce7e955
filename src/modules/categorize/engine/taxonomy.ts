// The standard category taxonomy every client's chart maps to, so one firm-wide model can learn
// from all clients: "Vehicle Fuel" at one client and "Auto:Gas" at another are both `auto.fuel`.
import { validationError } from "../../../platform/errors.ts";

export type CategoryType = "income" | "expense" | "asset" | "liability" | "equity";

export interface Category {
  id: string;
  name: string;
  type: CategoryType;
}

/** The standard taxonomy (data). Ids are stable; names are for people. */
export const STANDARD_CATEGORIES: readonly Category[] = [
  { id: "income.sales", name: "Sales and revenue", type: "income" },
  { id: "income.services", name: "Service income", type: "income" },
  { id: "income.interest", name: "Interest income", type: "income" },
  { id: "income.grants", name: "Grants and donations", type: "income" },
  { id: "income.refunds", name: "Refunds and rebates", type: "income" },
  { id: "income.other", name: "Other income", type: "income" },
  { id: "cogs.materials", name: "Materials and supplies for resale", type: "expense" },
  { id: "cogs.subcontractors", name: "Subcontractors", type: "expense" },
  { id: "cogs.freight", name: "Freight and shipping", type: "expense" },
  { id: "advertising", name: "Advertising and marketing", type: "expense" },
  { id: "auto.fuel", name: "Vehicle fuel", type: "expense" },
  { id: "auto.repairs", name: "Vehicle repairs and maintenance", type: "expense" },
  { id: "auto.licences", name: "Vehicle licences, tolls and parking", type: "expense" },
  { id: "bank.fees", name: "Bank and card fees", type: "expense" },
  { id: "bank.interest", name: "Interest expense", type: "expense" },
  { id: "books.subscriptions", name: "Books, publications and subscriptions", type: "expense" },
  { id: "charity", name: "Charitable contributions", type: "expense" },
  { id: "dues.memberships", name: "Dues and memberships", type: "expense" },
  { id: "education.training", name: "Training and conferences", type: "expense" },
  { id: "equipment.small", name: "Small equipment and tools", type: "expense" },
  { id: "equipment.rental", name: "Equipment rental", type: "expense" },
  { id: "insurance", name: "Insurance", type: "expense" },
  { id: "it.hardware", name: "Computer hardware", type: "expense" },
  { id: "it.software", name: "Software and online services", type: "expense" },
  { id: "legal.professional", name: "Legal and professional fees", type: "expense" },
  { id: "licences.permits", name: "Licences, permits and government fees", type: "expense" },
  { id: "meals.business", name: "Business meals", type: "expense" },
  { id: "meals.staff", name: "Staff food and refreshments", type: "expense" },
  { id: "entertainment", name: "Entertainment and hospitality", type: "expense" },
  { id: "office.supplies", name: "Office supplies and stationery", type: "expense" },
  { id: "office.postage", name: "Postage and delivery", type: "expense" },
  { id: "office.printing", name: "Printing and copying", type: "expense" },
  { id: "payroll.wages", name: "Wages and salaries", type: "expense" },
  { id: "payroll.benefits", name: "Employee benefits and welfare", type: "expense" },
  { id: "rent", name: "Rent and lease", type: "expense" },
  { id: "repairs.building", name: "Building repairs and maintenance", type: "expense" },
  { id: "cleaning", name: "Cleaning and janitorial", type: "expense" },
  { id: "supplies.operating", name: "Operating supplies", type: "expense" },
  { id: "supplies.food", name: "Food and groceries (operational)", type: "expense" },
  { id: "supplies.medical", name: "Medical and care supplies", type: "expense" },
  { id: "supplies.classroom", name: "Teaching and activity supplies", type: "expense" },
  { id: "furniture.fittings", name: "Furniture and fittings", type: "expense" },
  { id: "telephone", name: "Telephone and internet", type: "expense" },
  { id: "travel.air", name: "Travel: airfare", type: "expense" },
  { id: "travel.lodging", name: "Travel: lodging", type: "expense" },
  { id: "travel.ground", name: "Travel: trains, taxis and car hire", type: "expense" },
  { id: "travel.other", name: "Travel: other", type: "expense" },
  { id: "utilities", name: "Utilities", type: "expense" },
  { id: "taxes", name: "Taxes", type: "expense" },
  { id: "personal.needs", name: "Client and resident personal needs", type: "expense" },
  { id: "expense.other", name: "Other expenses", type: "expense" },
  { id: "asset.fixed", name: "Fixed assets (capitalized)", type: "asset" },
  { id: "asset.prepaid", name: "Prepaid expenses", type: "asset" },
  { id: "transfer.internal", name: "Transfers between own accounts", type: "asset" },
  { id: "liability.card", name: "Credit card payments", type: "liability" },
  { id: "liability.loan", name: "Loan payments", type: "liability" },
  { id: "liability.tax", name: "Sales tax and VAT", type: "liability" },
  { id: "equity.draw", name: "Owner draws", type: "equity" },
  { id: "equity.contribution", name: "Owner contributions", type: "equity" },
  { id: "uncategorized", name: "Uncategorized / ask my accountant", type: "expense" },
];

/**
 * How each client's accounts map to categories. The global model learns and predicts categories;
 * this mapping takes them to and from a client's own accounts.
 */
export interface ChartMapping {
  /** The category of a client's account, or undefined when it is not mapped (not used for firm learning). */
  categoryOf(clientId: string, account: string): string | undefined;
  /** The client's accounts mapped to a category (several are possible; usage decides among them). */
  accountsFor(clientId: string, category: string): readonly string[];
}

/** A plain table: client → account → category. The serializable form a store keeps. */
export type MappingTable = Record<string, Record<string, string>>;

/** Builds a mapping from a table, checking every category against the taxonomy. */
export function mappingFromTable(
  table: MappingTable,
  categories: readonly Category[] = STANDARD_CATEGORIES,
): ChartMapping {
  const known = new Set(categories.map((c) => c.id));
  const inverse = new Map<string, Map<string, string[]>>();
  for (const [clientId, accounts] of Object.entries(table)) {
    const byCategory = new Map<string, string[]>();
    for (const [account, category] of Object.entries(accounts)) {
      if (!known.has(category)) {
        throw validationError(
          "categorize/unknown-category",
          `account "${account}" of client "${clientId}" maps to unknown category "${category}"`,
          {
            field: `mapping.${clientId}.${account}`,
          },
        );
      }
      const list = byCategory.get(category) ?? [];
      list.push(account);
      byCategory.set(category, list);
    }
    for (const list of byCategory.values()) list.sort();
    inverse.set(clientId, byCategory);
  }
  return {
    categoryOf: (clientId, account) => {
      const accounts = table[clientId];
      return accounts && Object.hasOwn(accounts, account) ? accounts[account] : undefined;
    },
    accountsFor: (clientId, category) => inverse.get(clientId)?.get(category) ?? [],
  };
}

/**
 * All clients share one chart (one organisation's cost centres, or an evaluation data set): each
 * account is its own category, so firm-wide learning needs no mapping.
 */
export const SHARED_CHART: ChartMapping = {
  categoryOf: (_clientId, account) => account,
  accountsFor: (_clientId, category) => [category],
};
