// Typed calls to the Password Manager API (src/modules/vault/routes.ts): a client's logins (never
// a password in a listing), reveal (needs a fresh second factor), the client's vault setting, and
// credential requests with the client's answer.
import { api } from "./client.ts";
import type {
  AnswerIn,
  EntryIn,
  EntryOut,
  RequestIn,
  RequestOut,
  RevealOut,
  SettingsOut,
} from "../../../src/modules/vault/schemas.ts";

export type VaultEntry = EntryOut;
export type VaultEntryInput = EntryIn;
export type CredentialRequest = RequestOut;
export type CredentialRequestInput = RequestIn;
export interface Recipient {
  id: string;
  name: string;
  email: string;
}
export type CredentialAnswer = AnswerIn;
export type VaultSettings = SettingsOut;
export type Revealed = RevealOut;

/** The problem code of a reveal refused for want of a second factor from the last few minutes. */
export const STEP_UP_REQUIRED = "vault/step-up-required";

const base = (client: string) => `/api/clients/${encodeURIComponent(client)}/vault`;

export const vaultApi = {
  list: (client: string, filter: { q?: string; tag?: string } = {}) =>
    api.get<{ entries: VaultEntry[] }>(base(client), filter).then((r) => r.entries),
  create: (client: string, input: VaultEntryInput) => api.post<VaultEntry>(base(client), input),
  update: (client: string, id: string, patch: Partial<VaultEntryInput>) =>
    api.patch<VaultEntry>(`${base(client)}/${id}`, patch),
  remove: (client: string, id: string) => api.del(`${base(client)}/${id}`),
  reveal: (client: string, id: string, purpose: "view" | "copy") =>
    api.post<Revealed>(`${base(client)}/${id}/reveal`, { purpose }),
  settings: (client: string) => api.get<VaultSettings>(`${base(client)}/settings`),
  setClientAccess: (client: string, clientAccess: boolean) =>
    api.put<VaultSettings>(`${base(client)}/settings`, { clientAccess }),
  requests: (client: string) =>
    api.get<{ requests: CredentialRequest[] }>(`${base(client)}/requests`).then((r) => r.requests),
  recipients: (client: string) =>
    api.get<{ recipients: Recipient[] }>(`${base(client)}/recipients`).then((r) => r.recipients),
  request: (client: string, input: CredentialRequestInput) =>
    api.post<CredentialRequest>(`${base(client)}/requests`, input),
  answer: (client: string, taskId: string, input: CredentialAnswer) =>
    api.post<VaultEntry>(`${base(client)}/requests/${taskId}/answer`, input),
};
