// Vitest global setup: migrates one database per run that every test file starts from — a PGlite
// snapshot (cached on disk by migration checksum) or, with DATABASE_URL, a PostgreSQL template.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { openDatabase } from "../src/platform/db.ts";
import { migrate, readMigrations } from "../src/platform/migrate.ts";
import { adminQuery, databaseUrlFor } from "./support/db.ts";

export default async function setup(): Promise<() => Promise<void>> {
  if (process.env.DATABASE_URL) {
    const template = `cb_tpl_${crypto.randomBytes(6).toString("hex")}`;
    await adminQuery(`create database ${template}`);
    const database = await openDatabase({ databaseUrl: databaseUrlFor(template), poolSize: 1 });
    await migrate(database);
    await database.close();
    process.env.CLOSEBOOK_TEST_TEMPLATE = template;
    return async () => {
      await adminQuery(`drop database if exists ${template} with (force)`);
    };
  }
  const hash = crypto.createHash("sha256");
  for (const m of readMigrations()) hash.update(m.name).update(m.checksum);
  const dir = path.resolve("node_modules/.cache/closebook");
  const file = path.join(dir, `pglite-${hash.digest("hex").slice(0, 16)}.tar.gz`);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    const database = await openDatabase({ dataDir: "memory://" });
    await migrate(database);
    const dump = await database.pglite!.dumpDataDir("gzip");
    fs.writeFileSync(`${file}.tmp`, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(`${file}.tmp`, file);
    await database.close();
  }
  process.env.CLOSEBOOK_TEST_SNAPSHOT = file;
  return async () => {};
}
