// Entry point of the `closebook` command: finds the subcommand and runs it, here or — when a server
// holds the embedded database's folder — in that server (see remote.ts), or says why it cannot.
// Commands are loaded lazily so that a quick command (parse, report) does not pay for the web server.
import path from "node:path";
import { commands } from "./commands.ts";
import { CliUsageError, renderCliError } from "./cli-errors.ts";
import { processIo, type CommandIo } from "./io.ts";

export async function main(argv: string[], io: CommandIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    io.stdout(usage());
    return name ? 0 : 1;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`closebook: unknown command "${name}"\n\n${usage()}`);
    return 1;
  }
  if (command.whileServed && !process.env.DATABASE_URL) {
    const { lockHolder } = await import("../platform/data-dir-lock.ts");
    const dataDir = path.resolve(io.cwd, process.env.CLOSEBOOK_DATA_DIR || ".data");
    const holder = lockHolder(dataDir);
    if (holder?.url && holder.token && command.whileServed === "remote") {
      const { runRemote } = await import("./remote.ts");
      return runRemote(holder, name, rest, io);
    }
    if (holder) {
      io.stderr(busyMessage(name, dataDir, holder));
      return 1;
    }
  }
  return runCommand(name, rest, io);
}

/** Runs a subcommand with `io`; failures become one line on stderr and exit status 1. */
export async function runCommand(name: string, argv: string[], io: CommandIo): Promise<number> {
  try {
    const module = await commands[name]!.load();
    return await module.run(argv, io);
  } catch (error) {
    if (error instanceof CliUsageError) {
      io.stderr(`closebook ${name}: ${error.message}\n`);
      return 1;
    }
    const { DataDirBusy } = await import("../platform/data-dir-lock.ts");
    if (error instanceof DataDirBusy) {
      io.stderr(busyMessage(name, error.dataDir, error.holder));
      return 1;
    }
    io.stderr(renderCliError(error));
    return 1;
  }
}

function busyMessage(
  name: string,
  dataDir: string,
  holder: { pid: number; command: string; url?: string | undefined },
): string {
  const who = `closebook ${holder.command} (process ${holder.pid}${holder.url ? `, serving ${holder.url}` : ""})`;
  const what =
    name === "serve"
      ? "Only one server may use an embedded database."
      : "Two processes must never open one embedded database: the second would lose data.";
  return (
    `closebook ${name}: the data folder ${dataDir} is in use by ${who}. ${what}\n` +
    `Stop it first (Ctrl-C in its terminal, or kill ${holder.pid})` +
    (name === "serve" ? "" : ", or run the command again once it has finished") +
    `; or give this command another folder with CLOSEBOOK_DATA_DIR.\n`
  );
}

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(12)} ${c.summary}`);
  return `Usage: closebook <command> [options]\n\nCommands:\n${lines.join("\n")}\n`;
}
