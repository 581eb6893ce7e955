// `npm run bench -- rls`: what row-level security costs the ledger's bulk posting. Posts the same
// batch of entries (BENCH_RLS_ENTRIES, default 20,000 with two lines each) as the database owner
// (the CLI and jobs) and as a tenant (requests: the app role under the policies of 0007_rls.sql),
// on PGlite and, when DATABASE_URL is set, on a throwaway PostgreSQL database.
import { onThrowawayPostgres } from "./throwaway-postgres.ts";
import { openDatabase, inTransaction, type Database } from "../src/platform/db.ts";
import { migrate } from "../src/platform/migrate.ts";
import { systemClock } from "../src/platform/clock.ts";
import { InProcessJobs } from "../src/platform/jobs.ts";
import { runAsTenant, runUnscoped } from "../src/platform/tenant-scope.ts";
import { systemActor } from "../src/platform/actor.ts";
import type { Ctx } from "../src/platform/context.ts";
import * as access from "../src/modules/access/index.ts";
import * as ledger from "../src/modules/ledger/index.ts";

const ENTRIES = Number(process.env.BENCH_RLS_ENTRIES ?? 20_000);

async function postBatch(ctx: Ctx, slug: string, scoped: boolean): Promise<number> {
  const firm = await access.defaultFirm(ctx.db);
  const actor = systemActor(firm.id);
  await access.createClient(ctx.db, actor, { slug, name: slug });
  await ledger.applyChartTemplate(ctx, actor, slug);
  const accounts = await ledger.listAccounts(ctx, actor, slug);
  const cash = accounts.find((a) => a.number === "1010")!.id;
  const sales = accounts.find((a) => a.number === "4000")!.id;
  const client = await access.requireClient(ctx.db, actor, slug);
  const entries = Array.from({ length: ENTRIES }, (_, i) => ({
    date: `2025-${String((i % 12) + 1).padStart(2, "0")}-15`,
    description: `Sale ${i}`,
    lines: [
      { accountId: cash, amount: BigInt(100 + (i % 997)), currency: "USD" },
      { accountId: sales, amount: -BigInt(100 + (i % 997)), currency: "USD" },
    ],
  }));
  const post = () =>
    inTransaction(ctx.db, (tx) =>
      ledger.postEntries(tx, actor, { firmId: firm.id, clientId: client.id }, entries, "bench"),
    );
  const t0 = performance.now();
  await (scoped ? runAsTenant({ firmId: firm.id, clientIds: "all" }, post) : runUnscoped(post));
  return Number(((performance.now() - t0) / 1000).toFixed(3));
}

async function measure(database: Database): Promise<object> {
  await migrate(database);
  const ctx: Ctx = { db: database.db, clock: systemClock, jobs: new InProcessJobs(database.db) };
  // Warm up once, then alternate so that neither side gets a warmer cache.
  await postBatch(ctx, "warm-up", false);
  const owner: number[] = [];
  const tenant: number[] = [];
  for (let i = 0; i < 2; i++) {
    owner.push(await postBatch(ctx, `owner-${i}`, false));
    tenant.push(await postBatch(ctx, `tenant-${i}`, true));
  }
  const best = (xs: number[]) => Math.min(...xs);
  return {
    entries: ENTRIES,
    lines: ENTRIES * 2,
    ownerSeconds: best(owner),
    tenantSeconds: best(tenant),
    overheadPercent: Number((((best(tenant) - best(owner)) / best(owner)) * 100).toFixed(1)),
  };
}

export async function run(): Promise<object> {
  const result: Record<string, object> = {};
  const embedded = await openDatabase({ dataDir: "memory://" });
  try {
    result.pglite = await measure(embedded);
  } finally {
    await embedded.close();
  }
  const postgres = await onThrowawayPostgres(measure);
  if (postgres) result.postgres = postgres;
  return result;
}
