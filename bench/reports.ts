// `npm run bench -- reports`: the 12-month profit and loss by month and the balance sheet at each
// month end over a client with 1,000,000 journal lines (a year of two-line entries on the default
// chart, one in 200 a euro amount with its cost in dollars), on PostgreSQL (a throwaway database
// of the DATABASE_URL server) and on the embedded PGlite. BENCH_REPORT_LINES changes the size;
// BENCH_REPORTS_PGLITE=0 skips PGlite (its import of a million lines takes minutes). Also the XLSX
// and PDF files of the 12-month profit and loss (rendering only, the statement computed once), and
// the monthly report package of December made whole (statements, PDF, XLSX, stored version).
// Three sales or expenses in four carry one of four classes, one in two one of three departments,
// so the P&L by class and by department have real columns.
import { onThrowawayPostgres } from "./throwaway-postgres.ts";
import { inTransaction, openDatabase, type Database } from "../src/platform/db.ts";
import { migrate } from "../src/platform/migrate.ts";
import { fixedClock } from "../src/platform/clock.ts";
import { InProcessJobs } from "../src/platform/jobs.ts";
import { systemActor } from "../src/platform/actor.ts";
import { makeRng } from "../src/platform/rng.ts";
import type { Ctx } from "../src/platform/context.ts";
import * as access from "../src/modules/access/index.ts";
import * as ledger from "../src/modules/ledger/index.ts";
import * as reports from "../src/modules/reports/index.ts";

const LINES = Number(process.env.BENCH_REPORT_LINES ?? 1_000_000);
const BATCH = 20_000;
const RUNS = 7;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function timed(fn: () => Promise<unknown>): Promise<{ medianMs: number; minMs: number }> {
  await fn(); // warm: plans cached, pages in memory
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return { medianMs: Number(median(times).toFixed(1)), minMs: Number(Math.min(...times).toFixed(1)) };
}

/** A year of entries: sales into the bank or receivables, expenses from the bank or the card. */
async function build(ctx: Ctx): Promise<{ actor: ReturnType<typeof systemActor>; importSeconds: number }> {
  const firm = await access.createFirm(ctx.db, { slug: "bench-reports", name: "Bench" });
  const actor = systemActor(firm.id);
  const client = await access.createClient(ctx.db, actor, { slug: "bench", name: "Bench" });
  await ledger.applyChartTemplate(ctx, actor, "bench");
  const s = { firmId: firm.id, clientId: client.id };
  await ledger.ensureCurrencies(ctx.db, s, ["EUR"]);
  const conversion = await ledger.createAccount(ctx, actor, "bench", {
    name: "Currency conversion",
    type: "equity",
    detailType: "conversion",
  });
  const accounts = await ledger.listAccounts(ctx, actor, "bench");
  const by = (n: string) => accounts.find((a) => a.number === n)!.id;
  const income = ["4000", "4100", "4300", "7000"].map(by);
  const expense = [
    "5000",
    "6000",
    "6050",
    "6250",
    "6400",
    "6500",
    "6600",
    "6700",
    "6750",
    "6910",
    "8100",
  ].map(by);
  const money = { bank: by("1010"), savings: by("1020"), ar: by("1100"), card: by("2100") };
  const dims = async (kind: "class" | "department", names: string[]) =>
    Promise.all(
      names.map(async (name) => (await ledger.createDimension(ctx, actor, "bench", { kind, name })).id),
    );
  const classes = await dims("class", ["Retail", "Wholesale", "Online", "Services"]);
  const departments = await dims("department", ["North", "South", "Head office"]);
  const rng = makeRng(12);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rng() * list.length)]!;
  const started = performance.now();
  const entries = LINES / 2;
  for (let done = 0; done < entries; done += BATCH) {
    const list: ledger.EntryInput[] = [];
    for (let i = done; i < Math.min(entries, done + BATCH); i++) {
      const month = 1 + Math.floor((i / entries) * 12);
      const date = `2026-${String(month).padStart(2, "0")}-${String(1 + Math.floor(rng() * 28)).padStart(2, "0")}`;
      const amount = BigInt(100 + Math.floor(rng() * 500_000));
      if (i % 200 === 0) {
        // A euro deposit bought with dollars at a recorded cost, each currency balanced by the
        // conversion lines a journal import generates.
        const cost = (amount * 11n) / 10n;
        list.push({
          date,
          description: "EUR transfer",
          lines: [
            { accountId: money.savings, amount, currency: "EUR", cost: { amount: cost, currency: "USD" } },
            { accountId: money.bank, amount: -cost, currency: "USD" },
            { accountId: conversion.id, amount: -amount, currency: "EUR", isConversion: true },
            { accountId: conversion.id, amount: cost, currency: "USD", isConversion: true },
          ],
        });
        continue;
      }
      const sale = rng() < 0.4;
      const [debit, credit] = sale
        ? [rng() < 0.5 ? money.bank : money.ar, pick(income)]
        : [pick(expense), rng() < 0.7 ? money.bank : money.card];
      const tags = {
        classId: rng() < 0.75 ? pick(classes) : null,
        departmentId: rng() < 0.5 ? pick(departments) : null,
      };
      list.push({
        date,
        description: sale ? "Sale" : "Expense",
        lines: [
          { accountId: debit, amount, currency: "USD", ...tags },
          { accountId: credit, amount: -amount, currency: "USD", ...tags },
        ],
      });
    }
    await inTransaction(ctx.db, (tx) => ledger.postEntries(tx, actor, s, list, "bench"));
  }
  return { actor, importSeconds: Number(((performance.now() - started) / 1000).toFixed(1)) };
}

async function measure(database: Database): Promise<object> {
  await migrate(database);
  const ctx: Ctx = {
    db: database.db,
    clock: fixedClock("2027-01-15T12:00:00Z"),
    jobs: new InProcessJobs(database.db),
  };
  const { actor, importSeconds } = await build(ctx);
  const pl = await reports.profitAndLoss(ctx, actor, "bench", {
    from: "2026-01-01",
    to: "2026-12-31",
    by: "month",
  });
  const bs = await reports.balanceSheetReport(ctx, actor, "bench", {
    asOf: "2026-12-31",
    by: "month",
    from: "2026-01-01",
  });
  const balanced = bs.statement.totals.assets.every(
    (a, i) => a === bs.statement.totals.liabilities[i]! + bs.statement.totals.equity[i]!,
  );
  return {
    lines: LINES,
    importSeconds,
    profitLossByMonth: {
      ...(await timed(() =>
        reports.profitAndLoss(ctx, actor, "bench", { from: "2026-01-01", to: "2026-12-31", by: "month" }),
      )),
      columns: pl.columns.length,
    },
    profitLossByMonthJson: await timed(async () =>
      reports.profitLossJson(
        await reports.profitAndLoss(ctx, actor, "bench", {
          from: "2026-01-01",
          to: "2026-12-31",
          by: "month",
        }),
      ),
    ),
    balanceSheetByMonth: {
      ...(await timed(() =>
        reports.balanceSheetReport(ctx, actor, "bench", {
          asOf: "2026-12-31",
          by: "month",
          from: "2026-01-01",
        }),
      )),
      columns: bs.columns.length,
      balanced,
    },
    // The files of the 12-month P&L already computed: the rendering alone (issue 12: XLSX ≤ 2 s, the
    // year's package PDF ≤ 5 s; this is one statement of that package).
    profitLossByMonthXlsx: await timed(() =>
      reports.exportStatement(ctx, actor, { kind: "profit-loss", report: pl }, "xlsx"),
    ),
    profitLossByMonthPdf: await timed(() =>
      reports.exportStatement(ctx, actor, { kind: "profit-loss", report: pl }, "pdf"),
    ),
    // The whole package, as its job makes it: balance sheet, month and YTD P&L, cash flows, the
    // twelve months by month, rounding, PDF and XLSX, stored as a new version (issue 12: PDF ≤ 5 s).
    monthlyPackage: await timed(async () => {
      const client = await access.requireClient(ctx.db, actor, "bench");
      const asked = await reports.requestPackage(ctx, actor, "bench", { month: "2026-12" }, { queue: false });
      await reports.runPackageJob(ctx, { firmId: actor.firmId, clientId: client.id, packageId: asked.id });
      const made = await reports.getPackage(ctx, actor, "bench", asked.id);
      if (made.status !== "done") throw new Error(`package ${made.status}: ${made.error}`);
    }),
    cashFlowByMonth: await timed(() =>
      reports.cashFlowReport(ctx, actor, "bench", { from: "2026-01-01", to: "2026-12-31", by: "month" }),
    ),
    profitLossMidMonthRange: await timed(() =>
      reports.profitAndLoss(ctx, actor, "bench", { from: "2026-01-15", to: "2026-12-15", by: "month" }),
    ),
    profitLossByClass: await timed(() =>
      reports.profitAndLoss(ctx, actor, "bench", { from: "2026-01-01", to: "2026-12-31", by: "class" }),
    ),
    profitLossByDepartment: await timed(() =>
      reports.profitAndLoss(ctx, actor, "bench", { from: "2026-01-01", to: "2026-12-31", by: "department" }),
    ),
    profitLossByClassMidMonthRange: await timed(() =>
      reports.profitAndLoss(ctx, actor, "bench", { from: "2026-01-15", to: "2026-12-15", by: "class" }),
    ),
  };
}

export async function run(): Promise<object> {
  const postgres = await onThrowawayPostgres(measure);
  let pglite: object | null = null;
  if (process.env.BENCH_REPORTS_PGLITE !== "0") {
    const database = await openDatabase({ dataDir: "memory://" });
    try {
      pglite = await measure(database);
    } finally {
      await database.close();
    }
  }
  return { postgres: postgres ?? null, pglite };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(`${JSON.stringify(await run(), null, 2)}\n`);
}
