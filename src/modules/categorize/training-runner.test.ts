// A training on a worker thread gives the very model the same training gives on this thread, and a
// refusal in the worker comes back as the same AppError (kind, code, field).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { AppError } from "../../platform/errors.ts";
import { makeRng } from "../../platform/rng.ts";
import { DEFAULT_OPTIONS } from "./engine/state.ts";
import type { PostedLine } from "./engine/types.ts";
import { runTraining, runTrainingOffThread, type TrainingInput } from "./training-runner.ts";

const table = {
  alpha: { "6100": "auto.fuel", "6200": "meals.business", "6300": "office.supplies" },
  beta: { Gas: "auto.fuel", Food: "meals.business", Supplies: "office.supplies" },
};
const merchants: Array<[string, string, string]> = [
  ["SHELL OIL", "6100", "Gas"],
  ["CHEVRON", "6100", "Gas"],
  ["STARBUCKS", "6200", "Food"],
  ["CHIPOTLE", "6200", "Food"],
  ["STAPLES", "6300", "Supplies"],
];

function history(): PostedLine[] {
  const rng = makeRng(11);
  const lines: PostedLine[] = [];
  for (const clientId of ["alpha", "beta"]) {
    for (let i = 0; i < 300; i++) {
      const [name, a, b] = merchants[Math.floor(rng() * merchants.length)]!;
      lines.push({
        id: `${clientId}-${i}`,
        clientId,
        date: new Date(Date.UTC(2024, 0, 1 + Math.floor(i / 2))).toISOString().slice(0, 10),
        description: `POS DEBIT ${name} #${1000 + Math.floor(rng() * 9000)}`,
        amount: -BigInt(500 + Math.floor(rng() * 5000)),
        coding: { account: clientId === "alpha" ? a : b },
      });
    }
  }
  return lines.sort((x, y) => x.date.localeCompare(y.date));
}

const firmInput = (): Extract<TrainingInput, { kind: "firm" }> => ({
  kind: "firm",
  rows: history(),
  table,
  options: DEFAULT_OPTIONS,
  now: "2024-07-01T00:00:00.000Z",
  previous: runTraining({
    kind: "firm",
    rows: history().slice(0, 200),
    table,
    options: DEFAULT_OPTIONS,
    now: "2024-06-01T00:00:00.000Z",
  }),
});

describe("a training on a worker thread", () => {
  it("gives the same firm model, client models, memory and calibration as on this thread", async () => {
    const input = firmInput();
    const here = runTraining(input);
    const there = await runTrainingOffThread(input, 0);
    expect(there).toEqual(here);
    expect(Object.keys(there.clientModels).sort()).toEqual(["alpha", "beta"]);
    expect(there.version).toBe(input.previous!.version + 1);
  }, 60_000);

  it("gives the same retrained client model", async () => {
    const model = runTraining(firmInput());
    const input: TrainingInput = { kind: "client", model, clientId: "alpha", rows: history(), revision: "7" };
    const here = runTraining(structuredClone(input));
    const there = await runTrainingOffThread(input, 0);
    expect(there.clientModels.alpha).toEqual(here.clientModels.alpha);
    expect(there.clientModels.alpha!.version).toMatch(/\.7$/);
  }, 60_000);

  it("brings a refusal back as the same AppError", async () => {
    const input = { ...firmInput(), table: { alpha: { "6100": "no.such.category" } } };
    const failure = await runTrainingOffThread(input, 0).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ kind: "validation", code: "categorize/unknown-category" });
    expect((failure as AppError).field).toBe("mapping.alpha.6100");
  }, 60_000);

  it("stays on this thread below the threshold (no worker for a small training)", async () => {
    const input = { ...firmInput(), table: { alpha: { "6100": "no.such.category" } } };
    // Thrown synchronously inside the async function: a worker's refusal would come after a tick.
    const failure = await runTrainingOffThread(input, 1_000_000).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppError);
  });
});

describe("the compiled CLI", () => {
  it("trains on its own worker thread (dist/cli/train-worker.js, found next to its chunks)", async () => {
    const root = fileURLToPath(new URL("../../../", import.meta.url));
    // @ts-expect-error the build script is plain JavaScript without types
    const build = (await import("../../../scripts/build-cli.mjs")) as {
      ensureCliBuilt(o: { quiet: boolean }): Promise<boolean>;
    };
    await build.ensureCliBuilt({ quiet: true });
    const dist = path.join(root, "dist", "cli");
    expect(fs.existsSync(path.join(dist, "train-worker.js"))).toBe(true);
    const chunk = fs
      .readdirSync(dist)
      .find(
        (f) =>
          f.endsWith(".js") &&
          fs.readFileSync(path.join(dist, f), "utf8").includes("function runTrainingOffThread"),
      );
    expect(chunk).toBeDefined();
    const input = firmInput();
    const script = `
      const m = await import(${JSON.stringify(path.join(dist, chunk!))});
      const run = Object.values(m).find((f) => f.name === "runTrainingOffThread");
      let text = "";
      for await (const part of process.stdin) text += part;
      const input = JSON.parse(text, (k, v) => (typeof v === "string" && /^-?\\d+n$/.test(v) ? BigInt(v.slice(0, -1)) : v));
      const model = await run(input, 0);
      process.stdout.write(JSON.stringify({ version: model.version, clients: Object.keys(model.clientModels).sort() }));`;
    const json = JSON.stringify({ ...input, previous: undefined }, (_, v: unknown) =>
      typeof v === "bigint" ? `${v}n` : v,
    );
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cb-train-worker-")), "check.mjs");
    fs.writeFileSync(file, script);
    const child = spawnSync(process.execPath, [file], {
      cwd: root,
      input: json,
      encoding: "utf8",
      timeout: 120_000,
    });
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    expect(child.stderr).toBe("");
    expect(JSON.parse(child.stdout)).toEqual({ version: 1, clients: ["alpha", "beta"] });
  }, 180_000);
});
