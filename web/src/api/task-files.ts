// Typed calls to the routes that join work, documents and banking (src/app/task-file-routes.ts): a
// file uploaded through a document request, a missing month's statement requested, and a filed
// statement's import offer and import.
import type { z } from "zod";
import { api } from "./client.ts";
import { upload } from "./banking.ts";
import type {
  importOffer,
  importOut,
  statementRequestOut,
  taskUploadOut,
} from "../../../src/app/task-file-schemas.ts";

export type TaskUpload = z.infer<typeof taskUploadOut>;
export type ImportOffer = z.infer<typeof importOffer>;
export type StatementImport = z.infer<typeof importOut>;
export type StatementRequest = z.infer<typeof statementRequestOut>;

const base = (client: string) => `/api/clients/${encodeURIComponent(client)}`;

export const taskFilesApi = {
  upload: (
    taskId: string,
    file: File,
    options: { keepOpen?: boolean; onProgress?: (f: number) => void } = {},
  ) => {
    const form = new FormData();
    form.append("file", file, file.name);
    return upload<TaskUpload>(
      `/api/tasks/${taskId}/upload${options.keepOpen ? "?keepOpen=true" : ""}`,
      form,
      options.onProgress,
    );
  },
  requestStatement: (client: string, bankAccountId: string, month: string) =>
    api.post<StatementRequest>(`${base(client)}/missing-statements/request`, { bankAccountId, month }),
  offer: (client: string, documentId: string) =>
    api.get<ImportOffer>(`${base(client)}/documents/${documentId}/statement-import`),
  importStatement: (client: string, documentId: string) =>
    api.post<StatementImport>(`${base(client)}/documents/${documentId}/statement-import`),
};

/** The bank account and month a statement request's key names ("documents.statement:<account>:<month>"). */
export function statementKeyOf(key: string | null): { accountId: string; month: string } | null {
  const m = /^documents\.statement:([0-9a-f-]{36}):(\d{4}-\d{2})$/.exec(key ?? "");
  return m ? { accountId: m[1]!, month: m[2]! } : null;
}
