// The server's side of remote.ts: `POST /_local/cli` runs a `closebook` command in this process,
// on its database, for a CLI on the same machine that found the data folder held. Only from the
// loopback interface, only with the token this server wrote into the folder's lock file (mode
// 0600), and only the commands marked "remote" in commands.ts.
import crypto from "node:crypto";
import { z } from "zod";
import type { App } from "../platform/http.ts";
import type { Runtime } from "../app/runtime.ts";
import { runInBackground } from "../platform/tenant-scope.ts";
import { commands } from "./commands.ts";
import type { CommandIo } from "./io.ts";
import { runCommand } from "./main.ts";
import { LOCAL_CLI_PATH, type RemoteResult } from "./remote.ts";

const body = z.object({ command: z.string(), argv: z.array(z.string()).max(100), cwd: z.string() });
const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

export function localCliRoutes(runtime: Runtime) {
  return async (app: App) => {
    app.post(LOCAL_CLI_PATH, { schema: { hide: true } }, async (request, reply) => {
      const token = runtime.lock?.holder.token;
      const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1] ?? "";
      if (!token || !LOOPBACK.has(request.socket.remoteAddress ?? "") || !sameSecret(given, token))
        return reply
          .code(403)
          .send({ error: "local commands need this server's local token, from this machine" });
      const parsed = body.safeParse(request.body);
      if (!parsed.success || commands[parsed.data.command]?.whileServed !== "remote")
        return reply.code(400).send({ error: "not a command this server runs" });
      const { command, argv, cwd } = parsed.data;
      let stdout = "";
      let stderr = "";
      const io: CommandIo = {
        stdout: (text) => void (stdout += text),
        stderr: (text) => void (stderr += text),
        stderrIsTTY: false,
        cwd,
        // The server's own runtime: the command must not close it.
        openRuntime: async () => ({ ...runtime, close: async () => undefined }),
      };
      // In the background lane: on PGlite the requests of the portal go before the command's queries.
      const exitCode = await runInBackground(() => runCommand(command, argv, io));
      request.log.info({ command, exitCode }, "ran a local command");
      const result: RemoteResult = { exitCode, stdout, stderr };
      return result;
    });
  };
}
