// Where a training runs. The engine's train() and retrainClient() are one synchronous CPU loop
// (~14 s for a firm's 150,000 lines), and a server doing that on its own thread answers no request
// meanwhile — on the embedded database not even a trial balance. So a training of many lines runs
// on a worker thread; a small one (a fresh client, a test) runs here, where starting a worker would
// cost more than the training.
import { runInWorker } from "../../platform/worker.ts";
import type { CategorizerModel } from "./engine/state.ts";
import { mappingFromTable, type MappingTable } from "./engine/taxonomy.ts";
import { retrainClient, train } from "./engine/train.ts";
import type { PostedLine } from "./engine/types.ts";

/** From this many labelled lines on, a training runs on a worker thread. */
export const WORKER_MIN_LINES = 5_000;

/** A training's input: plain data, so that it can cross to a worker thread. */
export type TrainingInput =
  | {
      kind: "firm";
      rows: PostedLine[];
      table: MappingTable;
      options: CategorizerModel["options"];
      now: string;
      /** The model being replaced (versions continue from it); none for a first training. */
      previous?: CategorizerModel | undefined;
    }
  | { kind: "client"; model: CategorizerModel; clientId: string; rows: PostedLine[]; revision: string };

/** Runs a training on this thread (the worker's body, and the path for small trainings). */
export function runTraining(input: TrainingInput): CategorizerModel {
  if (input.kind === "client") return retrainClient(input.model, input.clientId, input.rows, input.revision);
  return train(input.rows, {
    mapping: mappingFromTable(input.table),
    options: input.options,
    now: input.now,
    previous: input.previous,
  });
}

/** Runs a training on a worker thread when it has `minLines` lines or more, else on this one. */
export async function runTrainingOffThread(
  input: TrainingInput,
  minLines = WORKER_MIN_LINES,
): Promise<CategorizerModel> {
  if (input.rows.length < minLines) return runTraining(input);
  return runInWorker<TrainingInput, CategorizerModel>(
    { name: "train-worker", source: new URL("./train-worker.ts", import.meta.url) },
    input,
  );
}
