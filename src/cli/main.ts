// Entry point of the `closebook` command: finds the subcommand and runs it.
// Commands are loaded lazily so that a quick command (parse, report) does not pay for the web server.
import { commands } from "./commands.ts";
import { CliUsageError, renderCliError } from "./cli-errors.ts";

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    process.stdout.write(usage());
    return name ? 0 : 1;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`closebook: unknown command "${name}"\n\n${usage()}`);
    return 1;
  }
  try {
    const module = await command.load();
    return await module.run(rest);
  } catch (error) {
    if (error instanceof CliUsageError) {
      process.stderr.write(`closebook ${name}: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(renderCliError(error));
    return 1;
  }
}

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(12)} ${c.summary}`);
  return `Usage: closebook <command> [options]\n\nCommands:\n${lines.join("\n")}\n`;
}
