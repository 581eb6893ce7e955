// Typed calls to the documents API (src/modules/documents/*-routes.ts): folders, documents and their
// versions and history, uploads (multipart, with progress) and missing statements.
import { api } from "./client.ts";
import { upload } from "./banking.ts";
import type { z } from "zod";
import type {
  archiveResult,
  document,
  folder,
  historyEntry,
  missingStatements,
  uploadResult,
} from "../../../src/modules/documents/schemas.ts";

export type Folder = z.infer<typeof folder>;
export type DocumentItem = z.infer<typeof document>;
export type HistoryEntry = z.infer<typeof historyEntry>;
export type MissingStatements = z.infer<typeof missingStatements>;
export type UploadResult = z.infer<typeof uploadResult>;
export type ArchiveResult = z.infer<typeof archiveResult>;

const base = (client: string) => `/api/clients/${encodeURIComponent(client)}`;

function fileForm(file: File): FormData {
  const form = new FormData();
  form.append("file", file, file.name);
  return form;
}

/** Where a document's bytes are: downloaded, or shown inline (PDF, images) for the preview. */
export const contentUrl = (
  client: string,
  id: string,
  options: { inline?: boolean; version?: number } = {},
) =>
  `${base(client)}/documents/${id}/content${options.inline ? "?inline=true" : options.version ? `?version=${options.version}` : ""}`;

export const documentsApi = {
  folders: (client: string) =>
    api.get<{ folders: Folder[] }>(`${base(client)}/folders`).then((r) => r.folders),
  createFolder: (client: string, input: { name: string; parentId: string | null }) =>
    api.post<Folder>(`${base(client)}/folders`, input),
  changeFolder: (client: string, id: string, input: { name?: string; parentId?: string | null }) =>
    api.patch<Folder>(`${base(client)}/folders/${id}`, input),
  deleteFolder: (client: string, id: string) => api.del(`${base(client)}/folders/${id}`),
  documents: (client: string, query: { folder?: string; trash?: boolean; search?: string }) =>
    api.get<{ documents: DocumentItem[] }>(`${base(client)}/documents`, query).then((r) => r.documents),
  document: (client: string, id: string) => api.get<DocumentItem>(`${base(client)}/documents/${id}`),
  history: (client: string, id: string) =>
    api.get<{ history: HistoryEntry[] }>(`${base(client)}/documents/${id}/history`).then((r) => r.history),
  change: (client: string, id: string, input: { name?: string; folderId?: string; period?: string | null }) =>
    api.patch<DocumentItem>(`${base(client)}/documents/${id}`, input),
  trash: (client: string, id: string) => api.del<DocumentItem>(`${base(client)}/documents/${id}`),
  restore: (client: string, id: string) => api.post<DocumentItem>(`${base(client)}/documents/${id}/restore`),
  upload: (client: string, folderId: string, file: File, onProgress?: (fraction: number) => void) =>
    upload<UploadResult>(`${base(client)}/documents?folder=${folderId}`, fileForm(file), onProgress),
  uploadArchive: (client: string, folderId: string, file: File, onProgress?: (fraction: number) => void) =>
    upload<ArchiveResult>(`${base(client)}/documents/archive?folder=${folderId}`, fileForm(file), onProgress),
  missing: (client: string) =>
    api.get<{ accounts: MissingStatements[] }>(`${base(client)}/missing-statements`).then((r) => r.accounts),
};
