// The vault's keys: the master key checked once at start-up against the stored check value, each
// client's data key made on first use and unwrapped per call, and the rotation of the master key,
// which re-wraps every data key in one transaction and touches no entry.
import { systemActor, type Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Ctx } from "../../platform/context.ts";
import { inTransaction, type Executor } from "../../platform/db.ts";
import { conflict } from "../../platform/errors.ts";
import {
  VaultCryptoError,
  keyCheckValue,
  matchesKeyCheck,
  newDataKey,
  unwrapDataKey,
  wrapDataKey,
} from "./crypto-model.ts";
import type { MasterKey } from "./master-key.ts";
import * as store from "./store.ts";
import type { VaultCtx } from "./vault-ctx.ts";

export class WrongMasterKey extends Error {
  constructor(source: string) {
    super(
      `${source} is not the master key the vault's keys were wrapped with: set it to the key in use ` +
        "(after a rotation, the new one); Closebook does not start with another",
    );
    this.name = "WrongMasterKey";
  }
}

/** Start-up: remembers the key's check value on first start, refuses a different key afterwards. */
export async function checkMasterKey(ctx: Ctx, master: MasterKey): Promise<void> {
  const stored = await store.keyCheck(ctx.db);
  if (stored === undefined) {
    if (await store.insertKeyCheck(ctx.db, keyCheckValue(master.key))) return;
    return checkMasterKey(ctx, master);
  }
  if (!matchesKeyCheck(master.key, stored)) throw new WrongMasterKey(master.source);
}

/** A VaultCryptoError as the 409 people see (a clear refusal, never garbage or a crash). */
export function unreadable(error: unknown): never {
  if (error instanceof VaultCryptoError) {
    throw conflict(
      error.reason === "wrapped-key-unreadable" ? "vault/key-unreadable" : "vault/entry-unreadable",
      error.reason === "wrapped-key-unreadable"
        ? "this client's vault key cannot be unwrapped with the master key: it was altered in the database; restore it from a backup"
        : "this entry cannot be decrypted: its stored data was altered or belongs to another entry; restore it from a backup or enter it again",
    );
  }
  throw error;
}

/** The client's data key; made (and wrapped) on first use when `create`, else null when none. */
export async function dataKey(
  tx: Executor,
  vctx: VaultCtx,
  actor: Actor,
  s: store.Scope,
  create: boolean,
): Promise<Buffer | null> {
  let row = await store.vaultClient(tx, s);
  if (!row) {
    if (!create) return null;
    await store.insertVaultClient(tx, {
      firm_id: s.firmId,
      client_id: s.clientId,
      wrapped_key: wrapDataKey(vctx.master.key, s.clientId, newDataKey()),
      client_access: false,
      updated_by: actor.id,
      updated_by_name: actor.displayName,
    });
    row = (await store.vaultClient(tx, s))!;
  }
  try {
    return unwrapDataKey(vctx.master.key, s.clientId, row.wrapped_key);
  } catch (error) {
    return unreadable(error);
  }
}

/**
 * Re-wraps every client's data key with `next` (all or nothing) and stores its check value; the
 * entries are not touched. Audited per firm (how many keys, never a key).
 */
export async function rotateMasterKey(ctx: Ctx, current: MasterKey, next: Buffer): Promise<number> {
  return inTransaction(ctx.db, async (tx) => {
    const stored = await store.keyCheck(tx);
    if (stored !== undefined && !matchesKeyCheck(current.key, stored))
      throw new WrongMasterKey(current.source);
    const rows = await store.allWrappedKeys(tx);
    const perFirm = new Map<string, number>();
    for (const row of rows) {
      let key: Buffer;
      try {
        key = unwrapDataKey(current.key, row.client_id, row.wrapped_key);
      } catch (error) {
        if (error instanceof VaultCryptoError)
          throw new Error(`the vault key of client ${row.client_id} cannot be unwrapped: ${error.message}`, {
            cause: error,
          });
        throw error;
      }
      await store.rewrapKey(tx, row.client_id, wrapDataKey(next, row.client_id, key));
      perFirm.set(row.firm_id, (perFirm.get(row.firm_id) ?? 0) + 1);
    }
    const kcv = keyCheckValue(next);
    if (stored === undefined) await store.insertKeyCheck(tx, kcv);
    else await store.replaceKeyCheck(tx, kcv, ctx.clock.now());
    for (const [firmId, keys] of perFirm)
      await recordAudit(tx, systemActor(firmId), {
        action: "vault.master_key.rotated",
        after: { keysRewrapped: keys },
      });
    return rows.length;
  });
}
