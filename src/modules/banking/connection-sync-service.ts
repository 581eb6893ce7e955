// Syncing connections: "sync now" for one connected connection and the background poll of all of
// them. The provider fetches files and hands each to an import sink, which imports it into the
// connection's bank accounts; a broken link moves the connection to disconnected.
import type { Actor } from "../../platform/actor.ts";
import { systemActor } from "../../platform/actor.ts";
import { inTransaction } from "../../platform/db.ts";
import { conflict, ruleViolation } from "../../platform/errors.ts";
import type { BankingCtx } from "./banking-ctx.ts";
import { accountMatches } from "./import-model.ts";
import { STATE_LABELS } from "./connection-model.ts";
import * as cstore from "./connection-store.ts";
import type { ConnectionRow } from "./connection-store.ts";
import { providerConnection, providerOf, requireConnection } from "./connection-support.ts";
import { moveTo } from "./connection-transition.ts";
import { importStatementFile } from "./import-service.ts";
import { targetOf } from "./import-support.ts";
import { NO_SAVED_MAPPINGS, parseUpload } from "./parse-file.ts";
import {
  ConnectionLostError,
  type FileImportResult,
  type ImportSink,
  type PollReport,
} from "./providers/provider.ts";
import { clientScope, type ClientScope } from "./scope.ts";
import * as store from "./store.ts";

/** Fetches what is new for a connected connection now. A broken link moves it to disconnected. */
export async function syncConnection(
  bctx: BankingCtx,
  actor: Actor,
  clientRef: string,
  id: string,
): Promise<PollReport> {
  const s = await clientScope(bctx.db, actor, clientRef, "connect");
  const row = await requireConnection(bctx.db, s, id);
  if (row.state !== "connected") {
    throw conflict(
      "banking/connection-not-connected",
      `the connection is ${STATE_LABELS[row.state]}; only a connected one can sync`,
    );
  }
  const provider = providerOf(bctx, row.provider ?? "");
  let report: PollReport;
  try {
    report = await provider.poll(providerConnection(row), sinkFor(bctx, actor, s, row));
  } catch (error) {
    if (!(error instanceof ConnectionLostError)) throw error;
    await moveTo(bctx, actor, clientRef, id, "lost", error.reason);
    return { files: [] };
  }
  await inTransaction(bctx.db, async (tx) => {
    await cstore.updateConnection(tx, s, row.id, {
      last_synced_at: bctx.clock.now(),
      last_error: firstFailure(report),
    });
  });
  return report;
}

/** Polls every connected connection of every provider (the server's background loop; runs as each firm's system actor). */
export async function pollConnections(
  bctx: BankingCtx,
): Promise<Array<{ connectionId: string; report?: PollReport; error?: string }>> {
  const results: Array<{ connectionId: string; report?: PollReport; error?: string }> = [];
  for (const provider of bctx.providers.values()) {
    for (const row of await cstore.connectedOfProvider(bctx.db, provider.name)) {
      try {
        results.push({
          connectionId: row.id,
          report: await syncConnection(bctx, systemActor(row.firm_id), row.client_id, row.id),
        });
      } catch (error) {
        results.push({ connectionId: row.id, error: (error as Error).message });
      }
    }
  }
  return results;
}

function firstFailure(report: PollReport): string | null {
  const failed = report.files.find((f) => !f.ok);
  return failed && !failed.ok ? `${failed.name}: ${failed.error.detail}` : null;
}

/** Imports a fetched file into the connection's bank accounts it belongs to, all in one transaction. */
function sinkFor(bctx: BankingCtx, actor: Actor, s: ClientScope, connection: ConnectionRow): ImportSink {
  return {
    importFile: (fileName, bytes) =>
      inTransaction(bctx.db, async (tx): Promise<FileImportResult> => {
        const tctx = { ...bctx, db: tx };
        const accounts = (await store.listBankAccounts(tx, s)).filter(
          (a) => a.connection_id === connection.id,
        );
        if (accounts.length === 0) {
          throw ruleViolation(
            "banking/no-linked-accounts",
            "No bank account is linked to this connection; link one to import its files.",
          );
        }
        let targets = accounts;
        if (accounts.length > 1) {
          const { file } = await parseUpload({ bytes, fileName }, NO_SAVED_MAPPINGS);
          targets = accounts.filter((a) =>
            file.statements.some((st) => accountMatches(st.account, targetOf(a)) === "yes"),
          );
          if (targets.length === 0) {
            throw ruleViolation(
              "banking/no-matching-account",
              `The file names no account linked to this connection (${accounts.map((a) => `${a.name}${a.mask ? ` …${a.mask}` : ""}`).join(", ")}); give each account its last 4 digits.`,
            );
          }
        }
        const imports: FileImportResult["imports"] = [];
        for (const account of targets) {
          const summary = await importStatementFile(tctx, actor, s.clientId, account.id, {
            bytes,
            fileName,
            source: "file-drop",
            connectionId: connection.id,
          });
          imports.push({
            bankAccount: account.short_name,
            newLines: summary.newLines,
            duplicateLines: summary.duplicateLines,
          });
        }
        return { imports };
      }),
  };
}
