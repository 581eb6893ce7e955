// The standard folder tree every client gets: Bank statements (one folder per bank or card account,
// and in it one per year), Payroll, Loans, AR payment details, AP (Other, Archived), Receipts, Tax,
// Onboarding.
// Each standard folder has a stable key, so the tree is planned here and the service adds only what
// is missing: making it again (a new bank account, a new year) never duplicates a folder.

export interface PlannedFolder {
  key: string;
  /** The key of the folder it sits in; null at the top. */
  parentKey: string | null;
  name: string;
  bankAccountId: string | null;
}

export interface StatementAccount {
  id: string;
  name: string;
  /** Distinguishes two accounts of one name (the last digits, or the short name). */
  mask?: string | null | undefined;
  shortName?: string | null | undefined;
}

export const BANK_STATEMENTS = "bank-statements";
export const RECEIPTS = "receipts";

const TOP: ReadonlyArray<{
  key: string;
  name: string;
  children?: ReadonlyArray<{ key: string; name: string }>;
}> = [
  { key: BANK_STATEMENTS, name: "Bank statements" },
  { key: "payroll", name: "Payroll" },
  { key: "loans", name: "Loans" },
  { key: "ar-payment-details", name: "AR payment details" },
  {
    key: "ap",
    name: "AP",
    children: [
      { key: "ap-other", name: "Other" },
      { key: "ap-archived", name: "Archived" },
    ],
  },
  // Receipts and bills: what is filed here is read and matched to bank transactions (receipts module).
  { key: RECEIPTS, name: "Receipts" },
  { key: "tax", name: "Tax" },
  { key: "onboarding", name: "Onboarding" },
];

export const accountKey = (accountId: string) => `bank-account:${accountId}`;
export const yearKey = (accountId: string, year: number) => `bank-year:${accountId}:${year}`;

/** The account a Bank statements folder key is about, and the year for a year folder. */
export function parseBankKey(key: string | null): { accountId: string; year: number | null } | null {
  const m = /^bank-(account|year):([0-9a-f-]{36})(?::(\d{4}))?$/.exec(key ?? "");
  if (!m) return null;
  return { accountId: m[2]!, year: m[3] ? Number(m[3]) : null };
}

/**
 * The standard tree for these accounts, with year folders from each account's first year to
 * `lastYear`, parents before children. Two accounts of one name get their mask or short name added.
 */
export function standardTree(
  accounts: readonly StatementAccount[],
  firstYearOf: (accountId: string) => number,
  lastYear: number,
): PlannedFolder[] {
  const out: PlannedFolder[] = [];
  for (const top of TOP) {
    out.push({ key: top.key, parentKey: null, name: top.name, bankAccountId: null });
    for (const child of top.children ?? [])
      out.push({ key: child.key, parentKey: top.key, name: child.name, bankAccountId: null });
  }
  const names = accountFolderNames(accounts);
  for (const account of accounts) {
    out.push({
      key: accountKey(account.id),
      parentKey: BANK_STATEMENTS,
      name: names.get(account.id)!,
      bankAccountId: account.id,
    });
    for (let year = Math.min(firstYearOf(account.id), lastYear); year <= lastYear; year++)
      out.push({
        key: yearKey(account.id, year),
        parentKey: accountKey(account.id),
        name: String(year),
        bankAccountId: account.id,
      });
  }
  return out;
}

function accountFolderNames(accounts: readonly StatementAccount[]): Map<string, string> {
  const clean = (s: string) =>
    s
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, " ")
      .replace(/[. ]+$/, "")
      .trim()
      .slice(0, 180) || "Account";
  const count = new Map<string, number>();
  for (const a of accounts)
    count.set(clean(a.name).toLowerCase(), (count.get(clean(a.name).toLowerCase()) ?? 0) + 1);
  return new Map(
    accounts.map((a) => {
      const base = clean(a.name);
      if (count.get(base.toLowerCase())! < 2) return [a.id, base];
      const tag = a.mask ? `…${a.mask}` : (a.shortName ?? a.id.slice(0, 8));
      return [a.id, `${base} (${tag})`];
    }),
  );
}
