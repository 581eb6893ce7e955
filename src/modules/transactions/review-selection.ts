// The transactions a review call acts on: at least one and at most MAX_BULK, every id one of the
// client's transactions, locked for the rest of the call.
import type { Ctx } from "../../platform/context.ts";
import { notFound, validationError } from "../../platform/errors.ts";
import { UUID } from "../../platform/ids.ts";
import type { ClientScope } from "./scope.ts";
import * as store from "./store.ts";
import type { TransactionRow } from "./store.ts";

export async function lockRows(c: Ctx, s: ClientScope, ids: readonly string[]): Promise<TransactionRow[]> {
  const valid = [...new Set(ids)];
  const bad = valid.find((id) => !UUID.test(id));
  if (bad) throw notFound("transactions/not-found", `no transaction ${bad}`);
  const rows = await store.transactionsByIds(c.db, s, valid, { lock: true });
  if (rows.length !== valid.length) {
    const found = new Set(rows.map((r) => r.id));
    throw notFound("transactions/not-found", `no transaction ${valid.find((id) => !found.has(id))}`);
  }
  return rows;
}

export const MAX_BULK = 500;

export function checkBulk(ids: readonly string[]): void {
  if (ids.length === 0)
    throw validationError("transactions/no-selection", "choose at least one transaction", { field: "ids" });
  if (ids.length > MAX_BULK)
    throw validationError("transactions/too-many", `at most ${MAX_BULK} transactions at a time`, {
      field: "ids",
    });
}
