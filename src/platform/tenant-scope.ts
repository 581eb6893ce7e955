// The tenant a piece of work runs for, carried by AsyncLocalStorage so that the database driver can
// give every connection it hands out the matching row-level-security settings (see scoped-driver.ts).
import { AsyncLocalStorage } from "node:async_hooks";

/** The non-owner database role that row-level security applies to (created by migration 0007). */
export const APP_ROLE = "closebook_app";

export interface TenantScope {
  firmId: string;
  /** Clients visible to the work: every client of the firm, or these ids. */
  clientIds: "all" | readonly string[];
}

interface ScopeState {
  tenant: TenantScope | null;
  /** Set inside `inTransaction` callbacks: the connection is held, a second acquire would wait on itself. */
  inTransaction: boolean;
  /** Background work (jobs): on PGlite's one session, requests go first (see scoped-driver.ts). */
  background?: boolean;
}

const storage = new AsyncLocalStorage<ScopeState>();

/** Runs `fn` as the tenant: its queries see only the tenant's rows (the database enforces it). */
export function runAsTenant<T>(tenant: TenantScope, fn: () => Promise<T>): Promise<T> {
  return storage.run({ tenant, inTransaction: false, background: inBackground() }, fn);
}

/**
 * Runs `fn` outside any tenant, as the database owner: for sign-in lookups that precede knowing
 * the tenant, migrations, the CLI and background jobs. Also detaches `fn` from a caller's
 * transaction (a job runner kicked from inside one must wait for it, not join it).
 */
export function runUnscoped<T>(fn: () => Promise<T>): Promise<T> {
  return storage.run({ tenant: null, inTransaction: false, background: inBackground() }, fn);
}

/**
 * Runs `fn` as background work (the job runner), unscoped like runUnscoped. Where the database
 * has one session (PGlite), a request's queries are served before the background's waiting ones.
 */
export function runInBackground<T>(fn: () => Promise<T>): Promise<T> {
  return storage.run({ tenant: null, inTransaction: false, background: true }, fn);
}

export function inBackground(): boolean {
  return storage.getStore()?.background ?? false;
}

export function currentTenant(): TenantScope | null {
  return storage.getStore()?.tenant ?? null;
}

/** Marks the callback of a transaction, so nested use of the database handle is reported, not hung. */
export function runInTransactionScope<T>(fn: () => Promise<T>): Promise<T> {
  return storage.run({ tenant: currentTenant(), inTransaction: true, background: inBackground() }, fn);
}

export function insideTransaction(): boolean {
  return storage.getStore()?.inTransaction ?? false;
}

/** The session settings a connection needs for the current scope, as one comparable key. */
export function scopeSettings(tenant: TenantScope | null): {
  role: string;
  firm: string;
  clients: string;
  key: string;
} {
  if (!tenant) return { role: "none", firm: "", clients: "", key: "owner" };
  const clients = tenant.clientIds === "all" ? "*" : tenant.clientIds.join(",");
  return { role: APP_ROLE, firm: tenant.firmId, clients, key: `${tenant.firmId}|${clients}` };
}
