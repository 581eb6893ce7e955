// What stands between a month and its close, as the close module sees it: a list of sources, each
// a question to another module ("how many lines still in review this month?") that the app layer
// wires (src/app/close-blockers.ts), since this module never reads other modules' tables.
import type { Ctx } from "../../platform/context.ts";
import type { Actor } from "../../platform/actor.ts";
import type { ClientScope } from "../access/index.ts";

export const BLOCKER_KINDS = [
  "needs_review",
  "unreconciled_accounts",
  "open_close_tasks",
  "draft_entries",
  "report_package",
  "schedules_not_run",
  "information_missing",
  "checklist_unsigned",
] as const;
export type BlockerKind = (typeof BLOCKER_KINDS)[number];

export interface Blocker {
  kind: BlockerKind;
  /** How many things block (0: this source does not block). */
  count: number;
  /** What a person reads: what blocks and how to fix it. */
  detail: string;
  /** The portal path where it is fixed. */
  link: string;
}

/** One client's month, asked of one source. `month` is "YYYY-MM". */
export type BlockerSource = (ctx: Ctx, actor: Actor, scope: ClientScope, month: string) => Promise<Blocker>;

/** Many clients' months at once, for the board: counts per client id and month ("YYYY-MM"). */
export type BlockerCounts = (
  ctx: Ctx,
  actor: Actor,
  clients: ReadonlyArray<{ id: string; slug: string }>,
  months: readonly string[],
) => Promise<Map<string, Map<string, number>>>;

export interface BlockerSources {
  /** Each source, asked in turn for a month page and a close. */
  sources: readonly BlockerSource[];
  /** The board's totals per client and month (a few queries, not one per source and cell). */
  counts?: BlockerCounts;
}

export const NO_BLOCKER_SOURCES: BlockerSources = { sources: [] };

/** The blockers of a month: every source's answer that blocks. */
export async function blockersOf(
  ctx: Ctx,
  actor: Actor,
  scope: ClientScope,
  month: string,
  sources: BlockerSources,
): Promise<Blocker[]> {
  const all = await Promise.all(sources.sources.map((source) => source(ctx, actor, scope, month)));
  return all.filter((b) => b.count > 0);
}
