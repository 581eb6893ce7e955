// What connection use cases need besides the database, clock and jobs: the providers that back
// connections (the file-drop folder provider always; aggregators as they are added) and, where
// people are to be told, the notifications context.
import path from "node:path";
import type { Ctx } from "../../platform/context.ts";
import type { NotifyCtx } from "../notifications/index.ts";
import { FileDropProvider } from "./providers/file-drop.ts";
import type { ConnectionProvider } from "./providers/provider.ts";
import type { ConnectionState } from "./connection-model.ts";

/** A connection that changed state (or was removed), told after the change is committed. */
export interface ConnectionChange {
  firmId: string;
  clientId: string;
  connectionId: string;
  state: ConnectionState | "removed";
}

/** Told of each committed connection change (the app opens and closes "reconnect the bank" tasks). */
export type ConnectionChangeListener = (change: ConnectionChange) => Promise<void>;

export interface BankingCtx extends Ctx {
  /** Connection providers by name. */
  providers: ReadonlyMap<string, ConnectionProvider>;
  /** Tells people about connection requests and broken connections; absent where nobody is told (CLI). */
  notify?: NotifyCtx | undefined;
  onConnectionChanged?: ConnectionChangeListener | undefined;
}

export interface BankingOptions {
  /** The data dir: drop folders live under <dataDir>/file-drop/<connection id>. */
  dataDir: string;
  notify?: NotifyCtx | undefined;
  /** Files in a drop folder younger than this are left for the next poll (default 2 s). */
  settleMs?: number | undefined;
  /** More providers (aggregators); they are added beside the file-drop provider. */
  providers?: readonly ConnectionProvider[] | undefined;
  onConnectionChanged?: ConnectionChangeListener | undefined;
}

export function bankingCtx(ctx: Ctx, options: BankingOptions): BankingCtx {
  const fileDrop = new FileDropProvider({
    root: path.join(options.dataDir, "file-drop"),
    clock: ctx.clock,
    ...(options.settleMs !== undefined ? { settleMs: options.settleMs } : {}),
  });
  const providers = new Map<string, ConnectionProvider>([[fileDrop.name, fileDrop]]);
  for (const p of options.providers ?? []) providers.set(p.name, p);
  return { ...ctx, providers, notify: options.notify, onConnectionChanged: options.onConnectionChanged };
}
