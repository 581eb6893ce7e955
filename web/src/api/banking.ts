// Typed calls to the banking API (src/modules/banking/*-routes.ts): bank accounts and totals,
// connections, statement preview and import (multipart, with upload progress), bank lines.
import { api, csrfToken, withQuery } from "./client.ts";
import { ApiError, type Problem } from "./problem.ts";

export type BankAccountKind = "bank" | "credit_card";

export interface CsvColumns {
  date: number;
  amount: number | null;
  debit: number | null;
  credit: number | null;
  indicator: number | null;
  description: number | null;
  payee: number | null;
  reference: number | null;
  id: number | null;
  balance: number | null;
  currency: number | null;
  account: number | null;
}

export interface CsvMapping {
  version: 1;
  delimiter: "," | ";" | "\t" | "|";
  header: string[] | null;
  skipRecords: number;
  columns: CsvColumns;
  dateOrder: "YMD" | "MDY" | "DMY";
  decimalSeparator: "." | ",";
  sign: "signed" | "inverted" | "debit-credit" | "indicator";
}

export interface BankAccount {
  id: string;
  shortName: string;
  name: string;
  kind: BankAccountKind;
  currency: string;
  mask: string | null;
  accountNumber: string | null;
  institution: { id: string; name: string } | null;
  connectionId: string | null;
  ledgerAccount: { id: string; name: string; number: string | null };
  csvMapping: CsvMapping | null;
  isActive: boolean;
  balance: string | null;
  balanceAsOf: string | null;
  lineCount: number;
  lastLineDate: string | null;
  lastImportAt: string | null;
}

export interface Totals {
  currency: string;
  cashAvailable: string;
  creditUsed: string;
  netCash: string;
  accountsWithoutBalance: number;
}

export interface Institution {
  id: string;
  name: string;
  bankCode: string | null;
}

export type ConnectionState = "requested" | "setting_up" | "connected" | "disconnected";

export interface Connection {
  id: string;
  institution: { id: string; name: string };
  provider: string | null;
  providerLabel: string | null;
  state: ConnectionState;
  owner: { id: string; name: string };
  createdBy: string;
  lastError: string | null;
  lastSyncedAt: string | null;
  createdAt: string;
  updatedAt: string;
  bankAccountIds: string[];
  openRequests: Array<{
    id: string;
    kind: "connect" | "reconnect";
    assigneeId: string | null;
    message: string | null;
    createdAt: string;
  }>;
  history: Array<{
    event: string;
    from: string | null;
    to: string | null;
    actorName: string;
    reason: string | null;
    at: string;
  }>;
  folder: string | null;
  canRemove: boolean;
}

export interface PollReport {
  files: Array<{
    name: string;
    ok: boolean;
    result?: { imports: Array<{ bankAccount: string; newLines: number; duplicateLines: number }> };
    error?: { code: string; detail: string; line: number | null };
  }>;
}

export interface CsvGrid {
  columns: string[];
  rows: string[][];
}

export interface Preview {
  fileName: string;
  size: number;
  sha256: string;
  format: string;
  encoding: string;
  statements: Array<{
    position: number;
    account: string | null;
    currency: string | null;
    start: string | null;
    end: string | null;
    openingBalance: string | null;
    closingBalance: string | null;
    lines: number;
    chosen: boolean;
  }>;
  lines: Array<{
    statement: number;
    line: number | null;
    date: string;
    amount: string;
    description: string;
    payee: string | null;
    reference: string | null;
    bankTransactionId: string | null;
  }>;
  totalLines: number;
  warnings: string[];
  csv: (CsvGrid & { mapping: CsvMapping; mappingSource: "given" | "saved" | "bank" | "detected" }) | null;
  alreadyImported: { importedAt: string } | null;
  blocked: { code: string; detail: string; line: number | null } | null;
}

export interface ImportSummary {
  importId: string;
  bankAccount: { id: string; shortName: string; name: string; currency: string };
  file: { id: string; name: string; format: string; sha256: string; size: number; alreadyImported: boolean };
  statements: number;
  totalLines: number;
  newLines: number;
  duplicateLines: number;
  period: { from: string; to: string } | null;
  warnings: string[];
  mappingSaved: boolean;
}

export interface ImportRun {
  id: string;
  bankAccountId: string;
  fileId: string;
  fileName: string;
  format: string;
  source: string;
  connectionId: string | null;
  importedBy: string;
  totalLines: number;
  newLines: number;
  duplicateLines: number;
  warnings: string[];
  createdAt: string;
}

export interface BankLine {
  id: string;
  bankAccountId: string;
  date: string;
  amount: string;
  currency: string;
  description: string;
  payee: string | null;
  reference: string | null;
  bankTransactionId: string | null;
  occurrence: number;
  source: { fileId: string; statementId: string; line: number | null; importId: string };
  fields: Record<string, unknown>;
  createdAt: string;
}

export interface BankAccountInput {
  name: string;
  kind: BankAccountKind;
  ledgerAccountId: string;
  currency?: string | null;
  mask?: string | null;
  institutionName?: string | null;
}

const base = (client: string) => `/api/clients/${encodeURIComponent(client)}`;

function uploadForm(file: File, fields: Record<string, string | undefined>): FormData {
  const form = new FormData();
  // Text fields first: the server reads the parts in order.
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) form.append(k, v);
  form.append("file", file, file.name);
  return form;
}

/**
 * Posts a multipart form with XMLHttpRequest, which (unlike fetch) reports upload progress.
 * Resolves with the JSON answer; rejects with ApiError for a problem+json answer.
 */
function upload<T>(path: string, form: FormData, onProgress?: (fraction: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", path);
    xhr.withCredentials = true;
    xhr.setRequestHeader("accept", "application/json");
    const token = csrfToken();
    if (token) xhr.setRequestHeader("X-CSRF-Token", token);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress?.(e.loaded / e.total);
    };
    xhr.onerror = () =>
      reject(
        new ApiError({
          type: "about:blank",
          title: "network",
          status: 0,
          detail: "Closebook cannot be reached; check your connection and try again",
        }),
      );
    xhr.onload = () => {
      let payload: unknown;
      try {
        payload = JSON.parse(xhr.responseText);
      } catch {
        payload = { detail: xhr.statusText };
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(payload as T);
      else
        reject(
          new ApiError({
            type: "about:blank",
            title: xhr.statusText,
            status: xhr.status,
            detail: xhr.statusText,
            ...(payload as Partial<Problem>),
          } as Problem),
        );
    };
    xhr.send(form);
  });
}

export const bankingApi = {
  overview: (client: string) =>
    api.get<{ bankAccounts: BankAccount[]; totals: Totals[] }>(`${base(client)}/bank-accounts`),
  bankAccount: (client: string, account: string) =>
    api.get<BankAccount>(`${base(client)}/bank-accounts/${encodeURIComponent(account)}`),
  createBankAccount: (client: string, input: BankAccountInput) =>
    api.post<BankAccount>(`${base(client)}/bank-accounts`, input),
  updateBankAccount: (
    client: string,
    account: string,
    patch: Partial<BankAccountInput> & { isActive?: boolean; csvMapping?: CsvMapping | null },
  ) => api.patch<BankAccount>(`${base(client)}/bank-accounts/${encodeURIComponent(account)}`, patch),
  institutions: (client: string) =>
    api.get<{ institutions: Institution[] }>(`${base(client)}/institutions`).then((r) => r.institutions),
  connections: (client: string) =>
    api.get<{ connections: Connection[]; providers: Array<{ name: string; label: string }> }>(
      `${base(client)}/connections`,
    ),
  requestConnection: (
    client: string,
    input: { institutionName: string; assigneeId?: string | null; message?: string | null },
  ) => api.post<Connection>(`${base(client)}/connections/request`, input),
  addConnection: (
    client: string,
    input: { institutionName: string; provider: string; bankAccountIds: string[] },
  ) => api.post<Connection>(`${base(client)}/connections`, input),
  setUpConnection: (client: string, id: string, input: { provider: string; bankAccountIds?: string[] }) =>
    api.post<Connection>(`${base(client)}/connections/${id}/set-up`, input),
  reconnect: (client: string, id: string) =>
    api.post<Connection>(`${base(client)}/connections/${id}/reconnect`),
  disconnect: (client: string, id: string, reason?: string) =>
    api.post<Connection>(`${base(client)}/connections/${id}/disconnect`, { reason: reason ?? null }),
  sync: (client: string, id: string) => api.post<PollReport>(`${base(client)}/connections/${id}/sync`),
  removeConnection: (client: string, id: string) => api.del(`${base(client)}/connections/${id}`),
  preview: (
    client: string,
    file: File,
    options: { bankAccount?: string; mapping?: CsvMapping | null; format?: string },
  ) =>
    upload<Preview>(
      `${base(client)}/imports/preview`,
      uploadForm(file, {
        bankAccount: options.bankAccount,
        format: options.format,
        mapping: options.mapping ? JSON.stringify(options.mapping) : undefined,
      }),
    ),
  importFile: (
    client: string,
    file: File,
    options: { bankAccount: string; mapping?: CsvMapping | null; format?: string },
    onProgress?: (fraction: number) => void,
  ) =>
    upload<ImportSummary>(
      `${base(client)}/imports`,
      uploadForm(file, {
        bankAccount: options.bankAccount,
        format: options.format,
        mapping: options.mapping ? JSON.stringify(options.mapping) : undefined,
      }),
      onProgress,
    ),
  imports: (client: string, bankAccount?: string) =>
    api
      .get<{ imports: ImportRun[] }>(`${base(client)}/imports`, { bankAccount, limit: 20 })
      .then((r) => r.imports),
  lines: (
    client: string,
    account: string,
    q: { search?: string; from?: string; to?: string; limit: number; offset: number },
  ) =>
    api.get<{ lines: BankLine[]; total: number }>(
      `${base(client)}/bank-accounts/${encodeURIComponent(account)}/lines`,
      q,
    ),
  statementFileUrl: (client: string, fileId: string) =>
    withQuery(`${base(client)}/statement-files/${fileId}`),
};
