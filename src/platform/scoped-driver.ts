// Wraps a Kysely dialect so that each connection, when handed out, carries the session settings of
// the current tenant scope: `role` (the non-owner role row-level security applies to) and
// `closebook.firm_id` / `closebook.client_ids`, read by the policies of migration 0007. Settings
// are session-level and remembered per connection, so a connection changes them only when the
// scope changes (most requests of one firm pay nothing). On PGlite, which has one session, the
// wrapper serializes connection use itself (in place of Kysely's own lock for single-connection
// dialects) so that it can name the mistake that would otherwise hang forever: using the database
// handle, not the transaction, inside a transaction.
import { CompiledQuery } from "kysely";
import type {
  DatabaseConnection,
  Dialect,
  DialectAdapter,
  Driver,
  Kysely,
  TransactionSettings,
  QueryCompiler,
} from "kysely";
import { currentTenant, inBackground, insideTransaction, scopeSettings } from "./tenant-scope.ts";
import { yieldToEventLoop } from "./pacing.ts";

export function scopedDialect(inner: Dialect, options: { singleSession: boolean }): Dialect {
  return {
    // The wrapper's driver serializes a single session itself; Kysely need not lock again.
    createAdapter: () =>
      options.singleSession ? withMultipleConnections(inner.createAdapter()) : inner.createAdapter(),
    createQueryCompiler: () => inner.createQueryCompiler(),
    createIntrospector: (db: Kysely<unknown>) => inner.createIntrospector(db),
    createDriver: () => new ScopedDriver(inner.createDriver(), options.singleSession),
  };
}

function withMultipleConnections(adapter: DialectAdapter): DialectAdapter {
  return Object.create(adapter, { supportsMultipleConnections: { value: true } }) as DialectAdapter;
}

/**
 * The one session's lock, in two lanes. Requests (the foreground) are served first in arrival
 * order; background work (jobs) gets the session when no request waits and none has used it in
 * the last FOREGROUND_GRACE_MS — a request makes several queries one after the other, and without
 * the grace a job's next batch would slip in between each two of them. A job thus delays a request
 * by at most the one query or transaction it is running when the request arrives.
 */
export const FOREGROUND_GRACE_MS = 15;

type Waiter = () => void;

export class Mutex {
  private held = false;
  private readonly foreground: Waiter[] = [];
  private readonly background: Waiter[] = [];
  private lastForeground = -Infinity;
  private timer: NodeJS.Timeout | undefined;

  get locked(): boolean {
    return this.held;
  }

  async lock(background = false): Promise<() => void> {
    await new Promise<void>((resolve) => {
      (background ? this.background : this.foreground).push(resolve);
      this.next();
    });
    this.held = true;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (!background) this.lastForeground = performance.now();
      this.held = false;
      this.next();
    };
  }

  /** Hands the free lock to the next waiter: a request, or background work after the grace. */
  private next(): void {
    if (this.held) return;
    const request = this.foreground.shift();
    if (request) {
      this.held = true;
      request();
      return;
    }
    if (this.background.length === 0 || this.timer) return;
    const wait = this.lastForeground + FOREGROUND_GRACE_MS - performance.now();
    if (wait > 0) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.next();
      }, wait);
      return;
    }
    this.held = true;
    this.background.shift()!();
  }
}

const SET_SCOPE =
  "select set_config('role', $1, false), set_config('closebook.firm_id', $2, false), set_config('closebook.client_ids', $3, false)";

class ScopedDriver implements Driver {
  /** The scope key each connection's session currently has; a new session is the owner's. */
  private readonly sessionScope = new WeakMap<DatabaseConnection, string>();
  private readonly mutex: Mutex | undefined;
  private readonly releases = new WeakMap<DatabaseConnection, () => void>();
  /** PGlite: the connection handed out, around the driver's, and back (see wrap). */
  private readonly wrappers = new WeakMap<DatabaseConnection, DatabaseConnection>();
  private readonly inners = new WeakMap<DatabaseConnection, DatabaseConnection>();

  constructor(
    private readonly inner: Driver,
    singleSession: boolean,
  ) {
    this.mutex = singleSession ? new Mutex() : undefined;
  }

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    let release: (() => void) | undefined;
    if (this.mutex) {
      if (this.mutex.locked && insideTransaction()) {
        // Waiting would wait on ourselves: the transaction holds the only session.
        throw new Error(
          "the database was used directly inside a transaction; use the transaction's executor",
        );
      }
      release = await this.mutex.lock(inBackground());
    }
    try {
      const connection = await this.inner.acquireConnection();
      const wanted = scopeSettings(currentTenant());
      if ((this.sessionScope.get(connection) ?? "owner") !== wanted.key) {
        // Forget the old state first: if setting fails, the next use sets it again.
        this.sessionScope.delete(connection);
        await connection.executeQuery(
          CompiledQuery.raw(SET_SCOPE, [wanted.role, wanted.firm, wanted.clients]),
        );
        this.sessionScope.set(connection, wanted.key);
      }
      if (release) this.releases.set(connection, release);
      return this.wrap(connection);
    } catch (error) {
      release?.();
      throw error;
    }
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.inner.beginTransaction(this.unwrap(connection), settings);
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.commitTransaction(this.unwrap(connection));
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.rollbackTransaction(this.unwrap(connection));
  }

  savepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler["compileQuery"],
  ): Promise<void> {
    return this.inner.savepoint!(this.unwrap(connection), name, compile);
  }

  rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler["compileQuery"],
  ): Promise<void> {
    return this.inner.rollbackToSavepoint!(this.unwrap(connection), name, compile);
  }

  releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler["compileQuery"],
  ): Promise<void> {
    return this.inner.releaseSavepoint!(this.unwrap(connection), name, compile);
  }

  async releaseConnection(handedOut: DatabaseConnection): Promise<void> {
    const connection = this.unwrap(handedOut);
    try {
      await this.inner.releaseConnection(connection);
    } finally {
      const release = this.releases.get(connection);
      this.releases.delete(connection);
      release?.();
    }
  }

  /**
   * On PGlite every query runs synchronously on the main thread, and a chain of them resolves as
   * microtasks that never give the event loop a turn: a job's batch would keep the server from even
   * reading a new request until the batch ends. Background work therefore yields to the event loop
   * before each of its queries, inside its transactions too.
   */
  private wrap(connection: DatabaseConnection): DatabaseConnection {
    if (!this.mutex) return connection;
    let wrapper = this.wrappers.get(connection);
    if (!wrapper) {
      wrapper = {
        executeQuery: async (query) => {
          if (inBackground()) await yieldToEventLoop();
          return connection.executeQuery(query);
        },
        streamQuery: (query, chunkSize) => connection.streamQuery(query, chunkSize),
      };
      this.wrappers.set(connection, wrapper);
      this.inners.set(wrapper, connection);
    }
    return wrapper;
  }

  private unwrap(connection: DatabaseConnection): DatabaseConnection {
    return this.inners.get(connection) ?? connection;
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}
