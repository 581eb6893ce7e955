// One process at a time on an embedded (PGlite) data folder: two processes writing one PGlite
// folder lose data silently. The lock is a file in the folder naming its holder (pid, command, and
// for a server its URL and a local admin token, hence mode 0600); a holder that died is detected
// by its pid and its lock taken over.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const LOCK_FILE = "closebook.lock";

export interface LockHolder {
  pid: number;
  /** What holds the folder: "serve", "start", "import", … */
  command: string;
  startedAt: string;
  /** A server's address, once it listens. */
  url?: string;
  /** A secret for local use: a CLI command on this machine sends its work to the server with it. */
  token?: string;
}

export class DataDirBusy extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(`the data folder ${dataDir} is in use by process ${holder.pid} (closebook ${holder.command})`);
  }
}

export interface DataDirLock {
  readonly file: string;
  readonly holder: LockHolder;
  /** Adds what a server tells others once it listens (its URL; a new local token). */
  advertise(url: string): LockHolder;
  release(): void;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function read(file: string): LockHolder | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as LockHolder;
  } catch {
    return undefined;
  }
}

/** The live process holding the folder, if any (a dead holder's lock does not count). */
export function lockHolder(dataDir: string): LockHolder | undefined {
  const holder = read(path.join(dataDir, LOCK_FILE));
  return holder && holder.pid !== process.pid && alive(holder.pid) ? holder : undefined;
}

/** Takes the folder for this process, or throws DataDirBusy naming the live holder. */
export function lockDataDir(dataDir: string, command: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  let holder: LockHolder = { pid: process.pid, command, startedAt: new Date().toISOString() };
  for (let attempt = 0; ; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(holder), { flag: "wx", mode: 0o600 });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 2) throw error;
      const current = read(file);
      if (current && alive(current.pid) && current.pid !== process.pid)
        throw new DataDirBusy(dataDir, current);
      // Dead holder (or a half-written file): take it over. Renaming first makes the takeover
      // atomic: of two processes that both saw it stale, only one moves it away.
      const stale = `${file}.stale-${process.pid}`;
      try {
        fs.renameSync(file, stale);
        fs.rmSync(stale, { force: true });
      } catch {
        /* someone else took it over first: try again */
      }
    }
  }
  const onExit = () => release();
  process.once("exit", onExit);
  let released = false;
  function release(): void {
    if (released) return;
    released = true;
    process.removeListener("exit", onExit);
    // Only our own lock: never remove one another process took over.
    if (read(file)?.pid === process.pid) fs.rmSync(file, { force: true });
  }
  return {
    file,
    get holder() {
      return holder;
    },
    advertise(url: string) {
      holder = { ...holder, url, token: crypto.randomBytes(32).toString("base64url") };
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify(holder), { mode: 0o600 });
      fs.renameSync(tmp, file);
      return holder;
    },
    release,
  };
}
