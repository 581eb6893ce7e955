// Typed calls to the receipts API (src/modules/receipts/routes.ts): Receipts to match, one receipt's
// reading, upload, choose a transaction, dismiss, read again.
import { api } from "./client.ts";
import { upload } from "./banking.ts";
import type { z } from "zod";
import type { receipt } from "../../../src/modules/receipts/schemas.ts";

export type Receipt = z.infer<typeof receipt>;

const base = (client: string) => `/api/clients/${encodeURIComponent(client)}/receipts`;

export const receiptsApi = {
  list: (client: string, state?: string) =>
    api.get<{ receipts: Receipt[]; folderId: string }>(base(client), state ? { state } : undefined),
  one: (client: string, id: string) => api.get<Receipt>(`${base(client)}/${id}`),
  upload: (client: string, file: File, onProgress?: (fraction: number) => void) => {
    const form = new FormData();
    form.append("file", file, file.name);
    return upload<Receipt>(base(client), form, onProgress);
  },
  match: (client: string, id: string, transactionId: string) =>
    api.post<Receipt>(`${base(client)}/${id}/match`, { transactionId }),
  dismiss: (client: string, id: string) => api.post<Receipt>(`${base(client)}/${id}/dismiss`),
  reread: (client: string, id: string) => api.post<Receipt>(`${base(client)}/${id}/reread`),
};
