// Each client's AI settings as values: the defaults (from the client's chart), the checks a change
// must pass, "last updated by" for every setting, and the default mapping of the default chart's
// accounts to the standard category taxonomy. Pure: no I/O.
import { validationError } from "../../platform/errors.ts";
import { STANDARD_CATEGORIES } from "./engine/taxonomy.ts";

export const SETTING_NAMES = [
  "trainingWindow",
  "excludedAccountIds",
  "materiality",
  "bands",
  "lowConfidence",
  "defaultExpenseAccountId",
  "defaultIncomeAccountId",
  "defaultPayeeContactId",
  "defaultAssigneeId",
] as const;
export type SettingName = (typeof SETTING_NAMES)[number];

export type LowConfidence = "post_default" | "hold";

export interface Stamp {
  by: string;
  name: string;
  at: string;
}

export interface AiSettings {
  trainingWindow: { from: string | null; to: string | null };
  excludedAccountIds: string[];
  /** Minor units of the home currency; at or above it a line always needs review. */
  materiality: bigint | null;
  /** Band limits in hundredths of a percent: high ≥ 9800 (98%), medium ≥ 9000 (90%). */
  bands: { high: number; medium: number };
  lowConfidence: LowConfidence;
  defaultExpenseAccountId: string | null;
  defaultIncomeAccountId: string | null;
  defaultPayeeContactId: string | null;
  defaultAssigneeId: string | null;
  /** Who last changed each setting; settings never changed keep their defaults and no stamp. */
  updated: Partial<Record<SettingName, Stamp>>;
}

export type SettingsPatch = Partial<Omit<AiSettings, "updated">>;

/** What the checks need to know about the client's chart. */
export interface ChartAccount {
  id: string;
  number: string | null;
  name: string;
  fullName: string;
  type: "asset" | "liability" | "equity" | "income" | "expense";
  isActive: boolean;
}

const byName = (chart: readonly ChartAccount[], re: RegExp) =>
  chart.find((a) => a.isActive && re.test(a.name))?.id ?? null;

/**
 * The settings a client starts with: PRODUCT.md's bands, low-confidence lines posted to the
 * chart's uncategorized accounts, and "Ask My Accountant" and the uncategorized accounts kept out
 * of training (what sits there was never really coded).
 */
export function defaultSettings(chart: readonly ChartAccount[]): AiSettings {
  const excluded = chart
    .filter((a) => /ask my accountant|uncategori[sz]ed|suspense/i.test(a.name))
    .map((a) => a.id)
    .sort();
  return {
    trainingWindow: { from: null, to: null },
    excludedAccountIds: excluded,
    materiality: null,
    bands: { high: 9800, medium: 9000 },
    lowConfidence: "post_default",
    defaultExpenseAccountId: byName(chart, /^uncategori[sz]ed expenses?$/i),
    defaultIncomeAccountId: byName(chart, /^uncategori[sz]ed income$/i),
    defaultPayeeContactId: null,
    defaultAssigneeId: null,
    updated: {},
  };
}

function isDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function same(a: unknown, b: unknown): boolean {
  return (
    JSON.stringify(a, (_k, v) => (typeof v === "bigint" ? v.toString() : v)) ===
    JSON.stringify(b, (_k, v) => (typeof v === "bigint" ? v.toString() : v))
  );
}

export interface PatchContext {
  chart: readonly ChartAccount[];
  /** Contact ids of the client (for the default payee). */
  contactIds: ReadonlySet<string>;
  /** Users who work on the client (for the default assignee). */
  userIds: ReadonlySet<string>;
}

/**
 * Applies a change to the settings: every given setting is checked, and those whose value really
 * changes get a fresh "last updated by" stamp. Throws a validation error naming the setting.
 */
export function applySettingsPatch(
  current: AiSettings,
  patch: SettingsPatch,
  who: { id: string; name: string },
  at: string,
  context: PatchContext,
): { settings: AiSettings; changed: SettingName[] } {
  const next: AiSettings = { ...current, updated: { ...current.updated } };
  const accounts = new Map(context.chart.map((a) => [a.id, a]));
  const activeAccount = (id: string, field: string, types?: readonly ChartAccount["type"][]) => {
    const a = accounts.get(id);
    if (!a || !a.isActive)
      throw validationError(
        "categorize/unknown-account",
        `account ${id} is not an active account of this client`,
        {
          field,
        },
      );
    if (types && !types.includes(a.type))
      throw validationError(
        "categorize/wrong-account-type",
        `"${a.fullName}" is an ${a.type} account; choose a ${types.join(" or ")} account`,
        { field },
      );
  };
  if (patch.trainingWindow !== undefined) {
    const { from, to } = patch.trainingWindow;
    for (const [name, value] of [
      ["from", from],
      ["to", to],
    ] as const)
      if (value !== null && !isDate(value))
        throw validationError("categorize/bad-date", `trainingWindow.${name} must be a yyyy-mm-dd date`, {
          field: `trainingWindow.${name}`,
        });
    if (from && to && from > to)
      throw validationError("categorize/empty-window", "the training window ends before it starts", {
        field: "trainingWindow",
      });
    next.trainingWindow = { from, to };
  }
  if (patch.excludedAccountIds !== undefined) {
    const ids = [...new Set(patch.excludedAccountIds)];
    ids.forEach((id, i) => {
      if (!accounts.has(id))
        throw validationError("categorize/unknown-account", `account ${id} is not in this client's chart`, {
          field: `excludedAccountIds[${i}]`,
        });
    });
    next.excludedAccountIds = ids.sort();
  }
  if (patch.materiality !== undefined) {
    if (patch.materiality !== null && patch.materiality <= 0n)
      throw validationError(
        "categorize/bad-materiality",
        "the materiality threshold must be more than zero",
        {
          field: "materiality",
        },
      );
    next.materiality = patch.materiality;
  }
  if (patch.bands !== undefined) {
    const { high, medium } = patch.bands;
    const ok = (n: number) => Number.isInteger(n) && n >= 1 && n <= 10000;
    if (!ok(high) || !ok(medium))
      throw validationError("categorize/bad-band", "band limits are percentages between 0.01 and 100", {
        field: "bands",
      });
    if (medium > high)
      throw validationError("categorize/bad-band", "the medium band must start below the high band", {
        field: "bands.medium",
      });
    next.bands = { high, medium };
  }
  if (patch.lowConfidence !== undefined) next.lowConfidence = patch.lowConfidence;
  if (patch.defaultExpenseAccountId !== undefined) {
    if (patch.defaultExpenseAccountId !== null)
      activeAccount(patch.defaultExpenseAccountId, "defaultExpenseAccountId", [
        "expense",
        "asset",
        "liability",
      ]);
    next.defaultExpenseAccountId = patch.defaultExpenseAccountId;
  }
  if (patch.defaultIncomeAccountId !== undefined) {
    if (patch.defaultIncomeAccountId !== null)
      activeAccount(patch.defaultIncomeAccountId, "defaultIncomeAccountId", [
        "income",
        "asset",
        "liability",
        "equity",
      ]);
    next.defaultIncomeAccountId = patch.defaultIncomeAccountId;
  }
  if (patch.defaultPayeeContactId !== undefined) {
    if (patch.defaultPayeeContactId !== null && !context.contactIds.has(patch.defaultPayeeContactId))
      throw validationError(
        "categorize/unknown-contact",
        "the default payee is not a contact of this client",
        {
          field: "defaultPayeeContactId",
        },
      );
    next.defaultPayeeContactId = patch.defaultPayeeContactId;
  }
  if (patch.defaultAssigneeId !== undefined) {
    if (patch.defaultAssigneeId !== null && !context.userIds.has(patch.defaultAssigneeId))
      throw validationError("categorize/unknown-user", "the default assignee does not work on this client", {
        field: "defaultAssigneeId",
      });
    next.defaultAssigneeId = patch.defaultAssigneeId;
  }
  const changed = SETTING_NAMES.filter((name) => !same(current[name], next[name]));
  for (const name of changed) next.updated[name] = { by: who.id, name: who.name, at };
  return { settings: next, changed };
}

// ── the default chart's accounts in the standard taxonomy ──────────────────────────────────────

/** Category of each account of Closebook's default chart (ledger/chart-template.ts), by number. */
export const DEFAULT_CHART_CATEGORIES: Readonly<Record<string, { name: string; category: string }>> = {
  "1010": { name: "Operating Checking", category: "transfer.internal" },
  "1020": { name: "Savings", category: "transfer.internal" },
  "1030": { name: "Petty Cash", category: "transfer.internal" },
  "1300": { name: "Prepaid Expenses", category: "asset.prepaid" },
  "1500": { name: "Furniture and Equipment", category: "asset.fixed" },
  "1510": { name: "Computers and Software", category: "asset.fixed" },
  "1520": { name: "Vehicles", category: "asset.fixed" },
  "1530": { name: "Leasehold Improvements", category: "asset.fixed" },
  "2100": { name: "Business Credit Card", category: "liability.card" },
  "2220": { name: "Sales Tax Payable", category: "liability.tax" },
  "2400": { name: "Line of Credit", category: "liability.loan" },
  "2700": { name: "Loans Payable", category: "liability.loan" },
  "3100": { name: "Owner Contributions", category: "equity.contribution" },
  "3200": { name: "Owner Draws", category: "equity.draw" },
  "4000": { name: "Sales", category: "income.sales" },
  "4100": { name: "Service Revenue", category: "income.services" },
  "4200": { name: "Discounts and Refunds Given", category: "income.refunds" },
  "4300": { name: "Shipping Income", category: "income.other" },
  "5000": { name: "Cost of Goods Sold", category: "cogs.materials" },
  "5100": { name: "Materials and Supplies", category: "cogs.materials" },
  "5200": { name: "Subcontractors", category: "cogs.subcontractors" },
  "5300": { name: "Freight In", category: "cogs.freight" },
  "5400": { name: "Merchant Fees", category: "bank.fees" },
  "6000": { name: "Advertising and Marketing", category: "advertising" },
  "6050": { name: "Bank Fees", category: "bank.fees" },
  "6100": { name: "Car and Truck", category: "auto.fuel" },
  "6150": { name: "Contractors", category: "cogs.subcontractors" },
  "6200": { name: "Dues and Subscriptions", category: "dues.memberships" },
  "6250": { name: "Insurance", category: "insurance" },
  "6300": { name: "Legal and Professional Fees", category: "legal.professional" },
  "6350": { name: "Meals", category: "meals.business" },
  "6400": { name: "Office Supplies", category: "office.supplies" },
  "6450": { name: "Postage and Shipping", category: "office.postage" },
  "6500": { name: "Rent", category: "rent" },
  "6550": { name: "Repairs and Maintenance", category: "repairs.building" },
  "6600": { name: "Software", category: "it.software" },
  "6650": { name: "Taxes and Licenses", category: "licences.permits" },
  "6700": { name: "Telephone and Internet", category: "telephone" },
  "6750": { name: "Travel", category: "travel.other" },
  "6800": { name: "Utilities", category: "utilities" },
  "6850": { name: "Training and Education", category: "education.training" },
  "6900": { name: "Payroll Expenses", category: "payroll.wages" },
  "6910": { name: "Wages", category: "payroll.wages" },
  "6920": { name: "Payroll Taxes", category: "taxes" },
  "6930": { name: "Employee Benefits", category: "payroll.benefits" },
  "6990": { name: "Uncategorized Expense", category: "uncategorized" },
  "7000": { name: "Interest Income", category: "income.interest" },
  "7100": { name: "Other Income", category: "income.other" },
  "7990": { name: "Uncategorized Income", category: "uncategorized" },
  "8100": { name: "Interest Expense", category: "bank.interest" },
  "8200": { name: "Ask My Accountant", category: "uncategorized" },
};

const KNOWN_CATEGORIES = new Set(STANDARD_CATEGORIES.map((c) => c.id));

export function isCategory(id: string): boolean {
  return KNOWN_CATEGORIES.has(id);
}

/**
 * The category of each account: what someone set (a null takes the account out), else the
 * default chart's category when the account still has the default chart's number and name.
 */
export function categoriesOf(
  chart: readonly ChartAccount[],
  explicit: ReadonlyMap<string, string | null>,
): Map<string, { category: string | null; source: "set" | "default" | "none" }> {
  const out = new Map<string, { category: string | null; source: "set" | "default" | "none" }>();
  for (const a of chart) {
    if (explicit.has(a.id)) {
      out.set(a.id, { category: explicit.get(a.id) ?? null, source: "set" });
      continue;
    }
    const d = a.number ? DEFAULT_CHART_CATEGORIES[a.number] : undefined;
    if (d && d.name.toLowerCase() === a.name.toLowerCase())
      out.set(a.id, { category: d.category, source: "default" });
    else out.set(a.id, { category: null, source: "none" });
  }
  return out;
}
