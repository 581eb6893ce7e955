// `npm run bench -- training-thread`: what a firm's retraining does to the server's responsiveness.
// 150,000 synthetic labelled lines (BENCH_TRAIN_LINES; 5 clients, 40 merchants) are trained once on
// the calling thread (as before issue 11) and once through runTrainingOffThread (a worker thread),
// while a 10 ms timer stands in for requests: its lateness is how long a request would have waited
// for the event loop. Prints the wall time and the timer's lateness (p50, p99, max) for each.
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { makeRng } from "../src/platform/rng.ts";
import {
  DEFAULT_OPTIONS,
  runTraining,
  runTrainingOffThread,
  type PostedLine,
  type TrainingInput,
} from "../src/modules/categorize/index.ts";

const LINES = Number(process.env.BENCH_TRAIN_LINES ?? 150_000);
const CATEGORIES = ["auto.fuel", "meals.business", "office.supplies", "utilities", "rent", "travel.air"];

function history(): { rows: PostedLine[]; table: Record<string, Record<string, string>> } {
  const rng = makeRng(3);
  const clients = ["c1", "c2", "c3", "c4", "c5"];
  const merchants = Array.from({ length: 40 }, (_, i) => ({
    name: `MERCHANT ${String.fromCharCode(65 + (i % 26))}${i} STORE`,
    category: CATEGORIES[i % CATEGORIES.length]!,
  }));
  const table = Object.fromEntries(
    clients.map((c) => [c, Object.fromEntries(CATEGORIES.map((k, i) => [`${6100 + i * 100}`, k]))]),
  );
  const rows: PostedLine[] = [];
  for (let i = 0; i < LINES; i++) {
    const m = merchants[Math.floor(rng() * merchants.length)]!;
    const clientId = clients[i % clients.length]!;
    rows.push({
      id: `l${i}`,
      clientId,
      date: new Date(Date.UTC(2022, 0, 1 + Math.floor((i / LINES) * 1000))).toISOString().slice(0, 10),
      description: `POS DEBIT ${m.name} #${1000 + Math.floor(rng() * 9000)}`,
      amount: -BigInt(500 + Math.floor(rng() * 20_000)),
      coding: { account: `${6100 + CATEGORIES.indexOf(m.category) * 100}` },
    });
  }
  return { rows, table };
}

/** Runs `work` while a 10 ms timer ticks; returns the wall time and the timer's lateness. */
async function whileTicking(work: () => Promise<unknown>): Promise<object> {
  const lateness: number[] = [];
  let expected = performance.now() + 10;
  const timer = setInterval(() => {
    const now = performance.now();
    lateness.push(Math.max(0, now - expected));
    expected = now + 10;
  }, 10);
  const started = performance.now();
  await work();
  const seconds = (performance.now() - started) / 1000;
  // One more tick: after a synchronous call it is the one that waited for the call's whole length.
  await new Promise((r) => setTimeout(r, 15));
  clearInterval(timer);
  lateness.sort((a, b) => a - b);
  const at = (p: number) =>
    Number((lateness[Math.min(lateness.length - 1, Math.floor(p * lateness.length))] ?? 0).toFixed(1));
  return {
    seconds: Number(seconds.toFixed(2)),
    ticks: lateness.length,
    latenessMs: { p50: at(0.5), p99: at(0.99), max: at(1) },
  };
}

export async function run(): Promise<object> {
  const { rows, table } = history();
  const input: TrainingInput = {
    kind: "firm",
    rows,
    table,
    options: DEFAULT_OPTIONS,
    now: "2025-01-01T00:00:00.000Z",
  };
  const loadAverage = os.loadavg().map((x) => Number(x.toFixed(2)));
  // The timer cannot tick during a synchronous call: one late tick of the call's whole length.
  const onThisThread = await whileTicking(async () => {
    await new Promise((r) => setTimeout(r, 20));
    runTraining(input);
  });
  const onWorkerThread = await whileTicking(() => runTrainingOffThread(input, 0));
  return { lines: rows.length, loadAverage, onThisThread, onWorkerThread };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${JSON.stringify(await run(), null, 2)}\n`);
}
