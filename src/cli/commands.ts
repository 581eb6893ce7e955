// The table of `closebook` subcommands. Each entry loads its module only when it is run.
import type { CommandIo } from "./io.ts";

export interface CommandModule {
  run(argv: string[], io?: CommandIo): Promise<number>;
}

export interface CommandEntry {
  summary: string;
  load(): Promise<CommandModule>;
  /**
   * What it does with the embedded database's folder while a server holds it: "remote" sends the
   * command to that server to run, "refuse" says so and stops; absent: it does not open the database.
   */
  whileServed?: "remote" | "refuse";
}

export const commands: Record<string, CommandEntry> = {
  serve: {
    summary: "start the web server (PORT, default 3000)",
    load: () => import("./commands/serve.ts"),
    whileServed: "refuse",
  },
  migrate: {
    summary: "apply pending database migrations",
    load: () => import("./commands/migrate.ts"),
    whileServed: "refuse",
  },
  demo: {
    summary: "create the demo firm with two clients and a year of activity",
    load: () => import("./commands/demo.ts"),
    whileServed: "remote",
  },
  invite: {
    summary:
      "invite --email ADDRESS [--firm SLUG | --create-firm NAME]: invite a Partner Admin (the first one of a new firm)",
    load: () => import("./commands/invite.ts"),
    whileServed: "remote",
  },
  ledger: {
    summary: "ledger import FILE --client SLUG | ledger export --client SLUG",
    load: () => import("./commands/ledger.ts"),
    whileServed: "remote",
  },
  parse: {
    summary: "parse FILE [--format F]: print a bank statement file as normalized JSON",
    load: () => import("./commands/parse.ts"),
  },
  import: {
    summary: "import FILE --client SLUG --bank-account ID: import a bank statement file (idempotent)",
    load: () => import("./commands/import.ts"),
    whileServed: "remote",
  },
  reconcile: {
    summary:
      "reconcile --client SLUG --bank-account ID --statement FILE [--complete] [--format json|text]: reconcile a statement against the ledger",
    load: () => import("./commands/reconcile.ts"),
    whileServed: "remote",
  },
  "bank-accounts": {
    summary: "bank-accounts --client SLUG | add … | poll: list, add bank accounts; import file-drop folders",
    load: () => import("./commands/bank-accounts.ts"),
    whileServed: "remote",
  },
  report: {
    summary:
      "report trial-balance|profit-loss|balance-sheet|cash-flow|package --client SLUG …: the trial balance, the financial statements (json, csv, xlsx, pdf) and the monthly report package",
    load: () => import("./commands/report.ts"),
    whileServed: "remote",
  },
  close: {
    summary:
      "close status --client SLUG --month YYYY-MM [--format json|text] | close --client SLUG --month YYYY-MM [--override REASON]: a month's close status and blockers; close it",
    load: () => import("./commands/close.ts"),
    whileServed: "remote",
  },
  vault: {
    summary:
      "vault rotate-key --new-key-file FILE: re-wrap every client's vault key with a new master key (stop the server first)",
    load: () => import("./commands/vault.ts"),
    // The server keeps the master key in memory: it must not run while the key changes.
    whileServed: "refuse",
  },
  eval: {
    summary:
      "eval categorize --data FILE --text COL --label COL --amount COL --date COL [--client COL] --split-date DATE",
    load: () => import("./commands/eval.ts"),
  },
};
