// Typed calls to the ledger API (src/modules/ledger/routes.ts). Amounts stay decimal strings.
import { api } from "./client.ts";
import type { z } from "zod";
import type { account } from "../../../src/modules/ledger/account-routes.ts";
import type { currencyScales } from "../../../src/modules/ledger/currency-routes.ts";
import type { entry, entryIn } from "../../../src/modules/ledger/entry-schemas.ts";
import type { period } from "../../../src/modules/ledger/period-routes.ts";
import type { contact } from "../../../src/modules/ledger/reference-routes.ts";
import type { tbJson } from "../../../src/modules/ledger/report-routes.ts";
import type {
  accountIn,
  accountPatch,
  generalLedger,
  ledgerLine,
} from "../../../src/modules/ledger/route-schemas.ts";

// The shapes come from the server's zod schemas (type-only imports, erased from the bundle), so a
// server change the portal does not follow fails tsc instead of drifting silently.
export type Account = z.infer<typeof account>;
export type AccountType = Account["type"];
export type AccountInput = z.input<typeof accountIn>;
export type AccountPatch = z.input<typeof accountPatch>;
/** The account types in the chart's order; a runtime list, checked against the server's. */
export const ACCOUNT_TYPES = [
  "asset",
  "liability",
  "equity",
  "income",
  "expense",
] as const satisfies readonly AccountType[];
export type Contact = z.infer<typeof contact>;
export type Entry = z.infer<typeof entry>;
export type EntryLine = Entry["lines"][number];
export type EntryStatus = Entry["status"];
export type EntryInput = z.input<typeof entryIn>;
export type TrialBalance = z.infer<typeof tbJson>;
export type GeneralLedger = z.infer<typeof generalLedger>;
export type LedgerLine = z.infer<typeof ledgerLine>;
export type Period = z.infer<typeof period>;
export type CurrencyScales = z.infer<typeof currencyScales>;

const base = (client: string) => `/api/clients/${encodeURIComponent(client)}`;

export const ledgerApi = {
  accounts: (client: string, includeInactive = false) =>
    api.get<{ accounts: Account[] }>(`${base(client)}/accounts`, { includeInactive }).then((r) => r.accounts),
  createAccount: (client: string, input: AccountInput) =>
    api.post<Account>(`${base(client)}/accounts`, input),
  updateAccount: (client: string, id: string, patch: AccountPatch) =>
    api.patch<Account>(`${base(client)}/accounts/${id}`, patch),
  /** The client's currencies and the decimals the ledger keeps each at. */
  currencies: (client: string) => api.get<CurrencyScales>(`${base(client)}/currencies`),
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
