// A history import (a journal of a client's old books) tells the rest of Closebook that it happened,
// by a job sent in the import's own transaction: the bot then learns from the bank and card side of
// it. The ledger only says how many entries moved money; it knows nothing of the bot.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import type { Executor } from "../../platform/db.ts";
import type { EntryInput } from "./model.ts";
import * as store from "./store.ts";
import type { Scope } from "./store.ts";

export const LEDGER_HISTORY_IMPORTED = "ledger.history-imported";

export interface LedgerHistoryImported {
  firmId: string;
  clientId: string;
  /** The person who imported it (told when the bot has learned), null for the system. */
  userId: string | null;
  fileName: string | null;
  entries: number;
  /** Entries with a line on a bank or card account: the ones the bot can learn from. */
  moneyEntries: number;
}

const MONEY_DETAIL_TYPES = new Set(["bank", "credit_card"]);

export async function announceHistoryImport(
  ctx: Ctx,
  tx: Executor,
  actor: Actor,
  s: Scope,
  entries: readonly EntryInput[],
  fileName: string | null,
): Promise<void> {
  const ids = [...new Set(entries.flatMap((e) => e.lines.map((l) => l.accountId)))];
  const money = new Set(
    (await store.accountsByIds(tx, s, ids))
      .filter((a) => MONEY_DETAIL_TYPES.has(a.detail_type))
      .map((a) => a.id),
  );
  const job: LedgerHistoryImported = {
    firmId: s.firmId,
    clientId: s.clientId,
    userId: actor.type === "user" ? actor.id : null,
    fileName,
    entries: entries.length,
    moneyEntries: entries.filter((e) => e.lines.some((l) => money.has(l.accountId))).length,
  };
  await ctx.jobs.send(LEDGER_HISTORY_IMPORTED, job, tx);
}
