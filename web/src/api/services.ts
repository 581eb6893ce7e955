// Typed calls to the service procedures API (src/modules/services/routes.ts): the firm's catalogue,
// a client's scope, and a client's month checklist and required information.
import { api } from "./client.ts";
import type { z } from "zod";
import type {
  catalogueOut,
  checklistOut,
  scopeOut,
  serviceIn,
  serviceOut,
} from "../../../src/modules/services/schemas.ts";

export type Service = z.infer<typeof serviceOut>;
export type ServiceInput = z.input<typeof serviceIn>;
export type ClientScope = z.infer<typeof scopeOut>;
export type MonthChecklist = z.infer<typeof checklistOut>;
export type SignRole = "preparer" | "reviewer";

const month = (client: string, m: string) => `/api/clients/${encodeURIComponent(client)}/close/${m}`;
const code = (c: string) => `/api/firm/services/${encodeURIComponent(c)}`;

export const servicesApi = {
  catalogue: async () => (await api.get<z.infer<typeof catalogueOut>>("/api/firm/services")).services,
  put: (c: string, input: ServiceInput) => api.put<Service>(code(c), input),
  archive: (c: string) => api.post<Service>(`${code(c)}/archive`),
  restore: (c: string) => api.post<Service>(`${code(c)}/restore`),
  scope: (client: string) => api.get<ClientScope>(`/api/clients/${encodeURIComponent(client)}/services`),
  putScope: (client: string, services: Array<{ code: string; from?: string }>) =>
    api.put<ClientScope>(`/api/clients/${encodeURIComponent(client)}/services`, { services }),
  checklist: (client: string, m: string) => api.get<MonthChecklist>(`${month(client, m)}/checklist`),
  sign: (client: string, m: string, key: string, role: SignRole) =>
    api.post<MonthChecklist>(`${month(client, m)}/checklist/sign`, { key, role }),
  unsign: (client: string, m: string, key: string, role: SignRole, reason: string) =>
    api.post<MonthChecklist>(`${month(client, m)}/checklist/unsign`, { key, role, reason }),
  tick: (client: string, m: string, key: string) =>
    api.post<MonthChecklist>(`${month(client, m)}/required-info/tick`, { key }),
  untick: (client: string, m: string, key: string) =>
    api.post<MonthChecklist>(`${month(client, m)}/required-info/untick`, { key }),
  request: (client: string, m: string) =>
    api.post<MonthChecklist>(`${month(client, m)}/required-info/request`),
};
