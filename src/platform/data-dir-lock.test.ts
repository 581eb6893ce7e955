// The data folder's lock: one holder at a time, a live holder named in the refusal, a dead
// holder's lock taken over, and only its own lock removed on release.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { DataDirBusy, LOCK_FILE, lockDataDir, lockHolder } from "./data-dir-lock.ts";

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "closebook-lock-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function writeHolder(dir: string, pid: number): void {
  fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid, command: "serve", startedAt: "x" }));
}

/** The pid of a process that has exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
    encoding: "utf8",
  });
  return Number(r.stdout);
}

describe("the data folder lock", () => {
  it("is refused while a live process holds it, naming that process", () => {
    const dir = tempDir();
    writeHolder(dir, process.ppid);
    expect(lockHolder(dir)).toMatchObject({ pid: process.ppid, command: "serve" });
    let error: unknown;
    try {
      lockDataDir(dir, "import");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataDirBusy);
    expect((error as DataDirBusy).holder.pid).toBe(process.ppid);
    expect((error as Error).message).toContain(`in use by process ${process.ppid} (closebook serve)`);
  });

  it("is taken over from a holder that died, and released with mode 0600 while held", () => {
    const dir = tempDir();
    writeHolder(dir, deadPid());
    expect(lockHolder(dir)).toBeUndefined();
    const lock = lockDataDir(dir, "import");
    const file = path.join(dir, LOCK_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toMatchObject({ pid: process.pid, command: "import" });
    const advertised = lock.advertise("http://127.0.0.1:1234");
    expect(advertised.token).toMatch(/^[\w-]{43}$/);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    lock.release();
    expect(fs.existsSync(file)).toBe(false);
  });

  it("never removes a lock another process took over", () => {
    const dir = tempDir();
    const lock = lockDataDir(dir, "import");
    writeHolder(dir, process.ppid);
    lock.release();
    expect(lockHolder(dir)?.pid).toBe(process.ppid);
  });
});
