// Typed calls to the ledger API (src/modules/ledger/routes.ts). Amounts stay decimal strings.
import { api } from "./client.ts";

export const ACCOUNT_TYPES = ["asset", "liability", "equity", "income", "expense"] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

export interface Account {
  id: string;
  number: string | null;
  name: string;
  fullName: string;
  type: AccountType;
  detailType: string;
  parentId: string | null;
  normalBalance: "debit" | "credit";
  isActive: boolean;
  description: string | null;
}

export interface Contact {
  id: string;
  kind: "vendor" | "customer" | "employee" | "other";
  name: string;
  email: string | null;
  isActive: boolean;
}

export interface EntryLine {
  accountId: string;
  amount: string;
  currency: string;
  contactId: string | null;
  memo: string | null;
}

export type EntryStatus = "draft" | "posted" | "reversed";

export interface Entry {
  id: string;
  number: string;
  date: string;
  description: string;
  reference: string | null;
  comment: string | null;
  status: EntryStatus;
  source: string;
  reversesEntryId: string | null;
  reversedByEntryId: string | null;
  lines: EntryLine[];
}

export interface EntryInput {
  date: string;
  description: string;
  reference?: string | null;
  lines: Array<{
    accountId: string;
    debit?: string;
    credit?: string;
    memo?: string | null;
    contactId?: string | null;
  }>;
}

export interface TrialBalance {
  client: string;
  asOf: string;
  rows: Array<{ account: string; currency: string; debit: string; credit: string; balance: string }>;
  totals: Array<{ currency: string; debit: string; credit: string }>;
}

export interface LedgerLine {
  entryId: string;
  entryNumber: string;
  date: string;
  description: string;
  reference: string | null;
  memo: string | null;
  contact: string | null;
  amount: string;
  balance: string;
}

export interface GeneralLedger {
  client: string;
  from: string;
  to: string;
  accounts: Array<{
    accountId: string;
    account: string;
    number: string | null;
    currency: string;
    opening: string;
    debits: string;
    credits: string;
    closing: string;
    lines: LedgerLine[];
  }>;
}

export interface Period {
  month: string;
  status: "open" | "locked";
  changedBy: string;
  changedAt: string;
}

const base = (client: string) => `/api/clients/${encodeURIComponent(client)}`;

export const ledgerApi = {
  accounts: (client: string, includeInactive = false) =>
    api.get<{ accounts: Account[] }>(`${base(client)}/accounts`, { includeInactive }).then((r) => r.accounts),
  createAccount: (
    client: string,
    input: {
      name: string;
      number?: string | null;
      type: AccountType;
      parentId?: string | null;
      description?: string | null;
    },
  ) => api.post<Account>(`${base(client)}/accounts`, input),
  updateAccount: (
    client: string,
    id: string,
    patch: Partial<Pick<Account, "name" | "number" | "description" | "isActive">>,
  ) => api.patch<Account>(`${base(client)}/accounts/${id}`, patch),
  applyTemplate: (client: string) => api.post<{ created: number }>(`${base(client)}/accounts/apply-template`),
  contacts: (client: string) =>
    api.get<{ contacts: Contact[] }>(`${base(client)}/contacts`).then((r) => r.contacts),
  entries: (
    client: string,
    filter: { status?: "draft" | "posted"; from?: string; to?: string; limit?: number; offset?: number },
  ) => api.get<{ entries: Entry[] }>(`${base(client)}/journal-entries`, filter).then((r) => r.entries),
  entry: (client: string, id: string) => api.get<Entry>(`${base(client)}/journal-entries/${id}`),
  createEntry: (client: string, input: EntryInput, post: boolean) =>
    api.post<Entry>(`${base(client)}/journal-entries`, input, { post }),
  updateDraft: (client: string, id: string, input: EntryInput) =>
    api.put<Entry>(`${base(client)}/journal-entries/${id}`, input),
  deleteDraft: (client: string, id: string) => api.del(`${base(client)}/journal-entries/${id}`),
  postDraft: (client: string, id: string) => api.post<Entry>(`${base(client)}/journal-entries/${id}/post`),
  reverse: (client: string, id: string, body: { date?: string; description?: string }) =>
    api.post<Entry>(`${base(client)}/journal-entries/${id}/reverse`, body),
  trialBalance: (client: string, asOf?: string) =>
    api.get<TrialBalance>(`${base(client)}/reports/trial-balance`, { asOf }),
  trialBalanceCsvUrl: (client: string, asOf: string) =>
    `${base(client)}/reports/trial-balance?format=csv&asOf=${asOf}`,
  generalLedger: (client: string, q: { from: string; to: string; accountId?: string }) =>
    api.get<GeneralLedger>(`${base(client)}/reports/general-ledger`, q),
  periods: (client: string) =>
    api.get<{ periods: Period[] }>(`${base(client)}/periods`).then((r) => r.periods),
  lock: (client: string, month: string, locked: boolean) =>
    api.post<Period>(`${base(client)}/periods/${month}/${locked ? "lock" : "unlock"}`),
};
