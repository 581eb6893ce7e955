// Typed calls to the banking API (src/modules/banking/*-routes.ts): bank accounts and totals,
// connections, statement preview and import (multipart, with upload progress), bank lines.
import { api, csrfToken, withQuery } from "./client.ts";
import { ApiError, type Problem } from "./problem.ts";
import type { z } from "zod";
import type {
  bankAccount,
  bankAccountIn,
  bankAccountPatch,
  bankLine,
  connection,
  csvMapping,
  importRun,
  importSummary,
  institution,
  pollReport,
  preview,
  totals,
} from "../../../src/modules/banking/schemas.ts";

// The shapes come from the server's zod schemas (type-only imports, erased from the bundle), so a
// server change the portal does not follow fails tsc instead of drifting silently.
export type CsvMapping = z.infer<typeof csvMapping>;
export type CsvColumns = CsvMapping["columns"];
export type BankAccount = z.infer<typeof bankAccount>;
export type BankAccountKind = BankAccount["kind"];
export type Totals = z.infer<typeof totals>;
export type Institution = z.infer<typeof institution>;
export type Connection = z.infer<typeof connection>;
export type ConnectionState = Connection["state"];
export type PollReport = z.infer<typeof pollReport>;
export type Preview = z.infer<typeof preview>;
/** A CSV file's columns and first rows, as the preview (and a problem answer) carry them. */
export type CsvGrid = Pick<NonNullable<Preview["csv"]>, "columns" | "rows">;
export type ImportSummary = z.infer<typeof importSummary>;
export type ImportRun = z.infer<typeof importRun>;
export type BankLine = z.infer<typeof bankLine>;
export type BankAccountInput = z.input<typeof bankAccountIn>;
export type BankAccountPatch = z.input<typeof bankAccountPatch>;

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
export function upload<T>(path: string, form: FormData, onProgress?: (fraction: number) => void): Promise<T> {
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
  updateBankAccount: (client: string, account: string, patch: BankAccountPatch) =>
    api.patch<BankAccount>(`${base(client)}/bank-accounts/${encodeURIComponent(account)}`, patch),
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
