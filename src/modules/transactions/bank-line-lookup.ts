// Which bank line each journal entry was posted from: the reconciliation's strongest evidence
// (an entry posted from a bank line matches that line on the statement).
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { UUID } from "../../platform/ids.ts";
import { clientScope } from "./scope.ts";
import { q } from "./store.ts";

/** entry id → bank line id, for those of the given entries a transaction posted (unknown ids skipped). */
export async function bankLinesOfEntries(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  entryIds: readonly string[],
): Promise<Map<string, string>> {
  const s = await clientScope(ctx.db, actor, clientRef, "read");
  const ids = [...new Set(entryIds.filter((id) => UUID.test(id)))];
  const found = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 5_000) {
    const rows = await q(ctx.db)
      .selectFrom("transactions")
      .select(["entry_id", "bank_line_id"])
      .where("client_id", "=", s.clientId)
      .where("entry_id", "in", ids.slice(i, i + 5_000))
      .execute();
    for (const r of rows) if (r.entry_id) found.set(r.entry_id, r.bank_line_id);
  }
  return found;
}

/** bank line id → its transaction (id, posted entry, status), for the reconciliation's "create entry". */
export async function transactionsOfBankLines(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  bankLineIds: readonly string[],
): Promise<Map<string, { id: string; entryId: string | null; status: string }>> {
  const s = await clientScope(ctx.db, actor, clientRef, "read");
  const ids = [...new Set(bankLineIds.filter((id) => UUID.test(id)))];
  const found = new Map<string, { id: string; entryId: string | null; status: string }>();
  for (let i = 0; i < ids.length; i += 5_000) {
    const rows = await q(ctx.db)
      .selectFrom("transactions")
      .select(["id", "entry_id", "bank_line_id", "status"])
      .where("client_id", "=", s.clientId)
      .where("bank_line_id", "in", ids.slice(i, i + 5_000))
      .execute();
    for (const r of rows) found.set(r.bank_line_id, { id: r.id, entryId: r.entry_id, status: r.status });
  }
  return found;
}
