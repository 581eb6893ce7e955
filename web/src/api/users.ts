// Typed calls to the users, roles, invitations, firm/branding and outbox APIs (docs/api/identity.md).
import { api, request } from "./client.ts";
import type { z } from "zod";
import type { firm } from "../../../src/modules/access/firm-routes.ts";
import type { roleInfo } from "../../../src/modules/access/routes.ts";
import type { userSchema } from "../../../src/modules/identity/users-routes.ts";
import type { outboxMessage } from "../../../src/modules/notifications/routes.ts";

// The shapes come from the server's zod schemas (type-only imports, erased from the bundle), so a
// server change the portal does not follow fails tsc instead of drifting silently.
export type User = z.infer<typeof userSchema>;
export type ClientAccess = User["clientAccess"];
export type RoleInfo = z.infer<typeof roleInfo>;
export type Firm = z.infer<typeof firm>;
export type OutboxMessage = z.infer<typeof outboxMessage>;

export const usersApi = {
  list: (filter: { status?: string; clientId?: string } = {}) =>
    api.get<{ users: User[]; licences: NonNullable<Firm["licences"]> }>("/api/users", filter),
  get: (id: string) => api.get<User>(`/api/users/${id}`),
  update: (id: string, patch: { name?: string; phone?: string | null }) =>
    api.patch<User>(`/api/users/${id}`, patch),
  setRole: (id: string, role: string, clientAccess: ClientAccess) =>
    api.put<User>(`/api/users/${id}/role`, { role, clientAccess }),
  deactivate: (id: string) => api.post<User>(`/api/users/${id}/deactivate`),
  reactivate: (id: string) => api.post<User>(`/api/users/${id}/reactivate`),
  reset2fa: (id: string) => api.post<User>(`/api/users/${id}/reset-2fa`),
  resendInvitation: (id: string) => api.post<{ user: User }>(`/api/users/${id}/invitation`),
  invite: (input: { email: string; name?: string; role: string; clientAccess: ClientAccess }) =>
    api.post<{ user: User }>("/api/invitations", input),
  roles: () => api.get<{ roles: RoleInfo[] }>("/api/roles").then((r) => r.roles),
};

export const firmApi = {
  get: () => api.get<Firm>("/api/firm"),
  update: (patch: Partial<Pick<Firm, "name" | "legalName" | "supportEmail">>) =>
    api.patch<Firm>("/api/firm", patch),
  /** Uploads a logo or favicon (multipart, one `file` field). */
  async upload(kind: "logo" | "favicon", file: File) {
    const form = new FormData();
    form.append("file", file);
    return request<{ branding: Firm["branding"] }>("PUT", `/api/firm/branding/${kind}`, form);
  },
  setBrandColor: (color: string | null) =>
    api.patch<{ branding: Firm["branding"] }>("/api/firm/branding", { color }),
  removeBranding: (kind: "logo" | "favicon") =>
    api.del<{ branding: Firm["branding"] }>(`/api/firm/branding/${kind}`),
  outbox: (limit = 50) => api.get<{ enabled: boolean; messages: OutboxMessage[] }>("/api/outbox", { limit }),
};
