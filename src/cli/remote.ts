// Sends a command to the server that holds the embedded database's folder (its URL and local
// token are in the folder's lock file, readable by this user only), and prints what it answered.
import type { LockHolder } from "../platform/data-dir-lock.ts";
import type { CommandIo } from "./io.ts";

export const LOCAL_CLI_PATH = "/_local/cli";

export interface RemoteResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export async function runRemote(
  holder: LockHolder,
  name: string,
  argv: string[],
  io: CommandIo,
): Promise<number> {
  if (io.stderrIsTTY)
    io.stderr(
      `(the server ${holder.url} (process ${holder.pid}) holds the data folder: it runs this command)\n`,
    );
  let response: Response;
  try {
    response = await fetch(`${holder.url}${LOCAL_CLI_PATH}`, {
      method: "POST",
      headers: { authorization: `Bearer ${holder.token}`, "content-type": "application/json" },
      body: JSON.stringify({ command: name, argv, cwd: io.cwd }),
    });
  } catch (error) {
    io.stderr(
      `closebook ${name}: the data folder is held by closebook ${holder.command} (process ${holder.pid}) at ${holder.url}, which did not answer (${(error as Error).message}). Stop it (kill ${holder.pid}) or try again.\n`,
    );
    return 1;
  }
  if (!response.ok) {
    io.stderr(
      `closebook ${name}: the server at ${holder.url} (process ${holder.pid}) refused the command (HTTP ${response.status}: ${(await response.text()).slice(0, 300)}). Stop it (kill ${holder.pid}) and run the command again.\n`,
    );
    return 1;
  }
  const result = (await response.json()) as RemoteResult;
  io.stdout(result.stdout);
  io.stderr(result.stderr);
  return result.exitCode;
}
