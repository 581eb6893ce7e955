// `npm run bench -- month-end`: the month-end batch of BENCH_MONTH_END_CLIENTS clients (default
// 500), each with a depreciation schedule and an accrual that reverses on the 1st — generated,
// approved and posted through JE Automation's services, client after client as the month-end run
// does, with the accrual's reversal posted too. Goal: ≤ 30 s for 500 clients on PostgreSQL. The
// clients and their few accounts are made through the services first (not timed). PGlite, and
// PostgreSQL when DATABASE_URL is set.
import crypto from "node:crypto";
import { onThrowawayPostgres } from "./throwaway-postgres.ts";
import { openDatabase, type Database } from "../src/platform/db.ts";
import { migrate } from "../src/platform/migrate.ts";
import { fixedClock } from "../src/platform/clock.ts";
import { InProcessJobs } from "../src/platform/jobs.ts";
import { runAsTenant } from "../src/platform/tenant-scope.ts";
import { systemActor, type Actor } from "../src/platform/actor.ts";
import type { Ctx } from "../src/platform/context.ts";
import * as access from "../src/modules/access/index.ts";
import * as journals from "../src/modules/journals/index.ts";
import * as ledger from "../src/modules/ledger/index.ts";

const CLIENTS = Number(process.env.BENCH_MONTH_END_CLIENTS ?? 500);
const MONTH = "2026-06";
const ACCOUNTS = [
  { key: "equipment", name: "Equipment", type: "asset" },
  { key: "accumulated", name: "Accumulated Depreciation", type: "asset" },
  { key: "depreciation", name: "Depreciation Expense", type: "expense" },
  { key: "utilities", name: "Utilities", type: "expense" },
  { key: "accrued", name: "Accrued Liabilities", type: "liability" },
] as const;
type AccountKey = (typeof ACCOUNTS)[number]["key"];

/** A client with its accounts, a depreciation schedule and a monthly accrual (not timed). */
async function setUpClient(ctx: Ctx, admin: Actor, i: number): Promise<string> {
  const slug = `client-${i}`;
  const client = await access.createClient(ctx.db, admin, {
    slug,
    name: `Client ${String(i).padStart(4, "0")}`,
  });
  await ledger.ensureCurrencies(ctx.db, { firmId: admin.firmId, clientId: client.id }, ["USD"]);
  const id = {} as Record<AccountKey, string>;
  for (const a of ACCOUNTS) id[a.key] = (await ledger.createAccount(ctx, admin, slug, a)).id;
  await journals.createSource(ctx, admin, slug, {
    type: "schedule",
    body: {
      kind: "depreciation",
      name: "Delivery van",
      cost: `${24_000 + i}.00`,
      salvage: "3000.00",
      lifeMonths: 60,
      method: "straight_line",
      convention: "full_month",
      inServiceMonth: "2026-01",
      accounts: { expense: id.depreciation, accumulated: id.accumulated },
    },
  });
  await journals.createSource(ctx, admin, slug, {
    type: "recurring",
    body: {
      name: "Utilities accrual",
      frequency: "monthly",
      day: "last",
      startMonth: "2026-01",
      autoReverse: true,
      lines: [
        { kind: "fixed", accountId: id.utilities, amount: `${400 + (i % 50)}.00` },
        { kind: "balancing", accountId: id.accrued },
      ],
    },
  });
  return slug;
}

async function measure(database: Database): Promise<object> {
  await migrate(database);
  const ctx: Ctx = {
    db: database.db,
    clock: fixedClock("2026-07-02T12:00:00Z"),
    jobs: new InProcessJobs(database.db),
  };
  const firm = await access.createFirm(ctx.db, { slug: "bench-month-end", name: "Bench" });
  const admin: Actor = {
    ...systemActor(firm.id),
    type: "user",
    id: crypto.randomUUID(),
    role: "partner_admin",
  };
  const asTenant = <T>(fn: () => Promise<T>) => runAsTenant({ firmId: firm.id, clientIds: "all" }, fn);
  const t0 = performance.now();
  const slugs: string[] = [];
  for (let i = 1; i <= CLIENTS; i++) slugs.push(await asTenant(() => setUpClient(ctx, admin, i)));
  const setUpSeconds = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  let posted = 0;
  let reversals = 0;
  for (const slug of slugs)
    await asTenant(async () => {
      await journals.generateMonth(ctx, admin, slug, MONTH);
      await journals.approveMonth(ctx, admin, slug, MONTH);
      const batch = await journals.postMonth(ctx, admin, slug, MONTH);
      posted += batch.items.filter((item) => item.run?.state === "posted").length;
      reversals += batch.items.filter((item) => item.run?.reversal_entry_id).length;
    });
  const batchSeconds = (performance.now() - t1) / 1000;
  if (posted !== 2 * CLIENTS || reversals !== CLIENTS)
    throw new Error(
      `posted ${posted} entries and ${reversals} reversals, expected ${2 * CLIENTS} and ${CLIENTS}`,
    );
  return {
    clients: CLIENTS,
    entriesPosted: posted,
    reversalsPosted: reversals,
    setUpSeconds: Number(setUpSeconds.toFixed(1)),
    batchSeconds: Number(batchSeconds.toFixed(1)),
    perClientMs: Number(((batchSeconds * 1000) / CLIENTS).toFixed(1)),
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
  if (postgres) result.postgres = { ...postgres, goalSeconds: 30 };
  return result;
}
