// Posting transactions through the ledger, inside the caller's transaction: payees become contacts
// (found by name, created when new), codings become journal entries (all of a batch in one
// postEntries call), and an edit reverses the posted entry before the new one is posted.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import type { Executor } from "../../platform/db.ts";
import * as ledger from "../ledger/index.ts";
import { atLedgerScale, entryFor, type Coding, type TransactionFacts } from "./model.ts";
import type { Scope } from "./scope.ts";

/** The source every entry posted by the Transaction Manager carries (training skips them in ledger history). */
export const ENTRY_SOURCE = "transactions";

const key = (name: string) => name.trim().toLowerCase().replace(/\s+/g, " ");

/**
 * Gives every coding that names a payee without a contact its contact: an existing contact of the
 * same name (any kind), or a new vendor (money out) or customer (money in). Mutates the codings.
 */
export async function resolveContacts(
  ctx: Ctx,
  actor: Actor,
  s: Scope,
  items: ReadonlyArray<{ coding: Coding; amount: bigint }>,
): Promise<void> {
  const wanted = items.filter((i) => i.coding.payee && !i.coding.contactId);
  if (wanted.length === 0) return;
  const existing = await ledger.listContacts(ctx, actor, s.clientId);
  const byName = new Map<string, string>();
  for (const c of existing) if (!byName.has(key(c.name))) byName.set(key(c.name), c.id);
  for (const item of wanted) {
    const name = item.coding.payee!.trim().slice(0, 200);
    if (!name) continue;
    let id = byName.get(key(name));
    if (!id) {
      const created = await ledger.createContact(ctx, actor, s.clientId, {
        kind: item.amount < 0n ? "vendor" : "customer",
        name,
      });
      id = created.id;
      byName.set(key(name), id);
    }
    item.coding.contactId = id;
    item.coding.payee = name;
  }
}

/**
 * Posts one journal entry per coding (one call, one audit event for a batch); returns their ids in
 * order. Amounts cross into the ledger at the scale it keeps each currency at (registered at its
 * ISO scale when new), rescaled exactly or refused, never as raw minor units of another scale.
 */
export async function postCodings(
  tx: Executor,
  actor: Actor,
  s: Scope,
  items: ReadonlyArray<{ facts: TransactionFacts; coding: Coding }>,
  audit: { action: string; detail?: Record<string, unknown> },
): Promise<string[]> {
  if (items.length === 0) return [];
  const scales = await ledger.ensureCurrencies(tx, s, new Set(items.map((i) => i.facts.currency)));
  const entries = items.map((i) => {
    const scaled = atLedgerScale(i.facts, i.coding, scales.get(i.facts.currency)!);
    return entryFor(scaled.facts, scaled.coding);
  });
  const posted = await ledger.postEntries(tx, actor, s, entries, ENTRY_SOURCE, {
    action: audit.action,
    ...(audit.detail ? { detail: audit.detail } : {}),
  });
  return posted.map((p) => p.id);
}

/** Reverses a posted entry on its own date (refused, with everything else, when that month is locked). */
export async function reverseEntry(
  ctx: Ctx,
  actor: Actor,
  s: Scope,
  entryId: string,
  why: string,
): Promise<string> {
  const reversal = await ledger.reverseEntry(ctx, actor, s.clientId, entryId, { description: why });
  return reversal.id;
}
