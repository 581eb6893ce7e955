// The table of `closebook` subcommands. Each entry loads its module only when it is run.
export interface CommandModule {
  run(argv: string[]): Promise<number>;
}

export interface CommandEntry {
  summary: string;
  load(): Promise<CommandModule>;
}

export const commands: Record<string, CommandEntry> = {
  serve: { summary: "start the web server (PORT, default 3000)", load: () => import("./commands/serve.ts") },
  migrate: { summary: "apply pending database migrations", load: () => import("./commands/migrate.ts") },
  demo: {
    summary: "create the demo firm with two clients and a year of activity",
    load: () => import("./commands/demo.ts"),
  },
  invite: {
    summary:
      "invite --email ADDRESS [--firm SLUG | --create-firm NAME]: invite a Partner Admin (the first one of a new firm)",
    load: () => import("./commands/invite.ts"),
  },
  ledger: {
    summary: "ledger import FILE --client SLUG | ledger export --client SLUG",
    load: () => import("./commands/ledger.ts"),
  },
  parse: {
    summary: "parse FILE [--format F]: print a bank statement file as normalized JSON",
    load: () => import("./commands/parse.ts"),
  },
  import: {
    summary: "import FILE --client SLUG --bank-account ID: import a bank statement file (idempotent)",
    load: () => import("./commands/import.ts"),
  },
  "bank-accounts": {
    summary: "bank-accounts --client SLUG | add … | poll: list, add bank accounts; import file-drop folders",
    load: () => import("./commands/bank-accounts.ts"),
  },
  report: {
    summary: "report trial-balance --client SLUG [--as-of DATE] [--format json|csv|text]",
    load: () => import("./commands/report.ts"),
  },
  eval: {
    summary:
      "eval categorize --data FILE --text COL --label COL --amount COL --date COL [--client COL] --split-date DATE",
    load: () => import("./commands/eval.ts"),
  },
};
