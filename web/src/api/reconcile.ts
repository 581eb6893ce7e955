// Typed calls to the bank reconciliation (src/modules/reconcile/routes.ts): the list per bank
// account, one reconciliation with its matches and both sides, start, the decisions, completion and
// the report (JSON here; CSV and PDF as downloads from the same address with format=…).
import { api, withQuery } from "./client.ts";
import type { z } from "zod";
import type { listOut, reconciliationOut, startIn } from "../../../src/modules/reconcile/schemas.ts";

// The shapes come from the server's zod schemas (type-only imports), so a server change the portal
// does not follow fails tsc instead of drifting silently.
export type Reconciliation = z.infer<typeof reconciliationOut>;
export type RecMatch = Reconciliation["matches"][number];
export type StatementSide = Reconciliation["unmatched"]["statement"][number];
export type LedgerSide = Reconciliation["unmatched"]["ledger"][number];
/** An account of the list, with its auto-reconcile setting (`auto`, `excluded`). */
export type AccountReconciliation = z.infer<typeof listOut>["accounts"][number];
export type StartInput = z.input<typeof startIn>;

const base = (client: string) => `/api/clients/${encodeURIComponent(client)}/reconciliations`;
const one = (client: string, id: string) => `${base(client)}/${encodeURIComponent(id)}`;

export const reconcileApi = {
  list: (client: string) =>
    api.get<{ accounts: AccountReconciliation[] }>(base(client)).then((r) => r.accounts),
  get: (client: string, id: string) => api.get<Reconciliation>(one(client, id)),
  start: (client: string, input: StartInput) => api.post<Reconciliation>(base(client), input),
  decide: (client: string, id: string, match: string, status: "accepted" | "rejected", version: number) =>
    api.patch<Reconciliation>(`${one(client, id)}/matches/${encodeURIComponent(match)}`, { status, version }),
  outstanding: (client: string, id: string, line: string, outstanding: boolean, version: number) =>
    api.patch<Reconciliation>(`${one(client, id)}/ledger-lines/${encodeURIComponent(line)}`, {
      outstanding,
      version,
    }),
  createEntry: (client: string, id: string, bankLineId: string) =>
    api.post<Reconciliation>(`${one(client, id)}/entries`, { bankLineId }),
  complete: (client: string, id: string, version: number) =>
    api.post<Reconciliation>(`${one(client, id)}/complete`, { version }),
  reportUrl: (client: string, id: string, format: "csv" | "pdf") =>
    withQuery(`${one(client, id)}/report`, { format }),
};
