// Typed calls to the Transaction Manager, rules and AI settings APIs (src/modules/transactions/routes.ts,
// src/modules/categorize/routes.ts). Amounts stay decimal strings; confidence is a 0..1 number.
import { api } from "./client.ts";

export type Status = "needs_review" | "processed" | "held" | "excluded";
export type Band = "high" | "medium" | "low";
export type Tab = "needs_review" | "processed" | "excluded" | "all";
export type Mode = "auto_push" | "manual_push" | "none";

export interface SplitPart {
  accountId: string;
  amount: string;
  classId: string | null;
  memo: string | null;
  percent: string | null;
}

export interface Coding {
  accountId: string | null;
  payee: string | null;
  contactId: string | null;
  classId: string | null;
  departmentId: string | null;
  memo: string | null;
  split: SplitPart[] | null;
}

export interface Stamp {
  by: string;
  name: string;
  at: string;
}

export interface Transaction {
  id: string;
  bankAccountId: string;
  date: string;
  amount: string;
  currency: string;
  description: string;
  bankPayee: string | null;
  status: Status;
  statusReason: string;
  prediction: {
    method: string | null;
    modelVersion: string | null;
    confidence: number | null;
    band: Band | null;
    explanation: string | null;
    ruleId: string | null;
    coding: Coding;
  };
  coding: Coding;
  posted: boolean;
  entryId: string | null;
  material: boolean;
  assigneeId: string | null;
  edited: Stamp | null;
  reviewed: Stamp | null;
}

export interface TransactionDetail extends Transaction {
  similar: Array<{ id: string; date: string; description: string; amount: string; accountId: string | null }>;
  history: Array<{ action: string; by: string | null; at: string }>;
}

export interface TransactionPage {
  transactions: Transaction[];
  total: number;
  limit: number;
  offset: number;
  counts: { needsReview: number; processed: number; excluded: number; held: number };
}

export interface TransactionFilter {
  tab: Tab;
  band?: Band | undefined;
  accountId?: string | undefined;
  bankAccountId?: string | undefined;
  minAmount?: string | undefined;
  maxAmount?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  assigneeId?: string | undefined;
  search?: string | undefined;
  limit?: number;
  offset?: number;
}

export interface Edit {
  accountId?: string;
  payee?: string | null;
  contactId?: string | null;
  classId?: string | null;
  departmentId?: string | null;
  memo?: string | null;
  assigneeId?: string | null;
}

export interface SplitInput {
  by: "amount" | "percent";
  parts: Array<{
    accountId: string;
    amount?: string;
    percent?: string;
    classId?: string | null;
    memo?: string | null;
  }>;
}

export type Condition =
  | { field: "description" | "payee"; op: "contains" | "equals" | "startsWith" | "regex"; value: string }
  | { field: "amount"; op: "equals"; value: string }
  | { field: "amount"; op: "between"; min: string; max: string }
  | { field: "amount"; op: "approx"; value: string; tolerancePercent: string }
  | { field: "direction"; op: "is"; value: "in" | "out" }
  | { field: "bankAccount"; op: "is"; value: string };

export interface RuleActions {
  account?: string;
  payee?: string;
  classId?: string;
  memo?: string;
  split?:
    | { by: "amount"; parts: Array<{ account: string; amount?: string }> }
    | { by: "percent"; parts: Array<{ account: string; percent: string }> };
}

export interface Rule {
  id: string;
  name: string;
  match: "all" | "any";
  conditions: Condition[];
  actions: RuleActions;
  enabled: boolean;
  version: number;
  origin: "manual" | "correction";
  sourceTransactionId: string | null;
  createdBy: { id: string; name: string };
  updatedBy: { id: string; name: string };
  createdAt: string;
  updatedAt: string;
}

export interface RuleInput {
  name?: string;
  match: "all" | "any";
  conditions: Condition[];
  actions: RuleActions;
  enabled?: boolean;
}

export interface RulePreview {
  matched: number;
  applicable: number;
  lines: Array<{
    transactionId: string;
    date: string;
    description: string;
    amount: string;
    status: Status;
    currentAccountId: string | null;
    accountId: string | null;
    split: boolean;
    outrankedBy: string | null;
    wouldApply: boolean;
  }>;
}

export interface ApplyResult {
  applied: number;
  posted: number;
  reposted: number;
}

export interface AiSettingsValues {
  trainingWindow: { from: string | null; to: string | null };
  excludedAccountIds: string[];
  materiality: string | null;
  bands: { high: string; medium: string };
  lowConfidence: "post_default" | "hold";
  defaultExpenseAccountId: string | null;
  defaultIncomeAccountId: string | null;
  defaultPayeeContactId: string | null;
  defaultAssigneeId: string | null;
}

export interface AiSettings {
  settings: AiSettingsValues & { updated: Partial<Record<keyof AiSettingsValues, Stamp>> };
  defaults: AiSettingsValues;
  lastUpdated: Stamp | null;
  currency: string;
}

export interface Automation {
  bankAccountId: string;
  bankAccountName: string;
  kind: string;
  currency: string;
  ledgerAccount: { id: string; name: string; number: string | null };
  mode: Mode;
  startDate: string | null;
  earliestStartDate: string;
  lastUpdated: Stamp | null;
}

export interface ModelVersion {
  id: string;
  scope: "firm" | "client";
  version: string;
  generation: number;
  rows: number;
  trainedThrough: string | null;
  isCurrent: boolean;
  trainedBy: string;
  trainedAt: string;
  sizeBytes: number;
}

export interface Learning {
  models: ModelVersion[];
  pendingCorrections: number;
  trainingQueued: boolean;
  memory: { clientTallies: number; firmTallies: number; learned: string };
}

export interface Taxonomy {
  categories: Array<{ id: string; name: string; type: string }>;
  accounts: Array<{
    accountId: string;
    number: string | null;
    fullName: string;
    type: string;
    isActive: boolean;
    category: string | null;
    source: "set" | "default" | "none";
  }>;
}

export interface Dimension {
  id: string;
  kind: "class" | "department" | "location" | "project";
  name: string;
  isActive: boolean;
}

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
  updateSettings: (client: string, patch: Partial<AiSettingsValues>) =>
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
