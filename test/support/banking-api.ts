// Shared setup for the banking API tests: per test file a fresh database with two firms' bank clients,
// a temp data folder, the server and a signed-in Partner Admin; the client URL and a multipart body.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { testDb, type TestDb } from "./db.ts";
import { testServer } from "./server.ts";
import { signedIn, type Caller } from "./auth.ts";
import type { App } from "../../src/platform/http.ts";
import { bankClient, type BankFixture } from "./bank-fixtures.ts";

export let t: TestDb;
export let c: BankFixture;
export let other: BankFixture;
export let app: App;
export let admin: Caller;
export let dataDir: string;

/** Starts the test file's database, clients and server before its tests, and stops them after. */
export function useBankingApi(): void {
  beforeAll(async () => {
    t = await testDb();
    c = await bankClient(t.ctx, "api-bank", "firm-api-bank");
    other = await bankClient(t.ctx, "other-bank", "firm-other-bank");
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "closebook-banking-api-"));
    app = await testServer(t, { anonymous: true, env: { CLOSEBOOK_DATA_DIR: dataDir } });
    admin = await signedIn(t, app, { firmId: c.firmId, role: "partner_admin", name: "Ada Admin" });
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });
}

export const url = (p: string, client = c.slug) => `/api/clients/${client}${p}`;

/** A multipart/form-data body with one file and text fields, as a browser's FormData sends it. */
export function multipart(
  file: { name: string; bytes: Uint8Array } | null,
  fields: Record<string, string> = {},
) {
  const boundary = `----closebook${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
    );
    parts.push(Buffer.from(file.bytes));
    parts.push(Buffer.from("\r\n"));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}
