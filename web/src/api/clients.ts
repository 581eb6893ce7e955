// Typed calls to the clients API (src/modules/access/routes.ts).
import { api } from "./client.ts";
import type { z } from "zod";
import type { client } from "../../../src/modules/access/routes.ts";

/** The add-client wizard's steps, in order (the server records progress by these names). */
export const ONBOARDING_STEPS = ["details", "ledger", "banks", "automation", "ai"] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];

/** A client whose details were saved but whose later wizard steps are not all done. */
export const setupUnfinished = (c: Client) =>
  Boolean(c.onboarding && c.onboarding.completedSteps.includes("details") && c.onboarding.step !== "done");

/** A client as the server sends it (the server's zod schema, a type-only import). */
export type Client = z.infer<typeof client>;

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
