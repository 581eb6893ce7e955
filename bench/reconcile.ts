// `npm run bench -- reconcile`: Auto Bank Rec's matching engine on 50,000 statement lines against
// about 50,000 ledger lines (seeded synthetic books: 2% of events disturbed — dates up to 5
// business days off, bank text reworded, lines missing on either side, equal amounts on nearby
// days — and 1% split or merged), scored against the generator's truth. Pure CPU: no database.
// BENCH_RECONCILE_LINES changes the size, BENCH_RECONCILE_SEED the books,
// BENCH_RECONCILE_FROM_BANK the share of ledger lines posted from a bank line (default 0: the
// hard case, a ledger kept by hand or imported, where only amounts, dates and words can tell).
import { evaluateMatches, matchStatement, syntheticBooks } from "../src/modules/reconcile/matching/index.ts";

const LINES = Number(process.env.BENCH_RECONCILE_LINES ?? 50_000);
const SEED = Number(process.env.BENCH_RECONCILE_SEED ?? 20261207);
const FROM_BANK = Number(process.env.BENCH_RECONCILE_FROM_BANK ?? 0);
const RUNS = 5;

const mib = (bytes: number) => Math.round(bytes / 1024 / 1024);

export async function run(): Promise<object> {
  const books = syntheticBooks({ seed: SEED, lines: LINES, postedFromBank: FROM_BANK });
  global.gc?.();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  // Sample memory while the (synchronous) match runs is impossible from this thread; sample right
  // after each run instead, before anything is collected: the result and the engine's working set
  // are still reachable or not yet swept.
  const times: number[] = [];
  let result = matchStatement(books.statement, books.ledger); // warm-up: JIT, caches
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    result = matchStatement(books.statement, books.ledger);
    times.push(performance.now() - t0);
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }
  times.sort((a, b) => a - b);
  const quality = evaluateMatches(result, books);
  const byKind: Record<string, { confident: number; possible: number }> = {};
  for (const m of result.matches) {
    const k = (byKind[m.kind] ??= { confident: 0, possible: 0 });
    k[m.class]++;
  }
  return {
    statementLines: books.statement.lines.length,
    ledgerLines: books.ledger.length,
    period: { from: books.statement.from, to: books.statement.to },
    seed: SEED,
    postedFromBankShare: FROM_BANK,
    seconds: {
      median: Number((times[RUNS >> 1]! / 1000).toFixed(3)),
      fastest: Number((times[0]! / 1000).toFixed(3)),
    },
    memoryMiB: {
      rssBefore: mib(before.rss),
      peakRss: mib(peakRss),
      heapBefore: mib(before.heapUsed),
      peakHeap: mib(peakHeap),
    },
    matches: byKind,
    unmatched: { statement: result.unmatched.statement.length, ledger: result.unmatched.ledger.length },
    quality: {
      ...quality,
      confidentShare: Number(quality.confidentShare.toFixed(4)),
      leftToPersonShare: Number(quality.leftToPersonShare.toFixed(4)),
    },
    goals: {
      seconds: "≤ 2",
      confidentShare: "≥ 0.95",
      falseConfident: 0,
      leftToPersonShare: "≤ 0.02",
    },
  };
}
