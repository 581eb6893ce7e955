// Child process of the ledger benchmark: imports one journal into a fresh database and reports
// the time and the process's peak memory (run alone so the figure is the import's own). With
// "--prepare" it only creates and migrates the database and reports that step's peak memory: a new
// embedded database runs initdb, which alone takes about 0.9 GiB for a moment, and an import runs
// against a database that exists.
import fs from "node:fs";
import { loadConfig } from "../src/platform/config.ts";
import { openRuntime } from "../src/app/runtime.ts";
import { systemActor } from "../src/platform/actor.ts";
import * as access from "../src/modules/access/index.ts";
import * as ledger from "../src/modules/ledger/index.ts";

const [file, slug] = process.argv.slice(2);
const runtime = await openRuntime(loadConfig());
if (file === "--prepare") {
  await runtime.close();
  process.stdout.write(JSON.stringify({ peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) }));
  process.exit(0);
}
const firm = await access.defaultFirm(runtime.ctx.db);
const actor = systemActor(firm.id);
await access.createClient(runtime.ctx.db, actor, { slug: slug!, name: slug! });
const text = fs.readFileSync(file!, "utf8");
const started = performance.now();
const cpu = process.cpuUsage();
const result = await ledger.importJournal(runtime.ctx, actor, slug!, text);
const seconds = (performance.now() - started) / 1000;
const used = process.cpuUsage(cpu);
await runtime.close();
process.stdout.write(
  JSON.stringify({
    entries: result.entries,
    seconds,
    perSecond: Math.round(result.entries / seconds),
    // This process's CPU time for the import (PGlite runs inside it, PostgreSQL does not): on a
    // busy machine the wall time above includes waiting for a core; this does not.
    cpuSeconds: Number(((used.user + used.system) / 1e6).toFixed(2)),
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
