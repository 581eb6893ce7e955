// A server on PostgreSQL starts cleanly on a fresh database (pg-boss creates its schema once, the
// maintenance jobs are queued every time) and stops within 10 s of SIGTERM, answering the request
// in flight first. PostgreSQL only: on PGlite the jobs run in-process and there is no pg-boss.
import { afterAll, describe, expect, it, vi } from "vitest";
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import http from "node:http";
import net from "node:net";
import pg from "pg";
import { adminQuery, databaseUrlFor, onPostgres } from "./support/db.ts";
import { testConfig } from "./support/server.ts";
import { openRuntime } from "../src/app/runtime.ts";
import { appServices } from "../src/app/services.ts";
import { DIGEST_JOB, REVIEW_TASKS_JOB, SYSTEM_TASKS_JOB, startMaintenance } from "../src/app/maintenance.ts";
import { GENERATE_JOB } from "../src/modules/work/index.ts";
import { PURGE_TRASH_JOB } from "../src/modules/documents/index.ts";
import * as access from "../src/modules/access/index.ts";

const created: string[] = [];
afterAll(async () => {
  await Promise.all(created.map((name) => adminQuery(`drop database if exists ${name} with (force)`)));
});

/** A throwaway database migrated like the test template, without pg-boss's schema. */
async function freshDatabase(): Promise<string> {
  const name = `cb_serve_${crypto.randomBytes(6).toString("hex")}`;
  await adminQuery(`create database ${name} template ${process.env.CLOSEBOOK_TEST_TEMPLATE!}`);
  created.push(name);
  return databaseUrlFor(name);
}

async function queuedJobs(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>("select name from pgboss.job order by name");
    return rows.map((r) => r.name);
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe.runIf(onPostgres)("serving on PostgreSQL", () => {
  it("starts ten fresh databases in a row without a deadlock, queuing every maintenance job each time", async () => {
    const errors: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk, ...rest) => {
      errors.push(String(chunk));
      return write(chunk as string, ...(rest as []));
    });
    try {
      for (let i = 0; i < 10; i++) {
        const url = await freshDatabase();
        const runtime = await openRuntime(testConfig({ DATABASE_URL: url }), { migrate: false });
        try {
          const services = appServices(runtime.config, runtime.ctx);
          // The order of `closebook serve`: maintenance first, then the job runner.
          const stopMaintenance = await startMaintenance(runtime, services);
          await runtime.ctx.jobs.start();
          stopMaintenance();
          expect(await queuedJobs(url), `database ${i + 1} of 10`).toEqual(
            [
              access.PURGE_JOB,
              PURGE_TRASH_JOB,
              DIGEST_JOB,
              GENERATE_JOB,
              REVIEW_TASKS_JOB,
              SYSTEM_TASKS_JOB,
            ].sort(),
          );
        } finally {
          await runtime.close();
        }
      }
    } finally {
      spy.mockRestore();
    }
    expect(errors.filter((e) => /deadlock|could not queue|jobs:/.test(e))).toEqual([]);
  });

  it("stops within 10 s of SIGTERM, answering the request in flight", async () => {
    const url = await freshDatabase();
    const port = await freePort();
    const child = spawn(process.execPath, ["bin/closebook", "serve"], {
      env: {
        ...process.env,
        DATABASE_URL: url,
        PORT: String(port),
        HOST: "127.0.0.1",
        LOG_LEVEL: "warn",
        CLOSEBOOK_DATA_DIR: `/tmp/closebook-serve-test-${port}`,
        CLOSEBOOK_SECRET_KEY: Buffer.alloc(32, 9).toString("base64"),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    try {
      await vi.waitFor(() => expect(output).toMatch(/listening on/), { timeout: 30_000, interval: 100 });
      // A request in flight when the signal arrives: its headers are in, its body is not yet.
      const body = JSON.stringify({ email: "nobody@example.test", password: "wrong password here" });
      const request = http.request({
        host: "127.0.0.1",
        port,
        method: "POST",
        path: "/api/auth/sign-in",
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
        agent: new http.Agent({ keepAlive: true }),
      });
      const answer = new Promise<http.IncomingMessage>((resolve, reject) => {
        request.once("response", resolve);
        request.once("error", reject);
      });
      request.write(body.slice(0, 10));
      await new Promise((r) => setTimeout(r, 300));
      const signalled = Date.now();
      child.kill("SIGTERM");
      await new Promise((r) => setTimeout(r, 300));
      request.end(body.slice(10));
      const response = await answer;
      response.resume();
      expect(response.statusCode).toBe(401);
      expect(response.headers.connection).toBe("close");
      const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r("timeout"), 10_000))]);
      expect(code, output).toBe(0);
      expect(Date.now() - signalled).toBeLessThan(10_000);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  });
});
