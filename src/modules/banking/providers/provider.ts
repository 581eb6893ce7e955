// What a source of bank data must do to back a connection: set the link up (or up again), and fetch
// what is new into the import. Aggregators (Plaid, MX, Salt Edge, …) plug in here; the file-drop
// provider is the one that needs no outside service.

/** What a provider knows about the connection it serves. */
export interface ProviderConnection {
  id: string;
  firmId: string;
  clientId: string;
  /** Provider-specific, as returned by setUp (a folder, an aggregator's item id). */
  details: Record<string, unknown>;
}

export interface SetUpOutcome {
  /** connected: the link works now; setting_up: it waits on a person or the aggregator (OAuth, MFA). */
  state: "connected" | "setting_up";
  details: Record<string, unknown>;
}

/** Where fetched data goes: the connection's import, which picks the bank accounts it belongs to. */
export interface ImportSink {
  importFile(fileName: string, bytes: Uint8Array): Promise<FileImportResult>;
}

export interface FileImportResult {
  imports: Array<{ bankAccount: string; newLines: number; duplicateLines: number }>;
}

export interface PollReport {
  files: Array<
    | { name: string; ok: true; result: FileImportResult }
    | { name: string; ok: false; error: { code: string; detail: string; line: number | null } }
  >;
}

/** The link is broken (the bank login stopped working, the folder is gone): the connection is lost. */
export class ConnectionLostError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "ConnectionLostError";
  }
}

export interface ConnectionProvider {
  /** Stored in connections.provider: lowercase letters, digits and dashes. */
  readonly name: string;
  readonly label: string;
  setUp(connection: ProviderConnection): Promise<SetUpOutcome>;
  /** Fetches what arrived since the last poll. Throws ConnectionLostError when the link is broken. */
  poll(connection: ProviderConnection, sink: ImportSink): Promise<PollReport>;
}
