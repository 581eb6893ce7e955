// Typed calls to the Close Tracker API (src/modules/close/routes.ts): the board, a client's month
// (view, change, close, reopen, send its package again).
import { api } from "./client.ts";
import type { z } from "zod";
import type { boardOut, monthOut, closeOut } from "../../../src/modules/close/schemas.ts";

export type Board = z.infer<typeof boardOut>;
export type CloseMonth = z.infer<typeof monthOut>;
export type Closed = z.infer<typeof closeOut>;

const month = (client: string, m: string) => `/api/clients/${encodeURIComponent(client)}/close/${m}`;

export const closeApi = {
  board: (query: Record<string, string>) => api.get<Board>("/api/close/board", query),
  month: (client: string, m: string) => api.get<CloseMonth>(month(client, m)),
  update: (client: string, m: string, change: { status?: "in_progress" | "ready_for_review" }) =>
    api.patch<CloseMonth>(month(client, m), change),
  close: (client: string, m: string, override?: string) =>
    api.post<Closed>(`${month(client, m)}/close`, override ? { override } : {}),
  reopen: (client: string, m: string, reason: string) =>
    api.post<CloseMonth>(`${month(client, m)}/reopen`, { reason }),
  sendPackage: (client: string, m: string) => api.post<CloseMonth>(`${month(client, m)}/send-package`),
};
