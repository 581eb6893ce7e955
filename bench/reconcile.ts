// `npm run bench -- reconcile`: Auto Bank Rec's matching engine on 50,000 statement lines against
// about 50,000 ledger lines (seeded synthetic books over nine months, ~200 lines a day: 2% of
// events disturbed — dates up to 5 business days off, bank text reworded, lines missing on either
// side, equal amounts on nearby days — and 1% split or merged), scored against the generator's
// truth. Pure CPU, one thread, no database. BENCH_RECONCILE_LINES changes the size,
// BENCH_RECONCILE_SEED the books, BENCH_RECONCILE_FROM_BANK the share of ledger lines posted from a
// bank line (default 0: the hard case, a ledger kept by hand or imported, where only amounts,
// dates and words can tell).
import { loadavg } from "node:os";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { evaluateMatches, matchStatement, syntheticBooks } from "../src/modules/reconcile/matching/index.ts";

const LINES = Number(process.env.BENCH_RECONCILE_LINES ?? 50_000);
const SEED = Number(process.env.BENCH_RECONCILE_SEED ?? 20261207);
const FROM_BANK = Number(process.env.BENCH_RECONCILE_FROM_BANK ?? 0);
const RUNS = 7;

const mib = (bytes: number) => Math.round(bytes / 1024 / 1024);
// A full collection on demand, so "retained" means reachable, not merely not yet swept.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

export async function run(): Promise<object> {
  const books = syntheticBooks({ seed: SEED, lines: LINES, postedFromBank: FROM_BANK });
  gc();
  const heapBooks = process.memoryUsage().heapUsed;
  const rssBefore = process.resourceUsage().maxRSS * 1024;
  let result = matchStatement(books.statement, books.ledger); // warm-up: JIT, caches
  const wall: number[] = [];
  const cpu: number[] = [];
  let heapHighWater = 0;
  for (let i = 0; i < RUNS; i++) {
    gc();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    result = matchStatement(books.statement, books.ledger);
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    // Before any collection: everything the run allocated that is not yet swept (an upper bound).
    heapHighWater = Math.max(heapHighWater, process.memoryUsage().heapUsed - heapBooks);
  }
  gc();
  const heapResult = process.memoryUsage().heapUsed - heapBooks;
  const peakRss = process.resourceUsage().maxRSS * 1024;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
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
      wallMedian: Number((median(wall) / 1000).toFixed(3)),
      wallFastest: Number((Math.min(...wall) / 1000).toFixed(3)),
      cpuMedian: Number((median(cpu) / 1000).toFixed(3)),
    },
    loadAverage: loadavg().map((x) => Number(x.toFixed(1))),
    memoryMiB: {
      peakRssWithBooks: mib(peakRss),
      peakRssBeforeMatching: mib(rssBefore),
      heapOfBooks: mib(heapBooks),
      heapAllocatedByARunAtMost: mib(heapHighWater),
      heapOfTheResult: mib(heapResult),
    },
    matches: byKind,
    unmatched: { statement: result.unmatched.statement.length, ledger: result.unmatched.ledger.length },
    quality: {
      ...quality,
      // The goal's figure: a swap of two ledger lines identical in date, amount and payee clears the
      // same lines and nobody can tell which pairing is "true" (see evaluate.ts).
      falseConfidentBeyondIdenticalSwaps: quality.falseConfident - quality.identicalSwaps,
      confidentShare: Number(quality.confidentShare.toFixed(4)),
      leftToPersonShare: Number(quality.leftToPersonShare.toFixed(4)),
    },
    goals: { seconds: "≤ 2", confidentShare: "≥ 0.95", falseConfident: 0, leftToPersonShare: "≤ 0.02" },
  };
}
