// The month's batch: every entry a client's month gets from its recurring entries and schedules,
// each with the run that generated it (or none yet). Reads only the journals tables, so the Close
// Tracker can ask without a user (monthEndState).
import type { Executor } from "../../platform/db.ts";
import { dueIn, type DueEntry } from "./source-model.ts";
import { termsFromJson } from "./terms-codec.ts";
import * as store from "./store.ts";

interface Scope {
  firmId: string;
  clientId: string;
}

export interface BatchItem {
  source: store.SourceRow;
  due: DueEntry | null;
  run: store.RunRow | null;
}

const key = (sourceId: string, part: string) => `${sourceId}/${part}`;

/** Due entries of active sources, and every run of the month (also of sources switched off since). */
export async function monthItems(ex: Executor, s: Scope, month: string): Promise<BatchItem[]> {
  const [sources, runs] = await Promise.all([
    store.listSources(ex, s),
    store.runsOf(ex, s, { month: `${month}-01` }),
  ]);
  const runByKey = new Map(runs.map((r) => [key(r.source_id, r.part), r]));
  const items: BatchItem[] = [];
  for (const source of sources) {
    const due = source.active
      ? dueIn(source.name, termsFromJson(source.kind, source.terms), source.accounts, month)
      : [];
    for (const d of due) {
      items.push({ source, due: d, run: runByKey.get(key(source.id, d.part)) ?? null });
      runByKey.delete(key(source.id, d.part));
    }
  }
  const byId = new Map(sources.map((src) => [src.id, src]));
  for (const run of runByKey.values()) items.push({ source: byId.get(run.source_id)!, due: null, run });
  return items;
}

/**
 * Per client id and month, the entries due from active sources that were not generated or are held
 * (months with none are left out): monthEndState's schedulesNotRun for the board, two set queries.
 */
export async function schedulesNotRunByClientMonth(
  ex: Executor,
  firmId: string,
  clientIds: readonly string[],
  months: readonly string[],
): Promise<Map<string, Map<string, number>>> {
  const [sources, runs] = await Promise.all([
    store.activeSourcesOfClients(ex, firmId, clientIds),
    store.runKeysOfClients(
      ex,
      firmId,
      clientIds,
      months.map((m) => `${m}-01`),
    ),
  ]);
  const posted = new Set(
    runs.filter((r) => r.entry_id !== null).map((r) => `${r.source_id}/${r.month.slice(0, 7)}/${r.part}`),
  );
  const out = new Map<string, Map<string, number>>();
  for (const source of sources) {
    const terms = termsFromJson(source.kind, source.terms);
    for (const month of months) {
      const missing = dueIn(source.name, terms, source.accounts, month).filter(
        (d) => !posted.has(`${source.id}/${month}/${d.part}`),
      ).length;
      if (!missing) continue;
      let byMonth = out.get(source.client_id);
      if (!byMonth) out.set(source.client_id, (byMonth = new Map()));
      byMonth.set(month, (byMonth.get(month) ?? 0) + missing);
    }
  }
  return out;
}

/** What the Close Tracker needs: drafts not yet posted, and entries due that were not generated or are held. */
export async function monthEndState(
  ex: Executor,
  s: Scope,
  month: string,
): Promise<{ drafts: number; schedulesNotRun: number }> {
  const items = await monthItems(ex, s, month);
  const pending = (i: BatchItem) => i.run !== null && (i.run.state === "draft" || i.run.state === "approved");
  return {
    drafts: items.filter(pending).length,
    schedulesNotRun: items.filter((i) => i.due !== null && (i.run === null || i.run.entry_id === null))
      .length,
  };
}
