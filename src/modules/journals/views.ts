// What the routes send back: sources as saved, a schedule's table with decimals at the client's
// scale, and the month's batch items with their state ("due" when not generated yet).
import { formatMinor } from "../../platform/money.ts";
import type { Batch } from "./batch-service.ts";
import type { SourceDetail } from "./source-service.ts";
import type { DueEntry } from "./source-model.ts";
import type * as store from "./store.ts";

export function sourceOut(row: store.SourceRow) {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    active: row.active,
    autoPost: row.auto_post,
    autoReverse: row.auto_reverse,
    accounts: row.accounts,
    terms: row.terms as Record<string, unknown>,
  };
}

function decimals(row: object, scale: number): Record<string, string> {
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k, typeof v === "bigint" ? formatMinor(v, scale) : String(v)]),
  );
}

export function detailOut(d: SourceDetail) {
  const t = d.table;
  return {
    ...sourceOut(d.source),
    table: t
      ? {
          rows: t.rows.map((r) => decimals(r, d.scale)),
          disposal: t.kind === "depreciation" && t.disposal ? decimals(t.disposal, d.scale) : null,
        }
      : null,
    payments: d.payments,
    runs: d.runs.map((r) => ({
      id: r.id,
      month: r.month.slice(0, 7),
      part: r.part,
      state: r.state,
      entryId: r.entry_id,
    })),
  };
}

/** Total debits of an entry not generated yet; null while it depends on the month's books. */
function plannedDebits(due: DueEntry | null): bigint | undefined {
  if (!due) return undefined;
  const fixed = due.lines ?? (due.formula?.every((l) => l.kind === "fixed") ? due.formula : null);
  return fixed?.reduce((sum, l) => sum + (l.amount > 0n ? l.amount : 0n), 0n);
}

export function batchOut(b: Batch) {
  return {
    month: b.month,
    items: b.items.map(({ source, due, run }) => {
      const generated = run?.entry_id ? b.amounts.get(run.entry_id) : undefined;
      const planned = plannedDebits(due);
      const amount = generated ?? planned;
      return {
        sourceId: source.id,
        sourceName: source.name,
        kind: source.kind,
        part: due?.part ?? run!.part,
        date: due?.date ?? run!.month,
        amount: amount === undefined ? null : formatMinor(amount, b.scale),
        state: run ? run.state : ("due" as const),
        heldReason: run?.held_reason ?? null,
        runId: run?.id ?? null,
        entryId: run?.entry_id ?? null,
        reversalEntryId: run?.reversal_entry_id ?? null,
      };
    }),
  };
}
