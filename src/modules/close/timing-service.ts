// Reads what the timing model needs for some clients' months — the firm's holidays, each client's
// settings and cadence history — and works out each month's due dates.
import type { Executor } from "../../platform/db.ts";
import { settingsView, changeOf } from "./settings-service.ts";
import * as store from "./store.ts";
import { cadenceFor, closeTiming, type CadenceSetting, type CloseTiming } from "./timing-model.ts";

export interface TimingBook {
  /** The timing of a client's month ("YYYY-MM"), given the day its information came (or null). */
  timing(clientId: string, month: string, informationReceivedOn: string | null): CloseTiming;
  settings(clientId: string): ReturnType<typeof settingsView>;
  /** The cadence in force for a client's month. */
  cadence(clientId: string, month: string): CadenceSetting;
}

export async function timingBook(
  ex: Executor,
  firmId: string,
  clients: ReadonlyArray<{ id: string; slug: string }>,
): Promise<TimingBook> {
  const ids = clients.map((c) => c.id);
  const [holidayRows, settingRows, changeRows] = await Promise.all([
    store.holidays(ex, firmId),
    store.settingsOfClients(ex, firmId, ids),
    store.cadenceChanges(ex, firmId, ids),
  ]);
  const holidays = new Set(holidayRows.map((h) => h.day));
  const slugs = new Map(clients.map((c) => [c.id, c.slug]));
  const settings = new Map(settingRows.map((r) => [r.client_id, r]));
  const changes = new Map<string, ReturnType<typeof changeOf>[]>();
  for (const r of changeRows) {
    const list = changes.get(r.client_id) ?? [];
    list.push(changeOf(r));
    changes.set(r.client_id, list);
  }
  const settingsOf = (clientId: string) => settingsView(slugs.get(clientId) ?? "", settings.get(clientId));
  return {
    settings: settingsOf,
    cadence: (clientId, month) => cadenceFor(month, changes.get(clientId) ?? [], settingsOf(clientId)),
    timing: (clientId, month, informationReceivedOn) =>
      closeTiming({
        month,
        setting: cadenceFor(month, changes.get(clientId) ?? [], settingsOf(clientId)),
        holidays,
        // Recorded by the preparer, or set when the month's required information (the service
        // catalogue's list) is all in: an unrecorded arrival moves nothing.
        informationReceivedOn,
      }),
  };
}
