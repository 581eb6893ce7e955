// Categorizer benchmark: training time on 150,000 labelled lines, prediction throughput on one
// core, and memory. Lines come from the public Birmingham purchase-card file, repeated year by
// year (dates shifted, amounts nudged) to reach 150k. Prints one JSON object.
// Run alone: npx tsx bench/categorize.ts
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { parse } from "csv-parse/sync";
import {
  encodeModel,
  predict,
  SHARED_CHART,
  train,
  type PostedLine,
} from "../src/modules/categorize/engine/index.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DATA = resolve(ROOT, "../shared/data/categorization/birmingham_cc_purchase_cards_2013-2015.csv.gz");
const TRAIN_LINES = 150_000;
const PREDICT_LINES = 20_000;

function loadLines(): PostedLine[] {
  const records = parse(gunzipSync(readFileSync(DATA)), { columns: true }) as Record<string, string>[];
  const base = records
    .filter((r) => r.gl_description && r.trans_date)
    .map((r, i) => ({
      id: String(i),
      clientId: r.cost_centre_code ?? "",
      date: r.trans_date!,
      description: r.merchant_name ?? "",
      amount: BigInt(Math.round(Number(r.original_gross_amount) * 100)),
      coding: { account: r.gl_description! },
    }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  // Repeat the year with dates one year later each time and amounts nudged by up to ±5%, so the
  // history looks like several years of the same organisation rather than exact duplicates.
  const lines: PostedLine[] = [];
  for (let copy = 0; lines.length < TRAIN_LINES + PREDICT_LINES; copy++) {
    for (const line of base) {
      const year = Number(line.date.slice(0, 4)) + copy;
      const nudge = BigInt(((Number(line.id) * 7919 + copy * 104729) % 11) - 5);
      lines.push({
        ...line,
        id: `${copy}-${line.id}`,
        date: `${year}${line.date.slice(4)}`,
        amount: line.amount + (line.amount * nudge) / 100n,
      });
    }
  }
  return lines
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .slice(0, TRAIN_LINES + PREDICT_LINES);
}

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

export async function run(): Promise<object> {
  const lines = loadLines();
  const history = lines.slice(0, TRAIN_LINES);
  const upcoming = lines.slice(TRAIN_LINES);

  if (global.gc) global.gc();
  const heapBefore = process.memoryUsage().heapUsed;
  let peakRss = process.memoryUsage().rss;
  const sample = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  sample.unref();

  const wallStart = performance.now();
  const cpuStart = process.cpuUsage();
  const model = train(history, { mapping: SHARED_CHART, now: new Date().toISOString() });
  const trainWall = (performance.now() - wallStart) / 1000;
  const trainCpu = cpuSeconds(cpuStart);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const heapAfterTrain = process.memoryUsage().heapUsed;

  const context = { mapping: SHARED_CHART };
  // Warm up the JIT and the normalization cache on a slice that is not timed.
  for (const line of upcoming.slice(0, 2000)) predict(model, line, context);
  const timed = upcoming.slice(0, PREDICT_LINES);
  const measure = (brief: boolean) => {
    const wall = performance.now();
    const cpu = process.cpuUsage();
    for (const line of timed) predict(model, line, { ...context, brief });
    return { wall: timed.length / ((performance.now() - wall) / 1000), cpu: timed.length / cpuSeconds(cpu) };
  };
  const full = measure(false);
  const brief = measure(true);
  clearInterval(sample);
  const saved = encodeModel(model).length;

  return {
    machine: {
      node: process.version,
      platform: process.platform,
      arch: process.arch,
      loadavg: (await import("node:os")).loadavg().map((x) => Math.round(x * 100) / 100),
    },
    train_lines: history.length,
    clients: new Set(history.map((l) => l.clientId)).size,
    client_models: Object.keys(model.clientModels).length,
    train_seconds_wall: Math.round(trainWall * 100) / 100,
    train_seconds_cpu: Math.round(trainCpu * 100) / 100,
    predictions_per_second_wall: Math.round(full.wall),
    predictions_per_second_cpu: Math.round(full.cpu),
    predictions_per_second_no_explanation_cpu: Math.round(brief.cpu),
    predicted_lines: timed.length,
    peak_rss_mb: mb(peakRss),
    heap_used_mb_after_train: mb(heapAfterTrain),
    heap_growth_mb: mb(heapAfterTrain - heapBefore),
    saved_model_mb: mb(saved),
    held_out: model.heldOut,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${JSON.stringify(await run(), null, 2)}\n`);
}
