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
import { currentTenant, insideTransaction, scopeSettings } from "./tenant-scope.ts";

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

class Mutex {
  private tail: Promise<void> = Promise.resolve();
  private held = false;

  get locked(): boolean {
    return this.held;
  }

  async lock(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const previous = this.tail;
    this.tail = previous.then(() => next);
    await previous;
    this.held = true;
    return () => {
      this.held = false;
      release();
    };
  }
}

const SET_SCOPE =
  "select set_config('role', $1, false), set_config('closebook.firm_id', $2, false), set_config('closebook.client_ids', $3, false)";

class ScopedDriver implements Driver {
  /** The scope key each connection's session currently has; a new session is the owner's. */
  private readonly sessionScope = new WeakMap<DatabaseConnection, string>();
  private readonly mutex: Mutex | undefined;
  private readonly releases = new WeakMap<DatabaseConnection, () => void>();

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
      release = await this.mutex.lock();
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
      return connection;
    } catch (error) {
      release?.();
      throw error;
    }
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.inner.beginTransaction(connection, settings);
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.commitTransaction(connection);
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.rollbackTransaction(connection);
  }

  savepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler["compileQuery"],
  ): Promise<void> {
    return this.inner.savepoint!(connection, name, compile);
  }

  rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler["compileQuery"],
  ): Promise<void> {
    return this.inner.rollbackToSavepoint!(connection, name, compile);
  }

  releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler["compileQuery"],
  ): Promise<void> {
    return this.inner.releaseSavepoint!(connection, name, compile);
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    try {
      await this.inner.releaseConnection(connection);
    } finally {
      const release = this.releases.get(connection);
      this.releases.delete(connection);
      release?.();
    }
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}
