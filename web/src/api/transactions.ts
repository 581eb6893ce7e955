// Typed calls to the Transaction Manager, rules and AI settings APIs (src/modules/transactions/routes.ts,
// src/modules/categorize/routes.ts). Amounts stay decimal strings; confidence is a 0..1 number.
import { api } from "./client.ts";
import type { z } from "zod";
import type {
  applyOut,
  automation,
  coding,
  editIn,
  listQuery,
  page,
  previewOut,
  splitIn,
  transaction,
  transactionDetail,
} from "../../../src/modules/transactions/schemas.ts";
import type {
  actions,
  condition,
  learningOut,
  rule,
  ruleIn,
  settingsIn,
  settingsOut,
  taxonomyOut,
} from "../../../src/modules/categorize/schemas.ts";
import type { dimension } from "../../../src/modules/ledger/reference-routes.ts";

// The shapes come from the server's zod schemas (type-only imports, erased from the bundle), so a
// server change the portal does not follow fails tsc instead of drifting silently.
export type Transaction = z.infer<typeof transaction>;
export type Status = Transaction["status"];
export type Band = NonNullable<Transaction["prediction"]["band"]>;
export type Coding = z.infer<typeof coding>;
export type SplitPart = NonNullable<Coding["split"]>[number];
export type Stamp = NonNullable<Transaction["edited"]>;
export type TransactionDetail = z.infer<typeof transactionDetail>;
export type TransactionPage = z.infer<typeof page>;
// limit and offset are z.coerce numbers on the server (a query string is text), whose input type is
// unknown; the portal sends numbers.
export type TransactionFilter = Omit<z.input<typeof listQuery>, "limit" | "offset"> & {
  limit?: number;
  offset?: number;
};
export type Tab = NonNullable<TransactionFilter["tab"]>;
export type Edit = z.input<typeof editIn>;
export type SplitInput = z.input<typeof splitIn>;
export type Condition = z.infer<typeof condition>;
export type RuleActions = z.infer<typeof actions>;
export type Rule = z.infer<typeof rule>;
export type RuleInput = z.input<typeof ruleIn>;
export type RulePreview = z.infer<typeof previewOut>;
export type ApplyResult = z.infer<typeof applyOut>;
export type AiSettings = z.infer<typeof settingsOut>;
export type AiSettingsValues = AiSettings["defaults"];
export type AiSettingsPatch = z.input<typeof settingsIn>;
export type Automation = z.infer<typeof automation>;
export type Mode = Automation["mode"];
export type Learning = z.infer<typeof learningOut>;
export type ModelVersion = Learning["models"][number];
export type Taxonomy = z.infer<typeof taxonomyOut>;
export type Dimension = z.infer<typeof dimension>;

const base = (client: string) => `/api/clients/${encodeURIComponent(client)}`;

export const transactionsApi = {
  list: (client: string, filter: TransactionFilter) =>
    api.get<TransactionPage>(`${base(client)}/transactions`, { ...filter }),
  get: (client: string, id: string) => api.get<TransactionDetail>(`${base(client)}/transactions/${id}`),
  edit: (client: string, id: string, edit: Edit) =>
    api.patch<Transaction>(`${base(client)}/transactions/${id}`, edit),
  split: (client: string, id: string, input: SplitInput) =>
    api.post<Transaction>(`${base(client)}/transactions/${id}/split`, input),
  review: (client: string, id: string) => api.post<Transaction>(`${base(client)}/transactions/${id}/review`),
  ruleFrom: (client: string, id: string, applyToExisting: boolean) =>
    api.post<{ rule: Rule; applied: ApplyResult | null }>(`${base(client)}/transactions/${id}/rule`, {
      applyToExisting,
    }),
  bulk: (client: string, ids: string[], action: "review" | "edit", edit?: Edit) =>
    api.post<{ transactions: Transaction[] }>(`${base(client)}/transactions/bulk`, {
      ids,
      action,
      ...(edit ? { edit } : {}),
    }),
  rules: (client: string) => api.get<{ rules: Rule[] }>(`${base(client)}/rules`).then((r) => r.rules),
  createRule: (client: string, input: RuleInput) => api.post<Rule>(`${base(client)}/rules`, input),
  updateRule: (client: string, id: string, patch: Partial<RuleInput>) =>
    api.patch<Rule>(`${base(client)}/rules/${id}`, patch),
  deleteRule: (client: string, id: string) => api.del(`${base(client)}/rules/${id}`),
  previewRule: (client: string, input: RuleInput, ruleId?: string) =>
    api.post<RulePreview>(`${base(client)}/rules/preview`, { ...input, ...(ruleId ? { ruleId } : {}) }),
  applyRule: (client: string, id: string) => api.post<ApplyResult>(`${base(client)}/rules/${id}/apply`),
  settings: (client: string) => api.get<AiSettings>(`${base(client)}/ai-settings`),
  updateSettings: (client: string, patch: AiSettingsPatch) =>
    api.patch<AiSettings>(`${base(client)}/ai-settings`, patch),
  taxonomy: (client: string) => api.get<Taxonomy>(`${base(client)}/ai-settings/taxonomy`),
  setCategory: (client: string, accountId: string, category: string | null) =>
    api.put<Taxonomy["accounts"][number]>(`${base(client)}/ai-settings/taxonomy/${accountId}`, { category }),
  learning: (client: string) => api.get<Learning>(`${base(client)}/ai-settings/learning`),
  train: (client: string, scope: "client" | "firm") =>
    api.post<{ queued: true }>(`${base(client)}/ai-settings/train`, { scope }),
  automation: (client: string) =>
    api.get<{ bankAccounts: Automation[] }>(`${base(client)}/automation`).then((r) => r.bankAccounts),
  setAutomation: (client: string, bankAccountId: string, value: { mode: Mode; startDate: string | null }) =>
    api.put<Automation>(`${base(client)}/bank-accounts/${bankAccountId}/automation`, value),
  dimensions: (client: string) =>
    api.get<{ dimensions: Dimension[] }>(`${base(client)}/dimensions`).then((r) => r.dimensions),
};
