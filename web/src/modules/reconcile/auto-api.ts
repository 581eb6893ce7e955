// Typed calls to auto-reconcile's routes (src/modules/reconcile/auto-routes.ts): Reconciled by
// Closebook with undo, and write-up batches (multipart upload with progress, then polling).
import type { z } from "zod";
import { api } from "../../api/client.ts";
import { upload } from "../../api/banking.ts";
import type {
  autoListOut,
  writeUpListOut,
  writeUpOut,
} from "../../../../src/modules/reconcile/auto-schemas.ts";

export type AutoReconciled = z.infer<typeof autoListOut>;
export type WriteUp = z.infer<typeof writeUpOut>;

const base = (client: string) => `/api/clients/${encodeURIComponent(client)}/reconciliations`;

export const autoApi = {
  list: (client: string) => api.get<AutoReconciled>(`${base(client)}/auto`),
  undo: (client: string, id: string, reason?: string) =>
    api.post<unknown>(`${base(client)}/auto/${id}/undo`, reason ? { reason } : {}),
  writeUps: (client: string) => api.get<z.infer<typeof writeUpListOut>>(`${base(client)}/write-ups`),
  writeUp: (client: string, id: string) => api.get<WriteUp>(`${base(client)}/write-ups/${id}`),
  startWriteUp: (
    client: string,
    input: { bankAccount: string; startDate?: "move-back" | "keep"; files: File[] },
    onProgress?: (fraction: number) => void,
  ) => {
    const form = new FormData();
    // Text fields first: the server reads the parts in order.
    form.append("bankAccount", input.bankAccount);
    if (input.startDate) form.append("startDate", input.startDate);
    for (const f of input.files) form.append("files", f, f.name);
    return upload<WriteUp>(`${base(client)}/write-ups`, form, onProgress);
  },
};
