// Typed calls to the clients API (src/modules/access/routes.ts).
import { api } from "./client.ts";

/** The add-client wizard's steps, in order (the server records progress by these names). */
export const ONBOARDING_STEPS = ["details", "ledger", "banks", "automation", "ai"] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];

/** A client whose details were saved but whose later wizard steps are not all done. */
export const setupUnfinished = (c: Client) =>
  Boolean(c.onboarding && c.onboarding.completedSteps.includes("details") && c.onboarding.step !== "done");

export interface Client {
  id: string;
  slug: string;
  name: string;
  homeCurrency: string;
  status: string;
  createdAt: string;
  // Client details arrive with the identity/access work; absent fields show as "—".
  legalName?: string | null;
  dba?: string | null;
  industry?: string | null;
  accountingSystem?: string | null;
  cadence?: string | null;
  closeDay?: number | null;
  serviceStartDate?: string | null;
  pointOfContact?: { name: string; email?: string | null; phone?: string | null } | string | null;
  bankStatementContact?: { name: string; email?: string | null; phone?: string | null } | string | null;
  bookkeepingCadence?: string | null;
  terminatedAt?: string | null;
  /** The add-client wizard's progress, so it can be resumed (from any browser). */
  onboarding?: {
    step: OnboardingStep | "done";
    completedSteps: OnboardingStep[];
    data?: Record<string, unknown> | null;
  } | null;
  notes?: string | null;
  purgeAfter?: string | null;
}

export const clientsApi = {
  list: () => api.get<{ clients: Client[] }>("/api/clients").then((r) => r.clients),
  get: (client: string) => api.get<Client>(`/api/clients/${encodeURIComponent(client)}`),
  create: (input: Record<string, unknown> & { slug: string; name: string }) =>
    api.post<Client>("/api/clients", input),
  update: (client: string, patch: Record<string, unknown>) =>
    api.patch<Client>(`/api/clients/${encodeURIComponent(client)}`, patch),
  saveOnboarding: (
    client: string,
    progress: { step: OnboardingStep; completed?: boolean; data?: Record<string, unknown> },
  ) => api.put<Client>(`/api/clients/${encodeURIComponent(client)}/onboarding`, progress),
  terminate: (client: string, reason?: string) =>
    api.post<Client>(`/api/clients/${encodeURIComponent(client)}/terminate`, reason ? { reason } : {}),
  cancelTermination: (client: string) =>
    api.post<Client>(`/api/clients/${encodeURIComponent(client)}/cancel-termination`),
};
