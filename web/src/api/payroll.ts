// Typed calls to the payroll journal entries API (src/modules/journals/payroll-routes.ts): presets,
// a provider's column mapping, a register's preview and import, the payroll entries and their steps.
import { api } from "./client.ts";
import type { z } from "zod";
import type {
  mappingIn,
  mappingOut,
  payrollEntryOut,
  presetOut,
  previewOut,
  registerIn,
} from "../../../src/modules/journals/payroll-schemas.ts";

export type PayrollPreset = z.infer<typeof presetOut>;
export type PayrollMapping = z.infer<typeof mappingOut>;
export type PayrollMappingInput = z.input<typeof mappingIn>;
export type PayrollPreview = z.infer<typeof previewOut>;
export type PayrollEntry = z.infer<typeof payrollEntryOut>;
export type RegisterInput = z.input<typeof registerIn>;

const base = (client: string) => `/api/clients/${encodeURIComponent(client)}/journals/payroll`;

export const payrollApi = {
  presets: (client: string) =>
    api.get<{ items: PayrollPreset[] }>(`${base(client)}/presets`).then((r) => r.items),
  mappings: (client: string) =>
    api.get<{ items: PayrollMapping[] }>(`${base(client)}/mappings`).then((r) => r.items),
  saveMapping: (client: string, provider: string, body: PayrollMappingInput) =>
    api.put<PayrollMapping>(`${base(client)}/mappings/${encodeURIComponent(provider)}`, body),
  preview: (client: string, body: RegisterInput) => api.post<PayrollPreview>(`${base(client)}/preview`, body),
  import: (client: string, body: RegisterInput) =>
    api.post<{ items: PayrollEntry[] }>(`${base(client)}/import`, body),
  entries: (client: string) =>
    api.get<{ items: PayrollEntry[] }>(`${base(client)}/entries`).then((r) => r.items),
  step: (client: string, id: string, step: "approve" | "post" | "match" | "reverse") =>
    api.post<PayrollEntry>(`${base(client)}/entries/${id}/${step}`, {}),
  discard: (client: string, id: string) => api.del(`${base(client)}/entries/${id}`),
};

/** A file as the API takes it: XLSX as base64, CSV as text. */
export async function registerOf(provider: string, file: File): Promise<RegisterInput> {
  if (!/\.xlsx$/i.test(file.name)) return { provider, fileName: file.name, text: await file.text() };
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { provider, fileName: file.name, base64: btoa(binary) };
}
