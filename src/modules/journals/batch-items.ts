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
