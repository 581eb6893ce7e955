// Typed calls to the users, roles, invitations, firm/branding and outbox APIs (docs/api/identity.md).
import { api, request } from "./client.ts";

export interface ClientAccess {
  mode: "all" | "current" | "list";
  clientIds: string[];
}

export interface User {
  id: string;
  email: string;
  name: string;
  phone: string | null;
  role: string;
  side: "partner" | "client";
  status: "invited" | "active" | "deactivated";
  clientAccess: ClientAccess;
  twoFactor: { enrolled: boolean; method: string | null };
  lastSignInAt: string | null;
  createdAt: string;
  invitationExpiresAt: string | null;
}

export interface RoleInfo {
  role: string;
  label: string;
  side: "partner" | "client";
  grantable: boolean;
}

export interface Firm {
  id: string;
  slug?: string;
  name: string;
  legalName?: string | null;
  supportEmail?: string | null;
  licences?: { used: number; paid: number | null } | null;
  branding: { logoUrl: string | null; faviconUrl: string | null };
}

export interface OutboxMessage {
  id: string;
  channel: "email" | "sms";
  to: string;
  subject: string | null;
  text: string;
  createdAt: string;
}

export const usersApi = {
  list: (filter: { status?: string; clientId?: string } = {}) =>
    api.get<{ users: User[]; licences: { used: number; paid: number | null } }>("/api/users", filter),
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
  removeBranding: (kind: "logo" | "favicon") =>
    api.del<{ branding: Firm["branding"] }>(`/api/firm/branding/${kind}`),
  outbox: (limit = 50) => api.get<{ enabled: boolean; messages: OutboxMessage[] }>("/api/outbox", { limit }),
};
