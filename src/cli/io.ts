// Where a command writes and how it opens the database: the terminal and a runtime of its own
// (the data folder locked) when run as `closebook …`, or a running server's runtime with the output
// collected when that server runs it for a CLI on the same machine (see local-server.ts).
import path from "node:path";
import type { Runtime } from "../app/runtime.ts";
import type { TerminalProgress } from "../platform/progress.ts";

export interface CommandIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Progress bars only where someone watches a terminal. */
  stderrIsTTY: boolean;
  /** The caller's working folder: file names on the command line are relative to it. */
  cwd: string;
  /** The runtime to work in; its close() is the caller's business (a no-op for a server's). */
  openRuntime(command: string, options?: { light?: boolean }): Promise<Runtime>;
}

export function processIo(): CommandIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stderrIsTTY: process.stderr.isTTY === true,
    cwd: process.cwd(),
    async openRuntime(command, options = {}) {
      const { openRuntime } = await import("../app/runtime.ts");
      const { loadConfig } = await import("../platform/config.ts");
      return openRuntime(loadConfig(), { command, light: options.light === true });
    },
  };
}

/** A file named on the command line, wherever the command runs. */
export function fileOf(io: CommandIo, file: string): string {
  return path.resolve(io.cwd, file);
}

/** A progress bar on stderr when it is a terminal; nothing otherwise (piped, or run by a server). */
export async function progressFor(io: CommandIo): Promise<TerminalProgress> {
  const { terminalProgress } = await import("../platform/progress.ts");
  return terminalProgress(io.stderrIsTTY ? process.stderr : { isTTY: false, write: () => true });
}
